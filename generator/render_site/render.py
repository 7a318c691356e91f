"""The shared state of one site render: the publication, its site map, its relations, its files."""

from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass, field
from urllib.parse import quote

from generator.model import Chapter, Entity, View
from generator.model.kinds import kind_of
from generator.render_site.context import PageContext
from generator.render_site.diagrams import diagram_file, render_diagram
from generator.render_site.escape import esc, front_matter
from generator.render_site.html_blocks import raw, stash_blocks, strip_marks
from generator.render_site.links import MEDIA_FOLDER, SiteMap, page_src
from generator.render_site.open_data import download_line
from generator.render_site.prose import render_prose
from generator.render_site.relations import Relations, relations_of
from generator.render_site.tables import render_table
from generator.resolve import Publication
from generator.views import render_view
from generator.views.blocks import Block, Diagram, Table
from generator.views.engine_words import kind_title
from generator.views.open_data import DATA_TABLES, DataTable, open_data
from generator.words import say


@dataclass
class Page:
    """A page of the site tree: where it goes, its title (plain text) and its Markdown body."""

    folder: str
    title: str
    body: str
    hide: tuple[str, ...] = ()
    """Parts of the theme's layout the page does without, e.g. ``("toc",)`` to give a wide table room."""
    source: str = ""
    """Where the page's text was written (``file:line``), for MkDocs' messages about it."""
    description: str = ""
    """A sentence on the page for search engines and link previews (the page's meta description)."""
    lang: str = ""
    """The page's own language (a checked tag), where it is not the publication's."""
    dir: str = ""
    """The page's direction (``rtl``, ``ltr`` or ``auto``), where the front matter sets one."""
    notice: str = ""
    """A note above the page's text, in the page's language: that the text is not translated into it."""

    @property
    def src(self) -> str:
        """The Markdown file's path below the tree."""
        return page_src(self.folder)

    def text(self, abbreviations: str) -> str:
        """The whole Markdown file: front matter, body, then the abbreviation definitions.

        Charter's generated HTML blocks are written after the Markdown, a token standing for
        each (:mod:`generator.render_site.html_blocks`). The landing page carries no title of
        its own: the theme then titles it with the site name alone, instead of repeating the
        publication's title twice.
        """
        head = (
            front_matter(
                self.title,
                hide=self.hide,
                description=self.description,
                lang=self.lang,
                direction=self.dir,
                notice=self.notice,
            )
            if self.folder
            else ""
        )
        return stash_blocks(head + self.body.strip("\n") + "\n" + abbreviations)


WIDE_COLUMNS = 6
"""A table of this many columns or more needs the page's whole width."""


def needs_width(block: Block) -> bool:
    """Whether a view's table or diagram needs the page's whole width (no table of contents beside it)."""
    return isinstance(block, Diagram) or block.wide or len(block.columns) >= WIDE_COLUMNS


@dataclass
class Renderer:
    """Everything the page builders share while rendering one publication."""

    publication: Publication
    sitemap: SiteMap
    relations: Relations
    files: dict[str, str] = field(default_factory=dict)
    """Extra text files of the tree (standalone SVG diagrams), by path below the tree."""
    images: dict[str, str] = field(default_factory=dict)
    """Images the prose shows: path below the tree → path below the content folder."""

    @classmethod
    def of(cls, publication: Publication) -> Renderer:
        """A renderer for a publication, with its site map and relations built."""
        return cls(publication, SiteMap(publication), relations_of(publication))

    def context(self, folder: str) -> PageContext:
        """A fresh context for rendering the page in ``folder``."""
        return PageContext(folder, self.sitemap)

    def prose(self, text: str, page: PageContext, chapter_path: str) -> str:
        """Chapter or narrative Markdown written in ``chapter_path``, with its references, images
        and links to other chapters' files linked from ``page``."""
        folder = posixpath.dirname(chapter_path)

        def image(written: str) -> str:
            path, _, rest = written.partition("#")
            source = posixpath.normpath(posixpath.join(folder, path.split("?")[0]))
            if source.startswith("../"):  # outside content/: the checker refuses it, never copy it
                return written
            self.images[f"{MEDIA_FOLDER}/{source}"] = source
            return page.file(f"{MEDIA_FOLDER}/{source}") + (f"#{rest}" if rest else "")

        def chapter(written: str) -> str | None:
            path, _, fragment = written.partition("#")
            target = self.sitemap.chapter_folders.get(posixpath.normpath(posixpath.join(folder, path)))
            if target is None:
                return None
            return quote(posixpath.relpath(page_src(target), page.folder or ".")) + (f"#{fragment}" if fragment else "")

        return strip_marks(render_prose(text, page.ref_markdown, image, chapter))

    def blocks(self, blocks: list[Block], page: PageContext) -> str:
        """Tables and diagrams as raw HTML blocks, each separated by blank lines."""
        parts = []
        for block in blocks:
            if isinstance(block, Table):
                parts.append(raw(render_table(block, page)))
            elif isinstance(block, Diagram):
                path, svg = diagram_file(block, page)
                self.files.setdefault(path, svg)
                parts.append(raw(render_diagram(block, page)))
        return "\n\n" + "\n\n".join(parts) + "\n\n"

    @functools.cached_property
    def data_tables(self) -> list[DataTable]:
        """The edition's open data (computed once: its files, its page and the landing page all list it)."""
        return open_data(self.publication)

    def view(self, view: View, page: PageContext, blocks: list[Block] | None = None) -> str:
        """A view placed in a page; under a table that is published as data, the links to its files."""
        blocks = render_view(view, self.publication) if blocks is None else blocks
        html = self.blocks(blocks, page)
        if view.show in DATA_TABLES and any(isinstance(b, Table) and b.rows for b in blocks):
            html += raw(download_line(view.show, page, whole=not view.options)) + "\n\n"
        return html

    def item_link(self, item: Entity | Chapter, page: PageContext) -> str:
        """A link to an entity or a chapter, labelled with its kind, ID and title."""
        if isinstance(item, Chapter):
            folder = self.sitemap.chapter_folders[item.path]
            return say("Chapter: {link}", link=f'<a href="{esc(page.page(folder))}">{esc(item.title)}</a>')
        spec = kind_of(item)
        shown = f"{item.id} {item.title}" if spec.heading_with_id and item.title != item.id else item.title
        return f"{esc(kind_title(spec))}: {page.link(item.id, shown)}"
