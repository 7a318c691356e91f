"""Views' tables and diagrams as pandoc Markdown: pipe tables and figures inside divs.

The div carries what pipe tables cannot say: relative column widths, the view's name
and whether the table needs a landscape page. ``themes/print/charter.lua`` reads it.
"""

from __future__ import annotations

import math
from pathlib import Path

from generator.render_print.links import Anchors
from generator.render_print.markdown_escape import escape_markdown, markdown_attribute
from generator.views.blocks import Cell, Diagram, Inline, Link, Marker, Table

MAX_COLUMN_WEIGHT = 48
"""Characters; longer cells wrap rather than widen their column further."""


def table_markdown(table: Table, anchors: Anchors) -> str:
    """A table as a fenced div holding a pipe table, its caption and its notes."""
    classes = ["view", f"view-{table.view}"] + (["landscape"] if table.wide else [])
    headings = [_heading(c.abbr or c.name) for c in table.columns]
    notes = [escape_markdown(n) for n in table.notes]
    abbreviations = [f"{c.abbr} = {c.name}" for c in table.columns if c.abbr and c.abbr != c.name]
    if abbreviations:
        notes.append(escape_markdown("Columns: " + "; ".join(abbreviations) + "."))
    if not table.rows:
        body = [f"**{escape_markdown(table.caption)}**", "", escape_markdown(table.empty)]
        return _div(classes, {}, body + [line for n in notes for line in ("", n)])
    rows = [[_cell(c, anchors, first=i == 0) for i, c in enumerate(row)] for row in table.rows]
    widths = column_widths(table)
    aligns = ["---:" if c.numeric else ":---" for c in table.columns]
    lines = [_row(headings), _row(aligns)] + [_row(r) for r in rows]
    lines += ["", f": {escape_markdown(table.caption)}"]
    for note in notes:
        lines += ["", '::: {.table-note custom-style="Table Note"}', note, ":::"]
    attributes = {"widths": " ".join(f"{w:.4f}" for w in widths)}
    return _div(classes, attributes, lines)


def column_widths(table: Table) -> list[float]:
    """Relative column widths from the text each column holds; they add up to 1."""
    weights = []
    for index, column in enumerate(table.columns):
        texts = [row[index].text for row in table.rows if index < len(row)]
        heading = column.abbr or column.name
        longest_word = max((len(w) for t in [heading, *texts] for w in t.split()), default=1)
        mean = sum(len(t) for t in texts) / len(texts) if texts else len(heading)
        longest = max((len(t) for t in texts), default=0)
        natural = min(MAX_COLUMN_WEIGHT, max(mean, math.sqrt(longest * mean)))
        weights.append(max(float(min(longest_word, 18)), natural, 3.0) + 2.0)
    total = sum(weights)
    return [w / total for w in weights]


def diagram_markdown(diagram: Diagram, svg_path: Path, *, text_width_pt: float) -> str:
    """A diagram as a figure whose image carries its text alternative."""
    width_pt = diagram.width * 0.75  # SVG user units are CSS pixels: 96 per inch, 72 points per inch
    attributes = [f"#fig-{diagram.name}", f"alt={markdown_attribute(diagram.alt)}"]
    if width_pt > text_width_pt:
        attributes.append('width="100%"')
    figure = f"![{escape_markdown(diagram.caption)}]({svg_path.as_posix()}){{{' '.join(attributes)}}}"
    classes = ["view", f"view-{diagram.view}", "diagram"]
    return _div(classes, {}, [figure])


def _div(classes: list[str], attributes: dict[str, str], lines: list[str]) -> str:
    attrs = " ".join([f".{c}" for c in classes] + [f"{k}={markdown_attribute(v)}" for k, v in attributes.items()])
    return "\n".join([f":::: {{{attrs}}}", *lines, "::::"])


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _heading(text: str) -> str:
    return escape_markdown(text) or " "


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
