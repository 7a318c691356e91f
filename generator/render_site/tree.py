"""Write the site tree: every page as Markdown, the diagrams as SVG, and the settings MkDocs needs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml

from generator.downloads import Download
from generator.render_site.chapters import chapter_pages
from generator.render_site.data_page import data_page
from generator.render_site.entity_pages import entity_pages
from generator.render_site.indexes import index_pages
from generator.render_site.landing import landing_page
from generator.render_site.nav import OVERLAY_PATH, SOURCES_PATH, overlay
from generator.render_site.open_data import data_files
from generator.render_site.render import Renderer
from generator.resolve import Publication


def abbreviations(publication: Publication) -> str:
    """The Markdown ``abbr`` definitions of every acronym, appended to every page for its tooltips."""
    lines = []
    for acronym in publication.acronyms:
        meaning = " ".join(acronym.meaning.split())
        if meaning:
            lines.append(f"*[{acronym.id}]: {meaning}")
    return "\n" + "\n".join(lines) + "\n" if lines else ""


def write_tree(publication: Publication, tree_dir: Path, *, downloads: list[Download]) -> int:
    """Write the Markdown tree of the site into ``tree_dir``; returns the number of pages.

    Files already in ``tree_dir/downloads`` (the print editions) are left where they are.
    """
    site = Renderer.of(publication)
    data = data_files(publication, site.data_tables)
    site.files.update(data)
    pages = [landing_page(site, downloads), *chapter_pages(site), *index_pages(site), *entity_pages(site)]
    pages.append(data_page(site, data))
    abbr = abbreviations(publication)
    made: set[Path] = set()
    for page in pages:
        _write(tree_dir / page.src, page.text(abbr), made)
    for path, text in site.files.items():
        _write(tree_dir / path, text, made)
    for path, source in site.images.items():
        original = publication.content_root / source
        if original.is_file():  # the checker has reported a missing image already
            (tree_dir / path).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(original, tree_dir / path)
    settings = yaml.safe_dump(overlay(site), allow_unicode=True, sort_keys=False, width=1000)
    _write(tree_dir / OVERLAY_PATH, settings, made)
    sources = {page.src: page.source for page in pages if page.source}
    _write(tree_dir / SOURCES_PATH, json.dumps(sources, indent=0, ensure_ascii=False), made)
    return len(pages)


def _write(path: Path, text: str, made: set[Path]) -> None:
    folder = path.parent
    if folder not in made:
        folder.mkdir(parents=True, exist_ok=True)
        made.add(folder)
    path.write_text(text, encoding="utf-8")
