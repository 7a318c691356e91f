"""Prose safety shared by every renderer: what a drafter's Markdown may never do in any output.

The loader refuses unsafe prose with a diagnostic; this is the renderers' own defence, so
a case that slips past the loader still cannot run code or hide text. The site and the
print editions both pass chapter prose through :func:`defuse` before rewriting it
further, so they show the same text:

- an HTML comment is dropped (it could hide text a reader of this edition must not get);
- raw HTML is shown as text: an HTML block's lines are escaped, and in text every ``<``
  that does not start an autolink to a web or mail address is written ``&lt;``;
- a link or reference definition whose target is a ``javascript:``, ``vbscript:`` or
  ``data:`` address points at ``#`` instead.

Code is left exactly as written: markup inside code spans and code blocks is not touched,
the same rule the loader follows when it collects references. Each renderer adds what its
own Markdown dialect needs (print, for example, also neutralises pandoc's raw attributes).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal

from markdown_it import MarkdownIt

from generator.load.markdown import outside_code

LineKind = Literal["text", "code", "fence", "html", "comment"]
"""What a line of prose is: text, code (``fence`` is the opening line of a fenced block), raw HTML or a comment."""

_blocks = MarkdownIt("commonmark").disable(["inline", "text_join"])
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# A '<' is kept only where it opens an autolink to a web or mail address.
_RAW_TAG = re.compile(r"<(?!(?:https?|ftp|mailto):[^\s<>]*>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>)")
# A browser drops tabs and line breaks anywhere in an address, and blanks before its scheme.
_SCRIPT_SCHEME = "(?:" + "|".join(r"[\t\n\r]*".join(word) for word in ("javascript", "vbscript", "data")) + r")\s*:"
_SCRIPT_TARGET = re.compile(r"\]\(\s*<?\s*" + _SCRIPT_SCHEME, re.IGNORECASE)
_SCRIPT_DEFINITION = re.compile(r"^([ ]{0,3}\[(?!\^)[^\[\]\n]*\]:[ \t]*<?[ \t]*)" + _SCRIPT_SCHEME, re.IGNORECASE)
"""A reference definition ``[label]: javascript:…``: a reference link to it would run the script."""

TextRenderer = Callable[[list[str]], list[str]]
"""A renderer's own rewriting of a run of text lines that :func:`defuse` has made safe."""
CodeRenderer = Callable[[str, LineKind], str]
"""A renderer's own handling of a code line (``kind`` is ``"fence"`` for a fenced block's opening line)."""


def defuse(
    text: str, render_text: TextRenderer, render_code: CodeRenderer | None = None, *, disabled: str = "#"
) -> str:
    """Prose made safe for any renderer, with each run of text lines then rewritten by ``render_text``.

    Comments are dropped, raw HTML blocks are escaped, and in text lines outside code
    spans raw tags and script targets are defused (see the module's description) before
    ``render_text`` sees them; a script target's scheme is replaced by ``disabled``.
    Code lines go to ``render_code`` (unchanged without one).
    """
    lines = text.split("\n")
    out: list[str] = []
    chunk: list[str] = []
    for line, kind in zip(lines, line_kinds(text, len(lines)), strict=True):
        if kind == "text":
            chunk.append(line)
            continue
        if chunk:
            out.extend(render_text(defuse_text(chunk, disabled)))
            chunk = []
        if kind in ("code", "fence"):
            out.append(render_code(line, kind) if render_code is not None else line)
        elif kind == "html":
            out.append(escape_html(line))
        # "comment" lines are dropped
    if chunk:
        out.extend(render_text(defuse_text(chunk, disabled)))
    return "\n".join(out)


def line_kinds(text: str, count: int | None = None) -> list[LineKind]:
    """The kind of each of the ``count`` lines of ``text`` (split at ``\\n``), as CommonMark reads the blocks."""
    if count is None:
        count = text.count("\n") + 1
    kinds: list[LineKind] = ["text"] * count
    for token in _blocks.parse(text):
        if token.map is None:
            continue
        start, end = token.map
        kind: LineKind
        if token.type in ("fence", "code_block"):
            kind = "code"
        elif token.type == "html_block":
            kind = "comment" if token.content.lstrip().startswith("<!--") else "html"
        else:
            continue
        for index in range(start, min(end, count)):
            kinds[index] = kind
        if token.type == "fence" and start < count:
            kinds[start] = "fence"
    return kinds


def escape_html(line: str) -> str:
    """A line of raw HTML as text that reads exactly as written."""
    return line.replace("&", "&amp;").replace("<", "&lt;")


def defuse_text(lines: list[str], disabled: str = "#") -> list[str]:
    """A run of text lines with comments dropped and, outside code spans, raw tags and script targets defused."""
    text = "\n".join(lines)
    if "<!--" in text:
        text = _COMMENT.sub("", text)
    return [
        outside_code(line, lambda words: defuse_words(words, disabled)) if ("<" in line or "]" in line) else line
        for line in text.split("\n")
    ]


def defuse_words(text: str, disabled: str = "#") -> str:
    """Prose outside code with raw tags shown as text and script targets pointing at ``disabled``."""
    if "<" in text:
        text = _RAW_TAG.sub("&lt;", text)
    if "]" in text:
        text = _SCRIPT_TARGET.sub(lambda _m: "](" + disabled, text)
        text = _SCRIPT_DEFINITION.sub(lambda m: m.group(1) + disabled, text)
    return text
