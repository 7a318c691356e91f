"""Chapter prose for print: references resolved, headings fitted under the chapter heading."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.load.markdown import REF_PATTERN, outside_code

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})(?=[ \t]|$)(.*?)(?:[ \t]+#+)?[ \t]*$")

_IMAGE = re.compile(r"(!\[[^\]]*\]\()(<[^>]*>|[^)\s]+)((?:\s+\"[^\"]*\")?\))")

RefRenderer = Callable[[str, str | None], str]
"""Turns a reference's target ID and optional own words into Markdown."""
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
    for index, line in enumerate(text.splitlines()):
        if not line.strip():
            continue
        match = _ATX_HEADING.match(line)
        if match and len(match.group(1)) == 1 and _plain(match.group(2)) == _plain(title):
            return index
        return None
    return None


def has_level_one(text: str) -> bool:
    """Whether the prose has level-1 headings of its own (outside code)."""
    return any(len(m.group(1)) == 1 for line in _outside_code(text.splitlines()) if (m := _ATX_HEADING.match(line)))


def render_prose(
    text: str,
    render_ref: RefRenderer,
    levels: HeadingLevels,
    *,
    skip_line: int | None = None,
    move_image: ImageMover | None = None,
) -> str:
    """A passage as document Markdown: references replaced, headings fitted, images moved, code left alone."""
    out: list[str] = []
    fence: str | None = None
    for index, line in enumerate(text.splitlines()):
        if index == skip_line:
            continue
        opening = _FENCE.match(line)
        if fence is not None:
            out.append(line)
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            continue
        if opening:
            fence = opening.group(1)
            out.append(line)
            continue
        heading = _ATX_HEADING.match(line)
        if heading:
            level = levels.fit(len(heading.group(1)))
            line = "#" * level + " " + heading.group(2).strip()
        line = _replace_refs(line, render_ref)
        if move_image is not None and "![" in line:
            line = _IMAGE.sub(lambda m: m.group(1) + _moved(m.group(2), move_image) + m.group(3), line)
        out.append(line)
    return "\n".join(out)


def _moved(target: str, move_image: ImageMover) -> str:
    path = target[1:-1] if target.startswith("<") else target
    if re.match(r"^[a-z][a-z0-9+.-]*:", path, re.IGNORECASE):  # a URL: left as it is
        return target
    return f"<{move_image(path)}>"


def _replace_refs(line: str, render_ref: RefRenderer) -> str:
    if "[[" not in line:
        return line
    return outside_code(line, lambda text: _replace_outside_code(text, render_ref))


def _replace_outside_code(text: str, render_ref: RefRenderer) -> str:
    def replace(match: re.Match[str]) -> str:
        words = match.group(2).strip() if match.group(2) is not None else None
        return render_ref(match.group(1).strip(), words)

    return REF_PATTERN.sub(replace, text)


def _outside_code(lines: list[str]) -> list[str]:
    kept: list[str] = []
    fence: str | None = None
    for line in lines:
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            continue
        if opening:
            fence = opening.group(1)
            continue
        kept.append(line)
    return kept


def _plain(text: str) -> str:
    return re.sub(r"[\s*_`]+", " ", text).strip().casefold()
