"""The leak check: after an edition is built, no byte of it may carry text above its level.

Every text that the edition left out (entities, fields, prose sections, views, chapters)
is looked for in every output file: HTML, the search index, the sitemap, JavaScript, SVG,
the PDF's text, the DOCX's XML and the EPUB's pages. A text that the edition also shows
in its own right (a word both a public and a restricted paragraph use) is not a leak and
is not looked for.
"""

from __future__ import annotations

import gzip
import html
import io
import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path

from generator.diagnostics import Location
from generator.model import Chapter, Entity, Passage, View
from generator.resolve import Publication

MIN_LENGTH = 8
"""Shorter texts ('Navy', 'High') are too common to mean anything when found."""

_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")
_MARKDOWN = re.compile(r"[*_`#>|\[\]]+|\{classification=[^}]*\}")
_SENTENCE = re.compile(r"(?<=[.!?;:])\s+|\n\s*\n|\n[-*+] |\n\d+\. ")
TEXT_SUFFIXES = {
    ".html",
    ".htm",
    ".xml",
    ".js",
    ".json",
    ".txt",
    ".svg",
    ".css",
    ".md",
    ".xhtml",
    ".opf",
    ".ncx",
    ".typ",
}


@dataclass(frozen=True, slots=True)
class Secret:
    """A text the edition must not carry, and where it was written."""

    text: str
    origin: Location


@dataclass(frozen=True, slots=True)
class Leak:
    """A secret found in an output file."""

    path: str
    secret: Secret

    def format(self) -> str:
        """``output: carries restricted text '...' (written at file:line)``."""
        shown = self.secret.text if len(self.secret.text) <= 60 else self.secret.text[:57] + "..."
        return f"{self.path}: carries restricted text '{shown}' (written at {self.secret.origin})"


def normalise(text: str) -> str:
    """Text as compared: no markup, one space between words, case folded."""
    return _SPACE.sub(" ", _MARKDOWN.sub(" ", text)).strip().casefold()


def _pieces(text: str) -> Iterator[str]:
    """A long text in sentence-sized pieces, so markup added around part of it cannot hide it."""
    for piece in _SENTENCE.split(text):
        piece = normalise(piece).strip(" .,;:!?()'\"-–—")
        if len(piece) >= MIN_LENGTH and any(ch.isalpha() for ch in piece):
            yield piece


def _texts_of(value: object) -> Iterator[str]:
    """Every string inside a field value (lists, nested dataclasses)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts_of(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts_of(item)
    elif is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            yield from _texts_of(getattr(value, f.name))


_SKIP = {
    "id",
    "location",
    "field_positions",
    "chapter",
    "classification",
    "restricted",
    "narrative_line",
    "public_name",
    "public_summary",
    "public_group",
    "lead",
    "support",
    "threat",
    "objective",
    "risks",
    "committee",
    "parent",
    "chair",
    "secretariat",
    "members",
    "owner",
    "action",
    "status",
    "tier",
    "type",
    "trend",
    "treatment",
    "confidence",
    "level",
    "effectiveness",
    "withheld",
}
"""Fields that hold IDs, settings or public stand-ins rather than restricted words."""


def _entity_texts(entity: Entity, only: set[str] | None = None) -> Iterator[str]:
    for f in fields(entity):
        key = "title" if f.name == "title_text" else f.name
        if key in _SKIP or (only is not None and key not in only):
            continue
        yield from _texts_of(getattr(entity, f.name))


def secrets(whole: Publication, cut: Publication) -> list[Secret]:
    """Every piece of text in ``whole`` that ``cut`` leaves out and does not show elsewhere."""
    found: list[Secret] = []

    def add(texts: Iterator[str], origin: Location) -> None:
        for text in texts:
            found.extend(Secret(piece, origin) for piece in _pieces(text))

    for entity in whole.entities.values():
        kept = cut.entities.get(entity.id)
        if kept is None or getattr(kept, "withheld", False):
            add(_entity_texts(entity), entity.location)
        else:
            hidden = {key for key, level in entity.restricted.items() if level not in _allowed(cut)}
            if hidden:
                add(_entity_texts(entity, hidden), entity.location)
    kept_chapters = {c.path: c for c in cut.chapters}
    for chapter in whole.chapters:
        add(_chapter_texts(chapter, kept_chapters.get(chapter.path)), chapter.location)
    shown = _public_corpus(cut)
    unique: dict[str, Secret] = {}
    for secret in found:
        if secret.text not in shown:
            unique.setdefault(secret.text, secret)
    return list(unique.values())


def _allowed(cut: Publication) -> set[str]:
    levels = cut.settings.levels
    top = levels.index(cut.marking)
    return set(levels[: top + 1])


def _chapter_texts(chapter: Chapter, kept: Chapter | None) -> Iterator[str]:
    kept_lines = {s.line for s in kept.segments if isinstance(s, Passage)} if kept else set()
    kept_views = {id(s) for s in kept.segments if isinstance(s, View)} if kept else set()
    if kept is None:
        yield chapter.title
    for segment in chapter.segments:
        if isinstance(segment, Passage) and segment.line not in kept_lines:
            yield segment.text
        elif isinstance(segment, View) and id(segment) not in kept_views and segment.title:
            yield segment.title


def _public_corpus(cut: Publication) -> str:
    """All the text the edition shows, normalised, to tell a shared word from a leak."""
    parts = [normalise(t) for e in cut.entities.values() for t in _entity_texts(e)]
    parts += [normalise(e.public_name) for e in cut.entities.values()]
    for chapter in cut.chapters:
        parts.append(normalise(chapter.title))
        parts += [normalise(s.text) for s in chapter.segments if isinstance(s, Passage)]
        parts += [normalise(s.title) for s in chapter.segments if isinstance(s, View)]
    parts += [normalise(entity.narrative) for entity in cut.entities.values()]
    return "\n".join(parts)


def output_text(path: Path) -> str:
    """The readable text of an output file, normalised; '' for files that carry none."""
    suffix = path.suffix.lower()
    data = path.read_bytes()
    if suffix == ".gz":
        try:
            data = gzip.decompress(data)
        except OSError:
            return ""
        suffix = Path(path.stem).suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return _markup_text(data.decode("utf-8", "replace"))
    if suffix in (".docx", ".epub", ".zip"):
        return _zip_text(data)
    if suffix == ".pdf":
        return _pdf_text(data)
    return ""


def _markup_text(text: str) -> str:
    # Keep attribute values (alt text, titles) by scanning the raw text as well as the text between tags.
    return normalise(html.unescape(text)) + "\n" + normalise(html.unescape(_TAG.sub(" ", text)))


def _zip_text(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "\n".join(
                _markup_text(archive.read(name).decode("utf-8", "replace"))
                for name in archive.namelist()
                if Path(name).suffix.lower() in TEXT_SUFFIXES | {".rels"}
            )
    except zipfile.BadZipFile:
        return ""


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    text = _pdftotext(data)
    if text is None:  # poppler is not installed: pypdf reads it too, only slower
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    text = re.sub(r"-\n(?=\w)", "", text)  # words hyphenated across lines
    info = " ".join(str(v) for v in (reader.metadata or {}).values())
    return normalise(text + "\n" + info)


def _pdftotext(data: bytes) -> str | None:
    """The PDF's text from poppler's pdftotext when it is installed (ten times faster than pypdf)."""
    if shutil.which("pdftotext") is None:
        return None
    try:
        result = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, timeout=120, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.decode("utf-8", "replace") if result.returncode == 0 else None


def find_leaks(output_dir: Path, hidden: list[Secret]) -> list[Leak]:
    """Every secret found in any file below ``output_dir``."""
    if not hidden:
        return []
    leaks = []
    for path in sorted(p for p in output_dir.rglob("*") if p.is_file()):
        text = output_text(path)
        if not text:
            continue
        for secret in hidden:
            if secret.text in text:
                leaks.append(Leak(path.relative_to(output_dir).as_posix(), secret))
    return leaks
