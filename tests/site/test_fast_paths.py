"""The faster paths through MkDocs and Material give the same site as MkDocs' and Material's own.

``generator/render_site/search_parser.py`` replaces Material's search parser and
``generator/render_site/markdown_reuse.py`` MkDocs' ``Page.render`` (issue 12, item 5).
Both must change nothing a reader sees: the sections of every page, the search index and
every built file are compared with what the code they replace gives.
"""

from __future__ import annotations

import filecmp
import io
from pathlib import Path
from typing import Any

import pytest
from material.plugins.search import plugin as search
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.structure import pages

from generator.build import build
from generator.progress import Progress
from generator.render_site import markdown_reuse, search_parser
from generator.render_site.site_hook import PLAIN_MKDOCS
from tests.site.conftest import REPO, Built

ENERGY = REPO / "tests" / "roots" / "energy" / "content"


def _sections(parser_class: Any, html: str) -> list[tuple[Any, ...]]:
    parser = parser_class()
    parser.feed(html)
    parser.close()
    return [(s.el.tag, s.el.attrs, s.id, s.title, s.text, s.depth) for s in parser.data]


def _page_contents(built: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The HTML of every page of a built edition, as Material's search plugin receives it."""
    seen: list[str] = []
    original = search.SearchIndex.add_entry_from_context

    def record(index: Any, page: Any) -> None:
        seen.append(page.content)
        original(index, page)

    monkeypatch.setattr(search.SearchIndex, "add_entry_from_context", record)
    monkeypatch.chdir(built.build_dir)
    mkdocs_build(load_config(str(built.build_dir / "site-src.mkdocs.yml"), site_dir=str(tmp_path / "again")))
    return seen


def test_every_page_of_the_sample_has_materials_sections_from_the_fast_path(
    sample_site: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = _page_contents(sample_site, tmp_path, monkeypatch)
    assert len(pages) > 100
    slow = [i for i, html in enumerate(pages) if search_parser.tokens(html) is None]
    assert not slow, f"{len(slow)} of the sample's pages went to Material's parser; the first:\n{pages[slow[0]][:400]}"
    differ = [
        i
        for i, html in enumerate(pages)
        if _sections(search_parser._ORIGINAL, html) != _sections(search_parser.FastParser, html)
    ]
    assert not differ, f"{len(differ)} pages divide differently; the first:\n{pages[differ[0]][:400]}"


QUIRKS = {
    "preface before any heading": "<p>Before.</p><h1 id='t'>Title</h1><p>After</p>",
    "first heading not h1": '<h2 id="a">A</h2><p>x</p><h3 id="b">B <code>c</code></h3>',
    "heading without id": "<h2>No id</h2><p>text</p>",
    "permalink in a heading": '<h2 id="a">A<a class="headerlink" href="#a" title="Link">&para;</a></h2><p>t</p>',
    "heading nested in a div": '<div class="x"><h2 id="n">N</h2><p>in</p></div><p>out</p><h2 id="m">M</h2>',
    "excluded block": "<div data-search-exclude><p>hidden</p></div><p>shown</p><div><p>again</p></div>",
    "excluded heading": '<h2 id="x" data-search-exclude>X</h2><p>after</p>',
    "line numbers": '<table><tr><td class="linenodiv"><pre>1\n2</pre></td><td><pre>a\n  b</pre></td></tr></table>',
    "whitespace runs": "<p>a</p>\n\n   \n<p>b\nc</p>  <ul>\n<li> one </li>\n<li></li></ul>",
    "empty kept tags": "<p> </p><p><code></code></p><sub>x</sub><sup> </sup>",
    "entities and escapes": "<p>&lt;tag&gt; &amp; &quot;q&quot; &#x2014; &eacute; 5 &lt; 6</p>",
    "attribute entities": '<h2 id="a&amp;b">A</h2><p title="x &lt; y">t</p>',
    "void and self-closing": '<p>a<br>b<br/>c<img alt="i" src="x.png"/><hr></p><svg><rect x="1"/></svg>',
    "comments": "<p>a<!-- note -->b</p><!----><p>c</p>",
    "svg with a title": '<figure><svg role="img"><title>Chart &amp; key</title><g><text>t</text></g></svg></figure>',
    "single quotes and spacing": "<p class='a b'  id = 'x'>t</p>",
    "unknown end tags": "<p>a</span></p></div><p>b</p>",
    "nested same tags": "<ul><li>a<ul><li>b</li></ul></li></ul><ol><li><p>c</p></li></ol>",
    "pre keeps newlines": "<pre><code>line 1\n\n    line 2\n</code></pre><p>x</p>",
    "upper-case tags": '<P CLASS="x">A</P><H2 ID="u">U</H2>',
    "table": "<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1 &amp; 2</td></tr></tbody></table>",
}
"""Pages written to catch each of Material's quirks; the fast path must read every one of them."""

FALLBACKS = {
    "script": "<p>a</p><script>if (a < b) {}</script><p>b</p>",
    "style": "<style>p > a {}</style><p>t</p>",
    "unquoted attribute": "<p class=x>t</p>",
    "stray less-than": "<p>a < b</p>",
    "declaration": "<!DOCTYPE html><p>t</p>",
    "odd comment": "<p>a<!-- x -- y -->b</p><!--><p>c</p>",
    "tag in a title": "<svg><title>a <b>bold</b></title></svg>",
    "unicode space in a tag": '<p\u00a0class="x">t</p>',
    "attribute without a space": '<p class="a"id="b">t</p>',
    "script after sections already read": '<h1 id="a">A</h1><p>t</p><h2 id="b">B</h2><p>u</p><script>x</script>',
}
"""Pages the fast path leaves to Material's parser."""


@pytest.mark.parametrize("html", QUIRKS.values(), ids=QUIRKS.keys())
def test_the_fast_path_reads_each_quirk_as_material_does(html: str) -> None:
    assert search_parser.tokens(html) is not None
    assert _sections(search_parser.FastParser, html) == _sections(search_parser._ORIGINAL, html)


@pytest.mark.parametrize("html", FALLBACKS.values(), ids=FALLBACKS.keys())
def test_what_the_fast_path_cannot_read_goes_to_materials_parser(html: str) -> None:
    assert search_parser.tokens(html) is None
    assert _sections(search_parser.FastParser, html) == _sections(search_parser._ORIGINAL, html)


def test_the_installed_mkdocs_and_material_are_the_ones_the_fast_paths_were_written_against() -> None:
    """After an upgrade the fast paths stand aside; this says so, so that they are checked and renewed."""
    assert search_parser.material_parser_hash() == search_parser.MATERIAL_PARSER, (
        "Material's search parser changed: compare it with generator/render_site/search_parser.py, "
        "port any change and set MATERIAL_PARSER"
    )
    assert markdown_reuse.mkdocs_render_hash() == markdown_reuse.MKDOCS_RENDER, (
        "MkDocs' Page.render changed: compare it with generator/render_site/markdown_reuse.py, "
        "port any change and set MKDOCS_RENDER"
    )


def _build_here(content: Path, work: Path) -> Path:
    """Build a publication's site in this process (one edition at a time), so this process runs its MkDocs."""
    stream = io.StringIO()
    status = build(
        content,
        project_dir=REPO,
        site_dir=work / "site",
        build_dir=work / "build",
        with_print=False,
        progress=Progress(stream, interactive=False),
        jobs=1,
    )
    assert status == 0, stream.getvalue()
    return work / "site"


def _same_trees(one: Path, other: Path) -> list[str]:
    """The files that differ between two folders, or exist in only one."""
    found: list[str] = []

    def walk(cmp: filecmp.dircmp[str], where: str) -> None:
        found.extend(f"{where}{name}" for name in cmp.left_only + cmp.right_only + cmp.diff_files + cmp.funny_files)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{where}{name}/")

    walk(filecmp.dircmp(one, other, ignore=[]), "")
    return found


@pytest.mark.parametrize("content", [REPO / "content", ENERGY], ids=["sample", "energy"])
def test_a_site_built_by_the_fast_paths_is_the_site_mkdocs_and_material_build(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")
    fast = _build_here(content, tmp_path / "fast")
    assert search.Parser is search_parser.FastParser, "the site hook did not put the fast search parser in place"
    assert pages.Page.render is markdown_reuse.render, "the site hook did not put the one converter in place"
    monkeypatch.setenv(PLAIN_MKDOCS, "1")
    plain = _build_here(content, tmp_path / "plain")
    assert search.Parser is search_parser._ORIGINAL
    assert pages.Page.render is markdown_reuse._ORIGINAL
    monkeypatch.delenv(PLAIN_MKDOCS)
    differ = _same_trees(fast, plain)
    assert not differ, f"{len(differ)} files differ, the first: {differ[:5]}"
    index = fast / "public" / "search" / "search_index.json"
    assert index.stat().st_size > 10_000
