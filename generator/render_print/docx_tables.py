"""DOCX table columns wide enough for every word of their heading, and for their IDs.

The pipe table's dashes give pandoc the columns' relative widths, sized for the PDF's
Libertinus Serif (:mod:`.tables`). Word sets the DOCX in Calibri, and a reader without
Calibri (LibreOffice on most systems) gets a wider sans serif in its place, so a narrow
column's bold heading could break inside a word ("Phas/e"), and an ID inside it
("R-SMG-0/1"), or a heat map's rating inside it ("Mediu/m"). Each column is widened to hold
its heading's longest word, and its cells' longest short word (an ID, a rating), measured
in DejaVu Sans Bold (the widest likely stand-in), taking the room from the columns with
room to spare; a cell of several IDs then breaks only between them. The PDF keeps its own
widths.
"""

from __future__ import annotations

import math
import re
from html import unescape

HEADING_PT = 8.5
"""The size of the ``Table Text`` style, which the header row sets in bold."""
_BOLD_EMS: dict[str, float] = {
    **dict.fromkeys("'", 0.31),
    **dict.fromkeys("ijl", 0.34),
    **dict.fromkeys("/", 0.36),
    **dict.fromkeys("IJ", 0.37),
    **dict.fromkeys(".,’·", 0.38),
    **dict.fromkeys(":;", 0.4),
    **dict.fromkeys("-", 0.41),
    **dict.fromkeys("f", 0.43),
    **dict.fromkeys("()", 0.46),
    **dict.fromkeys("t", 0.48),
    **dict.fromkeys("r", 0.49),
    **dict.fromkeys("–", 0.5),
    **dict.fromkeys("z", 0.58),
    **dict.fromkeys("cs", 0.59),
    **dict.fromkeys("L", 0.64),
    **dict.fromkeys("vxy", 0.65),
    **dict.fromkeys("k", 0.67),
    **dict.fromkeys("aeEFT", 0.68),
    **dict.fromkeys("o", 0.69),
    **dict.fromkeys("0123456789", 0.7),
    **dict.fromkeys("hnu", 0.71),
    **dict.fromkeys("bdgpqSYZ", 0.72),
    **dict.fromkeys("CP", 0.73),
    **dict.fromkeys("B", 0.76),
    **dict.fromkeys("ARVX", 0.77),
    **dict.fromkeys("K", 0.78),
    **dict.fromkeys("U", 0.81),
    **dict.fromkeys("G", 0.82),
    **dict.fromkeys("D", 0.83),
    **dict.fromkeys("HN+→↓", 0.84),
    **dict.fromkeys("OQ", 0.85),
    **dict.fromkeys("&", 0.87),
    **dict.fromkeys("w", 0.92),
    **dict.fromkeys("M", 0.99),
    **dict.fromkeys("%", 1.0),
    **dict.fromkeys("m", 1.04),
    **dict.fromkeys("W", 1.1),
}
"""Advances, in ems, of DejaVu Sans Bold (LibreOffice's stand-in for Calibri where Calibri is missing, wider
than Calibri Bold): "Medium" is 4.5 em, not the 4.1 a flat average gave, so a heat map's "Mediu/m" broke."""
OTHER_EM = 1.0
"""A character not in the table (another script, a symbol): as wide as the widest letters."""
SAFETY = 1.04
"""A little room over the measured advances: kerning, hinting and the rounding of the widths."""
CELL_MARGINS_TWIPS = 2 * 80 + 40
"""The ``Table`` style's left and right cell margins, and a little for the rules."""

MAX_BODY_WORD = 12
"""A longer word in a body cell (not an ID or a rating) may break; every word of a heading is kept whole."""

_TABLE = re.compile(r"<w:tbl>.*?</w:tbl>", re.DOTALL)
_GRID = re.compile(r"<w:tblGrid>(.*?)</w:tblGrid>", re.DOTALL)
_COL = re.compile(r'<w:gridCol w:w="(\d+)" />')
_CELL = re.compile(r"<w:tc>(.*?)</w:tc>", re.DOTALL)


def widen_for_headings(xml: str, text_width_pt: float) -> str:
    """``document.xml`` with each table's columns at least as wide as their heading's longest word.

    A table is as wide as the text of its section (a landscape one's is wider): the section
    is given by the next ``w:sectPr``; ``text_width_pt`` is for a document without one.
    """
    return _TABLE.sub(lambda table: _widen(table.group(0), section_width(xml, table.end(), text_width_pt)), xml)


_SECTION = re.compile(
    r'<w:sectPr\b.*?<w:pgSz w:w="(?P<page>\d+)".*?<w:pgMar [^>]*?w:right="(?P<right>\d+)"[^>]*?w:left="(?P<left>\d+)"',
    re.DOTALL,
)


def section_width(xml: str, position: int, fallback_pt: float) -> float:
    """The text width, in twips, of the section holding the text at ``position``."""
    found = _SECTION.search(xml, position)
    if found is None:
        return fallback_pt * 20
    return float(int(found.group("page")) - int(found.group("left")) - int(found.group("right")))


def cell_text(cell: str) -> str:
    """The text of a table cell: its runs' text, a non-breaking hyphen as a hyphen."""
    parts = re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>|(<w:noBreakHyphen ?/>)|(<w:tab ?/>)", cell)
    return "".join(unescape(text) if text else "-" if hyphen else " " for text, hyphen, _tab in parts)


def word_twips(word: str) -> float:
    """A generous width of a word in the bold header text (body cells are no wider), in twips."""
    ems = sum(_BOLD_EMS.get(c, OTHER_EM) for c in word)
    return ems * HEADING_PT * 20 * SAFETY


def _widen(table: str, text_twips: float) -> str:
    grid = _GRID.search(table)
    rows = re.findall(r"<w:tr>.*?</w:tr>", table, re.DOTALL)
    if grid is None or not rows or "<w:tblHeader" not in rows[0]:
        return table
    widths = [int(w) for w in _COL.findall(grid.group(1))]
    if sum(widths) <= 0:
        return table
    longest = [0.0] * len(widths)
    heading = [0.0] * len(widths)
    for index, row in enumerate(rows):
        cells = [cell_text(c) for c in _CELL.findall(row)]
        if len(cells) != len(widths):
            continue  # a row of merged cells (a group's heading) spans the table
        for column, text in enumerate(cells):
            words = [w for w in text.split() if index == 0 or len(w) <= MAX_BODY_WORD]
            longest[column] = max([longest[column], *(word_twips(w) for w in words)])
            if index == 0:
                heading[column] = longest[column]
    needs = [(width + CELL_MARGINS_TWIPS) * 1.01 / text_twips for width in longest]  # 1%: the rounding
    if sum(needs) >= 1:  # no room for every ID as well: the headings' words come first
        needs = [(width + CELL_MARGINS_TWIPS) * 1.01 / text_twips for width in heading]
    shares = column_shares([w / sum(widths) for w in widths], needs)
    total = sum(widths)
    cols = "".join(f'<w:gridCol w:w="{math.ceil(s * total)}" />' for s in shares)
    return table[: grid.start(1)] + cols + table[grid.end(1) :]


def column_shares(shares: list[float], needs: list[float]) -> list[float]:
    """Shares of the table's width (adding up to 1) with every column at its need at least.

    What the short columns gain is taken from the others in proportion to their room above
    their own need; when the needs add up to more than the width, the needs are shared out.
    """
    if sum(needs) >= 1:
        return [n / sum(needs) for n in needs]
    deficit = sum(max(n - s, 0.0) for s, n in zip(shares, needs, strict=True))
    if deficit <= 0:
        return shares
    room = [max(s - n, 0.0) for s, n in zip(shares, needs, strict=True)]
    out = [max(s, n) for s, n in zip(shares, needs, strict=True)]
    return [o - deficit * r / sum(room) for o, r in zip(out, room, strict=True)]
