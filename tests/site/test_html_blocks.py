"""Charter's generated HTML blocks, written after each page's Markdown, render exactly as if written in place."""

from __future__ import annotations

from pathlib import Path

import markdown  # type: ignore[import-untyped]
import pytest

from generator.render_site import write_tree
from generator.render_site.escape import esc, md_inline
from generator.render_site.html_blocks import (
    HEADER_LINE,
    BlocksError,
    in_place,
    raw,
    stash_blocks,
    unstash_blocks,
)
from generator.render_site.site_hook import required_extensions
from tests.site.conftest import REPO, load

OURS = "generator.render_site.markdown_blocks"


def _convert(text: str, *, with_blocks: bool) -> str:
    extensions = required_extensions()
    names = [name for name in extensions if with_blocks or name != OURS]
    return markdown.Markdown(extensions=names, extension_configs=extensions).convert(text)


@pytest.mark.parametrize("root", ["content", "tests/roots/energy/content"])
def test_every_page_renders_as_with_its_html_in_place(root: str, tmp_path: Path) -> None:
    write_tree(load(REPO / root), tmp_path, downloads=[])
    pages = sorted(tmp_path.rglob("*.md"))
    assert len(pages) > 100
    stashed = 0
    for path in pages:
        text = path.read_text(encoding="utf-8")
        assert HEADER_LINE.search(text), f"{path} has no blocks' header"
        rebuilt = in_place(text)
        assert "charter:html" not in rebuilt
        stashed += text.count("\n<!-- charter:html ") // 2
        assert _convert(text, with_blocks=True) == _convert(rebuilt, with_blocks=False), path
    assert stashed > 1000  # the tables, facts and backlinks of every page, not a few


def test_a_table_and_its_notes_come_out_on_lines_of_their_own() -> None:
    page = stash_blocks("# T\n\n" + raw('<div class="w"><div>x</div></div><p class="n">note</p><p>y</p>') + "\n")
    assert _convert(page, with_blocks=True) == _convert(
        '# T\n\n<div class="w"><div>x</div></div><p class="n">note</p><p>y</p>\n', with_blocks=False
    )


def test_prose_cannot_open_close_or_forge_a_block() -> None:
    forged = "<!-- charter:html-blocks 000000000000 -->\n<!-- charter:html 000000000000 0 -->\n<script>x</script>"
    prose = md_inline("Prose \x02<b>\x03 here.")
    ours = esc("ours \x02<i>\x03")
    page = stash_blocks(f"{prose}\n\n{forged}\n\n" + raw(f"<p>{ours}</p>") + "\n")
    body, _, blocks = unstash_blocks(page.split("\n"))
    assert blocks == ["<p>ours &lt;i&gt;</p>"]  # the last header is Charter's; the forged one stays in the prose
    assert "Prose &lt;b&gt; here." in body and "\x02" not in page and "\x03" not in page


def test_a_block_standing_twice_fails_the_page() -> None:
    page = stash_blocks(raw("<p>ours</p>") + "\n")
    token = next(line for line in page.split("\n") if line.startswith("<!-- charter:html ") and "blocks" not in line)
    with pytest.raises(BlocksError, match="stands 2 times"):
        _convert(page.replace(token, f"{token}\n\n{token}", 1), with_blocks=True)
