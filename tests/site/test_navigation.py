"""Navigation a reader can follow: folder sections, names instead of IDs, one page per threat.

A publication of 40 chapters in folders three levels deep is written from the minimal one
for these tests; the shipped sample is checked page by page as well.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.render_site import write_tree
from generator.render_site.html_blocks import in_place
from generator.render_site.nav import navigation
from generator.render_site.render import Renderer
from tests.site.conftest import MINIMAL, Built, build_site, copy_content, load

PARTS = ("Prevention", "Response", "Recovery")
CHAPTERS_PER_PART = 6
TOOLS_PER_PART = 5


def _chapter(path: Path, title: str, order: int, body: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = body or f"The {title.lower()} of the plan, which relies on [[R-THEFT-01]]."
    path.write_text(f"---\ntitle: '{title}'\norder: {order}\n---\n\n# {title}\n\n{text}\n", encoding="utf-8")


def write_folder_publication(root: Path) -> Path:
    """The minimal publication with a guide of 40 chapters: guide/part-N/ and guide/part-N/tools/.

    Each folder has its index.md. The last tools chapter defines a threat category that
    no risk assesses, which keeps a generated page.
    """
    content = copy_content(MINIMAL, root / "content")
    order = 100
    _chapter(content / "guide" / "index.md", "Guide", order)
    for n, part in enumerate(PARTS, start=1):
        folder = content / "guide" / f"part-{n}"
        _chapter(folder / "index.md", f"Part {n}: {part}", order := order + 1)
        for c in range(1, CHAPTERS_PER_PART + 1):
            _chapter(folder / f"chapter-{c}.md", f"{part}, chapter {c}", order := order + 1)
        _chapter(folder / "tools" / "index.md", f"Tools for {part.lower()}", order := order + 1)
        for t in range(1, TOOLS_PER_PART + 1):
            _chapter(folder / "tools" / f"tool-{t}.md", f"{part} tool {t}", order := order + 1)
    threat = "```yaml threat\nid: TH-FIRE\nname: Fire on the quay\nmalicious: no\n```\n\nNo risk assesses it yet."
    _chapter(content / "guide" / "part-3" / "tools" / "tool-5.md", "Recovery tool 5", order, threat)
    return content


@pytest.fixture(scope="module")
def folder_content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_folder_publication(tmp_path_factory.mktemp("folders"))


@pytest.fixture(scope="module")
def folder_site(folder_content: Path, tmp_path_factory: pytest.TempPathFactory) -> Built:
    built = build_site(folder_content, tmp_path_factory.mktemp("folder-site"))
    assert built.status == 0, built.stderr
    return built


def test_the_folder_publication_has_forty_chapters(folder_content: Path) -> None:
    guide = [c for c in load(folder_content).chapters if c.path.startswith("guide/")]
    assert len(guide) == 40


def test_folders_are_sections_with_their_index_page_first_in_reading_order(folder_content: Path) -> None:
    nav = navigation(Renderer.of(load(folder_content)))
    assert nav[:4] == [{"Home": "index.md"}, "structure/index.md", "register/index.md", "plan/index.md"]
    guide = nav[4]["Guide"]
    assert guide[0] == "guide/index.md"
    assert [next(iter(item)) for item in guide[1:]] == [f"Part {n}: {p}" for n, p in enumerate(PARTS, start=1)]
    part = guide[2]["Part 2: Response"]
    chapters = [f"guide/part-2/chapter-{c}/index.md" for c in range(1, CHAPTERS_PER_PART + 1)]
    assert part[: 1 + CHAPTERS_PER_PART] == ["guide/part-2/index.md", *chapters]
    tools = part[-1]["Tools for response"]
    assert tools == ["guide/part-2/tools/index.md"] + [
        f"guide/part-2/tools/tool-{t}/index.md" for t in range(1, TOOLS_PER_PART + 1)
    ]


def test_a_folder_read_in_two_places_keeps_the_reading_order(sample_site: Built) -> None:
    # strategy/ is read before and after the register: its chapters stay where they are read
    nav = navigation(Renderer.of(load(sample_site.content)))
    flat = [item if isinstance(item, str) else next(iter(item)) for item in nav]
    assert flat[1] == "strategy/foreword/index.md"
    register = flat.index("The national maritime security risk register")
    assert flat[register + 1] == "Structure" and flat[register + 2] == "strategy/objectives/index.md"


_SECTION_LINK = re.compile(
    r'<div class="md-nav__link md-nav__container">\s*<a href="([^"]*)" class="md-nav__link[^"]*">\s*'
    r'<span class="md-ellipsis">\s*(.*?)\s*</span>',
    re.S,
)


def test_the_sidebar_of_a_deep_chapter_shows_its_sections_by_their_pages(folder_site: Built) -> None:
    page = (folder_site.site / "guide" / "part-2" / "tools" / "tool-3" / "index.html").read_text(encoding="utf-8")
    sections = [(href, title) for href, title in _SECTION_LINK.findall(page)]
    assert sections == [("../../../", "Guide"), ("../../", "Part 2: Response"), ("../", "Tools for response")]
    # the other parts are pruned to one link each, to their section page
    assert re.search(r'<a href="../../../part-1/" class="md-nav__link">\s*<span class="md-ellipsis">\s*Part 1', page)


def test_each_sections_page_is_listed_once(folder_site: Built) -> None:
    page = (folder_site.site / "guide" / "part-1" / "index.html").read_text(encoding="utf-8")
    nav = page.split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>\n", 1)[0]
    assert nav.count("Part 1: Prevention") == 2  # the section's link, and the drawer's title for it
    assert 'href="./"' in nav


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("index.html"))


_BARE_ID = re.compile(r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+")


def _names_shown(site: Path) -> list[tuple[str, str]]:
    """(page, text) for each title, breadcrumb, pager link and search title of the site."""
    shown = []
    for path in _pages(site):
        html = path.read_text(encoding="utf-8")
        where = path.relative_to(site).as_posix()
        title = re.search(r"<title>(.*?)</title>", html, re.S)
        assert title is not None
        shown.append((where, title.group(1).split(" - ")[0]))
        for crumbs in re.findall(r'<nav class="charter-crumbs".*?</nav>', html, re.S):
            shown += [(where, t) for t in re.findall(r">([^<>]+)</(?:a|span)>", crumbs)]
        for pager in re.findall(r'<nav class="charter-pager".*?</nav>', html, re.S):
            shown += [(where, t.split(": ", 1)[1]) for t in re.findall(r'rel="(?:prev|next)"[^>]*>([^<]+)<', pager)]
        shown += [
            (where, t.split(": ", 1)[-1])
            for t in re.findall(r'class="md-footer__link[^"]*" aria-label="([^"]+)"', html)
        ]
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    shown += [(doc["location"], doc["title"]) for doc in index["docs"]]
    return shown


@pytest.mark.parametrize("which", ["sample", "folders"])
def test_no_title_breadcrumb_pager_or_search_result_is_a_bare_id(
    which: str, sample_site: Built, folder_site: Built
) -> None:
    site = (sample_site if which == "sample" else folder_site).site
    shown = _names_shown(site)
    assert len(shown) > 100
    bare = [f"{where}: {text!r}" for where, text in shown if _BARE_ID.fullmatch(text.strip())]
    assert not bare, "names shown as bare IDs:\n" + "\n".join(bare[:20])
    crumbs = [text for where, text in shown if where == "risks/r-theft-01/index.html" or "r-pir-01/" in where]
    assert any(" " in text and text.startswith("R-") for text in crumbs)


def test_a_threat_with_a_chapter_has_that_chapter_for_its_page(sample_site: Built) -> None:
    site = sample_site.site
    assert not (site / "threats" / "th-piracy").exists()
    chapter = (site / "register" / "piracy" / "index.html").read_text(encoding="utf-8")
    assert "Threat category: Piracy and armed robbery" in chapter
    risk = (site / "risks" / "r-pir-01" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../../register/piracy/">Piracy and armed robbery</a>' in risk
    catalogue = (site / "threats" / "index.html").read_text(encoding="utf-8")
    assert 'href="../register/piracy/"' in catalogue and "th-piracy" not in catalogue
    # the explosive devices chapter is about two threat categories
    devices = (site / "register" / "explosive-devices" / "index.html").read_text(encoding="utf-8")
    assert "Threat category: Boat-borne improvised explosive devices" in devices
    assert "Threat category: Limpet mines and parasitic devices" in devices


def test_a_threat_without_a_chapter_keeps_its_page(folder_site: Built) -> None:
    page = folder_site.site / "threats" / "th-fire" / "index.html"
    assert page.is_file()
    tool = (folder_site.site / "guide" / "part-3" / "tools" / "tool-5" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../../../../threats/th-fire/">Fire on the quay</a>' in tool


def _referenced_by(html: str) -> tuple[str, str]:
    """The page before its "Referenced by" section, and that section (up to the pager)."""
    before, _, after = html.partition("## Referenced by")
    return before, re.split(r'<p class="charter-source">|<nav class="charter-pager"', after, maxsplit=1)[0]


@pytest.mark.parametrize("which", ["sample", "folders"])
def test_referenced_by_is_grouped_and_repeats_nothing_the_page_lists(
    which: str, folder_content: Path, tmp_path: Path
) -> None:
    content = folder_content if which == "folders" else MINIMAL.parents[3] / "content"
    write_tree(load(content), tmp_path, downloads=[])
    seen_groups: set[str] = set()
    for path in sorted(tmp_path.rglob("index.md")):
        before, section = _referenced_by(in_place(path.read_text(encoding="utf-8")))
        if not section:
            continue
        listed = set(re.findall(r'href="([^"]+)"', before))
        again = [href for href in re.findall(r'href="([^"]+)"', section) if href in listed]
        assert not again, f"{path}: Referenced by repeats {again}"
        groups = re.findall(r'<div class="charter-referrers__group"><h3>([^<]+)</h3>', section)
        assert groups or "charter-none" in section, f"{path}: Referenced by without groups"
        seen_groups.update(groups)
    assert "Chapters" in seen_groups
    if which == "folders":
        theft = in_place((tmp_path / "risks" / "r-theft-01" / "index.md").read_text(encoding="utf-8"))
        assert _referenced_by(theft)[1].count("<li>") == 40  # every chapter of the guide names it


def test_no_fact_row_says_nothing(sample_site: Built, folder_site: Built) -> None:
    empty = re.compile(r"<dd>\s*(?:None|—|-|)\s*</dd>")
    for site in (sample_site.site, folder_site.site):
        found = [str(p.relative_to(site)) for p in _pages(site) if empty.search(p.read_text(encoding="utf-8"))]
        assert not found, "rows with nothing to say:\n" + "\n".join(found[:20])
    navy = (sample_site.site / "agencies" / "ag-navy" / "index.html").read_text(encoding="utf-8")
    assert "Runs the secretariat of" not in navy and "Chairs" in navy
