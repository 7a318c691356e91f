"""Writing sheets as an Excel workbook a drafter can work in.

Each kind is a worksheet: a bold header row whose cells carry each field's description as a
comment, the header row and ID column frozen, widths that fit, wrapped text in cells of several
lines, dates shown YYYY-MM-DD, and drop-down lists for choice fields and single references (the
values on a hidden ``lists`` sheet). The marking heads and foots every printed page and is the
workbook's subject; an ``about`` sheet says what the file is.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from generator.spreadsheet.cells import to_cell
from generator.spreadsheet.columns import Column
from generator.spreadsheet.sheets import Scope, Sheet

ABOUT_SHEET = "about"
LISTS_SHEET = "lists"
SPARE_ROWS = 500
"""Rows below the last entity that still get the drop-down lists, for new entities."""
_HEADER_FILL = PatternFill("solid", fgColor="DDE3EA")
_MAX_WIDTH = 60


def write_workbook(path: Path, sheets: list[Sheet], scope: Scope, ids: dict[str, list[str]], title: str) -> None:
    """Write ``sheets`` to an .xlsx file at ``path``."""
    book = Workbook()
    about = book.active
    assert about is not None
    about.title = ABOUT_SHEET
    lists = book.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    list_columns: dict[tuple[str, ...], str] = {}
    for sheet in sheets:
        _write_sheet(book.create_sheet(sheet.kind), sheet, scope, ids, lists, list_columns)
    _write_about(about, sheets, scope, title)
    book.properties.title = f"{title}: {', '.join(s.kind for s in sheets)}"
    book.properties.subject = scope.marking
    book.properties.keywords = f"{scope.marking}; edition {scope.name}"
    book.properties.creator = "Charter"
    fixed = dt.datetime(2000, 1, 1)  # no build time in the file: the same content gives the same workbook
    book.properties.created = book.properties.modified = fixed
    book.save(path)


def _write_about(about: Worksheet, sheets: list[Sheet], scope: Scope, title: str) -> None:
    rows: list[tuple[str, Any]] = [
        ("marking", scope.marking),
        ("publication", title),
        ("edition", scope.name),
        ("sheets", ", ".join(f"{s.kind} ({len(s.rows)})" for s in sheets)),
        ("import", "charter import FILE.xlsx: edits a row's entity in its file; a row with a new ID adds one"),
    ]
    for line, (key, value) in enumerate(rows, start=1):
        about.cell(line, 1, key).font = Font(bold=True)
        _set(about.cell(line, 2), value)
    about.column_dimensions["A"].width = 14
    about.column_dimensions["B"].width = 90
    _mark(about, scope)


def _write_sheet(
    ws: Worksheet,
    sheet: Sheet,
    scope: Scope,
    ids: dict[str, list[str]],
    lists: Worksheet,
    list_columns: dict[tuple[str, ...], str],
) -> None:
    widths = [len(c.name) + 2 for c in sheet.columns]
    for index, column in enumerate(sheet.columns, start=1):
        cell = ws.cell(1, index, column.name)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        note = column.description + (" (required)" if column.required else "")
        cell.comment = Comment(note, "Charter", width=320, height=110)
    for line, row in enumerate(sheet.rows, start=2):
        for index, column in enumerate(sheet.columns, start=1):
            value = to_cell(column, row.get(column.name))
            cell = _set(ws.cell(line, index), value)
            if isinstance(value, dt.date):
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(value, str) and "\n" in value:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            if value is not None:
                longest = max(len(part) for part in str(value).splitlines() or [""])
                widths[index - 1] = max(widths[index - 1], min(longest + 2, _MAX_WIDTH))
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(sheet.columns))}{max(len(sheet.rows) + 1, 2)}"
    last = len(sheet.rows) + 1 + SPARE_ROWS
    for index, column in enumerate(sheet.columns, start=1):
        values = _choices(column, ids)
        if not values:
            continue
        source = _list_range(values, lists, list_columns)
        check = DataValidation(type="list", formula1=source, allow_blank=True, showErrorMessage=True)
        check.errorTitle = column.name
        check.error = f"Pick one of the values in the list for {column.name}."
        letter = get_column_letter(index)
        check.add(f"{letter}2:{letter}{last}")
        ws.add_data_validation(check)
    _mark(ws, scope)


def _choices(column: Column, ids: dict[str, list[str]]) -> tuple[str, ...]:
    """The values a drop-down offers: a choice field's, or the IDs of the kinds a single reference names."""
    if column.shape != "value":
        return ()
    if column.choices:
        return column.choices
    return tuple(i for kind in column.refers for i in ids.get(kind, []))


def _list_range(values: tuple[str, ...], lists: Worksheet, known: dict[tuple[str, ...], str]) -> str:
    """A range of the hidden lists sheet that holds ``values``, one list per column, each written once."""
    if values not in known:
        index = len(known) + 1
        for line, value in enumerate(values, start=1):
            _set(lists.cell(line, index), value)
        letter = get_column_letter(index)
        known[values] = f"{quote_sheetname(LISTS_SHEET)}!${letter}$1:${letter}${len(values)}"
    return known[values]


def _set(cell: Any, value: Any) -> Any:
    """Put a value in a cell as a value: text that starts with '=' stays text, never a formula."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def _mark(ws: Worksheet, scope: Scope) -> None:
    """The marking at the top and the foot of every printed page of the sheet."""
    for part in (ws.oddHeader, ws.oddFooter):
        if part is None:
            continue
        part.center.text = scope.marking
        part.center.font = "Arial,Bold"
