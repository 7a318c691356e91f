"""How the web lays out its views, as the Markdown tree says it: room, chips, cards, summary rows, IDs.

The browser tests (tests/browser/test_layout.py) measure what these produce on a screen;
these check the markup that makes it so, on the sample and on publications of other shapes.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.diagnostics import Report
from generator.render_site import write_tree
from generator.render_site.html_blocks import in_place
from generator.resolve.editions import for_edition
from generator.views.text import plural
from tests.site.conftest import REPO, load

SAMPLE = REPO / "content"
FIGURES = REPO / "tests" / "roots" / "figures" / "content"
GENERAL = REPO / "tests" / "roots" / "general" / "content"


@pytest.fixture(scope="module")
def sample_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tree = tmp_path_factory.mktemp("sample-tree")
    write_tree(load(SAMPLE), tree, downloads=[])
    return tree


def _front_matter(page: Path) -> dict[str, object]:
    text = page.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1]) if text.startswith("---\n") else {}


def _register(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    start = text.index('<table class="charter-table charter-table--register')
    return text[start : text.index("</table>", start)]


def test_chapters_with_a_wide_view_give_it_the_whole_width(sample_tree: Path) -> None:
    wide = {"register", "strategy/action-plan", "strategy/governance", "strategy/monitoring", "annexes/agency-roles"}
    narrow = {"strategy/foreword", "strategy/vision", "strategy/principles"}
    for folder in wide:
        assert _front_matter(sample_tree / folder / "index.md").get("hide") == ["toc"], folder
    for folder in narrow:
        assert "hide" not in _front_matter(sample_tree / folder / "index.md"), folder


def test_register_scores_are_chips_named_by_their_band_with_a_legend(sample_tree: Path) -> None:
    page = sample_tree / "risks" / "index.md"
    register = _register(page)
    publication = load(SAMPLE)
    top = max(publication.risks, key=lambda r: (r.residual.score, r.inherent.score))
    chip = re.search(
        rf'data-sort="{top.residual.score:04d}" class="charter-num charter-nowrap">'
        r'<span class="charter-marker charter-marker--band charter-score" style="[^"]+" title="Rated ([^"]+)">'
        r'(\d+)<span class="charter-sr-only"> ([^<]+)</span></span>',
        register,
    )
    assert chip is not None
    assert chip.groups() == (top.residual.band.name, str(top.residual.score), top.residual.band.name)
    assert '<abbr title="Residual">Res.</abbr>' in register
    text = page.read_text(encoding="utf-8")
    legend = re.search(r'<div class="charter-legend">.*?</div>', text)
    assert legend is not None
    shown = re.findall(r">([^<>]+)</span></li>", legend.group(0))
    assert shown == [f"{b.name} {b.min}–{b.max}" for b in publication.settings.scales.bands]


def test_register_cells_carry_their_column_for_the_phone_cards(sample_tree: Path) -> None:
    register = _register(sample_tree / "risks" / "index.md")
    assert "charter-table--cards" in register.split(">")[0]
    first_row = register.split("<tbody>")[1].split("</tr>")[0]
    labels = re.findall(r'data-label="([^"]+)"', first_row)
    assert labels == [
        "Ref",
        "Risk",
        "Threat category",
        "Lead",
        "Support",
        "Inherent",
        "Residual",
        "Target",
        "Trend",
        "Review by",
    ]


def test_group_rows_are_summary_rows_and_the_filter_counts_risks(tmp_path: Path) -> None:
    whole = load(FIGURES)
    report = Report()
    publication = for_edition(whole, next(e for e in whole.settings.editions if e.id == "public"), report)
    assert publication.risk_groups, "the figures root shows risks by their public group"
    write_tree(publication, tmp_path, downloads=[])
    register = _register(tmp_path / "risks" / "index.md")
    assert 'data-charter-noun="risk|risks"' in register
    rows = register.split("<tbody>")[1].split("</tr>")[:-1]
    summary = [i for i, row in enumerate(rows) if row.startswith('<tr class="charter-summary-row">')]
    assert len(summary) == len(publication.risk_groups)
    assert summary == list(range(len(rows) - len(summary), len(rows))), "the group rows come last"
    assert all(">Group<" in rows[i] for i in summary)


def test_an_id_is_one_unit_wherever_a_table_shows_it(sample_tree: Path) -> None:
    text = (sample_tree / "strategy" / "context" / "index.md").read_text(encoding="utf-8")
    heat = text[text.index("charter-table--heatmap") :]
    heat = heat[: heat.index("</table>")]
    links = re.findall(r"(<span class=\"charter-id\">)?<a href=\"[^\"]+\">(R-[A-Z]+-\d+)</a>", heat)
    assert links, "the heat map lists its risks by ID"
    assert all(wrapper for wrapper, _ in links), [i for w, i in links if not w]


def test_the_landing_page_opens_with_a_plain_summary(tmp_path: Path) -> None:
    for content in (SAMPLE, GENERAL):
        publication = load(content)
        tree = tmp_path / content.parent.name
        write_tree(publication, tree, downloads=[])
        text = in_place((tree / "index.md").read_text(encoding="utf-8"))
        summary = re.search(r"<p>(This publication assesses [^<]+)</p>", text)
        assert summary is not None, content
        assert text.index(summary.group(0)) < text.index("Key figures")
        assessed = sum(1 for t in publication.threats if publication.risks_of_threat(t))
        expected = (
            f"This publication assesses {plural(len(publication.risks), 'risk')} in {assessed} threat categories and "
            f"sets out {plural(len(publication.objectives), 'strategic objective')} and "
            f"{plural(len(publication.actions), 'action')}"
        )
        assert summary.group(1).startswith(expected), summary.group(1)
