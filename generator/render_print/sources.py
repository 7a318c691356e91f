"""The files pandoc reads for one document: the assembled Markdown, its diagrams, the emblem."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from generator.model import Document
from generator.render_print.assemble import assemble
from generator.render_print.pages import PageSetup
from generator.resolve import Publication


@dataclass(frozen=True, slots=True)
class Sources:
    """Where one document's sources were written."""

    markdown: Path
    metadata: Path
    """The document's metadata for pandoc (JSON, which pandoc reads as YAML)."""
    emblem: str | None
    """The emblem's file name beside the Markdown, or None."""
    images: bool = False
    """Whether the chapters have images of their own."""
    cell_fills: dict[str, list[list[str | None]]] = field(default_factory=dict)
    """Tables whose cells the DOCX writer must fill afterwards: ID → fills (see ``Assembled``)."""


def write_sources(
    publication: Publication,
    document: Document,
    doc_dir: Path,
    *,
    stem: str,
    setup: PageSetup,
    language: str | None = None,
) -> Sources:
    """Assemble a document and write it, its diagrams and the emblem into a fresh ``doc_dir``."""
    if doc_dir.exists():
        shutil.rmtree(doc_dir)
    doc_dir.mkdir(parents=True)
    assembled = assemble(publication, document, setup=setup, language=language)
    markdown = doc_dir / f"{stem}.md"
    markdown.write_text(assembled.markdown, encoding="utf-8")
    metadata = doc_dir / f"{stem}.metadata.json"
    metadata.write_text(json.dumps(assembled.metadata, ensure_ascii=False, indent=1), encoding="utf-8")
    for relative, svg in assembled.diagrams.items():
        path = doc_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(svg, encoding="utf-8")
    settings = publication.settings
    content_dir = publication.content_root
    for relative, source in assembled.images.items():
        original, target = content_dir / source, doc_dir / relative
        # The loader reports missing images and refuses links and paths out of the content
        # folder; print leaves them out too, and never writes outside the document's folder.
        if (
            _inside(original, content_dir)
            and not original.is_symlink()
            and original.is_file()
            and _inside(target, doc_dir)
        ):
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(original, target)
    emblem = _copy_emblem(settings.emblem, content_dir, doc_dir)
    return Sources(markdown, metadata, emblem, images=bool(assembled.images), cell_fills=assembled.cell_fills)


def _inside(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


def _copy_emblem(emblem: str | None, content_dir: Path, doc_dir: Path) -> str | None:
    """Copy the publication's emblem beside the Typst source; its name there, or None."""
    if not emblem:
        return None
    candidate = content_dir / emblem
    if candidate.is_file() and candidate.suffix.lower() in {".svg", ".png", ".jpg", ".jpeg"}:
        target = doc_dir / f"emblem{candidate.suffix.lower()}"
        shutil.copyfile(candidate, target)
        return target.name
    return None
