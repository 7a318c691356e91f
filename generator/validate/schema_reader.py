"""Read a located YAML mapping against its schema, reporting every problem at its own ``file:line:col``.

The mapping is handed to pydantic as plain text (:func:`plain`), which collects every error
of the mapping at once. Each error's location path (``("controls", 0, "owner")``) is mapped
back onto the YAML node it names, so a diagnostic points at the value, or at the key of a
missing or unknown field. What pydantic cannot know is then read off the schema's markers:
allowed values that depend on the publication (:class:`~generator.schema.types.OneOf`) and
references (:class:`~generator.schema.types.Refers`), recorded for the resolver.

A mapping with a bad optional field is read again without it, so the rest of it still
counts (its references are checked, its entity exists); only a mapping whose required
fields are unusable reads as None.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from annotated_types import Ge, Le
from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from generator.diagnostics import Location, Report, did_you_mean, location
from generator.load.source import SourceFile
from generator.load.yamlnodes import NULLS as _NULLS
from generator.load.yamlnodes import Quoted, YMap, YNode, YScalar, YSeq
from generator.model.refs import FieldPath, Ref, describe, render_path
from generator.model.vocabulary import Vocabularies
from generator.schema.slots import Slot, choosing, referring, slot_at, slots
from generator.schema.types import EXPECTED, OneOf, Refers

M = TypeVar("M", bound=BaseModel)
_new_tuple = tuple.__new__


def plain(node: YNode) -> Any:
    """A YAML node as the plain text, lists and mappings pydantic reads; a null value in a mapping is absent.

    The loader made it while reading (``data``); a mapping made by hand is turned here.
    """
    if isinstance(node, YMap):
        if node.data is not None:
            return node.data
        return {key: value for key, value in ((k, plain(v)) for k, v in node.items.items()) if value is not None}
    if isinstance(node, YScalar):
        if node.quoted:
            return Quoted(node.text)
        return None if node.text in _NULLS else node.text
    return node.data if node.data is not None else [plain(item) for item in node.items]


def describe_node(node: YNode | None) -> str:
    """A value as messages show what was found: ``'two'``, ``a mapping``, ``a list``."""
    if isinstance(node, YMap):
        return "a mapping"
    if isinstance(node, YSeq):
        return "a list"
    return f"'{node.text}'" if node is not None else "nothing"


@dataclass(frozen=True, slots=True)
class Choices:
    """The values a :class:`OneOf` field allows in this publication."""

    levels: tuple[str, ...]
    vocabulary: Vocabularies = field(default_factory=Vocabularies)
    _sets: dict[int, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)

    def allows(self, one_of: OneOf, value: str) -> bool:
        """Whether ``value`` is one of the allowed values."""
        allowed = self._sets.get(id(one_of))  # the schemas' markers live as long as the process
        if allowed is None:
            allowed = self._sets[id(one_of)] = frozenset(self.allowed(one_of))
        return value in allowed

    def allowed(self, one_of: OneOf) -> tuple[str, ...]:
        """The allowed values, in order."""
        if one_of.levels:
            return self.levels
        if one_of.vocabulary:
            return self.vocabulary.named(one_of.vocabulary).values
        return one_of.fixed.values if one_of.fixed is not None else ()


# -- the reader --------------------------------------------------------------------------------------


class SchemaReader:
    """Reads mappings of one source (an entity, a view, the front matter) against schemas."""

    def __init__(
        self,
        file: SourceFile,
        report: Report,
        source: str,
        choices: Choices,
        refs: list[Ref] | None = None,
        source_id: str | None = None,
    ) -> None:
        self.file = file
        self.report = report
        self.source = source
        """What the mapping belongs to, as messages name it, e.g. ``risk R-PIR-01``."""
        self.choices = choices
        self.refs = refs if refs is not None else []
        self.source_id = source_id

    # -- positions and messages ------------------------------------------------------------------

    def key_location(self, node: YMap, key: str) -> Location:
        """Where a key was written, or where the mapping starts when it is absent."""
        line, col = node.key_pos.get(key, (node.line, node.col))
        return self.file.at(line, col)

    def at(self, node: YNode) -> Location:
        return self.file.at(node.line, node.col)

    def error(self, where: Location, code: str, path: FieldPath, message: str, hint: str | None = None) -> None:
        self.report.error(where, code, f"{describe(self.source, path)}: {message}", hint)

    def warning(self, where: Location, code: str, path: FieldPath, message: str, hint: str | None = None) -> None:
        self.report.warning(where, code, f"{describe(self.source, path)}: {message}", hint)

    # -- reading ---------------------------------------------------------------------------------

    def read(
        self, schema: type[M], node: YMap, path: FieldPath = (), *, choose: Callable[[M], Choices] | None = None
    ) -> M | None:
        """The mapping read against ``schema``, every problem reported; None when a required part is unusable.

        ``choose`` gives the allowed values from the mapping itself (``publication.yml`` lists its own levels).
        """
        self._record_refs(schema, node, path)
        data = plain(node)
        try:
            fields = schema.__pydantic_validator__.validate_python(data)
        except ValidationError as exc:
            errors = exc.errors(include_url=False)
            for error in errors:
                self._report(schema, node, path, error)
            salvaged = self._salvage(schema, copy.deepcopy(data), errors)  # the loader's data stays whole
            if salvaged is None:
                return None
            fields = salvaged
        if choose is not None:
            self.choices = choose(fields)
        if not self._check_choices(schema, fields, node, path):
            return None
        return fields

    def _salvage(self, schema: type[M], data: dict[str, Any], errors: list[ErrorDetails]) -> M | None:
        """The mapping without what failed (the bad optional field, list item or unknown key), read again.

        None when an error lies in a required field, so nothing smaller can be left out.
        """
        cuts: set[FieldPath] = set()
        for error in errors:
            loc: FieldPath = tuple(error["loc"])
            cut = _cut_for(schema, loc[:-1] if error["type"] == "missing" else loc)
            if cut is None:
                return None
            cuts.add(cut)
        for cut in sorted(cuts, key=_deepest_last, reverse=True):  # deeper first, later list items first
            _delete(data, cut)
        try:
            return schema.model_validate(data)
        except ValidationError:
            return None

    def _report(self, schema: type[BaseModel], node: YMap, base: FieldPath, error: ErrorDetails) -> None:
        loc: FieldPath = tuple(error["loc"])
        path = (*base, *loc)
        kind = error["type"]
        parent, value = _node_at(node, loc)
        slot = slot_at(schema, loc)
        ctx = error.get("ctx") or {}
        if kind == "missing":
            key = str(loc[-1])
            where = self.key_location(parent, key) if isinstance(parent, YMap) else self.at(node)
            self.error(
                where,
                "E-FIELD-MISSING",
                path,
                "this field is required",
                f"add '{key}: ...' to the {self.source.split()[0]}",
            )
        elif kind == "extra_forbidden":
            holder = slot_at(schema, loc[:-1]) if len(loc) > 1 else None
            inner = holder.inner if holder is not None else schema
            self.unknown(
                parent if isinstance(parent, YMap) else node, str(loc[-1]), path, list(slots(inner)) if inner else []
            )
        elif kind in ("E-FIELD-TYPE", "E-FIELD-DATE"):
            where = self.at(value) if value is not None else self.at(node)
            message = error["msg"] if "text" in ctx else f"expected {ctx[EXPECTED]}, found {describe_node(value)}"
            self.error(where, kind, path, message, ctx.get("hint") or None)
        elif kind in ("greater_than_equal", "less_than_equal"):
            low, high = _bounds(slot)
            where = self.at(value) if value is not None else self.at(node)
            self.error(
                where,
                "E-SCORE-RANGE",
                path,
                f"{error['input']} is not on the allowed range ({low}–{high})",
                f"use a whole number from {low} to {high}",
            )
        else:
            where = self.at(value) if value is not None else self.at(node)
            self.error(
                where, "E-FIELD-TYPE", path, f"expected {_expected(kind, slot, loc)}, found {describe_node(value)}"
            )

    def unknown(self, node: YMap, key: str, path: FieldPath, known: list[str]) -> None:
        """Report a key that is not a field of its mapping, with a "did you mean"."""
        hint = did_you_mean(key, known) or "known fields: " + ", ".join(known)
        self.error(self.key_location(node, key), "E-FIELD-UNKNOWN", path, "unknown field", hint)

    # -- what pydantic cannot know ----------------------------------------------------------------

    def _check_choices(self, schema: type[BaseModel], fields: BaseModel, node: YMap, path: FieldPath) -> bool:
        """Report values a :class:`OneOf` field does not allow; an optional one falls back to its default."""
        ok = True
        choices = self.choices
        for slot in choosing(schema):
            value = getattr(fields, slot.key)
            one_of = slot.one_of
            if one_of is not None and value is not None:
                if slot.shape == "map":
                    for key, item in value.items():
                        if not choices.allows(one_of, item):
                            child = node.items.get(slot.key)
                            at = child.items.get(key) if isinstance(child, YMap) else None
                            self._choice_error(at or child, (*path, slot.key, key), item, choices.allowed(one_of))
                            ok = False
                elif not choices.allows(one_of, value):
                    self._choice_error(node.items.get(slot.key), (*path, slot.key), value, choices.allowed(one_of))
                    if not slot.has_default:
                        ok = False
                    setattr(fields, slot.key, slot.default() if slot.has_default else value)
            elif slot.inner is not None and value:
                child = node.items.get(slot.key)
                if slot.shape == "model" and isinstance(child, YMap):
                    ok = self._check_choices(slot.inner, value, child, (*path, slot.key)) and ok
                elif slot.shape == "models" and isinstance(child, YSeq):
                    maps = [item for item in child.items if isinstance(item, YMap)]
                    for index, (inner, item_node) in enumerate(zip(value, maps, strict=False)):
                        ok = self._check_choices(slot.inner, inner, item_node, (*path, slot.key, index)) and ok
        return ok

    def _choice_error(self, node: YNode | None, path: FieldPath, value: str, allowed: tuple[str, ...]) -> None:
        hint = did_you_mean(value, allowed) or "use one of: " + ", ".join(allowed)
        where = self.at(node) if node is not None else self.file.at(1)
        self.error(where, "E-FIELD-CHOICE", path, f"'{value}' is not one of {', '.join(allowed)}", hint)

    def _record_refs(self, schema: type[BaseModel], node: YMap, path: FieldPath) -> None:
        """Record every ID a :class:`Refers` field names, at the position it was written."""
        items = node.items
        for slot in referring(schema):
            child = items.get(slot.key)
            if child is None:
                continue
            kinds = slot.refers
            if kinds:
                if type(child) is YScalar:
                    self._record((child,), (*path, slot.key), kinds, single=True)
                elif type(child) is YSeq:
                    self._record(child.items, (*path, slot.key), kinds, single=False)
            elif slot.shape == "model" and type(child) is YMap:
                self._record_refs(slot.inner, child, (*path, slot.key))  # type: ignore[arg-type]
            elif slot.shape == "models" and type(child) is YSeq:
                for index, item in enumerate(child.items):
                    if type(item) is YMap:
                        self._record_refs(slot.inner, item, (*path, slot.key, index))  # type: ignore[arg-type]

    def _record(self, scalars: Sequence[YNode], path: FieldPath, kinds: tuple[str, ...], *, single: bool) -> None:
        """Record the references one field makes (one ID, or a list of them), each where it was written."""
        file, source, source_id = self.file.display_path, self.source, self.source_id
        chapter, refs = self.file.rel_path, self.refs
        make = _new_tuple
        for index, scalar in enumerate(scalars):
            if type(scalar) is YScalar and (scalar.quoted or scalar.text not in _NULLS):
                where = location(file, scalar.line, scalar.col)
                at = path if single else (*path, index)
                refs.append(make(Ref, (kinds, scalar.text.strip(), where, source, at, source_id, chapter, None)))


def _cut_for(schema: type[BaseModel], loc: FieldPath) -> FieldPath | None:
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


def _deepest_last(path: FieldPath) -> tuple[tuple[int, int, str], ...]:
    return tuple((len(path), part if isinstance(part, int) else 0, str(part)) for part in path)


def _delete(data: Any, path: FieldPath) -> None:
    for part in path[:-1]:
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return
    last = path[-1]
    if isinstance(data, dict):
        data.pop(last, None)
    elif isinstance(data, list) and isinstance(last, int) and last < len(data):
        del data[last]


def _node_at(node: YMap, loc: FieldPath) -> tuple[YNode | None, YNode | None]:
    """The node holding the last step of ``loc`` and the node it names (None when absent)."""
    parent: YNode | None = None
    current: YNode | None = node
    for part in loc:
        parent = current
        if isinstance(current, YMap) and isinstance(part, str):
            current = current.items.get(part)
        elif isinstance(current, YSeq) and isinstance(part, int) and part < len(current.items):
            current = current.items[part]
        elif isinstance(current, YScalar) and part == 0:
            current = current  # a single value read as a list of one
        else:
            current = None
    return parent, current


def _bounds(slot: Slot | None) -> tuple[object, object]:
    low: object = None
    high: object = None
    markers = list(slot.markers) if slot is not None else []
    markers += [inner for m in markers if isinstance(m, FieldInfo) for inner in m.metadata]
    for marker in markers:
        if isinstance(marker, Ge):
            low = marker.ge
        elif isinstance(marker, Le):
            high = marker.le
    return low, high


def _expected(kind: str, slot: Slot | None, loc: FieldPath) -> str:
    """What a field wanted, as messages say it."""
    if kind == "list_type":
        return "a list"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "a mapping"
    if slot is not None and slot.marker(Refers):
        return "an ID"
    if loc and isinstance(loc[-1], int):
        return "a single value"
    return "text"


__all__ = ["Choices", "SchemaReader", "describe_node", "plain", "render_path", "slot_at", "slots"]
