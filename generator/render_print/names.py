"""Names of the printed documents: their files (a slug of the document and the version) and their titles."""

from __future__ import annotations

import re
import unicodedata

from generator.model import Document, Edition, Settings


def slug(text: str) -> str:
    """Lower-case ASCII letters, digits and hyphens: 'NMSS 2027–2031' → 'nmss-2027-2031'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def file_stem(settings: Settings, document: Document, edition: Edition | None = None) -> str:
    """The name of a document's files without the extension, e.g. 'nmss-strategy-1.0.0'.

    It joins the publication's short title, the document ID (left out when the short
    title already says it), the edition (left out for the public edition, the lowest, or
    the only one), the language (left out for the one the content is written in) and the
    version, so files from different publications, documents, editions, languages and
    versions never overwrite each other in a downloads folder.
    """
    parts = [slug(settings.short_title), slug(document.id)]
    if parts[0] == parts[1] or not parts[0]:
        parts = [parts[1] or parts[0]]
    if edition is not None and _names_edition(settings, edition):
        parts.append(slug(edition.id))
    if settings.language != settings.source_language:
        parts.append(slug(settings.language))  # a copy in another language: 'nmss-strategy-fr-1.0.0'
    version = re.sub(r"[^A-Za-z0-9.]+", "-", settings.version).strip("-.") or "draft"
    return "-".join([*(p for p in parts if p), version])


def _names_edition(settings: Settings, edition: Edition) -> bool:
    if len(settings.editions) <= 1 or edition.id == "public":
        return False
    lowest = min(settings.editions, key=lambda e: settings.levels.index(e.level) if e.level in settings.levels else 0)
    return edition.id != lowest.id


def document_title(settings: Settings, document: Document, edition: Edition | None = None) -> str:
    """The title a document's files carry in their metadata, naming the edition and its level.

    'National Maritime Security Strategy 2027–2031 — Committee edition (OFFICIAL-SENSITIVE)':
    a reader who opens a file, or finds it by its title, sees which edition it is. A
    publication with one edition at its lowest level keeps the document's own title.
    """
    label = settings.edition_label(edition)
    return f"{document.title} — {label}" if label else document.title
