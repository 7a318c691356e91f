"""What is kept of a mapping pydantic refused in part, so one bad value does not lose the rest.

:class:`~generator.validate.schema_reader.SchemaReader` cuts the smallest part around each
error (a list item, an optional field, an unknown key) and reads the rest again; a required
field that cannot be read gets a stand-in, and a value a choice does not allow gets a fallback.
"""

from __future__ import annotations

import functools
from typing import Any

from pydantic import BaseModel, create_model

from generator.model.refs import FieldPath
from generator.schema.slots import Slot, slot_at, slots


def fallback(slot: Slot, allowed: tuple[str, ...]) -> Any:
    """What stands for a value a choice field does not allow (see :meth:`SchemaReader._check_choices`)."""
    one_of = slot.one_of
    if one_of is not None and one_of.levels:
        if not allowed:
            return None
        return allowed[0] if one_of.lowest else allowed[-1]
    if slot.has_default:
        return slot.default()
    return allowed[0] if allowed else ""


def stand_in(slot: Slot) -> Any:
    """What a required field that cannot be read is read as: the builders drop an entity that needs it whole."""
    if slot.shape in ("list", "models"):
        return []
    if slot.shape in ("map", "model") or slot.refers or slot.one_of:
        return None
    if slot.named == "number":
        return 0.0
    if slot.named not in ("text", "value", "list of texts"):
        return None  # a date, a whole number, yes/no
    return ""


@functools.cache
def lenient(schema: type[BaseModel], keys: frozenset[str]) -> type[BaseModel]:
    """``schema`` with the fields ``keys`` optional and untyped, to read the rest of a mapping whose ``keys`` failed."""
    if not keys:
        return schema
    return create_model(  # type: ignore[call-overload]
        f"{schema.__name__}Salvaged", __base__=schema, **{key: (Any, None) for key in keys}
    )


def value_at(data: Any, path: FieldPath) -> Any:
    for part in path:
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data


def cut_for(schema: type[BaseModel], loc: FieldPath) -> FieldPath | None:
    """The smallest part around ``loc`` that can be left out: a list item, an optional field, an unknown key."""
    for end in range(len(loc), 0, -1):
        prefix = loc[:end]
        last = prefix[-1]
        if isinstance(last, int):
            return prefix
        container = slot_at(schema, prefix[:-1]) if len(prefix) > 1 else None
        if container is not None and container.shape == "map":
            if container.has_default:
                return prefix
            continue
        model = container.inner if container is not None else schema
        slot = slots(model).get(last) if model is not None else None
        if slot is None or slot.has_default:
            return prefix
    return None


def deepest_last(path: FieldPath) -> tuple[tuple[int, int, str], ...]:
    return tuple((len(path), part if isinstance(part, int) else 0, str(part)) for part in path)


def delete(data: Any, path: FieldPath) -> None:
    data = value_at(data, path[:-1])
    last = path[-1]
    if isinstance(data, dict):
        data.pop(last, None)
    elif isinstance(data, list) and isinstance(last, int) and last < len(data):
        del data[last]
