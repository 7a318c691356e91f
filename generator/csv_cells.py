"""CSV cells a spreadsheet opens safely: text that would run as a formula is marked as text.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
return) as a formula: OWASP's "CSV injection". Every CSV Charter writes (the site's open data,
``charter export``) puts a ``'`` before such a text, as spreadsheets themselves mark text, and
``charter import`` takes it off again.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet reads as the start of a formula."""
TEXT_MARK = "'"


def text_cell(text: str) -> str:
    """A text as a CSV cell: with a ``'`` in front when a spreadsheet would run it."""
    return TEXT_MARK + text if text.startswith(FORMULA_STARTS) else text


def cell_text(cell: str) -> str:
    """A CSV cell's text as it was before :func:`text_cell` marked it."""
    if cell.startswith(TEXT_MARK) and cell[1:].startswith(FORMULA_STARTS):
        return cell[1:]
    return cell
