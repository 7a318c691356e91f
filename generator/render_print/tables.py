"""Views' tables and diagrams as pandoc Markdown: pipe tables and figures inside divs.

A pipe table's separator line carries the relative column widths (in its dashes); raw
Typst around a table or a figure carries what pandoc cannot say (a landscape page, the
heat map's cell colours, a figure's alt text). The div names the view for the EPUB's
stylesheet and holds the DOCX paragraph styles.
"""

from __future__ import annotations

import re

from generator.render_print.diagrams import print_plan
from generator.render_print.links import Anchors, id_markdown
from generator.render_print.markdown_escape import (
    escape_markdown,
    markdown_attribute,
    raw_typst_block,
    raw_typst_inline,
    typst_string,
)
from generator.render_print.pages import PageSetup
from generator.render_print.paper import Paper
from generator.views.blocks import Cell, Column, Diagram, Inline, Link, Marker, Table
from generator.words import say

LINKED_VIEWS = frozenset({"heatmap"})
"""Views whose every cell links its entities (in DOCX and EPUB); elsewhere only a row's first cell links.

A printed table row is about its first cell, and a reader follows that. The PDF links
nothing inside tables (the template's ``show table`` rule): there a link makes Typst lay
the whole table out again.
"""

KEEP_WHOLE_MAX_ROWS = 14
"""A table of at most this many rows (a heat map, a scale, the phases) is kept on one page when it fits one.

The template's ``charter-keep`` measures it first, so one taller than a page still breaks.
"""

LANDSCAPE_MIN_COLUMNS = 6
"""A wide table with fewer columns fits a portrait page; a landscape page for it looks lost."""

CHAR_PT = 4.1
"""The average advance of a lower-case character in table text (8.5 pt Libertinus Serif)."""
CAPITAL_FACTOR = 1.35
"""Capitals are wider than the average character (agency acronyms, IDs)."""
CELL_PADDING_PT = 10.0
"""Cell inset on both sides plus the rules."""
RULE_LENGTH = 200
"""Dashes in a pipe table's separator line, shared out by the columns' relative widths."""
NOTE_DIV = '::: {.table-note custom-style="Table Note"}'
"""The key under a table: a paragraph style in DOCX, small italics in the PDF (``charter-note``)."""
MAX_NATURAL_CHARS = 90
"""Longer cell text wraps rather than asking for a wider column."""
MAX_WORD_CHARS = 24.0
"""A longer word gets no wider column: it is hyphenated."""


def needs_landscape(block: Table | Diagram, paper: Paper) -> bool:
    """Whether a block is printed on landscape pages: a wide matrix, or a diagram too wide for portrait."""
    if isinstance(block, Table):
        return block.wide and len(block.columns) >= LANDSCAPE_MIN_COLUMNS
    return print_plan(block, paper).landscape


def table_markdown(
    table: Table, anchors: Anchors, setup: PageSetup, *, own_page: bool = True, table_id: str | None = None
) -> str:
    """A table as a fenced div holding a pipe table, its caption and its notes.

    ``own_page=False`` means the caller has already put the table on a landscape page
    (an annex whose heading shares the page with it). ``table_id`` names the table, so a
    writer's output can be found and finished afterwards (the DOCX heat map's cell fills).
    """
    paper = setup.paper
    landscape = needs_landscape(table, paper)
    headings = [escape_markdown(c.abbr or c.name) or " " for c in table.columns]
    notes = [escape_markdown(n) for n in table.notes]
    abbreviations = [f"{c.abbr} = {c.name}" for c in table.columns if c.abbr and c.abbr != c.name]
    if abbreviations:
        notes.append(escape_markdown(say("Columns: {key}.", key="; ".join(abbreviations))))
    if not table.rows:
        body = [f"**{escape_markdown(table.caption)}**", "", escape_markdown(table.empty)]
        return _div([f"view-{table.view}"], body + [line for n in notes for line in ("", n)])
    rows = [[_cell(c, anchors, first=i == 0, view=table.view) for i, c in enumerate(row)] for row in table.rows]
    available = paper.landscape_width_pt if landscape else paper.text_width_pt
    minimums, naturals = _column_needs(table)
    widths = _widths(minimums, naturals, available)
    separator = [_rule(c, w) for c, w in zip(table.columns, widths, strict=True)]
    lines = [_row(headings), _row(separator)] + [_row(r) for r in rows]
    caption_id = f" {{#{table_id}}}" if table_id else ""
    lines += ["", f": {escape_markdown(table.caption)}{caption_id}"]
    for note in notes:
        lines += ["", raw_typst_block("#charter-note["), "", NOTE_DIV, note, ":::", "", raw_typst_block("]")]
    long = [] if len(table.rows) <= KEEP_WHOLE_MAX_ROWS else ["charter-breaks"]  # see charter-tables.lua
    markdown = _div([f"view-{table.view}", *long], lines)
    if table.view == "heatmap":
        markdown = _with_cell_fills(table, markdown)
    if not _words_fit(table, minimums, available):
        markdown = "\n\n".join([raw_typst_block("#[\n#set text(hyphenate: true)"), markdown, raw_typst_block("]")])
    if len(table.rows) <= KEEP_WHOLE_MAX_ROWS:
        markdown = "\n\n".join([raw_typst_block("#charter-keep["), markdown, raw_typst_block("]")])
    if landscape and own_page:
        markdown = "\n\n".join([setup.landscape_open(), markdown, setup.landscape_close()])
    return markdown


def _rule(column: Column, width: float) -> str:
    """A pipe table's separator cell: its dashes give the column's relative width, its colons the alignment.

    pandoc reads the widths from the dashes when a line of the table is longer than its
    ``--columns`` (72): the separator always is.
    """
    dashes = "-" * max(3, round(width * RULE_LENGTH))
    if column.numeric:
        return dashes + ":"
    if column.abbr:  # a matrix column: short marks under a short heading
        return ":" + dashes + ":"
    return ":" + dashes


HEADER_FILL = "#dfe7ee"
"""The fill of a table's header row (the template's ``table`` set rule and the DOCX table style)."""
BAND_LIGHTEN = 0.55
"""How far a band's colour is mixed with white to fill a heat-map cell, so black text stays readable."""


def cell_fills(table: Table) -> list[list[str | None]]:
    """Each body cell's fill as ``#rrggbb`` (its band's colour, lightened), row by row; None for no fill."""
    return [[_lighten(cell.band.colour) if cell.band else None for cell in row] for row in table.rows]


def _lighten(colour: str) -> str | None:
    """A band colour mixed with white by BAND_LIGHTEN, as ``#rrggbb`` (Typst's ``lighten`` on an RGB colour)."""
    value = _hex_colour(colour)
    if value is None:
        return None
    channels = (int(value[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(c + (255 - c) * BAND_LIGHTEN):02x}" for c in channels)


def _with_cell_fills(table: Table, markdown: str) -> str:
    """The heat map with each cell filled with its band's colour, through a scoped Typst set rule."""
    header = [f"rgb({typst_string(HEADER_FILL)})"] * len(table.columns)
    body = [[f"rgb({typst_string(f)})" if f else "none" for f in row] for row in cell_fills(table)]
    grid = "(" + ", ".join("(" + ", ".join(r) + ",)" for r in [header, *body]) + ",)"
    opening = raw_typst_block(
        f"#[\n#let fills = {grid}\n#set table(fill: (x, y) => fills.at(y, default: ()).at(x, default: none))"
    )
    return "\n\n".join([opening, markdown, raw_typst_block("]")])


def column_widths(table: Table, available_pt: float) -> list[float]:
    """Relative column widths that add up to 1, sized like a browser's automatic table layout.

    Every column first gets room for its longest unbreakable piece (an ID, a rating such
    as "12 High", a long word), so none of them wraps; the space left goes to the columns
    whose text wants more, in proportion to how much more.
    """
    return _widths(*_column_needs(table), available_pt)


def _widths(minimums: list[float], naturals: list[float], available_pt: float) -> list[float]:
    if sum(naturals) <= available_pt or sum(minimums) >= available_pt:
        chosen = naturals if sum(naturals) <= available_pt else minimums
        return [w / sum(chosen) for w in chosen]
    spare = available_pt - sum(minimums)
    wants = [n - m for n, m in zip(naturals, minimums, strict=True)]
    widths = [m + spare * w / sum(wants) for m, w in zip(minimums, wants, strict=True)]
    return [w / available_pt for w in widths]


def _words_fit(table: Table, minimums: list[float], available_pt: float) -> bool:
    """Whether every column has room for its longest word (``minimums``), so no cell needs hyphenation.

    Hyphenating costs Typst time in every cell, and a table reads better without it;
    only a table too narrow for its words is hyphenated.
    """
    if sum(minimums) >= available_pt:
        return False
    words = (
        w for row in table.rows for cell in row for part in cell.parts if isinstance(part, str) for w in part.split()
    )
    return all(_chars(w) <= MAX_WORD_CHARS for w in words)


def _column_needs(table: Table) -> tuple[list[float], list[float]]:
    """Each column's minimum width (its longest word) and natural width (its longest text), in points."""
    minimums: list[float] = []
    naturals: list[float] = []
    for index, column in enumerate(table.columns):
        cells = [row[index] for row in table.rows if index < len(row)]
        heading = column.abbr or column.name
        pieces = [_chars(w) * 1.1 for w in heading.split()]  # headings are bold
        for cell in cells:
            pieces += _unbreakable_lengths(cell)
        minimum = min(max(pieces, default=1.0), MAX_WORD_CHARS) * CHAR_PT + CELL_PADDING_PT
        longest = max([len(c.text) + 2 * _marker_count(c) for c in cells] + [len(heading) * 1.1])
        natural = min(longest, MAX_NATURAL_CHARS) * CHAR_PT + CELL_PADDING_PT
        minimums.append(minimum)
        naturals.append(max(natural, minimum))
    return minimums, naturals


def _chars(text: str) -> float:
    """The width of a text in average characters."""
    return sum(CAPITAL_FACTOR if c.isupper() else 1.0 for c in text)


def _unbreakable_lengths(cell: Cell) -> list[float]:
    lengths: list[float] = []
    for part in cell.parts:
        if isinstance(part, Marker):
            lengths.append(_chars(part.text) + 1.5)
        elif isinstance(part, Link):
            lengths += [_chars(w) for w in part.text.split()]
        else:
            lengths += [_chars(w) for w in part.split()]
    return lengths


def _marker_count(cell: Cell) -> int:
    return sum(1 for p in cell.parts if isinstance(p, Marker))


def _div(classes: list[str], lines: list[str]) -> str:
    attrs = " ".join(f".{c}" for c in ["view", *classes])
    return "\n".join([f":::: {{{attrs}}}", *lines, "::::"])


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _cell(cell: Cell, anchors: Anchors, *, first: bool, view: str) -> str:
    parts = []
    for part in cell.parts:
        # the heat map fills its cells with the band's colour (_with_cell_fills), so no chip there
        markdown = _inline(part, anchors, linked=first or view in LINKED_VIEWS, chip=view != "heatmap")
        if first and cell.header and isinstance(part, Link) and part.text == part.target:
            # A row about an entity whose block the document does not print anchors it.
            markdown = (anchors.place(part.target) if part.target in anchors.by_row else "") + markdown
        parts.append(markdown)
    return escape_markdown(cell.separator, strip=False).join(parts) if parts else " "


def _inline(part: Inline, anchors: Anchors, *, linked: bool, chip: bool) -> str:
    """One part of a cell; links only where ``linked`` (see :data:`LINKED_VIEWS`)."""
    if isinstance(part, Link):
        if not linked:
            return id_markdown(part.text) if part.text == part.target else escape_markdown(part.text)
        if part.text == part.target:
            return anchors.id_link(part.target)
        return anchors.link(escape_markdown(part.text), part.target)
    if isinstance(part, Marker):
        return marker_markdown(part, chip=chip)
    return escape_markdown(part)


def marker_markdown(marker: Marker, *, chip: bool = True) -> str:
    """A marker: its text, with its band's colour as a chip in the PDF and a tint in the EPUB.

    The colour is a hint only; the text always names the band.
    """
    text = escape_markdown(marker.text)
    colour = _hex_colour(marker.band.colour) if marker.band else None
    if colour is None:
        return text
    style = markdown_attribute(f"background-color: {colour}33; border-left: 3px solid {colour}")
    if not chip:  # the heat map: the cell itself is filled
        return f"[**{text}**]{{.marker style={style}}}"
    span = f"[{text}]{{.marker style={style}}}"
    return f"{raw_typst_inline(f'#charter-marker(rgb({typst_string(colour)}))[')}{span}{raw_typst_inline(']')}"


def _hex_colour(colour: str) -> str | None:
    """A band's colour as ``#rrggbb``, or None for a colour Typst's ``rgb()`` cannot read."""
    value = colour.strip()
    if re.fullmatch(r"#[0-9a-fA-F]{6}", value):
        return value.lower()
    if re.fullmatch(r"#[0-9a-fA-F]{3}", value):
        return "#" + "".join(c * 2 for c in value[1:]).lower()
    return None
