"""Measurements and progress on the site: the charts on the monitoring chapter, indicator and action pages."""

from __future__ import annotations

import re

from tests.site.conftest import Built


def _page(built: Built, folder: str) -> str:
    return (built.site / folder / "index.html").read_text(encoding="utf-8")


def test_the_monitoring_chapter_shows_both_charts_with_their_tables(sample_site: Built) -> None:
    html = _page(sample_site, "strategy/monitoring")
    assert len(re.findall(r'<figure class="charter-diagram charter-diagram--indicator-progress"', html)) == 5
    assert len(re.findall(r'<figure class="charter-diagram charter-diagram--implementation"', html)) == 1
    assert html.count('class="charter-table charter-table--indicator-progress') == 5
    assert 'class="charter-table charter-table--implementation' in html
    for objective in range(1, 6):
        assert (sample_site.site / "diagrams" / f"indicator-progress-OBJ-{objective}.svg").is_file()


def test_an_indicator_page_draws_its_chart_with_a_text_alternative_and_its_figures(sample_site: Built) -> None:
    html = _page(sample_site, "indicators/ind-03")
    figure = html[html.index('<figure class="charter-diagram charter-diagram--indicator-chart"') :]
    figure = figure[: figure.index("</figure>")]
    assert 'role="img"' in figure
    assert "<title>IND-03 " in figure
    assert "<desc>Chart of IND-03 " in figure and "off track.</desc>" in figure
    table = html[html.index('class="charter-table charter-table--indicator-values') :]
    table = table[: table.index("</table>")]
    assert "31 December 2026" in table and "27 % of recorded crossings" in table
    assert "32.8 % of recorded crossings" in table  # where the planned path stood that day


def test_an_action_page_lists_its_status_reports(sample_site: Built) -> None:
    html = _page(sample_site, "actions/act-08")
    table = html[html.index('class="charter-table charter-table--progress') :]
    table = table[: table.index("</table>")]
    assert "Delayed" in table and "Procurement slipped" in table and "Back on plan" in table
