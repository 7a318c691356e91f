"""The columns of a kind's sheet, worked out from its schema and the publication's scales.

One row per entity, one column per field, in the schema's order:
- a value (text, number, date, yes/no, choice, ID) is one column;
- a list of values is one column, one item per line of the cell;
- a mapping of scores is one column per factor (``inherent.likelihood``) or impact dimension;
- a nested mapping (an action's ``raci``) is one column per field (``raci.responsible``);
- a list of mappings (a risk's ``controls``) is one column, one item per line, the item's fields
  in order and separated by ``" | "``;
- any other mapping (``restricted``) is one column, one ``key: value`` per line.

The sheet ends with a ``file`` column: where the entity is written, and where a new row's entity
is written on import.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from generator.model.settings import Settings
from generator.schema import ENTITY_SCHEMAS
from generator.schema.choices import Choices
from generator.schema.slots import Slot, slots
from generator.schema.types import Scores

ITEM_SEPARATOR = " | "
"""Between the fields of one item of a list of mappings, in one line of a cell."""
FILE_COLUMN = "file"
SHEET_KINDS = {"register": "risk", "risks": "risk", "actions": "action", "indicators": "indicator"}
"""Other names a drafter may give a kind on the command line."""


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a kind's sheet."""

    name: str
    """The header, and the path to the value: ``lead``, ``inherent.likelihood``, ``raci.consulted``."""
    path: tuple[str, ...]
    shape: str
    """``value``, ``list`` (an item a line), ``items`` (mappings, one a line) or ``pairs`` (``key: value`` lines)."""
    type: str
    """How a value is read: ``text``, ``whole number``, ``number``, ``date, YYYY-MM-DD`` or ``yes/no``."""
    description: str
    required: bool = False
    choices: tuple[str, ...] = ()
    """The allowed values, for a choice field (a drafter picks one from a list)."""
    refers: tuple[str, ...] = ()
    """The kinds whose IDs the column holds."""
    fields: tuple[str, ...] = ()
    """For ``items``: the fields of each item, in the order a line gives them."""
    group: str = ""
    """For one of several columns of one field: ``scores`` (a flow mapping) or ``fields`` (a block mapping)."""

    @property
    def key(self) -> str:
        """The top-level field the column is part of."""
        return self.path[0]


def kind_named(name: str) -> str | None:
    """The kind a name on the command line means (``risk``, ``register``, ``actions``), or None."""
    name = name.lower()
    if name in ENTITY_SCHEMAS:
        return name
    if name.endswith("s") and name[:-1] in ENTITY_SCHEMAS:
        return name[:-1]
    return SHEET_KINDS.get(name)


def columns(kind: str, settings: Settings) -> list[Column]:
    """Every column of a kind's sheet, in order, with the file column last."""
    choices = Choices.of(settings)
    found: list[Column] = []
    for slot in slots(ENTITY_SCHEMAS[kind]).values():
        found.extend(_columns_of(slot, settings, choices))
    found.append(Column(FILE_COLUMN, (FILE_COLUMN,), "value", "text", "the file the entity is written in", True))
    return found


def _columns_of(slot: Slot, settings: Settings, choices: Choices) -> list[Column]:
    description = slot.info.description or ""
    required = not slot.has_default
    scores = slot.marker(Scores)
    if scores is not None:
        keys = settings.scales.factors if scores.factors else list(settings.scales.impact_dimensions)
        return [
            Column(
                f"{slot.key}.{key}",
                (slot.key, key),
                "value",
                "whole number",
                f"{description}: {key}",
                required,
                group="scores",
            )
            for key in keys
        ]
    if slot.shape == "model" and slot.inner is not None:
        return [
            dataclasses.replace(
                _value_column(inner, (slot.key, inner.key), f"{slot.key}.{inner.key}", choices, required),
                group="fields",
            )
            for inner in slots(slot.inner).values()
        ]
    if slot.shape == "models" and slot.inner is not None:
        inner_keys = tuple(slots(slot.inner))
        written = ITEM_SEPARATOR.join(inner_keys)
        return [
            Column(slot.key, (slot.key,), "items", "text", f"{description}; one per line: {written}", fields=inner_keys)
        ]
    if slot.shape == "map":
        return [Column(slot.key, (slot.key,), "pairs", "text", f"{description}; one 'key: value' per line")]
    return [_value_column(slot, (slot.key,), slot.key, choices, required)]


def _value_column(slot: Slot, path: tuple[str, ...], name: str, choices: Choices, required: bool) -> Column:
    kind_type = "text" if slot.shape == "list" else slot.named
    allowed = choices.allowed(slot.one_of) if slot.one_of is not None else ()
    shape = "list" if slot.shape == "list" else "value"
    description = slot.info.description or ""
    if shape == "list":
        description += "; one per line"
    return Column(name, path, shape, kind_type, description, required and not slot.has_default, allowed, slot.refers)
