"""Charter's own HTML blocks kept out of Python-Markdown's way: written once, never parsed again.

A page of the site tree is the drafters' prose (Markdown) around Charter's generated HTML:
tables, fact lists, backlinks, breadcrumbs, diagrams. Python-Markdown would parse every
one of those blocks with its pure-Python HTML parser (most of a large site's build), only
to pass it through unchanged. So each generated block stands in the page as one short
token line, and the blocks themselves follow at the end of the file, after a header line
Charter always writes last:

    # R-PIR-01 Armed robbery

    <!-- charter:html 3f2a9c1b7d04 0 -->

    Prose the drafter wrote, which Python-Markdown does parse.

    <!-- charter:html-blocks 3f2a9c1b7d04 -->
    <!-- charter:html 3f2a9c1b7d04 0 -->
    <div class="charter-table-wrap">...</div>

The Markdown extension :mod:`generator.render_site.markdown_blocks` puts each block back
into Python-Markdown's own stash of raw HTML where its token stands, so the page comes
out exactly as if the block had been written in place. Headings stay Markdown, so the
table of contents, anchors and search index are made as before.

Generated HTML is marked while pages are composed with :func:`raw`; :func:`stash_blocks`
turns the marks into tokens when the page is written. The marks are the control
characters STX and ETX, which content never brings into a page (:func:`strip_marks` takes
them out of prose and escaped text; Python-Markdown drops them from its input anyway).
"""

from __future__ import annotations

import hashlib
import re

START = "\x02"
"""Opens a generated HTML block in a page being composed."""
END = "\x03"
"""Closes it."""
_MARKED = re.compile(f"{START}([^{START}{END}]*){END}")
_MARKS = re.compile(f"[{START}{END}]")
HEADER = "<!-- charter:html-blocks {nonce} -->"
"""The line after which a page's generated blocks follow; the last such line of the file is Charter's."""
TOKEN = "<!-- charter:html {nonce} {index} -->"
"""Where block ``index`` stands in the page, and where it starts after the header."""
HEADER_LINE = re.compile(r"^<!-- charter:html-blocks ([0-9a-f]{12}) -->$", re.MULTILINE)


_FIRST_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)[^>]*>")
VOID = frozenset({"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


def _siblings_on_lines(html: str) -> str:
    """A block's top-level elements each on a line of its own, as Python-Markdown writes raw HTML.

    Python-Markdown ends a raw block where its first element closes and starts the next
    element on the same line as a block of its own, on a new line; Charter's HTML is
    well formed, so counting the first element's own tag name finds where it closes.
    """
    out: list[str] = []
    rest = html
    while rest.startswith("<"):
        first = _FIRST_TAG.match(rest)
        if first is None:
            break
        name = first.group(1).lower()
        if name in VOID or first.group(0).endswith("/>"):
            end = first.end()
        else:
            depth, end = 0, -1
            for tag in re.finditer(f"<(/?){name}(?=[\\s>/])[^>]*>", rest, re.IGNORECASE):
                depth += -1 if tag.group(1) else 1
                if depth == 0:
                    end = tag.end()
                    break
            if end < 0:
                break
        if end >= len(rest) or rest[end] != "<":
            break
        out.append(rest[:end])
        rest = rest[end:]
    return "\n".join([*out, rest])


def raw(html: str) -> str:
    """A generated HTML block, marked so that the page writes it as a stashed block (empty stays empty)."""
    return f"{START}{_siblings_on_lines(html)}{END}" if html else ""


def strip_marks(text: str) -> str:
    """Text with the block marks taken out, so that content can never open or close a block."""
    return _MARKS.sub("", text) if START in text or END in text else text


def stash_blocks(text: str) -> str:
    """A page's Markdown with each marked block replaced by its token and the blocks appended after a header.

    The header is written on every page, blocks or none, so the last header of a file is
    always Charter's: whatever prose says above it stays prose.
    """
    blocks = _MARKED.findall(text)
    nonce = hashlib.sha256("\x00".join(blocks).encode("utf-8")).hexdigest()[:12]
    numbers = iter(range(len(blocks)))
    body = strip_marks(_MARKED.sub(lambda _: TOKEN.format(nonce=nonce, index=next(numbers)), text))
    parts = [body.rstrip("\n"), "", HEADER.format(nonce=nonce)]
    for index, html in enumerate(blocks):
        separator = TOKEN.format(nonce=nonce, index=index)
        if separator in html:  # Charter's own HTML holds no comment: a block this breaks is a bug
            raise ValueError(f"a generated HTML block contains its own separator: {html[:80]!r}")
        parts += [separator, html]
    return "\n".join(parts) + "\n"


class BlocksError(ValueError):
    """A page whose generated blocks do not match their tokens (a tree edited by hand, or a bug)."""


def unstash_blocks(lines: list[str]) -> tuple[list[str], str, list[str]]:
    """Split a page's lines into (the Markdown above the header, the nonce, the generated blocks).

    A page without a header (a project's own page) comes back whole with no blocks.
    Raises :class:`BlocksError` when the blocks after the header are not numbered 0, 1, 2…
    """
    header = None
    for number in range(len(lines) - 1, -1, -1):
        if lines[number].startswith("<!-- charter:html-blocks ") and HEADER_LINE.match(lines[number]):
            header = number
            break
    if header is None:
        return lines, "", []
    nonce = lines[header][len("<!-- charter:html-blocks ") :][:12]
    blocks: list[str] = []
    current: list[str] | None = None
    for line in lines[header + 1 :]:
        if line == TOKEN.format(nonce=nonce, index=len(blocks) + (0 if current is None else 1)):
            if current is not None:
                blocks.append("\n".join(current))
            current = []
        elif current is not None:
            current.append(line)
        elif line.strip():
            raise BlocksError(f"text after the generated blocks' header that is no block: {line[:80]!r}")
    if current is not None:
        blocks.append("\n".join(current).rstrip("\n"))
    # the Markdown ends as the file would have without the blocks: Python-Markdown adds two line ends
    return [*lines[:header], "", ""], nonce, blocks


def in_place(text: str) -> str:
    """A page's Markdown with each generated block back where its token stands (to read a tree as it renders)."""
    body, nonce, blocks = unstash_blocks(text.split("\n"))
    tokens = {TOKEN.format(nonce=nonce, index=i): block for i, block in enumerate(blocks)}
    return "\n".join(tokens.get(line, line) for line in body).rstrip("\n") + "\n"
