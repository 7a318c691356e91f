"""A Python-Markdown extension: Charter's generated HTML blocks go straight into the raw-HTML stash.

The site tree writes each generated block once, at the end of its page, and a token where
it stands (:mod:`generator.render_site.html_blocks`). Before Python-Markdown looks for
HTML in the page, this preprocessor takes the blocks off the end and stores each in
Python-Markdown's own stash at its token, exactly where its HTML preprocessor would have
stored the block had it been written in place. The page then renders to the same HTML,
while the HTML parser only reads the drafters' prose.

It runs after fenced code is stashed (priority 25 in pymdownx.superfences) and before
the HTML preprocessor (20), so a token inside a code block is never a block. Charter's
``mkdocs.yml`` names it; the site hook adds it to a project's list that lacks it.
"""

from __future__ import annotations

import html
import re
from typing import Any

from markdown import Markdown  # type: ignore[import-untyped]
from markdown.extensions import Extension  # type: ignore[import-untyped]
from markdown.preprocessors import Preprocessor  # type: ignore[import-untyped]

from generator.render_site.html_blocks import TOKEN, BlocksError, unstash_blocks

PRIORITY = 24
"""After pymdownx.superfences' fenced blocks (25), before Python-Markdown's raw HTML (20)."""
MKDOCS_RAW_HTML = "mkdocs_raw_html"
"""MkDocs' preprocessor (priority 21) that collects the anchors of raw HTML for its link validation."""
_ANCHOR = re.compile(r'\sid="([^"]*)"|<a\s[^>]*?\bname="([^"]*)"')
"""An ``id`` attribute (or an ``<a name>``) in Charter's own HTML, which always quotes with ``"``."""


class GeneratedBlocks(Preprocessor):
    """Moves a page's generated HTML blocks from its end into the raw-HTML stash, at their tokens."""

    def run(self, lines: list[str]) -> list[str]:
        """The page's lines with the blocks stashed; raises when a token is missing or repeated."""
        body, nonce, blocks = unstash_blocks(lines)
        self.anchors: set[str] = set()
        if not nonce:
            return body
        tokens = {TOKEN.format(nonce=nonce, index=index): index for index in range(len(blocks))}
        out: list[str] = []
        seen = [0] * len(blocks)
        for line in body:
            index = tokens.get(line)
            if index is None:
                out.append(line)
                continue
            seen[index] += 1
            # with the line's end, as Python-Markdown's own HTML preprocessor stores a block
            out += ["", self.md.htmlStash.store(blocks[index] + "\n"), ""]
        wrong = [index for index, count in enumerate(seen) if count != 1]
        if wrong:
            raise BlocksError(
                f"generated HTML block {wrong[0]} stands {seen[wrong[0]]} times in the page instead of once; "
                "the site tree was changed after charter wrote it"
            )
        self.anchors = {html.unescape(a or b) for block in blocks for a, b in _ANCHOR.findall(block)}
        return out


class StashedAnchors(Preprocessor):
    """Gives MkDocs the anchors of the stashed blocks, which its own raw-HTML scan no longer sees.

    MkDocs validates links to ``page#anchor`` against the ids it finds in a page's raw HTML
    (its ``mkdocs_raw_html`` preprocessor, priority 21); this runs just after it.
    """

    def __init__(self, md: Markdown, blocks: GeneratedBlocks) -> None:
        super().__init__(md)
        self.blocks = blocks

    def run(self, lines: list[str]) -> list[str]:
        """The lines unchanged; the stashed blocks' anchors added to MkDocs' set."""
        if MKDOCS_RAW_HTML in self.md.preprocessors:
            found = getattr(self.md.preprocessors[MKDOCS_RAW_HTML], "present_anchor_ids", None)
            if isinstance(found, set):
                found |= self.blocks.anchors
        return lines


class GeneratedBlocksExtension(Extension):
    """Registers :class:`GeneratedBlocks`."""

    def extendMarkdown(self, md: Markdown) -> None:
        """Add the preprocessor to a Markdown instance."""
        blocks = GeneratedBlocks(md)
        md.preprocessors.register(blocks, "charter_generated_blocks", PRIORITY)
        md.preprocessors.register(StashedAnchors(md, blocks), "charter_stashed_anchors", 20.5)


def makeExtension(**kwargs: Any) -> GeneratedBlocksExtension:
    """The extension, as Python-Markdown loads it by its module's name."""
    return GeneratedBlocksExtension(**kwargs)
