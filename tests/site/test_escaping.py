"""Text from content is text wherever it lands: titles, tables, navigation, search, tooltips, SVG."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.site.conftest import MINIMAL, Built, build_site, copy_content

RISK_TITLE = 'Theft <script>alert("risk")</script> of *boxes* & [crates] | {: #x} `code`'
AGENCY_NAME = "Harbour <b>Police</b> & Sons"
CHAPTER_TITLE = "Structure <em>& order</em>"
PUBLICATION_TITLE = 'Harbour <i>Security</i> & "Plan"'
MEANING = 'Harbour <u>"Authority"</u>'


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The minimal publication with markup in its titles, names and prose, built into a site."""
    work = tmp_path_factory.mktemp("hostile")
    content = copy_content(MINIMAL, work / "content")
    _replace(content / "register.md", "title: Theft of containers from the quay", f"title: '{RISK_TITLE}'")
    _replace(content / "structure.md", "name: Harbour Police", f"name: {AGENCY_NAME}")
    _replace(content / "structure.md", "title: Structure", f'title: "{CHAPTER_TITLE}"')
    _replace(content / "structure.md", "# Structure\n", "")  # the page's heading then comes from the title
    _replace(content / "publication.yml", "title: Harbour Security Plan", f"title: '{PUBLICATION_TITLE}'")
    _replace(content / "plan.md", "meaning: Harbour Authority", f"meaning: '{MEANING}'")
    _replace(
        content / "plan.md",
        "We address [[R-THEFT-01]] first",
        "A <b>bold</b> claim <!-- a note for editors only --> & we address [[R-THEFT-01]] first",
    )
    built = build_site(content, work)
    assert built.status == 0, built.stderr
    return built


class _Elements(HTMLParser):
    """Every element opened in a page, with the text directly inside it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.texts: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ("br", "img", "input", "meta", "link", "hr", "path", "rect", "line", "circle", "use"):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self.stack:
            self.texts.append((self.stack[-1], data))


def _elements(page: Path) -> list[tuple[str, str]]:
    parser = _Elements()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.texts


def _site_files(built: Built) -> list[Path]:
    return [p for p in built.site.rglob("*") if p.suffix in (".html", ".json", ".xml", ".svg", ".js")]


def test_no_markup_from_content_becomes_markup(hostile: Built) -> None:
    for page in hostile.site.rglob("*.html"):
        for tag, text in _elements(page):
            assert not (tag == "script" and "alert" in text), f"{page}: a script from content runs"
            assert not (tag == "b" and "Police" in text), f"{page}: an agency name became bold markup"
            assert not (tag == "em" and "order" in text), f"{page}: a chapter title became markup"
            assert not (tag == "i" and "Security" in text), f"{page}: the publication title became markup"
            assert not (tag == "u" and "Authority" in text), f"{page}: an acronym's meaning became markup"
            assert not (tag == "b" and text == "bold"), f"{page}: raw HTML in prose became markup"


def test_raw_text_never_appears_unescaped_in_any_output(hostile: Built) -> None:
    for path in _site_files(hostile):
        text = path.read_text(encoding="utf-8")
        for raw in ('<script>alert("risk")', "<b>Police</b>", "<em>& order</em>", "<i>Security</i>", "<u>"):
            assert raw not in text, f"{path.relative_to(hostile.site)} carries {raw!r} unescaped"


def test_comments_in_prose_are_not_published(hostile: Built) -> None:
    for path in _site_files(hostile):
        assert "a note for editors only" not in path.read_text(encoding="utf-8"), path


def _elements_in(page: Path, tag: str) -> list[tuple[str, str]]:
    source = page.read_text(encoding="utf-8")
    found = re.findall(rf"<{tag}\b[^>]*>(.*?)</{tag}>", source, re.DOTALL)
    return [(tag, html.unescape(re.sub(r"<[^>]+>", "", f))) for f in found]


def test_titles_read_exactly_as_written(hostile: Built) -> None:
    risk = hostile.site / "risks" / "r-theft-01" / "index.html"
    [(_, h1)] = _elements_in(risk, "h1")
    assert h1.rstrip("¶") == f"R-THEFT-01 {RISK_TITLE}"
    [(_, title)] = _elements_in(risk, "title")
    assert title == f"R-THEFT-01 {RISK_TITLE} - {PUBLICATION_TITLE}"
    agency = hostile.site / "agencies" / "ag-police" / "index.html"
    assert _elements_in(agency, "h1")[0][1].rstrip("¶") == AGENCY_NAME
    structure = hostile.site / "structure" / "index.html"
    assert _elements_in(structure, "h1")[0][1].rstrip("¶") == CHAPTER_TITLE
    nav = [text for _, text in _elements_in(structure, "a") if "Structure" in text]
    assert CHAPTER_TITLE in [n.strip() for n in nav], "the navigation shows the chapter's title as written"


def test_table_cells_and_tooltips_read_exactly_as_written(hostile: Built) -> None:
    register = (hostile.site / "risks" / "index.html").read_text(encoding="utf-8")
    assert html.escape(RISK_TITLE, quote=True) in register
    plan = (hostile.site / "plan" / "index.html").read_text(encoding="utf-8")
    assert 'title="Harbour &lt;u&gt;&quot;Authority&quot;&lt;/u&gt;">HA</abbr>' in plan
    assert "A &lt;b&gt;bold&lt;/b&gt; claim" in plan
