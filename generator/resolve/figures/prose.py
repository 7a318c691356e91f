"""Where figures stand in prose: outside code, and whether one opens a sentence."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from markdown_it import MarkdownIt

from generator.load.failclosed import blank_code_spans
from generator.resolve.figures.figure import CLOSE, OPEN

_md = MarkdownIt("commonmark").disable(["inline", "text_join"])


@lru_cache(maxsize=4096)
def code_lines(text: str) -> frozenset[int]:
    """The line indexes of fenced and indented code in a text (the same text comes back edition after edition)."""
    lines: set[int] = set()
    for token in _md.parse(text):
        if token.type in ("fence", "code_block") and token.map:
            lines.update(range(*token.map))
    return frozenset(lines)


def figures_in(text: str) -> Iterator[tuple[int, str, int, int]]:
    """Each ``{{`` outside code: line index, line, start, and end after ``}}`` (-1 when never closed)."""
    lines = text.split("\n")
    code = code_lines(text)
    for index, line in enumerate(lines):
        if OPEN not in line or index in code:
            continue
        visible = blank_code_spans(line)
        cursor = visible.find(OPEN)
        while cursor >= 0:
            close = visible.find(CLOSE, cursor + len(OPEN))
            end = close + len(CLOSE) if close >= 0 else -1
            yield index, line, cursor, end
            if end < 0:
                break
            cursor = visible.find(OPEN, end)


_CLOSERS = "*_)\"'”’]"
_LINE_START = re.compile(r"[ \t]*(?:(?:[-*+]|\d+[.)]|#{1,6}|>)[ \t]+)?")
"""What may stand before the first word of a line: blanks, and a list, heading or quote marker."""


def starts_sentence(lines: list[str], index: int, start: int) -> bool:
    """Whether a figure at ``lines[index][start]`` opens a sentence, a paragraph, a list item or a cell."""
    before = lines[index][:start]
    if _LINE_START.fullmatch(before):
        if before.strip():
            return True  # the first word of a list item, a heading or a quote
        previous = lines[index - 1] if index > 0 else ""
        if not previous.strip() or previous.lstrip().startswith("#"):
            return True  # the first word of a paragraph
        before = previous  # prose wrapped onto this line: the sentence may go on from the line above
    text = before.rstrip().rstrip(_CLOSERS)
    return not text or text[-1] in ".!?|"
