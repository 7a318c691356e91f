"""The tree a YAML text is read into: scalars as written, sequences and mappings, with positions.

Both readers make it (:mod:`generator.load.yamlnodes` through libyaml, and
:mod:`generator.load.yamlquick` for the simple shape most data blocks take), and the validate
stage reads it. Nothing in it is a number, a date or a yes/no: every scalar stays text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

MAX_DEPTH = 64
"""Content never nests deeper than this; deeper input is refused instead of recursing."""
MAX_SCALAR = 10_000
"""No title, name or summary is longer than this many characters. A longer value is refused:
a title is repeated on every page that links its entity, so one of megabytes would fill memory."""

NULLS = frozenset({"", "~", "null", "Null", "NULL"})
"""The plain scalars YAML reads as null."""


class Quoted(str):
    """The text of a scalar written in quotes: always text, never a number, a date or a yes/no."""

    __slots__ = ()


class YScalar(NamedTuple):
    """A scalar as written. ``quoted`` tells a plain ``null`` from a quoted ``'null'``.

    A named tuple, made without its Python constructor: a register holds tens of thousands.
    """

    text: str
    line: int
    col: int
    quoted: bool

    @property
    def is_null(self) -> bool:
        """Whether this scalar is YAML's null (an empty plain value, ``~`` or ``null``)."""
        return not self.quoted and self.text in NULLS


@dataclass(slots=True)
class YSeq:
    """A sequence and its items."""

    items: list[YNode]
    line: int
    col: int
    data: list[Any] | None = None
    nulls: bool = True
    """Whether a null stands anywhere inside (True unless the loader knows better)."""
    """The items as plain values (see :class:`YMap`)."""


@dataclass(slots=True)
class YMap:
    """A mapping with text keys, in written order, each key with its own position."""

    items: dict[str, YNode]
    key_pos: dict[str, tuple[int, int]] = field(default_factory=dict)
    line: int = 1
    col: int = 1
    data: dict[str, Any] | None = None
    nulls: bool = True
    """Whether a value written empty (null) stands anywhere inside (True unless the loader knows better)."""
    """The mapping as plain values, made while reading: text (:class:`Quoted` where written in
    quotes), lists and mappings, a null value left out. None for a mapping made by hand."""


YNode = YScalar | YSeq | YMap
