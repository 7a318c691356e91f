"""Writing sheets as CSV (one kind a file) and as JSON (every kind in one file).

A CSV starts with one comment line that carries the marking (``# OFFICIAL | charter export |
kind: risk | edition: public``), then the header row, then one row per entity (RFC 4180, UTF-8).
A cell a spreadsheet would run as a formula (one starting with ``=``, ``+``, ``-`` or ``@``)
is written with a ``'`` in front, as spreadsheets themselves mark text; import drops it again.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from generator.csv_cells import text_cell
from generator.spreadsheet.cells import to_json, to_text
from generator.spreadsheet.columns import FILE_COLUMN
from generator.spreadsheet.sheets import Scope, Sheet


def csv_text(sheet: Sheet, scope: Scope) -> str:
    """One kind's sheet as CSV text."""
    out = io.StringIO(newline="")
    out.write(scope.header_line(sheet.kind) + "\r\n")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.name for c in sheet.columns])
    for row in sheet.rows:
        writer.writerow([text_cell(to_text(c, row.get(c.name))) for c in sheet.columns])
    return out.getvalue()


def json_text(sheets: list[Sheet], scope: Scope, title: str) -> str:
    """Every sheet as one JSON document: ``{"classification", "edition", "publication", "<kind>": [...]}``."""
    document: dict[str, Any] = {"classification": scope.marking, "edition": scope.name, "publication": title}
    for sheet in sheets:
        document[sheet.kind] = [_entity(sheet, row) for row in sheet.rows]
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _entity(sheet: Sheet, row: dict[str, Any]) -> dict[str, Any]:
    entity: dict[str, Any] = {}
    for column in sheet.columns:
        value = row.get(column.name)
        if value is None:
            continue
        target = entity
        for part in column.path[:-1]:
            target = target.setdefault(part, {})
        target[column.path[-1]] = to_json(column, value)
    file = entity.pop(FILE_COLUMN, None)
    if file is not None:
        entity[FILE_COLUMN] = file
    return entity


def write_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", newline="")
