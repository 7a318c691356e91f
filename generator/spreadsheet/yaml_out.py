"""Writing a field as YAML the way the sample writes it, so an imported change reads like a drafter's.

- a value on the key's line, plain where YAML reads it back as the same text, in single quotes
  otherwise; a long text folded (``>-``) at the page width, a text of several lines literal (``|-``);
- a list of IDs as a flow list (``[AG-NAVY, AG-POLICE]``) where it fits, other lists one item a line;
- scores and ``restricted:`` as flow mappings (``{likelihood: 4, impact: 3}``);
- a nested mapping (``raci``) as a block, one field a line;
- a list of mappings (``controls``) one flow mapping a line.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
from typing import Any

from generator.load import yamlnodes
from generator.load.yamlnodes import YamlProblem, YMap, YScalar

WIDTH = 88
"""The sample's line width for folded text."""
_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
_FLOW_UNSAFE = set(",[]{}")
_SIMPLE_ID = re.compile(r"^[^\s,\[\]{}#&*!|>'\"%@`:?-][^\s,\[\]{}#]*$")


def scalar(value: Any, *, flow: bool = False) -> str:
    """One value as YAML writes it on one line."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = repr(value)
        return text if "e" not in text else f"{value:.12f}".rstrip("0").rstrip(".")
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if _plain_reads_back(text, flow=flow):
        return text
    if "\n" not in text and not any(ord(c) < 32 for c in text):
        return "'" + text.replace("'", "''") + "'"
    return json.dumps(text, ensure_ascii=False)  # a YAML double-quoted scalar with escapes


def _plain_reads_back(text: str, *, flow: bool) -> bool:
    if not text or text != text.strip() or text[0] in _INDICATORS or any(ord(c) < 32 for c in text):
        return False
    if ": " in text or " #" in text or text.endswith(":") or (flow and _FLOW_UNSAFE & set(text)):
        return False
    if text in yamlnodes.NULLS:
        return False
    try:
        node = yamlnodes.parse(f"k: [{text}]" if flow else f"k: {text}", first_line=1)
    except YamlProblem:
        return False
    if not isinstance(node, YMap):
        return False
    found = node.items.get("k")
    if flow:
        items = getattr(found, "items", None)
        found = items[0] if items and len(items) == 1 else None
    return isinstance(found, YScalar) and not found.quoted and found.text == text


def entry(key: str, value: Any, indent: str, *, ids: bool = False) -> list[str]:
    """The lines of ``key: value`` at ``indent`` (without line ends).

    ``value`` is a scalar, a list (``ids`` for a list of references), a dict of scalars (a flow
    mapping), a dict holding lists or dicts (a block mapping), or a list of dicts (flow items).
    """
    if isinstance(value, list):
        return _list_entry(key, value, indent, ids=ids)
    if isinstance(value, dict):
        if all(not isinstance(v, (list, dict)) for v in value.values()) and not isinstance(value, BlockMap):
            return [f"{indent}{key}: {_flow_map(value)}"]
        lines = [f"{indent}{key}:"]
        for inner_key, inner in value.items():
            lines += entry(inner_key, inner, indent + "  ", ids=_looks_like_ids(inner))
        return lines
    text = scalar(value)
    first = f"{indent}{key}: "
    if isinstance(value, str) and "\n" in value and _literal_ok(value):
        return [f"{indent}{key}: |-", *(f"{indent}  {line}" if line else "" for line in value.split("\n"))]
    if isinstance(value, str) and len(first) + len(text) > WIDTH and _foldable(value):
        wrapped = textwrap.wrap(value, WIDTH - len(indent) - 2, break_long_words=False, break_on_hyphens=False)
        return [f"{indent}{key}: >-", *(f"{indent}  {line}" for line in wrapped)]
    return [first + text]


class BlockMap(dict[str, Any]):
    """A mapping to be written one field a line even when its values are all scalars (an action's ``raci``)."""


def _list_entry(key: str, items: list[Any], indent: str, *, ids: bool) -> list[str]:
    if ids and all(_SIMPLE_ID.match(str(i)) for i in items):
        line = f"{indent}{key}: [{', '.join(str(i) for i in items)}]"
        if len(line) <= WIDTH:
            return [line]
    lines = [f"{indent}{key}:"]
    for item in items:
        if isinstance(item, dict):
            lines.append(f"{indent}  - {_flow_map(item)}")
        else:
            lines.append(f"{indent}  - {scalar(item)}")
    return lines


def _flow_map(value: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{k}: {scalar(v, flow=True)}" for k, v in value.items()) + "}"


def _looks_like_ids(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(i, str) and _SIMPLE_ID.match(i) for i in value)


def _foldable(text: str) -> bool:
    """Whether folding at spaces reads back the same text: single spaces only, nothing YAML would keep apart."""
    return "  " not in text and text == text.strip() and not any(ord(c) < 32 for c in text)


def _literal_ok(text: str) -> bool:
    lines = text.split("\n")
    return (
        all(line == line.rstrip() for line in lines)
        and bool(lines[0].strip())
        and not lines[0].startswith(" ")
        and lines[-1] != ""
        and not any(ord(c) < 32 and c != "\n" for c in text)
    )
