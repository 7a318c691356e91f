"""Right-to-left text in the DOCX, where pandoc's writer stops short.

pandoc gives each paragraph of a ``dir="rtl"`` div ``w:bidi`` (and its runs ``w:rtl``),
but a table there keeps its columns left to right, and a body paragraph loses its
``Body Text`` style. Here a table whose cells are right-to-left paragraphs is laid out
right to left (``w:bidiVisual``, its first column on the right), and such a paragraph gets
its style back.
"""

from __future__ import annotations

import re

_TABLE = re.compile(r"<w:tbl>.*?</w:tbl>", re.DOTALL)
_FIRST_CELL_PARAGRAPH = re.compile(r"<w:tc>.*?<w:pPr>(.*?)</w:pPr>", re.DOTALL)
_TABLE_STYLE = re.compile(r"(<w:tblPr>(?:<w:tblStyle [^>]*/>)?)")
_UNSTYLED_RTL = "<w:p><w:pPr><w:bidi /></w:pPr>"
_STYLED_RTL = '<w:p><w:pPr><w:pStyle w:val="BodyText" /><w:bidi /></w:pPr>'


def right_to_left(xml: str) -> str:
    """``document.xml`` with right-to-left tables mirrored and right-to-left body paragraphs styled."""
    if "<w:bidi />" not in xml:
        return xml
    return _TABLE.sub(_mirror, xml).replace(_UNSTYLED_RTL, _STYLED_RTL)


def _mirror(match: re.Match[str]) -> str:
    table = match.group(0)
    first = _FIRST_CELL_PARAGRAPH.search(table)
    if first is None or "<w:bidi />" not in first.group(1) or "<w:bidiVisual" in table:
        return table
    return _TABLE_STYLE.sub(r"\g<1><w:bidiVisual />", table, count=1)
