"""``charter serve`` rebuilds only what a save changed, and the result is the site a full build makes.

Each test drives the preview's rebuild (:meth:`Preview.update`, what the server calls after a
save) on a copy of a publication, then compares every page with a fresh full build of the
edited copy, and checks that pages nothing changed were not written again.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from generator.render_site.preview import Preview
from tests.html_tables import tables

REPO = Path(__file__).resolve().parents[1]
ENERGY = REPO / "tests" / "roots" / "energy" / "content"


def _copy(content: Path, tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(content, target)
    return target.resolve()


def _built(content: Path, work: Path) -> Preview:
    preview = Preview(content, REPO, work)
    assert preview._build() is None
    return preview


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def _stamps(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file below ``folder``: (inode, modification time in ns)."""
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file()
    }


def _search(site: Path) -> list[str]:
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    return sorted(json.dumps(doc, sort_keys=True) for doc in docs)


def _same_site(incremental: Path, fresh: Path) -> None:
    """The site the rebuilds made is the site a full build of the same content makes, file for file."""
    mine, theirs = _stamps(incremental), _stamps(fresh)
    assert sorted(mine) == sorted(theirs)
    for path in mine:
        if path == "search/search_index.json":
            assert _search(incremental) == _search(fresh)  # the same entries; a rebuilt page's come last
        elif not path.endswith(".gz"):  # sitemap.xml.gz carries the time it was written
            assert (incremental / path).read_bytes() == (fresh / path).read_bytes(), f"{path} differs"


def _page(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def _heatmap_cell(page_html: str, caption: str, item: str) -> tuple[str, str]:
    """Where ``item`` sits in the heat map captioned ``caption``: (its row's label, its column's label)."""
    captions = re.findall(r'table-heatmap-\d+-caption">([^<]*)<', page_html)
    table = tables(page_html, "charter-table--heatmap")[captions.index(caption)]
    for row in table.rows:
        for column, cell in enumerate(row):
            if item in cell.split():
                return row[0], table.head[column]
    raise AssertionError(f"{item} is not in the heat map {caption!r}")


def _residual_rating(risk_page: str) -> str:
    found = re.search(r"<dt>Residual rating</dt><dd><span[^>]*>([^<]*)<", risk_page)
    assert found is not None
    return found.group(1)


def _bands(landing: str) -> list[list[str]]:
    return tables(landing, "charter-table--key-ratings")[0].rows


def test_a_changed_score_shows_everywhere_and_nothing_else_is_written(tmp_path: Path) -> None:
    content = _copy(REPO / "content", tmp_path)
    preview = _built(content, tmp_path / "serve")
    site, tree = preview.site_dir, preview.tree_dir
    landing_before = _bands(_page(site, "index.html"))
    residual = "Residual risk, with today&#x27;s controls"
    assert _residual_rating(_page(site, "risks/r-civ-01/index.html")) == "8 Medium"
    assert _heatmap_cell(_page(site, "strategy/context/index.html"), residual, "R-CIV-01") == (
        "4 Significant",
        "2 Unlikely",
    )
    site_before, tree_before = _stamps(site), _stamps(tree)

    chapter = content / "register" / "civil-conflict.md"
    _edit(
        chapter,
        "residual: {likelihood: 2, impact: 4}\ntarget: {likelihood: 2, impact: 3}\ntrend: increasing",
        "residual: {likelihood: 3, impact: 4}\ntarget: {likelihood: 2, impact: 3}\ntrend: increasing",
    )
    outcome = preview.update({chapter})

    assert outcome.problems is None
    assert outcome.how == "pages" and outcome.written is not None
    # Its page, the register, every heat map of residual scores, the landing figures and the pages that cite it.
    assert _residual_rating(_page(site, "risks/r-civ-01/index.html")) == "12 High"
    for register in ("risks/index.html", "register/index.html"):
        row = next(r for r in tables(_page(site, register), "charter-table--register")[0].rows if r[0] == "R-CIV-01")
        assert row[6] == "12 High", register
    assert _heatmap_cell(_page(site, "strategy/context/index.html"), residual, "R-CIV-01") == (
        "4 Significant",
        "3 Possible",
    )
    landing_after = _bands(_page(site, "index.html"))
    assert landing_after != landing_before
    high = next(i for i, row in enumerate(landing_after) if row[0] == "High")
    assert int(landing_after[high][2]) == int(landing_before[high][2]) + 1  # the residual column
    citing = 'r-civ-01/">R-CIV-01 Spill-over of the Tarsenian conflict into Solmaran waters</a> <span'
    for action in ("act-01", "act-04", "act-05", "act-06"):
        assert re.search(
            re.escape(citing) + r'[^>]*title="Residual rating: High">12 High<',
            _page(site, f"actions/{action}/index.html"),
        )
    assert "risks/r-civ-01/index.html" in outcome.written and "index.html" in outcome.written

    # Pages nothing changed were neither rendered to disk again nor rebuilt.
    site_after, tree_after = _stamps(site), _stamps(tree)
    untouched = ["risks/r-ter-01/index.html", "committees/cm-nmsc/index.html", "strategy/vision/index.html"]
    for path in untouched:
        assert site_after[path] == site_before[path], f"{path} was written again"
        assert tree_after[path.replace(".html", ".md")] == tree_before[path.replace(".html", ".md")]
    rewritten = {path for path in site_after if site_after[path] != site_before.get(path)}
    assert rewritten == outcome.written
    assert len(rewritten) < len(site_after) / 5

    _same_site(site, _built(content, tmp_path / "fresh").site_dir)


def test_prose_renders_one_page_again_and_matches_a_full_build(tmp_path: Path) -> None:
    content = _copy(REPO / "content", tmp_path)
    preview = _built(content, tmp_path / "serve")
    chapter = content / "strategy" / "vision.md"
    for word in ("zanzibarish", "quixotically"):
        chapter.write_text(chapter.read_text(encoding="utf-8") + f"\nA {word} sentence.\n", encoding="utf-8")
        outcome = preview.update({chapter})
        assert outcome.problems is None
        assert outcome.written == {"strategy/vision/index.html", "search/search_index.json"}
        assert word in _page(preview.site_dir, "strategy/vision/index.html")
        assert any(word in doc for doc in _search(preview.site_dir))
    _same_site(preview.site_dir, _built(content, tmp_path / "fresh").site_dir)


def test_a_new_title_in_the_navigation_or_a_new_page_builds_everything_again(tmp_path: Path) -> None:
    content = _copy(REPO / "content", tmp_path)
    preview = _built(content, tmp_path / "serve")
    register = content / "register" / "civil-conflict.md"
    _edit(register, "title: Spill-over of the Tarsenian conflict", "title: Overspill of the Tarsenian conflict")
    outcome = preview.update({register})  # a risk's page is not in the navigation: its pages alone
    assert outcome.problems is None and outcome.how == "pages" and outcome.written is not None
    assert "Overspill of the Tarsenian conflict into Solmaran waters" in _page(preview.site_dir, "risks/index.html")
    assert "R-CIV-01 Overspill of the Tarsenian conflict" in _page(preview.site_dir, "risks/r-civ-01/index.html")
    chapter = content / "strategy" / "vision.md"
    text = chapter.read_text(encoding="utf-8")
    title = re.search(r"^title: (.+)$", text, re.MULTILINE) or re.search(r"^# (.+)$", text, re.MULTILINE)
    assert title is not None
    _edit(chapter, title.group(0), title.group(0).replace(title.group(1), "A renamed vision"))
    outcome = preview.update({chapter})
    assert outcome.problems is None and outcome.how == "full"  # every page's navigation names it
    assert "A renamed vision" in _page(preview.site_dir, "risks/r-ter-01/index.html")
    (content / "strategy" / "extra.md").write_text("# An extra chapter\n\nIts text.\n", encoding="utf-8")
    outcome = preview.update({content / "strategy" / "extra.md"})
    assert outcome.problems is None and outcome.how == "full"
    _same_site(preview.site_dir, _built(content, tmp_path / "fresh").site_dir)


def test_a_problem_leaves_the_last_site_and_the_fix_rebuilds_pages(tmp_path: Path) -> None:
    content = _copy(REPO / "content", tmp_path)
    preview = _built(content, tmp_path / "serve")
    chapter = content / "register" / "civil-conflict.md"
    _edit(chapter, "residual: {likelihood: 2, impact: 4}", "residual: {likelihood: 9, impact: 4}")
    outcome = preview.update({chapter})
    assert outcome.problems is not None and "civil-conflict.md" in outcome.problems
    assert _residual_rating(_page(preview.site_dir, "risks/r-civ-01/index.html")) == "8 Medium"
    _edit(chapter, "residual: {likelihood: 9, impact: 4}", "residual: {likelihood: 3, impact: 4}")
    outcome = preview.update({chapter})
    assert outcome.problems is None and outcome.how == "pages"
    assert _residual_rating(_page(preview.site_dir, "risks/r-civ-01/index.html")) == "12 High"


@pytest.mark.slow  # two builds of a 160-risk publication
def test_the_energy_root_rebuilds_a_score_and_prose_as_a_full_build_does(tmp_path: Path) -> None:
    content = _copy(ENERGY, tmp_path)
    preview = _built(content, tmp_path / "serve")
    before = _stamps(preview.site_dir)
    chapter = content / "register" / "hazards" / "spw" / "index.md"
    _edit(
        chapter,
        "residual: {threat: 3, vulnerability: 3, impact: 3}",
        "residual: {threat: 3, vulnerability: 3, impact: 4}",
    )
    outcome = preview.update({chapter})
    assert outcome.problems is None and outcome.how == "pages" and outcome.written is not None
    assert "risks/r-spw-01/index.html" in outcome.written
    prose = content / "summary.md"
    prose.write_text(prose.read_text(encoding="utf-8") + "\nA zanzibarish sentence.\n", encoding="utf-8")
    outcome = preview.update({prose})
    assert outcome.problems is None and outcome.written is not None and len(outcome.written) == 2
    after = _stamps(preview.site_dir)
    assert sum(after[path] != before[path] for path in before) < len(before) / 5
    _same_site(preview.site_dir, _built(content, tmp_path / "fresh").site_dir)
