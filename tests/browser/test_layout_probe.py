"""The layout probes are honest: each one, run on a small handmade page, passes a good layout and fails a bad one.

The pages are written here, not built, so each holds exactly the one thing a probe looks
for: a sticky first column and one that scrolls away, an ID that wraps and one held
together, two SVG labels that overlap and two that do not.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from tests.browser import layout_probe as probe

ROWS = 40
COLUMNS = 14


def _table(first_cells: str = "th", extra: str = "") -> str:
    head = "".join(f"<th scope='col'>Column {i}</th>" for i in range(COLUMNS))
    body = "".join(
        f"<tr><{first_cells} scope='row'>R-TST-{n:02d}</{first_cells}>"
        + "".join(f"<td>value {n}.{i} wide enough</td>" for i in range(1, COLUMNS))
        + f"</{first_cells}></tr>"
        for n in range(ROWS)
    )
    return (
        f"<table class='charter-table' {extra}><caption id='cap'>A wide test table</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


STICKY_CSS = """
.charter-table-wrap { overflow: auto; max-height: 70vh; }
.charter-table-wrap th, .charter-table-wrap td { white-space: nowrap; padding: 4px; background: #fff; }
.charter-table-wrap thead th { position: sticky; top: 0; z-index: 1; }
.charter-table-wrap tbody th { position: sticky; left: 0; z-index: 1; }
.charter-table-wrap thead th:first-child { left: 0; z-index: 2; }
.charter-table-wrap[data-charter-scrolls]::after { content: "Scroll sideways to see more"; display: block; }
"""

PLAIN_CSS = """
.charter-table-wrap { overflow-x: auto; }
.charter-table-wrap th, .charter-table-wrap td { white-space: nowrap; padding: 4px; }
"""


def _page(css: str, body: str) -> str:
    head = f"<title>probe</title><style>body {{ margin: 8px; }} {css}</style>"
    return f"<!doctype html><html lang='en'><head>{head}</head><body><article>{body}</article></body></html>"


@pytest.fixture
def tab(browser: Browser) -> Iterator[Page]:
    """A blank 1280 × 800 tab."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    yield page
    context.close()


def _wrap(table: str, scrolls: bool) -> str:
    mark = " data-charter-scrolls" if scrolls else ""
    return f"<div class='charter-table-wrap' role='region' aria-labelledby='cap' tabindex='0'{mark}>{table}</div>"


def _boxes(tab: Page, html: str) -> list[dict[str, Any]]:
    tab.set_content(html)
    result: list[dict[str, Any]] = tab.evaluate(probe.BOXES, probe.VIEW_BOXES)
    return result


def test_boxes_tell_a_wide_table_that_says_it_scrolls_from_one_that_does_not(tab: Page) -> None:
    (good,) = _boxes(tab, _page(STICKY_CSS, "<div style='width:600px'>" + _wrap(_table(), True) + "</div>"))
    assert good["scroll_width"] > good["client_width"] + 1 and good["columns"] == COLUMNS
    assert good["scrolls_attr"] and good["cue"] == "box::after" and good["label"] == "aria-labelledby"
    assert good["tabindex"] == "0" and good["name"] == "A wide test table"
    (bad,) = _boxes(
        tab, _page(PLAIN_CSS, "<div style='width:600px'><div class='charter-table-wrap'>" + _table() + "</div></div>")
    )
    assert bad["scroll_width"] > bad["client_width"] + 1
    assert not bad["scrolls_attr"] and bad["cue"] is None and bad["label"] is None and bad["tabindex"] is None
    (fits,) = _boxes(tab, _page(PLAIN_CSS, _wrap("<table><tr><td>small</td></tr></table>", False)))
    assert fits["scroll_width"] <= fits["client_width"] + 1 and fits["right"] <= fits["column_right"]


def test_boxes_see_a_box_that_spills_out_of_its_column(tab: Page) -> None:
    spilling = "<div class='charter-table-wrap' style='width: 800px'><table><tr><td>small</td></tr></table></div>"
    (spill,) = _boxes(tab, _page("article { width: 500px; }", spilling))
    assert spill["scroll_width"] <= spill["client_width"] + 1  # nothing scrolls: the box itself is too wide
    assert spill["right"] > spill["column_right"] + 1


def test_a_cue_element_beside_the_box_counts(tab: Page) -> None:
    html = _page(
        PLAIN_CSS,
        "<div style='width:600px'><p class='charter-scroll-cue'>Scroll →</p>" + _wrap(_table(), True) + "</div>",
    )
    (box,) = _boxes(tab, html)
    assert box["cue"] == ".charter-scroll-cue"
    hidden = html.replace("class='charter-scroll-cue'", "class='charter-scroll-cue' hidden")
    (box,) = _boxes(tab, hidden)
    assert box["cue"] is None


def _sticky(tab: Page, css: str) -> dict[str, Any]:
    tab.set_content(
        _page(
            css,
            "<p style='height:300px'>Before</p><div style='width:600px'>"
            + _wrap(_table(), True)
            + "</div><p style='height:900px'>After</p>",
        )
    )
    found: list[dict[str, Any]] = tab.evaluate(probe.STICKY)
    assert len(found) == 1
    return found[0]


def test_sticky_passes_a_sticky_first_column_and_header(tab: Page) -> None:
    table = _sticky(tab, STICKY_CSS)
    assert table["rows_checked"] > 5, table
    assert table["rows"] == [] and table["header"] == [], table


def test_sticky_fails_a_first_column_and_header_that_scroll_away(tab: Page) -> None:
    table = _sticky(tab, PLAIN_CSS)
    assert table["rows_checked"] > 5, table
    assert len(table["rows"]) == table["rows_checked"], table
    assert table["header"], table  # the page scrolled to the table's middle: the header is above the window


def test_sticky_fails_a_first_column_that_the_scrolled_cells_cover(tab: Page) -> None:
    covered = STICKY_CSS.replace(
        "tbody th { position: sticky; left: 0; z-index: 1; }", "tbody th { position: sticky; left: 0; z-index: -1; }"
    )
    table = _sticky(tab, covered + " .charter-table-wrap td { position: relative; }")
    assert table["rows"] and all("covered" in lost for lost in table["rows"]), table


def _ids(tab: Page, css: str, body: str, width: int = 1280) -> dict[str, Any]:
    tab.set_viewport_size({"width": width, "height": 800})
    tab.set_content(_page(css, body))
    result: dict[str, Any] = tab.evaluate(probe.IDS, probe.ID_PATTERN)
    return result


def test_ids_finds_an_id_broken_at_its_hyphen_and_not_one_held_together(tab: Page) -> None:
    cell = "<table><tr><td style='width:40px;max-width:40px'><a href='#'>R-SMG-01</a></td></tr></table>"
    broken = _ids(tab, "", cell)
    assert broken["count"] == 1 and len(broken["split"]) == 1
    assert broken["split"][0]["id"] == "R-SMG-01" and broken["split"][0]["lines"] >= 2
    whole = _ids(tab, "a { white-space: nowrap; }", cell)
    assert whole["count"] == 1 and whole["split"] == []


def test_ids_reads_cells_not_rows(tab: Page) -> None:
    row = "<table><tr><th>ACT-01</th><td>R</td><td>A</td></tr></table>"
    assert _ids(tab, "", row)["count"] == 1  # "ACT-01RA", the row's text, is not an ID


def _svg(tab: Page, texts: str, view_box: str = "0 0 200 100", width: int = 200) -> dict[str, Any]:
    tab.set_content(
        _page(
            "",
            f"<figure class='charter-diagram'><svg viewBox='{view_box}' width='{width}'>"
            f"<title>Test</title>{texts}</svg></figure>",
        )
    )
    found: list[dict[str, Any]] = tab.evaluate(probe.SVG_TEXT, 12)
    assert len(found) == 1
    return found[0]


def test_svg_text_finds_labels_that_overlap(tab: Page) -> None:
    apart = _svg(
        tab, "<text x='5' y='20' font-size='14'>One label</text><text x='5' y='60' font-size='14'>Another</text>"
    )
    assert apart["texts"] == 2 and apart["overlaps"] == [] and apart["small"] == []
    over = _svg(
        tab, "<text x='5' y='20' font-size='14'>One label</text><text x='30' y='24' font-size='14'>Another</text>"
    )
    assert len(over["overlaps"]) == 1 and "One label" in over["overlaps"][0]


def test_svg_text_measures_the_drawn_size_not_the_font_size(tab: Page) -> None:
    shrunk = _svg(tab, "<text x='5' y='20' font-size='14'>Shrunk</text>", view_box="0 0 400 200", width=200)
    assert shrunk["smallest"] == 7.0 and len(shrunk["small"]) == 1  # 14 user units drawn at half size
    grown = _svg(tab, "<text x='5' y='20' font-size='10'>Grown</text>", view_box="0 0 100 50", width=200)
    assert grown["smallest"] == 20.0 and grown["small"] == []


CARD_CSS = """
@media (max-width: 600px) {
  table.charter-table--register, .charter-table--register tbody, .charter-table--register tr,
  .charter-table--register th, .charter-table--register td { display: block; }
  .charter-table--register thead { display: none; }
}
"""


def _cards(tab: Page, css: str) -> dict[str, Any]:
    tab.set_viewport_size({"width": 390, "height": 844})
    register = _table(extra="").replace("class='charter-table'", "class='charter-table charter-table--register'")
    tab.set_content(_page(PLAIN_CSS + css, _wrap(register, False)))
    found: list[dict[str, Any]] = tab.evaluate(probe.CARDS)
    assert len(found) == 1
    return found[0]


def test_cards_tells_a_card_layout_from_a_table(tab: Page) -> None:
    cards = _cards(tab, CARD_CSS)
    assert cards["wrap_scroll"] <= cards["wrap_client"] + 1
    assert all(r["stacked"] and not r["lost"] and r["id_visible"] for r in cards["rows"])
    assert all(r["width"] >= 0.9 * cards["table_width"] for r in cards["rows"])
    table = _cards(tab, "")
    assert table["wrap_scroll"] > table["wrap_client"] + 1
    assert not any(r["stacked"] for r in table["rows"]) and all(r["lost"] for r in table["rows"])


def test_toc_sees_a_shown_table_of_contents_only(tab: Page) -> None:
    toc = "<div class='md-sidebar md-sidebar--secondary' {}><nav><a class='md-nav__link' href='#x'>Part</a></nav></div>"
    tab.set_content(_page("", toc.format("")))
    assert tab.evaluate(probe.TOC)["visible"]
    tab.set_content(_page("", toc.format("hidden")))
    assert not tab.evaluate(probe.TOC)["visible"]
    tab.set_content(_page("", "<p>No sidebar</p>"))
    assert tab.evaluate(probe.TOC) == {"present": False, "visible": False, "width": 0}
