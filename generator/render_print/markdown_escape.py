"""Escape plain text for the pandoc Markdown and the raw Typst that Charter writes.

Every piece of content text (a title, a table cell, a caption) reaches the assembled
document through one of these functions, so a ``|`` in a risk title cannot break a
table, a ``#`` cannot open a heading and a ``<`` cannot open raw HTML. Chapter prose
goes through :mod:`.prose` instead; Charter's own raw Typst and Office XML through
:func:`raw_block` and :func:`raw_inline`.
"""

from __future__ import annotations

import re

from generator.render_print.safety import RAW_CLASS, RAW_FORMATS

# pandoc lets a backslash escape any ASCII punctuation; escape every character that can
# start or end Markdown syntax somewhere (emphasis, links, spans, raw HTML, headings,
# lists, tables, divs, math, citations, footnotes, strike-out, sub/superscript).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~^$@&:=%])")
_SPACES = re.compile(r"\s+")


def escape_markdown(text: str, *, strip: bool = True) -> str:
    """Plain text as pandoc Markdown inline text that reads exactly as written.

    Line breaks become spaces, so the result is always one line and safe in a table
    cell, a heading or a paragraph. ``strip=False`` keeps a leading or trailing space
    (for separators such as ", ").
    """
    flat = _SPACES.sub(" ", text)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", flat.strip() if strip else flat)


def markdown_attribute(value: str) -> str:
    """A value for a pandoc attribute (``{key="value"}``), quoted."""
    clean = _SPACES.sub(" ", value).strip()
    return '"' + clean.replace("\\", "\\\\").replace('"', '\\"') + '"'


def typst_string(text: str) -> str:
    """A Typst string literal holding ``text`` verbatim."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


_TYPST_SPECIAL = re.compile(r"([\\#*_`$<>@\[\]=+/~\"'-])")


def typst_words(text: str) -> str:
    """Plain text (Charter's words) as Typst markup that reads as written, its spaces unbreakable."""
    return "~".join(_TYPST_SPECIAL.sub(r"\\\1", word) for word in text.split(" "))


def typst_label(anchor: str) -> str:
    """A Typst label reference (``<E-R-PIR-01>``); anchors are letters, digits, ``-`` and ``_``."""
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_\-]*", anchor):
        raise ValueError(f"not a usable anchor: {anchor!r}")
    return f"<{anchor}>"


def raw_typst_inline(code: str) -> str:
    """Typst code as a raw inline (ignored by every writer but Typst's)."""
    return raw_inline("typst", code)


def raw_typst_block(code: str) -> str:
    """Typst code as a raw block (ignored by every writer but Typst's)."""
    return raw_block("typst", code)


def raw_inline(fmt: str, code: str) -> str:
    """Charter's own raw markup in one of RAW_FORMATS, as inline code that the safety filter makes raw.

    pandoc reads no raw attribute (``{=typst}``), so prose cannot write raw markup; the
    code's class holds a key that prose cannot know (see :mod:`.safety`).
    """
    ticks = "`" * (max((len(m) for m in re.findall(r"`+", code)), default=0) + 1)
    pad = " " if code.startswith("`") or code.endswith("`") else ""
    return f"{ticks}{pad}{code}{pad}{ticks}{{{_raw_attributes(fmt)}}}"


def raw_block(fmt: str, code: str) -> str:
    """Charter's own raw markup in one of RAW_FORMATS, as a code block that the safety filter makes raw."""
    fence = "`" * max(3, max((len(m) for m in re.findall(r"`+", code)), default=0) + 1)
    return f"{fence}{{{_raw_attributes(fmt)}}}\n{code}\n{fence}"


def _raw_attributes(fmt: str) -> str:
    if fmt not in RAW_FORMATS:
        raise ValueError(f"not a raw format Charter writes: {fmt!r}")
    return f".{RAW_CLASS} .{fmt}"
