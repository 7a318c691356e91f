"""Line edits to the content's files: a field replaced, added or removed, an entity added.

An edit replaces whole lines, so everything else in a file (its prose, its comments, the order
of its fields, its line ends) stays byte for byte as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from generator.diagnostics import Location
from generator.schema import ENTITY_SCHEMAS
from generator.schema.slots import slots
from generator.spreadsheet.written import Written
from generator.spreadsheet.yaml_out import entry


@dataclass(slots=True)
class Edit:
    """Lines ``start`` to ``end`` (1-based, ``end`` exclusive) of a file become ``lines``."""

    path: str
    """The file, below the content folder."""
    start: int
    end: int
    lines: list[str]
    cells: dict[str, Location] = field(default_factory=dict)
    """The sheet cells the new lines come from, by column: where a problem in them is reported."""


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
"""A line with its end, as the loader counts lines (``\n``, ``\r\n`` or ``\r``; never U+2028 and the like)."""


def file_lines(text: str) -> list[str]:
    """A file's lines without their ends, numbered as the loader numbers them."""
    return [line.rstrip("\r\n") for line in _LINE.findall(text)]


def _is_filler(line: str, indent: int) -> bool:
    """A blank line, or a comment no deeper than the field's key (deeper, it may be a block scalar's text)."""
    stripped = line.strip()
    return not stripped or (stripped.startswith("#") and len(line) - len(line.lstrip()) <= indent)


def key_spans(written: Written, lines: list[str]) -> dict[str, tuple[int, int]]:
    """The lines each field of an entity stands on: from its key to before the next key (comments after it kept)."""
    keys = sorted(written.node.key_pos.items(), key=lambda item: item[1])
    spans: dict[str, tuple[int, int]] = {}
    for index, (key, (line, col)) in enumerate(keys):
        end = keys[index + 1][1][0] if index + 1 < len(keys) else written.end
        while end - 1 > line and _is_filler(lines[end - 2], col - 1):
            end -= 1
        spans[key] = (line, end)
    return spans


def entity_end(written: Written, lines: list[str]) -> int:
    """The line after an entity's last field (its trailing blank lines and comments left out)."""
    spans = key_spans(written, lines)
    return max(end for _, end in spans.values()) if spans else written.end


def flow_written(written: Written, lines: list[str]) -> bool:
    """Whether the entity is written as a flow mapping (``{id: ..., name: ...}``): not editable field by field."""
    first = lines[written.node.line - 1].lstrip()
    return first.removeprefix("-").lstrip().startswith("{")


def field_edits(
    written: Written, changed: dict[str, Any], lines: list[str], cells: dict[str, dict[str, Location]]
) -> list[Edit]:
    """The edits that give an entity the ``changed`` values (None: remove the field), field by field."""
    path = written.file.rel_path
    spans = key_spans(written, lines)
    id_col = written.node.key_pos["id"][1]
    indent = " " * (id_col - 1)
    if flow_written(written, lines):  # written as one flow mapping: written again, in block form, with the changes
        first = lines[written.node.line - 1]
        indent = " " * (first.index("-") if written.in_list and "-" in first else len(first) - len(first.lstrip()))
        data = {**written.data, **changed}
        new = entity_lines(written.kind, {k: v for k, v in data.items() if v is not None}, indent, written.in_list)
        end = entity_end(written, lines)
        return [Edit(path, written.node.line, end, new, {c: loc for k in changed for c, loc in cells[k].items()})]
    edits: list[Edit] = []
    order = list(slots(ENTITY_SCHEMAS[written.kind]))
    for key, value in changed.items():
        if key in spans:
            start, end = spans[key]
            if value is None:
                edits.append(Edit(path, start, end, [], cells[key]))
                continue
            _, col = written.node.key_pos[key]
            new = entry(key, value, " " * (col - 1), ids=_ids(written.kind, key))
            prefix = lines[start - 1][: col - 1]
            new[0] = prefix + new[0][col - 1 :]  # keeps a list item's "- " in front of its first key
            edits.append(Edit(path, start, end, new, cells[key]))
        elif value is not None:
            earlier = [k for k in order[: order.index(key)] if k in spans]
            after = spans[earlier[-1]][1] if earlier else spans["id"][1]
            new = entry(key, value, indent, ids=_ids(written.kind, key))
            edits.append(Edit(path, after, after, new, cells[key]))
    return edits


def _ids(kind: str, key: str) -> bool:
    slot = slots(ENTITY_SCHEMAS[kind]).get(key)
    return bool(slot and slot.refers)


def entity_lines(kind: str, values: dict[str, Any], indent: str = "", in_list: bool = False) -> list[str]:
    """An entity's mapping as block YAML, fields in the schema's order."""
    order = list(slots(ENTITY_SCHEMAS[kind]))
    lines: list[str] = []
    for key in sorted(values, key=lambda k: order.index(k) if k in order else len(order)):
        lines += entry(key, values[key], indent + ("  " if in_list and lines else ""), ids=_ids(kind, key))
    if in_list and lines:
        lines[0] = indent + "- " + lines[0][len(indent) :]
    return lines


def new_block(kind: str, values: dict[str, Any]) -> list[str]:
    """A data block of its own for a new entity, with a blank line before it."""
    return ["", f"```yaml {kind}", *entity_lines(kind, values), "```"]


def apply(text: str, edits: list[Edit]) -> tuple[str, list[tuple[Edit, int, int]]]:
    """The text with the edits made (line ends kept), and where each edit's lines now stand (1-based, end exclusive)."""
    lines = _LINE.findall(text)
    ending = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += ending
    placed: list[tuple[Edit, int, int]] = []
    shift = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        start = edit.start - 1 + shift
        lines[start : edit.end - 1 + shift] = [line + ending for line in edit.lines]
        placed.append((edit, start + 1, start + 1 + len(edit.lines)))
        shift += len(edit.lines) - (edit.end - edit.start)
    result = "".join(lines)
    if not text.endswith(("\n", "\r")) and result.endswith(ending) and text:
        result = result[: -len(ending)]
    return result, placed
