"""Chapter prose on its way to the site: ``[[ID]]`` references become links, markup is defused.

Drafters write Markdown, and Markdown it stays, but raw HTML is shown as text rather than
passed through (an HTML comment is dropped: it could hide text a reader of this edition
must not get), and ``javascript:`` link targets are disabled: :mod:`generator.prose_safety`
does that, for print too. Code is left exactly as written: references and markup inside
code spans and code blocks are not touched, the same rule the loader follows when it
collects references.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from generator.load.markdown import REF_PATTERN, outside_code
from generator.prose_safety import defuse

# The text in brackets holds no '[', as in the loader: a line of '[' is then read once, not once per '['.
_IMAGE = re.compile(r"(!\[[^\[\]\n]*\]\(\s*<?)([^)\s>]+)")
_LINK = re.compile(r"((?<!!)\[[^\[\]\n]*\]\(\s*<?)([^)\s>]+\.md(?:#[^)\s>]*)?)")
_DEFINITION = re.compile(r"^([ ]{0,3}\[(?!\^)[^\[\]\n]*\]:[ \t]*<?)([^\s>]+\.md(?:#[^\s>]*)?)")
"""A reference definition ``[label]: ../register/piracy.md`` to another chapter's file."""

RefLink = Callable[[str, "str | None"], str]
"""Turns a reference's target ID and its own words (or None) into Markdown."""
ImageLink = Callable[[str], str]
"""Turns an image's path as written in the chapter into its address from the page."""
ChapterLink = Callable[[str], "str | None"]
"""Turns a link to another chapter's file (``../register/piracy.md#x``) into its page's, or None."""


def render_prose(
    text: str, ref_link: RefLink, image_link: ImageLink | None = None, chapter_link: ChapterLink | None = None
) -> str:
    """Chapter or narrative Markdown, ready for the site tree.

    The prose is first made safe by :func:`generator.prose_safety.defuse`, the sanitiser
    print uses too; then references, images and links to other chapters are rewritten.
    """
    links = _Links(ref_link, image_link, chapter_link)
    return defuse(text, lambda lines: _render_text(lines, links))


class _Links:
    """How a passage's references, images and links to other chapters are rewritten."""

    def __init__(self, ref: RefLink, image: ImageLink | None, chapter: ChapterLink | None) -> None:
        self.ref = ref
        self.image = image
        self.chapter = chapter


MANY_BRACKETS = 500
"""More '[' than this in one run of prose, and those that never close are escaped.

Python-Markdown looks for the end of a link from every '[' to the end of the paragraph,
so a paragraph of thousands of unclosed '[' takes minutes to build (Python-Markdown
issue #798). Prose a drafter writes never comes near this many."""


def _render_text(lines: list[str], links: _Links) -> list[str]:
    rendered = [_render_line(line, links) for line in lines]
    if sum(line.count("[") for line in lines) > MANY_BRACKETS:
        rendered = [outside_code(line, _escape_unclosed) for line in rendered]
    return rendered


def _escape_unclosed(text: str) -> str:
    """``text`` with every '[' that no ']' on its line closes written as ``\\[``."""
    unclosed: list[int] = []
    escaped = False
    for index, char in enumerate(text):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "[":
            unclosed.append(index)
        elif char == "]" and unclosed:
            unclosed.pop()
    if not unclosed:
        return text
    parts, cursor = [], 0
    for index in unclosed:
        parts += [text[cursor:index], "\\["]
        cursor = index + 1
    return "".join(parts) + text[cursor:]


def _render_line(line: str, links: _Links) -> str:
    return outside_code(line, lambda text: _render_words(text, links))


def _local(target: str) -> bool:
    return "://" not in target and not target.startswith(("#", "/", "mailto:"))


def _render_words(text: str, links: _Links) -> str:
    if not text:
        return text
    image, chapter = links.image, links.chapter
    if image is not None and "![" in text:
        text = _IMAGE.sub(lambda m: m.group(1) + (image(m.group(2)) if _local(m.group(2)) else m.group(2)), text)
    if chapter is not None and ".md" in text:

        def to_page(match: re.Match[str]) -> str:
            return match.group(1) + ((_local(match.group(2)) and chapter(match.group(2))) or match.group(2))

        text = _DEFINITION.sub(to_page, _LINK.sub(to_page, text))
    if "[[" not in text:
        return text

    def replace(match: re.Match[str]) -> str:
        words = match.group(2)
        return links.ref(match.group(1).strip(), words.strip() if words is not None else None)

    return REF_PATTERN.sub(replace, text)
