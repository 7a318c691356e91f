"""Values between YAML, sheet cells and JSON: each column's value in one plain form, to compare.

A value's plain form is what import compares: a text, a whole number, a number, a date or a
yes/no for one value; a tuple of texts for a list; a tuple of tuples for a list of mappings
or for ``key: value`` pairs; None for nothing written. The same value written ``5`` in YAML,
typed 5 in Excel or ``5`` in a CSV has one plain form, so an unchanged cell is never a change.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from typing import Any

from generator.spreadsheet.columns import ITEM_SEPARATOR, Column

Plain = str | int | float | bool | dt.date | tuple[Any, ...] | None

_INT = re.compile(r"^[+-]?\d+$")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DAY_FIRST = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")
_TRUE = frozenset({"true", "yes"})
_FALSE = frozenset({"false", "no"})
_ID_SPLIT = re.compile(r"[\n,;]+")


class CellError(ValueError):
    """A cell that cannot be read as its column wants: the message, and a hint."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint


# -- from YAML (the content as written) ---------------------------------------------------------------


def from_yaml(column: Column, data: dict[str, Any]) -> Plain:
    """A column's plain value in an entity's mapping as YAML read it (texts, lists, mappings)."""
    value: Any = data
    for part in column.path:
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    if column.shape == "list":
        items = [value] if isinstance(value, str) else value
        return tuple(str(item) for item in items) if isinstance(items, list) and items else None
    if column.shape == "items":
        if not isinstance(value, list) or not value:
            return None
        return tuple(_item_from_yaml(column, item) for item in value)
    if column.shape == "pairs":
        return tuple((str(k), str(v)) for k, v in value.items()) if isinstance(value, dict) and value else None
    return _typed(column.type, value) if isinstance(value, str) else None


def _item_from_yaml(column: Column, item: Any) -> tuple[str, ...]:
    if not isinstance(item, dict):
        return (str(item),)
    values = [str(item.get(key, "")) for key in column.fields]
    while values and not values[-1]:
        values.pop()
    return tuple(values)


def _typed(kind: str, text: str) -> Plain:
    """A text read as its type; text that does not read so stays text (the check reports it)."""
    text = text.strip()
    if kind == "whole number" and _INT.match(text):
        return int(text)
    if kind == "number" and _NUMBER.match(text):
        number = float(text)
        return int(number) if number.is_integer() and _INT.match(text) else number
    if kind.startswith("date") and _ISO.match(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return text
    if kind == "yes/no" and text.lower() in _TRUE | _FALSE:
        return text.lower() in _TRUE
    return text


# -- from a cell ----------------------------------------------------------------------------------------


def from_cell(column: Column, value: Any) -> Plain:
    """A cell's plain value; :class:`CellError` when it cannot be read as the column wants."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if column.shape == "list":
        text = _text(value)
        parts = _ID_SPLIT.split(text) if column.refers else text.split("\n")
        return tuple(p.strip() for p in parts if p.strip()) or None
    if column.shape == "items":
        return tuple(_item_from_cell(column, line) for line in _text(value).split("\n") if line.strip()) or None
    if column.shape == "pairs":
        return tuple(_pair(line) for line in _text(value).split("\n") if line.strip()) or None
    return _value_from_cell(column.type, value)


def _value_from_cell(kind: str, value: Any) -> Plain:
    if kind == "whole number":
        if isinstance(value, bool):
            raise CellError("expected a whole number")
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, int):
            return value
        if isinstance(value, str) and _INT.match(value.strip()):
            return int(value.strip())
        raise CellError(f"'{_text(value)}' is not a whole number", "write digits only, e.g. 4")
    if kind == "number":
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return int(value) if float(value).is_integer() else float(value)
        if isinstance(value, str) and _NUMBER.match(value.strip()):
            return _typed("number", value)
        raise CellError(f"'{_text(value)}' is not a number", "write digits only, e.g. 12 or 12.5")
    if kind.startswith("date"):
        return _date(value)
    if kind == "yes/no":
        if isinstance(value, bool):
            return value
        text = _text(value).lower()
        if text in _TRUE | _FALSE:
            return text in _TRUE
        raise CellError(f"'{_text(value)}' is not yes or no", "write yes or no")
    return _text(value)


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    if _ISO.match(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    day_first = _DAY_FIRST.match(text)
    hint = "write dates as YYYY-MM-DD, e.g. 2027-03-31"
    if day_first:
        day, month, year = (int(g) for g in day_first.groups())
        with contextlib.suppress(ValueError):
            hint = f"write dates as YYYY-MM-DD: {dt.date(year, month, day).isoformat()}?"
    raise CellError(f"'{text}' is not a date written YYYY-MM-DD", hint)


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _item_from_cell(column: Column, line: str) -> tuple[str, ...]:
    values = [part.strip() for part in _split_item(line)]
    if len(values) > len(column.fields):
        written = ITEM_SEPARATOR.join(column.fields)
        raise CellError(f"'{line.strip()}' has {len(values)} parts; {column.name} takes {len(column.fields)}", written)
    while values and not values[-1]:
        values.pop()
    return tuple(values)


def _escape(text: str) -> str:
    """A field of an item as one line of a cell holds it: ``\\``, ``\\|`` and ``\n`` for what would break it."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "\\n")


def _split_item(line: str) -> list[str]:
    r"""The fields of one item's line, at each ``|`` not written ``\|``, with the escapes undone."""
    parts, current, chars = [], [], iter(line)
    for char in chars:
        if char == "\\":
            following = next(chars, "")
            current.append({"n": "\n", "|": "|", "\\": "\\"}.get(following, char + following))
        elif char == "|":
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _pair(line: str) -> tuple[str, str]:
    key, colon, value = line.partition(":")
    if not colon or not key.strip() or not value.strip():
        raise CellError(f"'{line.strip()}' is not 'key: value'", "write one 'field: LEVEL' per line")
    return key.strip(), value.strip()


# -- to a cell, a CSV field, JSON ----------------------------------------------------------------------


def to_cell(column: Column, value: Plain) -> Any:
    """What a sheet cell holds for a plain value (numbers, dates and yes/no stay typed)."""
    if value is None:
        return None
    if isinstance(value, tuple):
        if column.shape == "items":
            return "\n".join(ITEM_SEPARATOR.join(_escape(field) for field in item) for item in value)
        if column.shape == "pairs":
            return "\n".join(f"{k}: {v}" for k, v in value)
        return "\n".join(value)
    return value


def to_text(column: Column, value: Plain) -> str:
    """What a CSV field holds for a plain value."""
    cell = to_cell(column, value)
    if cell is None:
        return ""
    return _text(cell)


def to_json(column: Column, value: Plain) -> Any:
    """A plain value as JSON holds it: items as objects, pairs as an object, dates as ISO text."""
    if column.shape == "list":
        return list(value)  # type: ignore[arg-type]
    if column.shape == "items":
        return [dict(zip(column.fields, item, strict=False)) for item in value]  # type: ignore[union-attr]
    if column.shape == "pairs":
        return dict(value)  # type: ignore[arg-type]
    return value.isoformat() if isinstance(value, dt.date) else value
