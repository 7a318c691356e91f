"""Write the site tree: every page as Markdown, the diagrams as SVG, and the settings MkDocs needs.

The tree is first rendered in memory (:func:`render_tree`), in parts: the landing page, each
chapter's page, and everything else. A preview that keeps the parts can render one chapter's
page again when only its prose changed (:mod:`generator.render_site.incremental`).
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.downloads import Download
from generator.model import Chapter
from generator.render_site.accessibility import accessibility_page
from generator.render_site.chapters import chapter_page
from generator.render_site.data_page import data_page
from generator.render_site.entity_pages import entity_pages
from generator.render_site.indexes import index_pages
from generator.render_site.landing import landing_page
from generator.render_site.nav import OVERLAY_PATH, SOURCES_PATH, overlay
from generator.render_site.open_data import data_files
from generator.render_site.render import Page, Renderer
from generator.resolve import Publication


def abbreviations(publication: Publication) -> str:
    """The Markdown ``abbr`` definitions of every acronym, appended to every page for its tooltips."""
    lines = []
    for acronym in publication.acronyms:
        meaning = " ".join(acronym.meaning.split())
        if meaning:
            lines.append(f"*[{acronym.id}]: {meaning}")
    return "\n" + "\n".join(lines) + "\n" if lines else ""


@dataclass
class Part:
    """Pages rendered together, with the extra files and images their rendering asked for."""

    pages: list[Page] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)
    images: dict[str, str] = field(default_factory=dict)


@dataclass
class Tree:
    """The site tree in memory: its parts in page order, the open data files and the settings."""

    data: dict[str, str]
    parts: dict[str, Part]
    """``landing``, then ``chapter:<path>`` for each chapter, then ``rest`` (indexes, entities, data)."""
    abbreviations: str
    overlay: str

    @property
    def page_count(self) -> int:
        """The number of pages."""
        return sum(len(part.pages) for part in self.parts.values())

    def texts(self) -> dict[str, str]:
        """Every text file of the tree by its path below the tree, in the order they are written."""
        texts: dict[str, str] = {}
        sources: dict[str, str] = {}
        for part in self.parts.values():
            for page in part.pages:
                texts[page.src] = page.text(self.abbreviations)
                if page.source:
                    sources[page.src] = page.source
        files = dict(self.data)
        for part in self.parts.values():
            for path, text in part.files.items():
                files.setdefault(path, text)
        texts.update(files)
        texts[OVERLAY_PATH] = self.overlay
        texts[SOURCES_PATH] = json.dumps(sources, indent=0, ensure_ascii=False)
        return texts

    def images(self) -> dict[str, str]:
        """Images the prose shows: path below the tree → path below the content folder."""
        found: dict[str, str] = {}
        for part in self.parts.values():
            found.update(part.images)
        return found


def render_part(site: Renderer, make: object) -> Part:
    """Render pages with ``make()`` (a callable returning pages), keeping the files and images they ask for apart."""
    files, images = site.files, site.images
    site.files, site.images = {}, {}
    try:
        pages = make()  # type: ignore[operator]
        return Part(list(pages), site.files, site.images)
    finally:
        site.files, site.images = files, images


def chapter_part(site: Renderer, chapter: Chapter) -> Part:
    """One chapter's page, as a part of the tree."""
    return render_part(site, lambda: [chapter_page(site, chapter)])


def site_overlay(site: Renderer, *, switch: bool = True) -> str:
    """The settings MkDocs needs from the publication (navigation, marking), as YAML.

    Without ``switch``, no language switch: a preview builds one language, so it could lead nowhere.
    """
    return yaml.safe_dump(overlay(site, switch=switch), allow_unicode=True, sort_keys=False, width=1000)


def render_tree(publication: Publication, *, downloads: list[Download], previewing: bool = False) -> Tree:
    """The whole site tree of a publication, in memory (``previewing``: for ``charter serve``, which makes no print)."""
    site = Renderer.of(publication)
    data = data_files(publication, site.data_tables)
    parts = {"landing": render_part(site, lambda: [landing_page(site, downloads, previewing=previewing)])}
    for chapter in publication.chapters:
        parts[f"chapter:{chapter.path}"] = chapter_part(site, chapter)
    parts["rest"] = render_part(
        site, lambda: [*index_pages(site), *entity_pages(site), data_page(site, data), accessibility_page(site)]
    )
    return Tree(data, parts, abbreviations(publication), site_overlay(site, switch=not previewing))


def write_tree(publication: Publication, tree_dir: Path, *, downloads: list[Download]) -> int:
    """Write the Markdown tree of the site into ``tree_dir``; returns the number of pages.

    Files already in ``tree_dir/downloads`` (the print editions) are left where they are.
    """
    tree = render_tree(publication, downloads=downloads)
    made: set[Path] = set()
    for path, text in tree.texts().items():
        write_text(tree_dir / path, text, made)
    copy_images(publication, tree.images(), tree_dir)
    return tree.page_count


def copy_images(publication: Publication, images: dict[str, str], tree_dir: Path) -> None:
    """Copy the images the prose shows into the tree."""
    for path, source in images.items():
        original = publication.content_root / source
        if original.is_file():  # the checker has reported a missing image already
            (tree_dir / path).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(original, tree_dir / path)


def write_text(path: Path, text: str, made: set[Path]) -> None:
    """Write a file of the tree, making its folder once."""
    folder = path.parent
    if folder not in made:
        folder.mkdir(parents=True, exist_ok=True)
        made.add(folder)
    path.write_text(text, encoding="utf-8")
