"""Assemble one printed document as a single pandoc Markdown text.

The order is: the imprint (the back of the cover), contents (PDF only), the front matter, the chapters with their
prose, entity summaries and views where they stand, then the annexes (the register, the
action plan, the committees' terms of reference and the RACI). PDF-only pieces are raw
Typst, which the DOCX and EPUB writers skip, so one Markdown text feeds all three formats.

Each table is printed once. A chapter that shows one of the annexes' views in full (no
filter) gets a pointer to the annex instead, with its page number: the long reference
tables stand at the back, as in a printed strategy, and never twice.

The metadata (title, marking, …) is kept apart from the Markdown (``Assembled.metadata``):
pandoc gets it from a file, and reads no metadata from the Markdown, so no prose can
replace a document's title or marking.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from generator.diagnostics import Location
from generator.model import Chapter, Document, EntityBlock, Passage, Signature, View
from generator.render_print.annex_heads import (
    annex_chapters,
    annex_heading,
    annex_letters,
    annex_pointer,
    generated_annexes,
    generated_title,
)
from generator.render_print.attributes import directed
from generator.render_print.diagrams import diagram_files, diagram_markdown, print_plan
from generator.render_print.frontmatter import (
    BACK_PAGE,
    IMPRINT_END,
    IMPRINT_PAGE,
    LAST_PAGE,
    MAIN_MATTER,
    direction,
    document_language,
    identity_fields,
    imprint_markdown,
    signature_markdown,
    status_text,
)
from generator.render_print.links import Anchors
from generator.render_print.markdown_escape import escape_markdown, raw_typst_block
from generator.render_print.names import document_title
from generator.render_print.pages import PageSetup
from generator.render_print.paper import Paper
from generator.render_print.prose import HeadingLevels, chapter_title_line, has_level_one, render_prose
from generator.render_print.raci_print import print_view
from generator.render_print.summaries import SummaryWriter
from generator.render_print.tables import cell_fills, needs_landscape, table_markdown
from generator.resolve import Publication
from generator.resolve.annexes import prints_in_full
from generator.views import Block, Link, Table
from generator.words import long_date, say

DIAGRAM_DIR = "diagrams"
"""Where the diagrams' SVG files go, relative to the assembled Markdown."""
IMAGE_DIR = "images"
"""Where the chapters' own images are copied, relative to the assembled Markdown."""

LANDSCAPE_INTRO_MAX_CHARS = 2_000
"""A chapter's introduction short enough to share the landscape page with its first table."""

ANNEX_NUMBERING = "#counter(heading).update(0)\n#set heading(numbering: annex-numbering, supplement: none)"
"""Raw Typst before the first annex: annexes are lettered (Annex A, A.1, ...)."""


@dataclass
class Assembled:
    """A document ready for pandoc: its Markdown and the diagram files it embeds."""

    markdown: str
    metadata: dict[str, str] = field(default_factory=dict)
    """pandoc's metadata: the title block of DOCX and EPUB, and the Typst cover's fields (as Markdown)."""
    diagrams: dict[str, str] = field(default_factory=dict)
    """Path relative to the Markdown → SVG text."""
    images: dict[str, str] = field(default_factory=dict)
    """Path relative to the Markdown → the image's path below the content folder."""
    cell_fills: dict[str, list[list[str | None]]] = field(default_factory=dict)
    """A table's ID → its body cells' fills (``#rrggbb`` or None): what the DOCX writer cannot say."""


@dataclass
class _Piece:
    """A part of the document before it is written out: Markdown, or a view's blocks."""

    markdown: str = ""
    blocks: list[Block] = field(default_factory=list)
    annex_start: bool = False
    main_start: bool = False
    """The piece opens the main matter: page 1, chapter 1."""
    landscape: bool = False
    """The whole piece, heading included, is printed on landscape pages."""


def assemble(
    publication: Publication, document: Document, *, setup: PageSetup, language: str | None = None
) -> Assembled:
    """The whole document as pandoc Markdown.

    ``publication`` is already cut for one edition (:func:`generator.resolve.editions.for_edition`):
    this prints everything it holds, and marks every page with its marking. Charter's words
    are in the current language (:func:`generator.words.speaking`); ``language`` is the
    document's, when the caller names it (:func:`.frontmatter.document_language`).
    """
    marking = publication.marking
    chapters = _chapters(publication, document)
    anchors = Anchors(publication.entities, publication.public_names)
    for chapter in chapters:
        for segment in chapter.segments:
            if isinstance(segment, EntityBlock):
                anchors.defined.update(e.id for e in segment.entities)

    pieces = _front_matter(publication, chapters)
    images: dict[str, str] = {}
    in_chapters = annex_chapters(chapters, chapter_anchor)
    pieces += _body(publication, chapters, anchors, images, in_chapters, setup.paper)
    pieces += _annexes(publication, chapters, in_chapters, setup.paper)
    pieces.append(_Piece(markdown=BACK_PAGE))
    opening = next((p for p in pieces if p.main_start or p.annex_start), pieces[-1])
    opening.main_start = True  # the main matter opens at chapter 1, else the first annex, else the back page
    _anchor_rows(pieces, anchors)

    out = Assembled(markdown="", metadata=_metadata(publication, document, marking, language), images=images)
    parts: list[str] = []
    for index, piece in enumerate(pieces):
        if piece.markdown == BACK_PAGE:  # the main matter ends on the page before: mark it there
            parts.insert(len(parts) - 1 if index and pieces[index - 1].landscape else len(parts), LAST_PAGE)
        if piece.main_start:
            parts.append(MAIN_MATTER)
        if piece.annex_start:
            parts.append(raw_typst_block(ANNEX_NUMBERING))
        if piece.landscape:
            parts.append(setup.landscape_open())
        if piece.markdown:
            parts.append(piece.markdown)
        for block in piece.blocks:
            parts.append(_block_markdown(block, anchors, out, own_page=not piece.landscape, setup=setup))
        if piece.landscape:
            parts.append(setup.landscape_close())
    out.markdown = "\n\n".join(p for p in parts if p) + "\n"
    return out


# -- the parts ----------------------------------------------------------------------------


def _metadata(publication: Publication, document: Document, marking: str, language: str | None) -> dict[str, str]:
    """pandoc's metadata: the title block of DOCX and EPUB, and the Typst cover's fields, as Markdown.

    ``lang`` (and ``dir`` for a right-to-left language) is the document's language (:func:`document_language`).
    """
    s = publication.settings
    cut = publication.edition
    name = cut.title if cut is not None else ""
    fields = {
        "title": document.title,
        "document-title": document_title(s, document, cut),
        "subtitle": s.subtitle or (s.title if document.title != s.title else ""),
        "author": s.country,
        "date": " · ".join(
            p for p in (name, marking, s.edition, say("Version {version}", version=s.version), long_date(s.date)) if p
        ),
        "short-title": s.short_title or document.title,
        "country": s.country,
        "edition": s.edition,
        "edition-name": name,
        "version": s.version,
        "issued": long_date(s.date),
        "status": status_text(s.status),
        "marking": marking,
        "toc-title": say("Contents"),
        **identity_fields(s),
    }
    metadata = {key: escape_markdown(value) for key, value in fields.items() if value}
    metadata["lang"] = lang = document_language(s, language)
    if direction(s, lang) == "rtl":  # DOCX: bidi paragraphs; EPUB: the spine turns right to left
        metadata["dir"] = metadata["page-progression-direction"] = "rtl"
    return metadata


def _front_matter(publication: Publication, chapters: list[Chapter]) -> list[_Piece]:
    """The imprint page (the back of the cover) and the contents.

    Document control is printed once, where a chapter shows the history (an annex); a
    document without one keeps its version history on the imprint page.
    """
    s = publication.settings
    pieces = [_Piece(markdown=IMPRINT_PAGE)]
    if s.history and not any(isinstance(g, View) and g.show == "history" for c in chapters for g in c.segments):
        view = View(show="history", location=_nowhere(publication), title=say("Version history"))
        pieces.append(_Piece(blocks=print_view(view, publication)))
    pieces += [_Piece(markdown=IMPRINT_END), _Piece(markdown=imprint_markdown(s))]
    return [*pieces, _Piece(markdown=raw_typst_block("#charter-contents()"))]


def _body(
    publication: Publication,
    chapters: list[Chapter],
    anchors: Anchors,
    images: dict[str, str],
    in_chapters: dict[str, tuple[str, str]],
    paper: Paper,
) -> list[_Piece]:
    summaries = SummaryWriter(publication, anchors)
    levels = HeadingLevels()
    pieces: list[_Piece] = []
    first_annex = main = True
    for chapter in chapters:
        heading = _chapter_heading(chapter)
        start = chapter.annex and first_annex
        first_annex = first_annex and not chapter.annex
        pieces.append(_Piece(markdown=heading, annex_start=start, main_start=main and not chapter.front_matter))
        main = main and chapter.front_matter
        opening = len(pieces) - 1
        levels.last = 1
        first = chapter.segments[0] if chapter.segments else None
        skip = chapter_title_line(first.text, chapter.title) if isinstance(first, Passage) else None
        own_level_one = any(
            has_level_one(_without_line(s.text, skip if s is first else None))
            for s in chapter.segments
            if isinstance(s, Passage)
        )
        levels.shift = 1 if own_level_one else 0
        move_image = _image_mover(chapter, images)
        for segment in chapter.segments:
            if isinstance(segment, Signature):
                pieces.append(_Piece(markdown=signature_markdown(segment)))
            elif isinstance(segment, Passage):
                skip_here = skip if segment is first else None
                pieces.append(
                    _Piece(
                        markdown=render_prose(
                            segment.text, anchors.prose_ref, levels, skip_line=skip_here, move_image=move_image
                        )
                    )
                )
            elif isinstance(segment, EntityBlock):
                pieces.append(_Piece(markdown=summaries.block(segment)))
            elif isinstance(segment, View) and (show := prints_in_full(segment)) and not chapter.annex:
                anchor, title = in_chapters.get(show) or (
                    _generated_annex_anchor(show),
                    generated_title(show, annex_letters(publication)[show]),
                )
                pieces.append(_Piece(markdown=annex_pointer(show, anchor, title)))
            elif isinstance(segment, View):
                pieces.append(_Piece(blocks=print_view(segment, publication)))
        pieces[opening:] = directed(_landscape_from_heading(pieces[opening:], paper), chapter, _Piece)
    return pieces


def _landscape_from_heading(pieces: list[_Piece], paper: Paper) -> list[_Piece]:
    """A chapter whose first table is landscape, with only prose before it, starts on the landscape page.

    Otherwise its heading and a short introduction would stand alone on a portrait
    page. Longer prose, prose with a heading of its own or an entity's summary stays on
    portrait pages.
    """
    first = next((i for i, p in enumerate(pieces) if p.blocks), None)
    if first is None or first == 0 or pieces[first].markdown:
        return pieces
    before = pieces[1:first]
    if sum(len(p.markdown) for p in before) > LANDSCAPE_INTRO_MAX_CHARS:
        return pieces
    if any(re.search(r"(?m)^#{1,6} ", p.markdown) or "charter-summary" in p.markdown for p in before):
        return pieces
    if not all(needs_landscape(b, paper) for b in pieces[first].blocks):
        return pieces
    markdown = "\n\n".join(p.markdown for p in pieces[: first + 1] if p.markdown)
    joined = _Piece(markdown=markdown, blocks=pieces[first].blocks, annex_start=pieces[0].annex_start, landscape=True)
    joined.main_start = pieces[0].main_start
    return [joined, *pieces[first + 1 :]]


def _annexes(
    publication: Publication, chapters: list[Chapter], in_chapters: dict[str, tuple[str, str]], paper: Paper
) -> list[_Piece]:
    """The generated annexes: each of :func:`generated_annexes` that no annex chapter of the document already prints.

    Each keeps the letter the whole publication gave it, in every edition and document.
    """
    pieces: list[_Piece] = []
    letters = annex_letters(publication)
    for show, title, intro in generated_annexes():
        if show in in_chapters:
            continue
        view = View(show=show, location=_nowhere(publication))
        heading = f"{annex_heading(title, _generated_annex_anchor(show), letters[show])}\n\n{escape_markdown(intro)}"
        blocks = print_view(view, publication)
        landscape = bool(blocks) and all(needs_landscape(b, paper) for b in blocks)
        pieces.append(_Piece(markdown=heading, blocks=blocks, landscape=landscape))
    if pieces and not any(c.annex for c in chapters):
        pieces[0].annex_start = True
    return pieces


def _generated_annex_anchor(show: str) -> str:
    return f"annex-{show}"


def _block_markdown(block: Block, anchors: Anchors, out: Assembled, *, own_page: bool, setup: PageSetup) -> str:
    if isinstance(block, Table):
        if block.view != "heatmap" or not block.rows:
            return table_markdown(block, anchors, setup, own_page=own_page)
        table_id = f"charter-fills-{len(out.cell_fills) + 1}"
        out.cell_fills[table_id] = cell_fills(block)
        return table_markdown(block, anchors, setup, own_page=own_page, table_id=table_id)
    plan = print_plan(block, setup.paper)
    files = diagram_files(block, plan, DIAGRAM_DIR)
    out.diagrams.update(files)
    return diagram_markdown(block, plan, [path for path, _ in files], setup)


def _anchor_rows(pieces: list[_Piece], anchors: Anchors) -> None:
    """Anchor at its first table row every entity whose block the document does not print."""
    for piece in pieces:
        for block in piece.blocks:
            if not isinstance(block, Table):
                continue
            for row in block.rows:
                first = row[0] if row else None
                if first is None or not first.header:
                    continue
                for part in first.parts:
                    if not isinstance(part, Link) or part.text != part.target:
                        continue
                    if not anchors.has(part.target) and part.target in anchors.entities:
                        anchors.by_row.add(part.target)


# -- helpers ------------------------------------------------------------------------------


def _chapters(publication: Publication, document: Document) -> list[Chapter]:
    if document.chapters is None:  # all: but a progress report's own chapters
        reported = publication.settings.reported_chapters()
        chosen = [c for c in publication.chapters if c.path not in reported]
    else:
        by_path = {c.path: c for c in publication.chapters}
        chosen = [by_path[p] for p in document.chapters if p in by_path]
    front = [c for c in chosen if c.front_matter]
    return front + [c for c in chosen if not c.annex and not c.front_matter] + [c for c in chosen if c.annex]


def _image_mover(chapter: Chapter, images: dict[str, str]) -> Callable[[str], str]:
    """Images are written relative to their chapter's folder; print copies them beside the Markdown."""
    folder = posixpath.dirname(chapter.path)

    def move(path: str) -> str:
        source = posixpath.normpath(posixpath.join(folder, path))
        if source.startswith(("../", "/")) or source == "..":
            return path  # not a content file: the safety filter prints the image's alt text instead
        target = f"{IMAGE_DIR}/{source}"
        images[target] = source
        return target

    return move


def chapter_anchor(chapter: Chapter) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", chapter.path.lower().removesuffix(".md")).strip("-") or "chapter"
    return f"chapter-{slug}"


def _chapter_heading(chapter: Chapter) -> str:
    if chapter.annex and chapter.letter:
        return annex_heading(chapter.title, chapter_anchor(chapter), chapter.letter)
    classes = ".annex .unnumbered" if chapter.annex else ".chapter .unnumbered" if chapter.front_matter else ".chapter"
    return f"# {escape_markdown(chapter.title)} {{#{chapter_anchor(chapter)} {classes}}}"


def _without_line(text: str, index: int | None) -> str:
    if index is None:
        return text
    lines = text.splitlines()
    return "\n".join(lines[:index] + lines[index + 1 :])


def _nowhere(publication: Publication) -> Location:
    return Location(publication.settings.path, 1, 1)
