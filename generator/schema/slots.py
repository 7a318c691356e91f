"""What a schema declares, field by field, as the rest of Charter reads it.

:func:`slots` lists a schema's fields with their shape (a value, a list, a mapping, a nested
schema) and their markers (:class:`~generator.schema.types.Refers`,
:class:`~generator.schema.types.OneOf`, ...), worked out once per schema. The reader, the
edition cut, the leak check and the documentation all ask here instead of keeping lists of
field names of their own.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from dataclasses import dataclass
from typing import Any

from annotated_types import Ge, Le
from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from generator.model.refs import FieldPath
from generator.schema.types import Named, OneOf, Refers, StandIn, Withhold


def _unwrap(annotation: Any) -> tuple[Any, list[Any]]:
    """A type without ``Annotated`` and ``| None``, and the markers it carried."""
    markers: list[Any] = []
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation, *extra = typing.get_args(annotation)
            markers.extend(extra)
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation, markers
            annotation = args[0]
        else:
            return annotation, markers


@dataclass(frozen=True, slots=True)
class Slot:
    """One field of a schema, as the reader needs it."""

    key: str
    info: FieldInfo
    markers: tuple[Any, ...]
    shape: str
    """``scalar``, ``list`` (of scalars), ``map`` (of scalars), ``model``, ``models`` (a list of them)."""
    inner: type[BaseModel] | None = None
    refers: tuple[str, ...] = ()
    """The kinds the field's IDs may name, for a reference field."""
    one_of: OneOf | None = None
    has_default: bool = False

    def marker(self, kind: type[Any]) -> Any:
        """The field's first marker of a kind, or None."""
        return next((m for m in self.markers if isinstance(m, kind)), None)

    @property
    def bounds(self) -> tuple[Any, Any]:
        """The lowest and highest value a number field allows (None where unbounded)."""
        markers = [*self.markers, *(inner for m in self.markers if isinstance(m, FieldInfo) for inner in m.metadata)]
        low = next((m.ge for m in markers if isinstance(m, Ge)), None)
        high = next((m.le for m in markers if isinstance(m, Le)), None)
        return low, high

    @property
    def named(self) -> str:
        """How the field's type is named ('whole number', 'value'): the outermost name it was given."""
        names = [m.name for m in self.markers if isinstance(m, Named)]
        return names[-1] if names else "text"

    def default(self) -> Any:
        factory = self.info.default_factory
        return factory() if factory is not None else self.info.default  # type: ignore[call-arg]


def _slot(key: str, info: FieldInfo) -> Slot:
    slot = _shaped(key, info)
    refers = slot.marker(Refers)
    return dataclasses.replace(
        slot,
        refers=refers.kinds if refers is not None else (),
        one_of=slot.marker(OneOf),
        has_default=info.default is not PydanticUndefined or info.default_factory is not None,
    )


def _shaped(key: str, info: FieldInfo) -> Slot:
    annotation, markers = _unwrap(info.annotation)
    markers = [*info.metadata, *markers]
    origin = typing.get_origin(annotation)
    if origin is list:
        item, item_markers = _unwrap(typing.get_args(annotation)[0])
        markers += [m for m in item_markers if not isinstance(m, Named)]  # the list's own name stands
        if isinstance(item, type) and issubclass(item, BaseModel):
            return Slot(key, info, tuple(markers), "models", item)
        return Slot(key, info, tuple(markers), "list")
    if origin is dict:
        markers += _unwrap(typing.get_args(annotation)[1])[1]  # a value's name names the mapping's values
        return Slot(key, info, tuple(markers), "map")
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return Slot(key, info, tuple(markers), "model", annotation)
    return Slot(key, info, tuple(markers), "scalar")


@functools.cache
def slots(schema: type[BaseModel]) -> dict[str, Slot]:
    """The fields of a schema, by key."""
    return {key: _slot(key, info) for key, info in schema.model_fields.items()}


@functools.cache
def nested(schema: type[BaseModel]) -> tuple[Slot, ...]:
    """The fields that hold mappings of their own (one, or a list of them)."""
    return tuple(s for s in slots(schema).values() if s.inner is not None)


@functools.cache
def referring(schema: type[BaseModel]) -> tuple[Slot, ...]:
    """The fields that hold references, or mappings that do."""
    return tuple(s for s in slots(schema).values() if s.refers or (s.inner is not None and referring(s.inner)))


@functools.cache
def choosing(schema: type[BaseModel]) -> tuple[Slot, ...]:
    """The fields with allowed values, or mappings that have some."""
    return tuple(s for s in slots(schema).values() if s.one_of or (s.inner is not None and choosing(s.inner)))


@functools.cache
def extra_slot(schema: type[BaseModel]) -> Slot | None:
    """The type of a schema's extra keys (the scales' factors), when it allows them."""
    if schema.model_config.get("extra") != "allow":
        return None
    annotation = schema.__annotations__.get("__pydantic_extra__")
    hints = typing.get_type_hints(schema)
    annotation = hints.get("__pydantic_extra__", annotation)
    value_type = typing.get_args(annotation)[1]
    return _slot("*", FieldInfo.from_annotation(value_type))


def slot_at(schema: type[BaseModel], path: FieldPath) -> Slot | None:
    """The field a path below a mapping of ``schema`` ends in (its nearest named field)."""
    found: Slot | None = None
    current: type[BaseModel] | None = schema
    for part in path:
        if isinstance(part, int):
            continue
        if current is None:
            return found
        found = slots(current).get(part) or extra_slot(current)
        if found is None:
            return None
        current = found.inner
    return found


def withholdable(schema: type[BaseModel], key: str) -> bool:
    """Whether ``restricted:`` may withhold a field on its own.

    The schema says so (:class:`~generator.schema.types.Withhold`), or the field is optional:
    an edition shows it as absent.
    """
    slot = slots(schema).get(key)
    if slot is None:
        return False
    marker = slot.marker(Withhold)
    return marker.allowed if marker is not None else slot.has_default


def holds_words(slot: Slot) -> bool:
    """Whether a field holds words of the content (text, not IDs, choices, numbers or dates, nor public stand-ins)."""
    if slot.marker(Refers) or slot.marker(OneOf) or slot.marker(StandIn):
        return False
    if slot.inner is not None:
        return any(holds_words(inner) for inner in slots(slot.inner).values())
    annotation, _ = _unwrap(slot.info.annotation)
    if typing.get_origin(annotation) in (list, dict):
        annotation = _unwrap(typing.get_args(annotation)[-1])[0]
    return annotation is str
