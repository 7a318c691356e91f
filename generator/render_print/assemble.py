"""Assemble one printed document as a single pandoc Markdown text.

The order is: metadata, document control, contents (PDF only), the chapters with their
prose, entity summaries and views where they stand, then the annexes (the register, the
action plan, the committees' terms of reference and the RACI). PDF-only pieces are raw
Typst, which the DOCX and EPUB writers skip, so one Markdown text feeds all three formats.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from generator.diagnostics import Location
from generator.model import Chapter, Document, EntityBlock, Passage, View
from generator.resolve import Publication
from generator.render_print.links import Anchors
from generator.render_print.markdown_escape import escape_markdown, raw_typst_block
from generator.render_print.prose import HeadingLevels, chapter_title_line, has_level_one, render_prose
from generator.render_print.summaries import SummaryWriter
from generator.render_print.tables import diagram_markdown, table_markdown
from generator.views import Block, Diagram, Link, Table, render_view
from generator.views.text import long_date

DIAGRAM_DIR = "diagrams"
"""Where the diagrams' SVG files go, relative to the assembled Markdown."""

ANNEXES: list[tuple[str, str, str]] = [
    ("register", "Risk register", "The full register of the risks this strategy addresses."),
    ("actions", "Action plan", "Every action of the plan, with its lead, oversight committee and dates."),
    ("committees", "Terms of reference of the committees", "The terms of reference of every committee."),
    ("raci", "RACI matrix", "Who is responsible, accountable, consulted and informed for each action."),
]
"""The generated annexes every document ends with: view, title, introduction."""


@dataclass
class Assembled:
    """A document ready for pandoc: its Markdown and the diagram files it embeds."""

    markdown: str
    diagrams: dict[str, str] = field(default_factory=dict)
    """Path relative to the Markdown → SVG text."""
    table_count: int = 0
    figure_count: int = 0


@dataclass
class _Piece:
    """A part of the document before it is written out: Markdown, or a view's blocks."""

    markdown: str = ""
    blocks: list[Block] = field(default_factory=list)
    annex_start: bool = False


def assemble(
    publication: Publication, document: Document, *, marking: str, levels: list[str], text_width_pt: float
) -> Assembled:
    """The whole document as pandoc Markdown, restricted to ``marking`` and the levels below it."""
    readable = set(levels[: levels.index(marking) + 1]) if marking in levels else set(levels)
    chapters = _chapters(publication, document, readable)
    anchors = Anchors(publication.entities)
    for chapter in chapters:
        for segment in chapter.segments:
            if isinstance(segment, EntityBlock):
                anchors.defined.update(e.id for e in segment.entities if _readable(e.classification, readable))

    pieces = _front_matter(publication)
    pieces += _body(publication, chapters, readable, anchors)
    pieces += _annexes(publication, chapters)
    _anchor_rows(pieces, anchors)

    out = Assembled(markdown="")
    parts = [_metadata(publication, document, marking)]
    for piece in pieces:
        if piece.annex_start:
            parts.append(raw_typst_block("#charter-annexes()"))
        if piece.markdown:
            parts.append(piece.markdown)
        for block in piece.blocks:
            parts.append(_block_markdown(block, anchors, out, text_width_pt=text_width_pt))
    out.markdown = "\n\n".join(p for p in parts if p) + "\n"
    return out


# -- the parts ----------------------------------------------------------------------------


def _metadata(publication: Publication, document: Document, marking: str) -> str:
    s = publication.settings
    subtitle = s.subtitle or (s.title if document.title != s.title else "")
    fields = {
        "title": document.title,
        "subtitle": subtitle,
        "short-title": s.short_title or document.title,
        "country": s.country,
        "edition": s.edition,
        "version": s.version,
        "date": long_date(s.date),
        "status": s.status.capitalize(),
        "marking": marking,
        "toc-title": "Contents",
    }
    lines = ["---"]
    for key, value in fields.items():
        if value:
            lines.append(f"{key}: {json.dumps(escape_markdown(value), ensure_ascii=False)}")
    lines.append(f"lang: {json.dumps(s.language or 'en')}")
    lines.append("---")
    return "\n".join(lines)


def _front_matter(publication: Publication) -> list[_Piece]:
    s = publication.settings
    facts = [
        ("Title", s.title),
        ("Country", s.country),
        ("Edition", s.edition),
        ("Version", s.version),
        ("Date", long_date(s.date)),
        ("Status", s.status.capitalize()),
    ]
    about = "\n".join(f"| {escape_markdown(k)} | {escape_markdown(v)} |" for k, v in facts if v)
    control = "\n".join(
        [
            "# Document control {#document-control .unnumbered .unlisted}",
            "",
            "| Item | Value |",
            "|:-----|:------|",
            about,
            "",
            ": About this document",
        ]
    )
    history = View(show="history", location=_nowhere(publication), title="Version history")
    contents = raw_typst_block("#charter-contents()")
    return [_Piece(markdown=control, blocks=render_view(history, publication)), _Piece(markdown=contents)]


def _body(publication: Publication, chapters: list[Chapter], readable: set[str], anchors: Anchors) -> list[_Piece]:
    summaries = SummaryWriter(publication, anchors)
    levels = HeadingLevels()
    pieces: list[_Piece] = []
    first_annex = True
    for chapter in chapters:
        heading = _chapter_heading(chapter)
        start = chapter.annex and first_annex
        first_annex = first_annex and not chapter.annex
        pieces.append(_Piece(markdown=heading, annex_start=start))
        levels.last = 1
        first = chapter.segments[0] if chapter.segments else None
        skip = chapter_title_line(first.text, chapter.title) if isinstance(first, Passage) else None
        own_level_one = any(
            has_level_one(_without_line(s.text, skip if s is first else None))
            for s in chapter.segments
            if isinstance(s, Passage)
        )
        levels.shift = 1 if own_level_one else 0
        for segment in chapter.segments:
            if isinstance(segment, Passage):
                skip_here = skip if segment is first else None
                pieces.append(
                    _Piece(markdown=render_prose(segment.text, anchors.prose_ref, levels, skip_line=skip_here))
                )
            elif isinstance(segment, EntityBlock):
                shown = [e for e in segment.entities if _readable(e.classification, readable)]
                pieces.append(_Piece(markdown=summaries.block(EntityBlock(segment.kind, shown))))
            elif isinstance(segment, View) and _readable(segment.classification, readable):
                pieces.append(_Piece(blocks=render_view(segment, publication)))
    return pieces


def _annexes(publication: Publication, chapters: list[Chapter]) -> list[_Piece]:
    already = {s.show for c in chapters if c.annex for s in c.segments if isinstance(s, View) and not s.options}
    pieces: list[_Piece] = []
    for show, title, intro in ANNEXES:
        if show in already:
            continue
        view = View(show=show, location=_nowhere(publication))
        heading = f"# {escape_markdown(title)} {{#annex-{show} .annex}}\n\n{escape_markdown(intro)}"
        pieces.append(_Piece(markdown=heading, blocks=render_view(view, publication)))
    if pieces and not any(c.annex for c in chapters):
        pieces[0].annex_start = True
    return pieces


def _block_markdown(block: Block, anchors: Anchors, out: Assembled, *, text_width_pt: float) -> str:
    if isinstance(block, Table):
        out.table_count += 1
        return table_markdown(block, anchors)
    out.figure_count += 1
    path = f"{DIAGRAM_DIR}/{block.name}.svg"
    out.diagrams[path] = block.svg(lambda _id: None)
    return diagram_markdown(block, path, text_width_pt=text_width_pt)


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
                    if isinstance(part, Link) and part.text == part.target and not anchors.has(part.target):
                        if part.target in anchors.entities:
                            anchors.by_row.add(part.target)


# -- helpers ------------------------------------------------------------------------------


def _chapters(publication: Publication, document: Document, readable: set[str]) -> list[Chapter]:
    if document.chapters is None:
        chosen = list(publication.chapters)
    else:
        by_path = {c.path: c for c in publication.chapters}
        chosen = [by_path[p] for p in document.chapters if p in by_path]
    chosen = [c for c in chosen if _readable(c.classification, readable)]
    return [c for c in chosen if not c.annex] + [c for c in chosen if c.annex]


def _chapter_heading(chapter: Chapter) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", chapter.path.lower().removesuffix(".md")).strip("-") or "chapter"
    classes = ".annex" if chapter.annex else ".chapter"
    return f"# {escape_markdown(chapter.title)} {{#chapter-{slug} {classes}}}"


def _readable(classification: str | None, readable: set[str]) -> bool:
    return classification is None or classification in readable


def _without_line(text: str, index: int | None) -> str:
    if index is None:
        return text
    lines = text.splitlines()
    return "\n".join(lines[:index] + lines[index + 1 :])


def _nowhere(publication: Publication) -> Location:
    return Location(publication.settings.path, 1, 1)
