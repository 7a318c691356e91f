"""Chapter prose for print: made safe as on the site, references resolved, headings fitted under the chapter heading."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.load.markdown import REF_PATTERN, outside_code
from generator.prose_safety import LineKind, defuse, line_kinds
from generator.render_print.attributes import translate

_ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})(?=[ \t]|$)(.*?)(?:[ \t]+#+)?[ \t]*$")
_UNDERLINE = re.compile(r"^ {0,3}(?:-+|=+)[ \t]*$")
_DASHES = re.compile(r"-{2,}")
_TABLE_RULE = re.compile(r"^[\s|:+=-]*$")
"""A line of a table's rules (``|---|:--:|``, ``+----+``), whose dashes are Markdown, not text."""
_FENCE_INFO = re.compile(r"^(.*?)(`{3,}|~{3,})(.*)$")
_LANGUAGE = re.compile(r"[A-Za-z0-9_+-]*")

_IMAGE = re.compile(r"(!\[[^\]]*\]\()(<[^>]*>|&lt;[^>]*>|[^)\s]+)((?:\s+\"[^\"]*\")?\))")

DISABLED_TARGET = "#!"
"""Where a script link points after :func:`~generator.prose_safety.defuse`: no anchor, so it prints as text."""

RefRenderer = Callable[[str, str | None, bool], str]
"""Turns a reference's target ID, optional own words and whether it stands inside parentheses into Markdown."""
ImageMover = Callable[[str], str]
"""Turns an image's path as written in a chapter into its path beside the assembled Markdown."""


@dataclass
class HeadingLevels:
    """Keeps heading levels in a document without gaps, as PDF/UA-1 requires.

    ``shift`` moves a chapter's own headings down (a chapter written with ``#`` sections
    sits under the chapter heading Charter adds); ``last`` is the level of the heading
    written most recently in the whole document.
    """

    last: int = 0
    shift: int = 0

    def fit(self, level: int) -> int:
        """The level a heading written at ``level`` takes in the document."""
        fitted = min(6, max(2, level + self.shift), self.last + 1)
        self.last = fitted
        return fitted


def chapter_title_line(text: str, title: str) -> int | None:
    """The index of the first line when it is a level-1 heading repeating the chapter title."""
    for index, line in enumerate(text.split("\n")):
        if not line.strip():
            continue
        match = _ATX_HEADING.match(line)
        if match and len(match.group(1)) == 1 and _plain(match.group(2)) == _plain(title):
            return index
        return None
    return None


def has_level_one(text: str) -> bool:
    """Whether the prose has level-1 headings of its own (outside code)."""
    lines = text.split("\n")
    return any(
        kind == "text" and (m := _ATX_HEADING.match(line)) is not None and len(m.group(1)) == 1
        for line, kind in zip(lines, line_kinds(text, len(lines)), strict=True)
    )


def render_prose(
    text: str,
    render_ref: RefRenderer,
    levels: HeadingLevels,
    *,
    skip_line: int | None = None,
    move_image: ImageMover | None = None,
) -> str:
    """A passage as document Markdown: made safe, references replaced, headings fitted, images moved.

    The prose first goes through :func:`generator.prose_safety.defuse`, the site's
    sanitiser (comments dropped, raw HTML shown as text, script targets disabled). Then
    what pandoc alone would read differently is written so that it prints as written: a
    ``{=format}`` attribute, a run of dashes, a line of ``-`` or ``=`` under text (a setext
    heading, or the end of a metadata block), a code fence's attributes. Code is left alone.
    """
    if skip_line is not None:
        lines = text.split("\n")
        text = "\n".join(lines[:skip_line] + lines[skip_line + 1 :])

    def render_text(lines: list[str]) -> list[str]:
        return _render_text(lines, render_ref, levels, move_image)

    return defuse(text, render_text, _render_code, disabled=DISABLED_TARGET)


def _render_text(
    lines: list[str], render_ref: RefRenderer, levels: HeadingLevels, move_image: ImageMover | None
) -> list[str]:
    out: list[str] = []
    previous = ""
    depth = [0]  # open parentheses in the paragraph so far, so a reference knows it is inside some
    for line in translate(lines):
        if not line.strip():
            depth[0] = 0
        if _UNDERLINE.match(line) and previous.strip() and not _ATX_HEADING.match(previous):
            line = _escape_all(line)  # a setext underline: print never makes a heading of it
        heading = _ATX_HEADING.match(line)
        if heading:
            level = levels.fit(len(heading.group(1)))
            line = "#" * level + " " + heading.group(2).strip()
        previous = line
        line = outside_code(line, lambda words: _render_words(words, render_ref, depth))
        if move_image is not None and "![" in line:
            line = _IMAGE.sub(lambda m: m.group(1) + _moved(m.group(2), move_image) + m.group(3), line)
        out.append(line)
    return out


def _render_words(text: str, render_ref: RefRenderer, depth: list[int]) -> str:
    """Prose outside code, written to print as it reads; then its references replaced.

    ``depth`` counts the parentheses open before ``text`` in its paragraph, and is
    updated: a reference inside parentheses is told so, and adds none of its own.
    """
    if "{=" in text:
        text = text.replace("{=", "\\{=")  # never a raw attribute, whatever the reader's extensions
    if "charter-raw-" in text:  # nor the class of Charter's own raw code, even with its key
        text = text.replace("charter-raw-", "charter\\-raw-")
    if "--" in text and not _TABLE_RULE.match(text):
        text = _DASHES.sub(lambda m: _escape_all(m.group(0)), text)
    if "[[" not in text:
        depth[0] = _parentheses(text, depth[0])
        return text
    parts: list[str] = []
    cursor = 0
    for match in REF_PATTERN.finditer(text):
        before = text[cursor : match.start()]
        depth[0] = _parentheses(before, depth[0])
        words = match.group(2).strip() if match.group(2) is not None else None
        parts += [before, render_ref(match.group(1).strip(), words, depth[0] > 0)]
        cursor = match.end()
    depth[0] = _parentheses(text[cursor:], depth[0])
    return "".join([*parts, text[cursor:]])


def _parentheses(text: str, depth: int) -> int:
    """The parentheses open after ``text``, ``depth`` being those open before it (escaped ones do not count)."""
    for match in re.finditer(r"\\.|[()]", text):
        if match.group(0) == "(":
            depth += 1
        elif match.group(0) == ")":
            depth = max(0, depth - 1)
    return depth


def _render_code(line: str, kind: LineKind) -> str:
    """A code line; a fence keeps at most a language name, so its attributes can never make it raw."""
    if kind != "fence":
        return line
    fence = _FENCE_INFO.match(line)
    if fence is None:
        return line
    language = fence.group(3).split()[0] if fence.group(3).split() else ""
    return fence.group(1) + fence.group(2) + (language if _LANGUAGE.fullmatch(language) else "")


def _escape_all(text: str) -> str:
    """``text`` with every ASCII punctuation character backslash-escaped (pandoc then reads it as text)."""
    return re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", text)


def _moved(target: str, move_image: ImageMover) -> str:
    path = target[1:-1] if target.startswith("<") else target[4:-1] if target.startswith("&lt;") else target
    if re.match(r"^[a-z][a-z0-9+.-]*:", path, re.IGNORECASE):  # a URL: left as it is (the safety filter drops it)
        return target
    return f"<{move_image(path)}>"


def _plain(text: str) -> str:
    return re.sub(r"[\s*_`]+", " ", text).strip().casefold()
