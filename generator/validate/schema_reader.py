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
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator.diagnostics import Location, Report, article, did_you_mean, location
from generator.load.source import SourceFile
from generator.load.yamlnodes import NULLS as _NULLS
from generator.load.yamlnodes import Quoted, YMap, YNode, YScalar, YSeq
from generator.model.refs import FieldPath, Ref, describe
from generator.schema.choices import Choices
from generator.schema.slots import Slot, choosing, nested, referring, slot_at, slots
from generator.schema.types import EXPECTED, OneOf, Refers, Scores
from generator.validate.salvage import cut_for, deepest_last, delete, fallback, lenient, stand_in, value_at

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
        self.kept: dict[FieldPath, list[int]] = {}
        """For each list below the mapping last read that lost bad items: the indexes of the items kept."""
        self.stood_in: set[str] = set()
        """The required fields of the mapping last read that could not be read (a stand-in is in their place)."""
        self.unread: set[str] = set()
        """The fields of the mapping last read that hold a stand-in for what was written (reported), so
        checks of what they mean (an action's status against its dates) are not made on a guess."""

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
        self.kept = {}
        self.stood_in = set()
        self.unread = set()
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
        self._check_empty_keys(schema, node, path)
        if choose is not None:
            self.choices = choose(fields)
        self._check_choices(schema, fields, node, path, ())
        return fields

    def original(self, path: FieldPath, index: int) -> int:
        """Where an item of the list at ``path`` (below the mapping read) was written, bad items left out."""
        kept = self.kept.get(path)
        return kept[index] if kept is not None and index < len(kept) else index

    def _salvage(self, schema: type[M], data: dict[str, Any], errors: list[ErrorDetails]) -> M | None:
        """The mapping read again without what failed: a bad optional field, list item or unknown key left
        out, a bad required field read as a stand-in (empty text, no date, ...) that the builders know.

        None only when the errors name no field at all.
        """
        cuts: set[FieldPath] = set()
        stand_ins: set[str] = set()
        for error in errors:
            loc: FieldPath = tuple(error["loc"])
            cut = cut_for(schema, loc[:-1] if error["type"] == "missing" else loc)
            if cut is not None:
                cuts.add(cut)
            elif loc and isinstance(loc[0], str):
                stand_ins.add(loc[0])
            else:
                return None
        for cut in sorted(cuts, key=deepest_last, reverse=True):  # deeper first, later list items first
            if isinstance(cut[-1], int):
                listed = value_at(data, cut[:-1])
                kept = self.kept.setdefault(cut[:-1], list(range(len(listed) if isinstance(listed, list) else 0)))
                if cut[-1] < len(kept):
                    del kept[cut[-1]]
            delete(data, cut)
        for key in stand_ins:
            data.pop(key, None)
        try:
            fields = lenient(schema, frozenset(stand_ins)).model_validate(data)
        except ValidationError:
            return None
        known = slots(schema)
        for key in stand_ins:
            setattr(fields, key, stand_in(known[key]))
        self.stood_in = stand_ins
        self.unread.update(stand_ins)
        return fields  # type: ignore[return-value]

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
                f"add '{key}: ...' to the {describe(self.source, path[:-1]).split()[0]}",
            )
        elif kind == "extra_forbidden":
            holder = slot_at(schema, loc[:-1]) if len(loc) > 1 else None
            inner = holder.inner if holder is not None else schema
            self.unknown(
                parent if isinstance(parent, YMap) else node, str(loc[-1]), path, list(slots(inner)) if inner else []
            )
        elif kind in ("E-FIELD-TYPE", "E-FIELD-DATE"):
            if ctx.get("at") == "key" and isinstance(parent, YMap):
                where = self.key_location(parent, str(loc[-1]))
            else:
                where = self.at(value) if value is not None else self.at(node)
            if slot is not None and slot.marker(Scores) and not isinstance(value, YScalar):
                ctx = {**ctx, EXPECTED: "a score"}
            message = error["msg"] if "text" in ctx else f"expected {ctx[EXPECTED]}, found {describe_node(value)}"
            self.error(where, kind, path, message, ctx.get("hint") or None)
        elif kind in ("greater_than_equal", "less_than_equal"):
            low, high = slot.bounds if slot is not None else (None, None)
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

    def _check_empty_keys(self, schema: type[BaseModel], node: YMap, path: FieldPath) -> None:
        """Report keys written with no value that are no field (pydantic never sees them: a null is absent)."""
        if not node.nulls:
            return
        data = node.data
        if data is None or len(data) != len(node.items):
            known = slots(schema)
            extra = schema.model_config.get("extra") == "allow"
            for key, value in node.items.items():
                if key not in known and not extra and isinstance(value, YScalar) and value.is_null:
                    self.unknown(node, key, (*path, key), list(known))
        for slot in nested(schema):
            child = node.items.get(slot.key)
            if slot.shape == "model" and isinstance(child, YMap):
                self._check_empty_keys(slot.inner, child, (*path, slot.key))  # type: ignore[arg-type]
            elif slot.shape == "models" and isinstance(child, YSeq):
                for index, item in enumerate(child.items):
                    if isinstance(item, YMap):
                        self._check_empty_keys(slot.inner, item, (*path, slot.key, index))  # type: ignore[arg-type]

    def _check_choices(
        self, schema: type[BaseModel], fields: BaseModel, node: YMap, path: FieldPath, rel: FieldPath
    ) -> None:
        """Report values a :class:`OneOf` field does not allow, and put a stand-in in their place.

        An optional field falls back to its default, a required one to the first allowed value. A level
        that cannot be read, or is written empty, stands for the highest level: content whose marking
        Charter cannot read is never taken for public.
        """
        choices = self.choices
        for slot in choosing(schema):
            value = getattr(fields, slot.key)
            one_of = slot.one_of
            child = node.items.get(slot.key)
            if one_of is not None:
                if type(value) is str and not (slot.key in self.stood_in and not rel) and choices.allows(one_of, value):
                    continue  # the usual case: an allowed value
                allowed = choices.allowed(one_of)
                stand_for = fallback(slot, allowed)
                if slot.shape == "map":
                    if not isinstance(child, YMap):
                        continue
                    value = dict(value or {})
                    for key, item_node in child.items.items():
                        item = value.get(key)
                        if item is None:  # written empty: read as the highest level
                            value[key] = allowed[-1] if allowed else ""
                        elif not choices.allows(one_of, item):
                            self._choice_error(item_node, (*path, slot.key, key), item, allowed)
                            value[key] = stand_for
                            self._guessed(one_of, (*path, slot.key), str(rel[0]) if rel else slot.key)
                    setattr(fields, slot.key, value)
                elif value is None:
                    if one_of.levels and not one_of.lowest and slot.key in node.key_pos:
                        setattr(fields, slot.key, allowed[-1] if allowed else None)  # written empty
                elif slot.key in self.stood_in and not rel:
                    setattr(fields, slot.key, stand_for)  # unreadable, and reported as such
                    self._guessed(one_of, (*path, slot.key), slot.key)
                elif not choices.allows(one_of, value):
                    self._choice_error(child, (*path, slot.key), value, allowed)
                    setattr(fields, slot.key, stand_for)
                    self._guessed(one_of, (*path, slot.key), str(rel[0]) if rel else slot.key)
            elif slot.inner is not None and value:
                if slot.shape == "model" and isinstance(child, YMap):
                    self._check_choices(slot.inner, value, child, (*path, slot.key), (*rel, slot.key))
                elif slot.shape == "models" and isinstance(child, YSeq):
                    for index, inner in enumerate(value):
                        at = self.original((*rel, slot.key), index)
                        entry = child.items[at] if at < len(child.items) else None
                        if isinstance(entry, YMap):
                            where, below = (*path, slot.key, at), (*rel, slot.key, at)
                            self._check_choices(slot.inner, inner, entry, where, below)

    def _guessed(self, one_of: OneOf, path: FieldPath, key: str) -> None:
        """Note that the field ``key`` of the mapping holds a stand-in; a level stood in for is a guess."""
        self.unread.add(key)
        if one_of.levels:
            self.choices.guessed_levels.append(describe(self.source, path))

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


def node_at(node: YNode | None, path: FieldPath) -> YNode | None:
    """The node a path below ``node`` names, or None."""
    return _node_at(node, path)[1]


def _node_at(node: YNode | None, loc: FieldPath) -> tuple[YNode | None, YNode | None]:
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


def _expected(kind: str, slot: Slot | None, loc: FieldPath) -> str:
    """What a field wanted, as messages say it."""
    if kind == "list_type":
        return "a list"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "a mapping"
    if loc and isinstance(loc[-1], int):
        return "a single value"
    if slot is not None and slot.marker(Refers):
        return "an ID"
    if slot is not None and slot.named != "text":
        return f"{article(slot.named)} {slot.named}"  # a value
    return "text"


__all__ = ["SchemaReader", "describe_node", "node_at", "plain"]
