"""A field's new value, as YAML will write it, from the sheet's columns of that field."""

from __future__ import annotations

from typing import Any

from generator.spreadsheet.cells import Plain
from generator.spreadsheet.columns import Column
from generator.spreadsheet.yaml_out import BlockMap


def build_value(key: str, used: list[Column], values: dict[str, Plain], written: dict[str, Any]) -> Any:
    """The value of field ``key`` from the sheet's columns of it; None when the sheet leaves it empty.

    A field of several columns (scores, an action's ``raci``) keeps what it writes for a part the
    sheet has no column for.
    """
    cols = [c for c in used if c.key == key]
    if not cols[0].group:
        return _value(cols[0], values[cols[0].name])
    current = written.get(key)
    current = current if isinstance(current, dict) else {}
    result: dict[str, Any] = BlockMap() if cols[0].group == "fields" else {}
    by_part = {c.path[1]: c for c in cols}
    for part in [*by_part, *(k for k in current if k not in by_part)]:
        value = _value(by_part[part], values[by_part[part].name]) if part in by_part else current[part]
        if value is not None:
            result[part] = value
    return result or None


def _value(column: Column, plain: Plain) -> Any:
    if plain is None:
        return None
    if column.shape == "list":
        return list(plain)  # type: ignore[arg-type]
    if column.shape == "items":
        items = []
        for item in plain:  # type: ignore[union-attr]
            items.append({k: v for k, v in zip(column.fields, item, strict=False) if v != ""})
        return items
    if column.shape == "pairs":
        return dict(plain)  # type: ignore[arg-type]
    return plain
