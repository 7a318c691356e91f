"""The building blocks of every schema: field types read from YAML text, and what Charter knows of a field.

YAML is read literally (:mod:`generator.load.yamlnodes`): every value reaches a schema as
text, and a value written in quotes as :class:`Quoted` text. The types here turn text into
numbers, dates and yes/no by Charter's own rules, never YAML's or pydantic's looser ones:
``5.0``, ``1_000``, ``on`` and a quoted ``"4"`` are refused where a number or a yes/no is
wanted. Each refusal names what was expected; :mod:`generator.validate.schema_reader`
turns it into a diagnostic at the value's position.

Beside its type, a field may carry markers that the rest of Charter reads off the schema:
:class:`Refers` (it names entities of these kinds), :class:`OneOf` (its allowed values),
:class:`Scores` (a mapping of the publication's score factors), :class:`Withhold` (whether
``restricted:`` may withhold it), and :class:`StandIn` (public text shown in place of
restricted text).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BeforeValidator, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

from generator.load.yamlnodes import Quoted
from generator.model.vocabulary import Vocabulary


@dataclass(frozen=True, slots=True)
class Named:
    """How the documentation names a field type: 'whole number', 'date'."""

    name: str


EXPECTED = "expected"
"""The context key of a type error: what the field wanted, as messages say it ('a whole number')."""

_INT = re.compile(r"^[+-]?\d+$")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_TRUE = frozenset({"true", "True", "TRUE", "yes", "Yes", "YES"})
_FALSE = frozenset({"false", "False", "FALSE", "no", "No", "NO"})


def _wrong(expected: str, hint: str = "") -> PydanticCustomError:
    return PydanticCustomError("E-FIELD-TYPE", "expected {expected}", {EXPECTED: expected, "hint": hint})


def _plain(value: Any) -> str | None:
    """The text of an unquoted scalar, or None for anything else."""
    return value.strip() if isinstance(value, str) and not isinstance(value, Quoted) else None


def _whole(value: Any) -> int:
    if type(value) is str and value.isdigit() and value.isascii():  # the usual case: plain digits
        return int(value)
    text = _plain(value)
    if text is None or not _INT.match(text):
        raise _wrong("a whole number")
    return int(text)


def _number(value: Any) -> float:
    text = _plain(value)
    if text is None or not _NUMBER.match(text):
        raise _wrong("a number", "write digits only, e.g. 12 or 12.5" if isinstance(value, str) else "")
    return float(text)


def _yes_no(value: Any) -> bool:
    text = _plain(value)
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise _wrong("yes or no")


def _date(value: Any) -> dt.date:
    if not isinstance(value, str):
        raise _wrong("a date")
    text = value.strip()
    if _DATE.match(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    raise PydanticCustomError(
        "E-FIELD-DATE",
        "'{text}' is not a valid date",
        {"text": text, "hint": "write dates as YYYY-MM-DD, e.g. 2027-03-31"},
    )


def _written_as(pattern: re.Pattern[str], what: str, hint: str) -> Callable[[Any], str]:
    """A validator of text that must match ``pattern``: 'a colour', written as the hint shows."""

    def check(value: Any) -> str:
        if not isinstance(value, str):
            raise _wrong(what)
        text = value.strip()
        if not pattern.match(text):
            context = {"text": text, "hint": hint, "at": "key"}  # reported at the field, as a setting is
            raise PydanticCustomError("E-FIELD-TYPE", "'{text}' is not " + what, context)
        return text

    return check


_colour = _written_as(_COLOUR, "a colour", "write a colour as #rrggbb, e.g. #c62828")
_language = _written_as(
    re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3}$"),
    "a language tag",
    "write a BCP 47 language tag, e.g. ar, he or el",
)
_direction = _written_as(re.compile(r"^(?:rtl|ltr|auto)$"), "a direction", "write rtl, ltr or auto")
_web_address = _written_as(
    re.compile(r"^https?://"),
    "a web address",
    "write the edition's address in full, e.g. https://strategy.gov.example/",
)


def _one_or_many(value: Any) -> Any:
    """A single value where a list is wanted counts as a list of one."""
    return [value] if isinstance(value, str) else value


SCALAR = {"type": ["string", "number", "boolean"]}
"""Text as JSON Schema sees YAML: an unquoted 2030 or yes is still text to Charter."""
ID_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
"""An entity ID: ASCII letters, digits, '-' and '_', starting with a letter (an acronym's may be in any script)."""

Text = Annotated[str, StringConstraints(strip_whitespace=True), WithJsonSchema(SCALAR), Named("text")]
"""Text, with the spaces around it dropped."""
WholeNumber = Annotated[int, BeforeValidator(_whole), Named("whole number")]
"""A whole number written in digits, optionally signed."""
Number = Annotated[float, BeforeValidator(_number), Named("number")]
"""A number written in digits, whole or decimal."""
YesNo = Annotated[
    bool,
    BeforeValidator(_yes_no),
    WithJsonSchema({"anyOf": [{"type": "boolean"}, {"enum": sorted(_TRUE | _FALSE)}]}),
    Named("yes/no"),
]
"""``yes``/``no`` or ``true``/``false``."""
Date = Annotated[dt.date, BeforeValidator(_date), Named("date, YYYY-MM-DD")]
"""A date written ``YYYY-MM-DD``."""
Colour = Annotated[
    str,
    BeforeValidator(_colour),
    WithJsonSchema({"type": "string", "pattern": _COLOUR.pattern}),
    Named("colour (#rrggbb)"),
]
"""A colour written ``#rrggbb``."""
LanguageTag = Annotated[
    str,
    BeforeValidator(_language),
    WithJsonSchema({"type": "string", "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$"}),
    Named("language tag"),
]
"""A BCP 47 language tag such as ``ar`` or ``pt-BR``."""
Direction = Annotated[
    str,
    BeforeValidator(_direction),
    WithJsonSchema({"enum": ["rtl", "ltr", "auto"]}),
    Named("direction (rtl, ltr or auto)"),
]
"""Which way text runs, as HTML's ``dir`` says it."""
WebAddress = Annotated[
    str,
    BeforeValidator(_web_address),
    WithJsonSchema({"type": "string", "pattern": "^https?://"}),
    Named("web address"),
]
"""A web address written in full."""
TextList = Annotated[
    list[Text],
    BeforeValidator(_one_or_many),
    WithJsonSchema({"anyOf": [SCALAR, {"type": "array", "items": SCALAR}]}),
    Named("list of texts"),
]
"""A list of texts; a single text counts as a list of one."""


class Refers:
    """The field holds the ID of an entity of one of these kinds (a list field: IDs)."""

    __slots__ = ("kinds",)

    def __init__(self, *kinds: str) -> None:
        self.kinds = kinds

    def __repr__(self) -> str:
        return f"Refers{self.kinds}"


@dataclass(frozen=True, slots=True)
class OneOf:
    """The field's allowed values: a fixed list, the publication's levels, or one of its vocabularies."""

    fixed: Vocabulary | None = None
    vocabulary: str = ""
    """A key of ``vocabulary:`` in ``publication.yml`` (its values are the engine's plus the publication's)."""
    levels: bool = False
    """The publication's classification levels."""
    lowest: bool = False
    """For levels: a value that cannot be read stands for the lowest level (an edition's reach, a
    default), not the highest (what marks content: unreadable, it is read as the most restricted)."""


@dataclass(frozen=True, slots=True)
class Scores:
    """A mapping of scores: the publication's factors (``factors``), or its impact dimensions."""

    factors: bool = True


@dataclass(frozen=True, slots=True)
class Withhold:
    """Whether ``restricted: {field: LEVEL}`` may withhold the field on its own."""

    allowed: bool


@dataclass(frozen=True, slots=True)
class Translates:
    """Text a reader reads, given in other languages in ``translations/<lang>.yml``.

    IDs, scores, dates, choices and references are never translated: only fields marked so are.
    """


@dataclass(frozen=True, slots=True)
class StandIn:
    """Public text an edition shows in place of restricted text; never itself searched for leaks."""


Level = Annotated[Text, OneOf(levels=True)]
"""One of the publication's classification levels, marking content (unreadable or empty: the highest)."""
Reach = Annotated[Text, OneOf(levels=True, lowest=True)]
"""One of the publication's levels, as the most an edition may show (unreadable: the lowest)."""
