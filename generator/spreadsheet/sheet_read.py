"""Reading a sheet back: an .xlsx workbook (one worksheet per kind) or a CSV (one kind), every cell with its place.

A cell's place reads as a spreadsheet user finds it: ``register.xlsx:risk!C12`` in a workbook,
``risk.csv:12:3`` (line and field) in a CSV.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from generator.csv_cells import cell_text
from generator.diagnostics import Location, Report
from generator.schema import ENTITY_SCHEMAS
from generator.spreadsheet.sheets import MARKING_PREFIX
from generator.spreadsheet.workbook import ABOUT_SHEET, LISTS_SHEET

_HEADER_LINE = re.compile(r"\|\s*kind:\s*(?P<kind>[\w-]+)\s*\|\s*edition:\s*(?P<edition>[\w.-]+)")


class Unread:
    """A cell whose value could not be read (already reported): its field stays as it is written."""


UNREAD = Unread()


class SheetCell(Location):
    """A cell of a workbook: ``path`` is ``FILE.xlsx:Sheet!``, ``line`` the row and ``col`` the column."""

    __slots__ = ()

    def __str__(self) -> str:
        return f"{self.path}{get_column_letter(self.col)}{self.line}"


@dataclass(slots=True)
class Row:
    """One row: each column's value by header, and where each cell is."""

    values: dict[str, Any]
    cells: dict[str, Location]
    start: Location
    """The row's first cell."""


@dataclass(slots=True)
class Table:
    """One kind's rows as the sheet holds them."""

    kind: str
    header: list[str]
    header_cells: list[Location]
    rows: list[Row] = field(default_factory=list)
    edition: str | None = None
    """The view the sheet was exported in (``all``, or an edition's ID); None when the sheet does not say."""
    where: Location = field(default_factory=lambda: Location("", 1, 1))
    """The sheet itself (its first cell), for what concerns all of it."""


def read_sheet(path: Path, report: Report) -> list[Table]:
    """Every kind's table in the file; problems (an unreadable file, an unknown sheet) go to ``report``."""
    if path.suffix.lower() == ".csv":
        return _read_csv(path, report)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_workbook(path, report)
    report.error(
        Location(str(path), 1, 1), "E-SHEET-FORMAT", "not an .xlsx or .csv file", "export one with charter export"
    )
    return []


def _read_workbook(path: Path, report: Report) -> list[Table]:
    try:
        book = load_workbook(path, read_only=True, data_only=True)
        formulas = load_workbook(path, read_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as problem:
        report.error(Location(str(path), 1, 1), "E-SHEET-FORMAT", f"cannot read the workbook: {problem}")
        return []
    edition: str | None = None
    if ABOUT_SHEET in book.sheetnames:
        for key, value, *_ in book[ABOUT_SHEET].iter_rows(values_only=True):
            if key == "edition" and value:
                edition = str(value)
    tables: list[Table] = []
    for name in book.sheetnames:
        if name in (ABOUT_SHEET, LISTS_SHEET):
            continue
        where = f"{path}:{name}!"
        if name not in ENTITY_SCHEMAS:
            kinds = ", ".join(ENTITY_SCHEMAS)
            report.error(
                SheetCell(where, 1, 1),
                "E-SHEET-KIND",
                f"sheet '{name}' is not a kind of entity",
                f"name each sheet after the kind it holds ({kinds}), as charter export does",
            )
            continue
        grid = [list(row) for row in book[name].iter_rows(values_only=True)]
        written = [list(row) for row in formulas[name].iter_rows(values_only=True)]
        _computed(grid, written, where, report)
        tables.append(_table(name, grid, lambda r, c, w=where: SheetCell(w, r, c), edition, report))
    book.close()
    formulas.close()
    return tables


def _computed(grid: list[list[Any]], written: list[list[Any]], where: str, report: Report) -> None:
    """A formula counts as the value the spreadsheet computed for it; one saved without a value is refused.

    A workbook saved by a spreadsheet program keeps each formula's last value; one written by a
    script may not, and an empty value would read as "remove this field".
    """
    for r, (values, formulas) in enumerate(zip(grid, written, strict=False), start=1):
        for c, (value, formula) in enumerate(zip(values, formulas, strict=False), start=1):
            if isinstance(formula, str) and formula.startswith("=") and value != formula and value is None:
                values[c - 1] = UNREAD  # reported here; import leaves the field as it is written
                report.error(
                    SheetCell(where, r, c),
                    "E-SHEET-VALUE",
                    f"the cell holds the formula '{formula}' with no value saved",
                    "type the value itself, or open and save the file in a spreadsheet program",
                )


def _read_csv(path: Path, report: Report) -> list[Table]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as problem:
        report.error(Location(str(path), 1, 1), "E-SHEET-FORMAT", f"cannot read the CSV as UTF-8 text: {problem}")
        return []
    kind, edition, first = None, None, 1
    lines = text.splitlines(keepends=True)
    if lines and lines[0].startswith(MARKING_PREFIX.strip()):
        found = _HEADER_LINE.search(lines[0])
        if found:
            kind, edition = found.group("kind"), found.group("edition")
        text, first = "".join(lines[1:]), 2
    header_line = text.split("\n", 1)[0]
    # A spreadsheet set to a language that writes decimal commas saves CSV with ';' between fields.
    delimiter = max((",", ";", "\t"), key=header_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    grid: list[list[Any]] = []
    starts: list[int] = []
    while True:
        start = reader.line_num + first
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as problem:
            report.error(Location(str(path), start, 1), "E-SHEET-FORMAT", f"cannot read the CSV: {problem}")
            return []
        grid.append([cell_text(cell) for cell in row])
        starts.append(start)
    header = [str(h or "").strip() for h in grid[0]] if grid else []
    kind = kind or _kind_of(header)
    if kind is None or kind not in ENTITY_SCHEMAS:
        report.error(
            Location(str(path), first, 1),
            "E-SHEET-KIND",
            "cannot tell which kind of entity the CSV holds",
            "keep the first line charter export writes ('# ... | kind: risk | edition: all')",
        )
        return []
    return [_table(kind, grid, lambda r, c: Location(str(path), starts[r - 1], c), edition, report)]


def _kind_of(header: list[str]) -> str | None:
    """The kind whose fields best match a header without the first line (one that names a field only it has)."""
    from generator.schema.slots import slots

    keys = {h.split(".")[0] for h in header}
    scored = [(len(keys & set(slots(schema))), kind) for kind, schema in ENTITY_SCHEMAS.items()]
    best = max(scored)
    return best[1] if best[0] > 1 and [s for s, _ in scored].count(best[0]) == 1 else None


def _table(kind: str, grid: list[list[Any]], at: Any, edition: str | None, report: Report) -> Table:
    """A table from a grid of values, ``at(row, col)`` giving each cell's place (both 1-based).

    A value in a column without a name is an error: it is most often a field cut in two by a
    comma in a CSV, and dropping it would lose data without a word.
    """
    header = [str(h).strip() if h is not None else "" for h in grid[0]] if grid else []
    table = Table(kind, header, [at(1, c) for c in range(1, len(header) + 1)], edition=edition, where=at(1, 1))
    for index, values in enumerate(grid[1:], start=2):
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue  # an empty row
        row = Row({}, {}, at(index, 1))
        for col, name in enumerate(header, start=1):
            if name:
                row.values[name] = values[col - 1] if col - 1 < len(values) else None
                row.cells[name] = at(index, col)
        for col, value in enumerate(values, start=1):
            named = col <= len(header) and header[col - 1]
            if not named and value is not None and str(value).strip():
                report.error(
                    at(index, col),
                    "E-SHEET-VALUE",
                    f"{kind} sheet: '{str(value).strip()[:60]}' stands in a column without a name",
                    "in a CSV, put a value holding a comma in double quotes; or delete the stray cell",
                )
        table.rows.append(row)
    return table
