"""The printed editions a build produced, for the site to link."""

from __future__ import annotations

from dataclasses import dataclass

from generator.words import DEFAULT, language, say


@dataclass(frozen=True, slots=True)
class Download:
    """One file of a printed document."""

    document: str
    """The document's ID from publication.yml."""
    title: str
    format: str
    """``PDF``, ``DOCX`` or ``EPUB``."""
    filename: str
    """The file name inside the site's ``downloads/`` folder; it carries the version."""
    size: int
    """Bytes."""

    @property
    def href(self) -> str:
        """The address of the file relative to the site root."""
        return f"downloads/{self.filename}"

    @property
    def size_text(self) -> str:
        """The size as a reader expects it, e.g. '1.2 MB' or '640 KB'."""
        if self.size >= 1024 * 1024:
            return say("{size} MB", size=_one_decimal(self.size / (1024 * 1024)))
        return say("{size} KB", size=max(1, round(self.size / 1024)))


def _one_decimal(value: float) -> str:
    """A number with one decimal, as the current language writes it: '1.2', '1,2'."""
    if language() == DEFAULT:
        return f"{value:.1f}"
    from babel import UnknownLocaleError
    from babel.numbers import format_decimal

    try:
        return str(format_decimal(round(value, 1), format="0.0", locale=language().replace("-", "_")))
    except (ValueError, LookupError, UnknownLocaleError):
        return f"{value:.1f}"
