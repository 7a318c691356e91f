"""Chapter prose on its way to the site: references linked, raw HTML defused, code left alone."""

from __future__ import annotations

import pytest

from generator.render_site.escape import front_matter, md_inline
from generator.render_site.prose import render_prose


def ref(target: str, words: str | None) -> str:
    return f"<{target}|{words}>" if words is not None else f"<{target}>"


def image(path: str) -> str:
    return f"../media/{path}"


def chapter(path: str) -> str | None:
    known = {"plan.md": "../plan/index.md", "../annex/roles.md": "../../annex/roles/index.md"}
    written, _, fragment = path.partition("#")
    return known[written] + (f"#{fragment}" if fragment else "") if written in known else None


CASES = [
    ("plain", "We address [[R-1]] first.", "We address <R-1> first."),
    ("own words", "See [[R-1|the theft risk]].", "See <R-1|the theft risk>."),
    ("two on a line", "[[A]] and [[B|b]]", "<A> and <B|b>"),
    ("inside a code span", "Write `[[R-1]]` to link.", "Write `[[R-1]]` to link."),
    ("inside a fence", "```\n[[R-1]] <b>\n```", "```\n[[R-1]] <b>\n```"),
    ("indented code", "Text\n\n    [[R-1]] <b>", "Text\n\n    [[R-1]] <b>"),
    ("inline HTML is shown as text", "a <b>bold</b> claim", "a &lt;b>bold&lt;/b> claim"),
    ("an HTML block is shown as text", "<div>\nhello & bye\n</div>", "&lt;div>\nhello &amp; bye\n&lt;/div>"),
    ("a comment is dropped", "before <!-- hidden --> after", "before  after"),
    ("a comment block is dropped", "para\n\n<!--\nsecret\n-->\n\nnext", "para\n\n\nnext"),
    ("autolinks stay", "See <https://example.org/a> or <info@example.org>.", None),
    ("javascript links are disabled", "[x](javascript:alert(1))", "[x](#alert(1))"),
    ("a local image moves with the page", "![Map](maps/port.png)", "![Map](../media/maps/port.png)"),
    ("a web image stays", "![Logo](https://example.org/x.png)", "![Logo](https://example.org/x.png)"),
    ("a link to a chapter's file", "See [the plan](plan.md#goals).", "See [the plan](../plan/index.md#goals)."),
    ("a link up a folder", "[Roles](../annex/roles.md)", "[Roles](../../annex/roles/index.md)"),
    ("a link to no chapter stays", "[x](missing.md)", "[x](missing.md)"),
    ("a web page ending in .md stays", "[x](https://example.org/a.md)", "[x](https://example.org/a.md)"),
    ("markdown is kept", "# Title\n\n*em* and **strong** | a", "# Title\n\n*em* and **strong** | a"),
]


@pytest.mark.parametrize(("text", "expected"), [(c[1], c[2]) for c in CASES], ids=[c[0] for c in CASES])
def test_prose(text: str, expected: str | None) -> None:
    assert render_prose(text, ref, image, chapter) == (text if expected is None else expected)


def test_md_inline_escapes_markup_and_html() -> None:
    assert md_inline("Risk <b> & *x* [y] _z_ `c` #1\nnext") == (
        r"Risk &lt;b&gt; &amp; \*x\* \[y\] \_z\_ \`c\` \#1 next"
    )


def test_front_matter_title_is_escaped_yaml() -> None:
    assert front_matter('A "quoted" <b> & title', hide=("toc",)) == (
        '---\ntitle: "A &quot;quoted&quot; &lt;b&gt; &amp; title"\nhide: [toc]\n---\n\n'
    )
