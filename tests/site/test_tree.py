"""The Markdown tree ``write_tree`` hands to MkDocs: pages, links, navigation, downloads."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.downloads import Download
from generator.render_site import write_tree
from generator.render_site.html_blocks import in_place
from generator.render_site.nav import OVERLAY_PATH
from generator.render_site.subjects import threat_chapters
from tests.site.conftest import MINIMAL, build_site, load
from tests.site.golden import GOLDEN, ROOTS, files_of, render


@pytest.mark.parametrize("name", sorted(ROOTS))
def test_tree_matches_its_golden_copy(name: str, tmp_path: Path) -> None:
    render(ROOTS[name], tmp_path / "tree")
    expected = files_of(GOLDEN / name)
    actual = files_of(tmp_path / "tree")
    assert sorted(actual) == sorted(expected), "pages differ; run python -m tests.site.golden and review the diff"
    for path, text in expected.items():
        assert actual[path] == text, f"{path} differs; run python -m tests.site.golden and review the diff"


def test_one_page_per_entity_chapter_and_index(tmp_path: Path) -> None:
    publication = load(MINIMAL)
    pages = write_tree(publication, tmp_path, downloads=[])
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("index.md"))
    kinds = ("risks", "agencies", "committees", "objectives", "actions", "indicators", "threats")
    expected = ["index.md", "plan/index.md", "register/index.md", "structure/index.md", "data/index.md"]
    expected += ["accessibility/index.md"]
    expected += [f"{kind}/index.md" for kind in kinds]
    entities = [*publication.risks, *publication.agencies, *publication.committees, *publication.objectives]
    entities += [*publication.actions, *publication.indicators]
    # both threat categories are the subject of the Register chapter, their page (generator.render_site.subjects)
    assert threat_chapters(publication) == {"TH-THEFT": "register.md", "TH-SPILL": "register.md"}
    expected += [f"{kind}/{e.id.lower()}/index.md" for e in entities for kind in kinds if _singular(kind) == e.KIND]
    assert written == sorted(expected)
    assert pages == len(written)


def _singular(folder: str) -> str:
    return {"agencies": "agency", "committees": "committee", "threats": "threat"}.get(folder, folder[:-1])


def test_prose_references_become_links_with_the_target_title(tmp_path: Path) -> None:
    write_tree(load(MINIMAL), tmp_path, downloads=[])
    plan = (tmp_path / "plan" / "index.md").read_text(encoding="utf-8")
    assert "We address [Theft of containers from the quay](../risks/r-theft-01/index.md) first" in plan
    assert '[the spill risk](../risks/r-spill-01/index.md "R-SPILL-01: Bunker spill at the oil berth") next' in plan


def test_every_page_defines_the_acronyms(tmp_path: Path) -> None:
    write_tree(load(MINIMAL), tmp_path, downloads=[])
    for page in tmp_path.rglob("index.md"):
        assert in_place(page.read_text(encoding="utf-8")).endswith("\n*[HA]: Harbour Authority\n"), page


def test_navigation_follows_the_reading_order(tmp_path: Path) -> None:
    write_tree(load(MINIMAL), tmp_path, downloads=[])
    overlay = yaml.safe_load((tmp_path / OVERLAY_PATH).read_text(encoding="utf-8"))
    assert overlay["site_name"] == "Harbour Security Plan"
    assert overlay["nav"][:4] == [{"Home": "index.md"}, "structure/index.md", "register/index.md", "plan/index.md"]
    reference = overlay["nav"][4]["Reference"]
    assert reference[0] == {"Risk register": "risks/index.md"}
    assert len(reference) == 9
    assert reference[-2:] == [{"Open data": "data/index.md"}, {"Accessibility statement": "accessibility/index.md"}]


def test_print_downloads_are_kept_and_listed_on_the_landing_page(tmp_path: Path) -> None:
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    (downloads / "plan-0.1.0.pdf").write_bytes(b"%PDF-" + b"x" * 2100)
    listed = [
        Download("plan", "Harbour Security Plan", "PDF", "plan-0.1.0.pdf", 2105),
        Download("plan", "Harbour Security Plan", "DOCX", "plan-0.1.0.docx", 1536 * 1024),
    ]
    write_tree(load(MINIMAL), tmp_path, downloads=listed)
    assert (downloads / "plan-0.1.0.pdf").read_bytes().startswith(b"%PDF-")
    landing = (tmp_path / "index.md").read_text(encoding="utf-8")
    assert "## Downloads" in landing
    assert (
        '<li><span class="charter-download__title">Harbour Security Plan</span> '
        '<a href="downloads/plan-0.1.0.pdf" type="application/pdf">PDF, 2 KB</a> · '
        '<a href="downloads/plan-0.1.0.docx" type="application/vnd.openxmlformats-officedocument.wordprocessingml.document">'
        "DOCX, 1.5 MB</a></li>"
    ) in landing


def test_no_downloads_section_without_print(tmp_path: Path) -> None:
    write_tree(load(MINIMAL), tmp_path, downloads=[])
    assert "## Downloads" not in (tmp_path / "index.md").read_text(encoding="utf-8")


def test_diagrams_are_written_as_files_too(tmp_path: Path) -> None:
    write_tree(load(MINIMAL), tmp_path, downloads=[])
    svg = (tmp_path / "diagrams" / "orgchart.svg").read_text(encoding="utf-8")
    assert svg.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')
    assert 'href="../committees/cm-hsc/index.html"' in svg
    structure = (tmp_path / "structure" / "index.md").read_text(encoding="utf-8")
    assert '<a class="charter-diagram__file" href="../diagrams/orgchart.svg">' in structure
    assert '<a href="../committees/cm-hsc/"' in structure


def test_a_chapter_description_becomes_the_pages_meta_description(tmp_path: Path) -> None:
    """Front matter's ``description`` is what search engines and link previews show, escaped for HTML."""
    from tests.casefile import edited_copy

    written = 'description: "Ports & <harbours>, \\"quoted\\""'
    content = edited_copy(MINIMAL, tmp_path, {"plan.md": [("order: 30\n", f"order: 30\n{written}\n")]})
    built = build_site(content, tmp_path / "work")
    assert built.status == 0, built.stderr
    page = (built.site / "plan" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="description" content="Ports &amp; &lt;harbours&gt;, &quot;quoted&quot;">' in page
    other = (built.site / "register" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="description" content="Harbour Security Plan: Testland, First edition">' in other
