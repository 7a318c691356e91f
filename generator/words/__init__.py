"""Charter's own words (captions, column headers, notices, dates) in the language of the page.

Every word Charter writes goes through :func:`say`, with the English text as the key::

    say("Referenced by")
    say("{count} risks", count=len(risks))

The build sets the language of the pages it renders with :func:`speaking`. A catalogue per
language (``generator/words/<lang>/*.yml``, English message → translation) gives the words;
a message a catalogue lacks is written in English, and ``charter check`` warns of it
(:func:`gaps`). ``messages.txt`` lists every message, written from the source by
``python -m generator.words`` (a test keeps it current).

Dates are written by Babel in the page's language (:func:`long_date`, :func:`month_year`).
"""

from __future__ import annotations

import contextvars
import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import yaml

HERE = Path(__file__).parent
DEFAULT = "en"
_current: contextvars.ContextVar[str] = contextvars.ContextVar("charter_language", default=DEFAULT)

__all__ = [
    "DEFAULT",
    "catalogue",
    "gaps",
    "language",
    "language_name",
    "long_date",
    "messages",
    "month_year",
    "say",
    "speaking",
]


def say(text: str, /, **fields: object) -> str:
    """``text`` (an English message) in the current language, with its ``{fields}`` filled in."""
    words = catalogue(_current.get()).get(text, text) if _current.get() != DEFAULT else text
    return words.format(**fields) if fields else words


def language() -> str:
    """The language Charter writes in now (a BCP 47 tag)."""
    return _current.get()


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Write Charter's words in ``lang`` inside the block."""
    token = _current.set(lang or DEFAULT)
    try:
        yield
    finally:
        _current.reset(token)


@cache
def catalogue(lang: str) -> dict[str, str]:
    """The messages of a language's catalogue: English → translation (empty when Charter has none)."""
    words: dict[str, str] = {}
    for tag in _tags(lang):
        folder = HERE / tag
        for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            words |= {str(k): str(v) for k, v in data.items() if v is not None}
    return words


def _tags(lang: str) -> list[str]:
    """'pt-BR' → ['pt', 'pt-BR']: the language's catalogue, then its region's, which wins."""
    parts = lang.split("-")
    return ["-".join(parts[: i + 1]) for i in range(len(parts))]


@cache
def messages() -> tuple[str, ...]:
    """Every message Charter writes, as ``messages.txt`` lists them."""
    path = HERE / "messages.txt"
    if not path.is_file():
        return ()
    return tuple(line for line in path.read_text(encoding="utf-8").split("\n") if line)


def gaps(lang: str) -> list[str]:
    """The messages a language's catalogue lacks (none for English, the messages' own language)."""
    if lang.split("-")[0] == DEFAULT:
        return []
    have = catalogue(lang)
    return [m for m in messages() if m not in have]


def long_date(day: dt.date | None) -> str:
    """A date as readers of the current language write it: '31 March 2027', '31 mars 2027'."""
    return _date(day, "long", f"{day.day} {day:%B %Y}") if day else ""


def _date(day: dt.date, pattern: str, english: str) -> str:
    """A date in Babel's ``pattern`` for the current language; ``english`` in English or a language Babel lacks."""
    lang = _current.get()
    if lang == DEFAULT:
        return english
    from babel import UnknownLocaleError
    from babel.dates import format_date

    try:
        return format_date(day, format=pattern, locale=lang.replace("-", "_"))
    except (ValueError, LookupError, UnknownLocaleError):
        return english


def language_name(code: str, in_lang: str | None = None) -> str:
    """A language's name as readers of ``in_lang`` (the current language) write it: 'French', 'français'."""
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name(
            Locale.parse((in_lang or language()).replace("-", "_"))
        )
    except (ValueError, LookupError, TypeError, UnknownLocaleError):
        return code
    return name or code


def month_year(day: dt.date) -> str:
    """A month as readers of the current language write it: 'March 2027', 'mars 2027'."""
    return _date(day, "LLLL y", f"{day:%B %Y}")
