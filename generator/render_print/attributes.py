"""Python-Markdown attribute lists (``{: dir="rtl" lang="ar" }``) as pandoc's own attributes.

The website reads attribute lists (the ``attr_list`` extension); pandoc does not, and would
print them as text. In print:

- a heading's list (``## Title {: #id lang=he }``) becomes pandoc header attributes;
- a list on its own line right after a paragraph wraps the paragraph in a fenced div
  (``::: {dir="rtl" lang="ar"}``), which pandoc gives DOCX as bidi paragraphs, EPUB as ``dir``/``lang`` and Typst (with
  ``themes/print/charter-bidi.lua``) as ``text(dir: rtl, lang: "ar")``;
- any other list is dropped (Python-Markdown reads a list at the end of a paragraph's
  last line, or inside it, as text: the website shows it, print does not).

A chapter's own ``lang`` and ``dir`` (its front matter) wrap the whole chapter, heading,
prose, summaries and tables, in one such div (:func:`directed`).

Only what pandoc can use is kept, and only in a safe spelling: an ID, classes (never one of
Charter's own ``charter-`` classes), ``dir`` (``rtl``, ``ltr``, ``auto``) and a language tag
for ``lang``. Everything else is dropped silently, so no value can reach a writer unchecked.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Protocol, TypeVar

from generator.load.markdown import outside_code
from generator.model import Chapter

_LIST = r"\{:?[ \t]*((?:[^{}\"'\n]|\"[^\"\n]*\"|'[^'\n]*')*?)[ \t]*\}"
_TRAILING = re.compile(r"[ \t]*\{:[ \t]*((?:[^{}\"'\n]|\"[^\"\n]*\"|'[^'\n]*')*?)[ \t]*\}[ \t]*$")
_ALONE = re.compile(r"^[ \t]{0,3}" + _LIST.replace(r"\{:?", r"\{:") + r"[ \t]*$")
_ANYWHERE = re.compile(_LIST.replace(r"\{:?", r"\{:"))
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]")
_TOKEN = re.compile(r"""([#.])([^\s#.="']+)|([A-Za-z_][\w:-]*)=(?:"([^"]*)"|'([^']*)'|(\S+))""")
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,63}")
_LANG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3}")
_DIRS = ("rtl", "ltr", "auto")


def pandoc_attributes(inner: str) -> str:
    """The parts of an attribute list's inside that pandoc can use, as pandoc attributes (may be empty)."""
    ident = ""
    classes: list[str] = []
    pairs: list[str] = []
    for match in _TOKEN.finditer(inner):
        sigil, name, key = match.group(1), match.group(2), match.group(3)
        if sigil == "#" and _NAME.fullmatch(name):
            ident = name
        elif sigil == "." and _NAME.fullmatch(name) and not name.lower().startswith("charter"):
            classes.append(name)
        elif key is not None:
            value = next((g for g in match.groups()[3:] if g is not None), "")
            if key == "dir" and value.lower() in _DIRS:
                pairs.append(f'dir="{value.lower()}"')
            elif key == "lang" and _LANG.fullmatch(value):
                pairs.append(f'lang="{value}"')
    parts = ([f"#{ident}"] if ident else []) + [f".{c}" for c in classes] + pairs
    return " ".join(parts)


def translate(lines: list[str]) -> list[str]:
    """A run of prose lines with their attribute lists made pandoc's, or dropped; see the module."""
    out: list[str] = []
    start = 0  # where the paragraph being written began in ``out``
    for line in lines:
        if not line.strip():
            out.append(line)
            start = len(out)
            continue
        alone = _ALONE.match(line)
        if alone:
            if len(out) > start:  # the paragraph just above
                _wrap(out, start, pandoc_attributes(alone.group(1)))
            start = len(out)
            continue
        trailing = _TRAILING.search(line)
        if trailing and _HEADING.match(line):
            attributes = pandoc_attributes(trailing.group(1))
            text = _strip(line[: trailing.start()]).rstrip()
            out.append(text + (f" {{{attributes}}}" if attributes else ""))
            start = len(out)
            continue
        out.append(_strip(line) if "{:" in line else line)
    return out


def _strip(line: str) -> str:
    """``line`` without the attribute lists in its text (those in code spans stay: they are code)."""
    return outside_code(line, lambda words: _ANYWHERE.sub("", _TRAILING.sub("", words)))


def _wrap(out: list[str], start: int, attributes: str) -> None:
    """Wrap ``out[start:]`` (one paragraph) in a fenced div with ``attributes``; nothing when there are none."""
    if not attributes:
        return
    out[start:] = ["", f"::: {{{attributes}}}", *out[start:], ":::", ""]


class _Part(Protocol):
    annex_start: bool


Part = TypeVar("Part", bound=_Part)


def directed(parts: list[Part], chapter: Chapter, make: Callable[[str], Part]) -> list[Part]:
    """A chapter's parts inside one div with its own language and direction, when its front matter sets them.

    ``make`` makes a part of Markdown alone (the div's fences). What starts the annexes
    (raw Typst setting their numbering) moves to the opening fence: inside the div it would
    hold for this chapter only.
    """
    attributes = pandoc_attributes(f'dir="{chapter.dir}" lang="{chapter.lang}"')
    if not attributes or not parts:
        return parts
    opening = make(f":::: {{{attributes}}}")
    opening.annex_start, parts[0].annex_start = parts[0].annex_start, False
    return [opening, *parts, make("::::")]
