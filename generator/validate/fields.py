"""Read typed fields out of a YAML mapping, reporting each bad value at its own position.

A :class:`FieldReader` wraps one mapping (an entity, a control, a scale step). Each
``text``/``integer``/``date``/``ref``... call converts one field and, when the value is
wrong, records a diagnostic at the value's ``file:line:col`` with the entity's key path,
then returns a safe default so reading can go on and every problem is reported.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from generator.diagnostics import Location, Report, did_you_mean
from generator.load.source import SourceFile
from generator.load.yamlnodes import YMap, YNode, YScalar, YSeq
from generator.model.refs import FieldPath, Ref, describe

ID_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INT = re.compile(r"^[+-]?\d+$")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_TRUE = frozenset({"true", "True", "TRUE", "yes", "Yes", "YES"})
_FALSE = frozenset({"false", "False", "FALSE", "no", "No", "NO"})


def _describe(node: YNode) -> str:
    if isinstance(node, YMap):
        return "a mapping"
    if isinstance(node, YSeq):
        return "a list"
    return f"'{node.text}'"


class FieldReader:
    """Typed access to one mapping's fields, with located diagnostics."""

    def __init__(
        self,
        node: YMap,
        file: SourceFile,
        report: Report,
        source: str,
        refs: list[Ref] | None = None,
        source_id: str | None = None,
        path: FieldPath = (),
    ) -> None:
        self.node = node
        self.file = file
        self.report = report
        self.source = source
        """What the mapping belongs to, as messages name it, e.g. ``risk R-PIR-01``."""
        self.path = path
        """Where the mapping stands below ``source``, e.g. ``("controls", 0)``; empty for the source itself."""
        self.refs = refs if refs is not None else []
        self.source_id = source_id
        self.used: set[str] = set()
        self.level: str | None = None
        """The level of the enclosing block, section or file, for entities that carry none."""
        self.allowed: tuple[str, ...] = ()
        """The fields of this mapping's kind, once ``finish`` has run."""

    @property
    def label(self) -> str:
        """The key path prefix of messages, e.g. ``risk R-PIR-01.controls[0]``."""
        return describe(self.source, self.path)

    # -- positions ---------------------------------------------------------------

    def key_location(self, key: str) -> Location:
        """Where a key was written, or where the mapping starts when it is absent."""
        line, col = self.node.key_pos.get(key, (self.node.line, self.node.col))
        return self.file.at(line, col)

    def value_location(self, node: YNode) -> Location:
        """Where a value was written."""
        return self.file.at(node.line, node.col)

    def error(self, where: Location, code: str, path: str, message: str, hint: str | None = None) -> None:
        """Record an error for a key path below this mapping."""
        self.report.error(where, code, f"{self.label}.{path}: {message}" if path else f"{self.label}: {message}", hint)

    def warning(self, where: Location, code: str, path: str, message: str, hint: str | None = None) -> None:
        """Record a warning for a key path below this mapping."""
        self.report.warning(
            where, code, f"{self.label}.{path}: {message}" if path else f"{self.label}: {message}", hint
        )

    # -- presence ------------------------------------------------------------------

    def raw(self, key: str, *, required: bool = False) -> YNode | None:
        """The node of a field, or None when it is absent or null (reported when required)."""
        self.used.add(key)
        node = self.node.items.get(key)
        if node is None or (isinstance(node, YScalar) and node.is_null):
            if required:
                where = (
                    self.key_location(key) if key in self.node.items else self.file.at(self.node.line, self.node.col)
                )
                self.error(
                    where,
                    "E-FIELD-MISSING",
                    key,
                    "this field is required",
                    f"add '{key}: ...' to the {self.label.split()[0]}",
                )
            return None
        return node

    def scalar(self, key: str, *, required: bool = False, expected: str = "text") -> YScalar | None:
        """A field that must be a single value."""
        node = self.raw(key, required=required)
        if node is None:
            return None
        if not isinstance(node, YScalar):
            self.error(self.value_location(node), "E-FIELD-TYPE", key, f"expected {expected}, found {_describe(node)}")
            return None
        return node

    # -- converters -----------------------------------------------------------------

    def text(self, key: str, *, required: bool = False, default: str = "") -> str:
        """A text field."""
        node = self.scalar(key, required=required)
        return node.text.strip() if node is not None else default

    def integer(
        self,
        key: str,
        *,
        required: bool = False,
        default: int | None = None,
        low: int | None = None,
        high: int | None = None,
    ) -> int | None:
        """A whole number, optionally within ``low``..``high``."""
        node = self.scalar(key, required=required, expected="a whole number")
        if node is None:
            return default
        return self.to_integer(node, key, low, high, default)

    def to_integer(
        self, node: YScalar, path: str, low: int | None, high: int | None, default: int | None, scale: str | None = None
    ) -> int | None:
        """Convert a scalar to a whole number in range, reporting problems at the value."""
        if not _INT.match(node.text.strip()) or node.quoted:
            self.error(
                self.value_location(node), "E-FIELD-TYPE", path, f"expected a whole number, found {_describe(node)}"
            )
            return default
        value = int(node.text)
        if (low is not None and value < low) or (high is not None and value > high):
            name = f"the {scale} scale" if scale else "the allowed range"
            self.error(
                self.value_location(node),
                "E-SCORE-RANGE",
                path,
                f"{value} is not on {name} ({low}–{high})",
                f"use a whole number from {low} to {high}",
            )
            return default
        return value

    def number(self, key: str, *, required: bool = False, default: float = 0.0) -> float:
        """A number (whole or decimal)."""
        node = self.scalar(key, required=required, expected="a number")
        if node is None:
            return default
        text = node.text.strip()
        if node.quoted or not _NUMBER.match(text):
            self.error(
                self.value_location(node),
                "E-FIELD-TYPE",
                key,
                f"expected a number, found {_describe(node)}",
                "write digits only, e.g. 12 or 12.5",
            )
            return default
        return float(text)

    def boolean(self, key: str, *, default: bool) -> bool:
        """A yes/no field."""
        node = self.scalar(key, expected="yes or no")
        if node is None:
            return default
        if not node.quoted and node.text in _TRUE:
            return True
        if not node.quoted and node.text in _FALSE:
            return False
        self.error(self.value_location(node), "E-FIELD-TYPE", key, f"expected yes or no, found {_describe(node)}")
        return default

    def date(self, key: str, *, required: bool = False) -> dt.date | None:
        """A ``YYYY-MM-DD`` date."""
        node = self.scalar(key, required=required, expected="a date")
        if node is None:
            return None
        return self.to_date(node, key)

    def to_date(self, node: YScalar, path: str) -> dt.date | None:
        """Convert a scalar to a date, reporting a bad one at the value."""
        text = node.text.strip()
        if _DATE.match(text):
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                pass
        self.error(
            self.value_location(node),
            "E-FIELD-DATE",
            path,
            f"'{text}' is not a valid date",
            "write dates as YYYY-MM-DD, e.g. 2027-03-31",
        )
        return None

    def choice(self, key: str, allowed: Iterable[str], *, default: str, required: bool = False) -> str:
        """A text field that must be one of ``allowed``."""
        node = self.scalar(key, required=required)
        if node is None:
            return default
        options = list(allowed)
        value = node.text.strip()
        if value not in options:
            hint = did_you_mean(value, options) or "use one of: " + ", ".join(options)
            self.error(
                self.value_location(node), "E-FIELD-CHOICE", key, f"'{value}' is not one of {', '.join(options)}", hint
            )
            return default
        return value

    def text_list(self, key: str, *, required: bool = False) -> list[str]:
        """A list of text items (a single value counts as a list of one)."""
        return [node.text.strip() for node in self.scalar_items(key, required=required)]

    def scalar_items(self, key: str, *, required: bool = False) -> list[YScalar]:
        """The items of a list of single values."""
        node = self.raw(key, required=required)
        if node is None:
            return []
        if isinstance(node, YScalar):
            return [node]
        if isinstance(node, YMap):
            self.error(self.value_location(node), "E-FIELD-TYPE", key, "expected a list, found a mapping")
            return []
        items: list[YScalar] = []
        for index, item in enumerate(node.items):
            if isinstance(item, YScalar) and not item.is_null:
                items.append(item)
            else:
                self.error(
                    self.value_location(item),
                    "E-FIELD-TYPE",
                    f"{key}[{index}]",
                    f"expected a single value, found {_describe(item)}",
                )
        return items

    def mapping(self, key: str, *, required: bool = False) -> YMap | None:
        """A field that must be a mapping."""
        node = self.raw(key, required=required)
        if node is None:
            return None
        if not isinstance(node, YMap):
            self.error(self.value_location(node), "E-FIELD-TYPE", key, f"expected a mapping, found {_describe(node)}")
            return None
        return node

    def mappings(self, key: str) -> list[tuple[FieldPath, YMap]]:
        """A list of mappings, each with its field path, e.g. ``("controls", 0)``, for :meth:`child`."""
        node = self.raw(key)
        if node is None:
            return []
        if not isinstance(node, YSeq):
            self.error(self.value_location(node), "E-FIELD-TYPE", key, f"expected a list, found {_describe(node)}")
            return []
        found: list[tuple[FieldPath, YMap]] = []
        for index, item in enumerate(node.items):
            if isinstance(item, YMap):
                found.append(((key, index), item))
            else:
                self.error(
                    self.value_location(item),
                    "E-FIELD-TYPE",
                    f"{key}[{index}]",
                    f"expected a mapping, found {_describe(item)}",
                )
        return found

    def child(self, node: YMap, path: str | FieldPath) -> FieldReader:
        """A reader for a nested mapping (a key, or a path from :meth:`mappings`), sharing the report and references."""
        below = (path,) if isinstance(path, str) else path
        child = FieldReader(node, self.file, self.report, self.source, self.refs, self.source_id, (*self.path, *below))
        child.level = self.level
        return child

    # -- references -------------------------------------------------------------------

    def ref(self, key: str, kinds: str | tuple[str, ...], *, required: bool = False) -> str | None:
        """A reference to one entity; recorded for the resolver."""
        node = self.scalar(key, required=required, expected="an ID")
        if node is None:
            return None
        return self._record(node, (key,), kinds)

    def ref_list(self, key: str, kinds: str | tuple[str, ...], *, required: bool = False) -> list[str]:
        """A list of references; a single ID counts as a list of one."""
        items = self.scalar_items(key, required=required)
        node = self.node.items.get(key)
        single = isinstance(node, YScalar)
        return [self._record(item, (key,) if single else (key, i), kinds) for i, item in enumerate(items)]

    def _record(self, node: YScalar, path: FieldPath, kinds: str | tuple[str, ...]) -> str:
        target = node.text.strip()
        self.refs.append(
            Ref(
                kinds=(kinds,) if isinstance(kinds, str) else kinds,
                target=target,
                location=self.value_location(node),
                source=self.source,
                path=(*self.path, *path),
                source_id=self.source_id,
                source_chapter=self.file.rel_path,
            )
        )
        return target

    # -- the end -----------------------------------------------------------------------

    def finish(self, allowed: Iterable[str]) -> None:
        """Report every key that is not a field of this kind, with a "did you mean"."""
        known = list(allowed)
        self.allowed = tuple(known)
        for key in self.node.items:
            if key not in known:
                self.error(
                    self.key_location(key),
                    "E-FIELD-UNKNOWN",
                    key,
                    "unknown field",
                    did_you_mean(key, known) or "known fields: " + ", ".join(known),
                )
