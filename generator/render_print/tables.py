"""Views' tables and diagrams as pandoc Markdown: pipe tables and figures inside divs.

The div carries what pipe tables cannot say: relative column widths, the view's name
and whether the table needs a landscape page. ``themes/print/charter.lua`` reads it.
"""

from __future__ import annotations

from generator.render_print.links import Anchors
from generator.render_print.markdown_escape import escape_markdown, markdown_attribute
from generator.render_print.paper import Paper
from generator.views.blocks import Cell, Column, Diagram, Inline, Link, Marker, Table

LANDSCAPE_MIN_COLUMNS = 6
"""A wide table with fewer columns fits a portrait page; a landscape page for it looks lost."""

LANDSCAPE_DIAGRAM_RATIO = 1.25
"""A diagram this many times wider than the portrait text goes on a landscape page."""

CHAR_PT = 4.1
"""The average advance of a lower-case character in table text (8.5 pt Libertinus Serif)."""
CAPITAL_FACTOR = 1.35
"""Capitals are wider than the average character (agency acronyms, IDs)."""
CELL_PADDING_PT = 10.0
"""Cell inset on both sides plus the rules."""
FIGURE_CAPTION_PT = 60.0
"""Room kept below a figure for its caption."""
MAX_NATURAL_CHARS = 90
"""Longer cell text wraps rather than asking for a wider column."""


def needs_landscape(block: Table | Diagram, paper: Paper) -> bool:
    """Whether a block is printed on landscape pages: a wide matrix, or a diagram too wide for portrait."""
    if isinstance(block, Table):
        return block.wide and len(block.columns) >= LANDSCAPE_MIN_COLUMNS
    return block.width * 0.75 > LANDSCAPE_DIAGRAM_RATIO * paper.text_width_pt


def table_markdown(table: Table, anchors: Anchors, paper: Paper, *, own_page: bool = True) -> str:
    """A table as a fenced div holding a pipe table, its caption and its notes.

    ``own_page=False`` means the caller has already put the table on a landscape page
    (an annex whose heading shares the page with it).
    """
    landscape = needs_landscape(table, paper)
    classes = ["view", f"view-{table.view}"] + (["landscape"] if landscape and own_page else [])
    headings = [escape_markdown(c.abbr or c.name) or " " for c in table.columns]
    notes = [escape_markdown(n) for n in table.notes]
    abbreviations = [f"{c.abbr} = {c.name}" for c in table.columns if c.abbr and c.abbr != c.name]
    if abbreviations:
        notes.append(escape_markdown("Columns: " + "; ".join(abbreviations) + "."))
    if not table.rows:
        body = [f"**{escape_markdown(table.caption)}**", "", escape_markdown(table.empty)]
        return _div(classes, {}, body + [line for n in notes for line in ("", n)])
    rows = [[_cell(c, anchors, first=i == 0) for i, c in enumerate(row)] for row in table.rows]
    available = paper.landscape_width_pt if landscape else paper.text_width_pt
    widths = column_widths(table, available)
    aligns = [_align(c) for c in table.columns]
    lines = [_row(headings), _row(aligns)] + [_row(r) for r in rows]
    lines += ["", f": {escape_markdown(table.caption)}"]
    for note in notes:
        lines += ["", '::: {.table-note custom-style="Table Note"}', note, ":::"]
    attributes = {"widths": " ".join(f"{w:.4f}" for w in widths)}
    return _div(classes, attributes, lines)


def column_widths(table: Table, available_pt: float) -> list[float]:
    """Relative column widths that add up to 1, sized like a browser's automatic table layout.

    Every column first gets room for its longest unbreakable piece (an ID, a rating such
    as "12 High", a long word), so none of them wraps; the space left goes to the columns
    whose text wants more, in proportion to how much more.
    """
    minimums: list[float] = []
    naturals: list[float] = []
    for index, column in enumerate(table.columns):
        cells = [row[index] for row in table.rows if index < len(row)]
        heading = column.abbr or column.name
        pieces = [_chars(w) * 1.1 for w in heading.split()]  # headings are bold
        for cell in cells:
            pieces += _unbreakable_lengths(cell)
        minimum = min(max(pieces, default=1.0), 24.0) * CHAR_PT + CELL_PADDING_PT
        longest = max([len(c.text) + 2 * _marker_count(c) for c in cells] + [len(heading) * 1.1])
        natural = min(longest, MAX_NATURAL_CHARS) * CHAR_PT + CELL_PADDING_PT
        minimums.append(minimum)
        naturals.append(max(natural, minimum))
    if sum(naturals) <= available_pt or sum(minimums) >= available_pt:
        chosen = naturals if sum(naturals) <= available_pt else minimums
        return [w / sum(chosen) for w in chosen]
    spare = available_pt - sum(minimums)
    wants = [n - m for n, m in zip(naturals, minimums, strict=True)]
    widths = [m + spare * w / sum(wants) for m, w in zip(minimums, wants, strict=True)]
    return [w / available_pt for w in widths]


def diagram_markdown(diagram: Diagram, svg_path: str, paper: Paper) -> str:
    """A diagram as a figure whose image carries its text alternative; wide ones get a landscape page.

    The image is scaled down, never up, to fit the text area below its caption.
    """
    landscape = needs_landscape(diagram, paper)
    if landscape:
        room_w, room_h = paper.landscape_width_pt, paper.landscape_height_pt - FIGURE_CAPTION_PT
    else:
        room_w, room_h = paper.text_width_pt, paper.text_height_pt - FIGURE_CAPTION_PT
    width_pt, height_pt = diagram.width * 0.75, diagram.height * 0.75  # SVG px: 96 per inch
    scale = min(1.0, room_w / width_pt, room_h / height_pt) if width_pt > 0 and height_pt > 0 else 1.0
    attributes = [
        f"#fig-{diagram.name}",
        f"alt={markdown_attribute(diagram.alt)}",
        f'width="{max(1, int(width_pt * scale))}pt"',
    ]
    figure = f"![{escape_markdown(diagram.caption)}]({svg_path}){{{' '.join(attributes)}}}"
    classes = ["view", f"view-{diagram.view}", "diagram"] + (["landscape"] if landscape else [])
    return _div(classes, {}, [figure])


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


def _align(column: Column) -> str:
    if column.numeric:
        return "---:"
    if column.abbr:  # a matrix column: short marks under a short heading
        return ":---:"
    return ":---"


def _div(classes: list[str], attributes: dict[str, str], lines: list[str]) -> str:
    attrs = " ".join([f".{c}" for c in classes] + [f"{k}={markdown_attribute(v)}" for k, v in attributes.items()])
    return "\n".join([f":::: {{{attrs}}}", *lines, "::::"])


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _cell(cell: Cell, anchors: Anchors, *, first: bool) -> str:
    parts = []
    for part in cell.parts:
        markdown = _inline(part, anchors)
        if first and cell.header and isinstance(part, Link) and part.text == part.target:
            # A row about an entity whose block the document does not print anchors it.
            markdown = (anchors.place(part.target) if part.target in anchors.by_row else "") + markdown
        parts.append(markdown)
    return escape_markdown(cell.separator, strip=False).join(parts) if parts else " "


def _inline(part: Inline, anchors: Anchors) -> str:
    if isinstance(part, Link):
        return anchors.link(escape_markdown(part.text), part.target)
    if isinstance(part, Marker):
        text = escape_markdown(part.text)
        if part.band is None:
            return text
        return f"[{text}]{{.marker fill={markdown_attribute(part.band.colour)}}}"
    return escape_markdown(part)
