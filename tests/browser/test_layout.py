"""Tables and diagrams a reader can use on any screen (issue 13), tested as a reader would.

Every view page of each publication in :data:`~tests.browser.conftest.LAYOUT_ROOTS` is
loaded at a laptop's 1280 × 800 and a phone's 390 × 844, in the light scheme and (at
1280) the dark one, and measured once per load (the probes in
``tests/browser/layout_probe.py``, whose docstring states the contracts). The tests below
then assert on those measurements, each collecting every failure of every page before
it fails, so one run shows the whole picture.

Contracts beyond the probes':

- **Wide matrices may scroll at 1280.** A table with more than :data:`SCROLLING_COLUMNS`
  columns (the RACI of 31 actions by 16 agencies has 17) may scroll sideways even at
  1280 px; it must then keep its first column and header in place and say it scrolls.
  Every other view fits its box at 1280. At 390 any table may scroll, under the same
  conditions; the organisation chart fits at both widths.
- **Data pages get the room.** A view page holding a table of at least
  :data:`DATA_PAGE_COLUMNS` columns or a diagram shows no table-of-contents sidebar at
  1280 px (Material's ``.md-sidebar--secondary`` absent, hidden or empty).
- **The register is one card per risk on a phone.** At 390 px each row of a
  ``table.charter-table--register`` is a block as wide as the table (at least
  :data:`CARD_SHARE` of it), its non-empty cells stacked (each cell's top below the
  previous one's), every cell inside the screen, and the register does not scroll.
- **The register's filter counts risks.** Its status reads ``"<shown> of <total> risks"``
  (``"1 of 31 risks"``), counting only risk rows, never a public group's row (whose first
  cell reads "Group").
- **Sortable headers are buttons.** Every ``th`` of the ``thead`` of a
  ``table[data-charter-sortable]`` holds a ``<button>``, carries ``aria-sort`` (``none``,
  ``ascending`` or ``descending``) from the start, and Enter or Space on the button
  sorts and changes it. Group rows stay together after the risks, whatever the order
  (checked on ``tests/roots/figures``, whose public edition shows groups; the sample's
  restricted risks all have public summaries instead).
- **A dark scheme that follows the system.** With the browser set to dark, Material puts
  ``data-md-color-scheme="slate"`` on the body by itself (a palette entry with
  ``media: "(prefers-color-scheme: dark)"``); axe runs on the dark page either way, after
  setting that attribute.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from tests.browser import layout_probe as probe
from tests.browser.conftest import LAYOUT_ROOTS, PublishedSite, layout_root_name
from tests.browser.support import AXE, AXE_RUN, AXE_TAGS, CHROMIUM, CHROMIUM_ARGS, REPO

LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
SCROLLING_COLUMNS = 12
"""A table with more columns than this may scroll sideways at 1280 px (it is a matrix)."""
DATA_PAGE_COLUMNS = 6
"""A page whose view has at least this many columns is a data page: no table of contents."""
CARD_SHARE = 0.9
"""On a phone a register card is at least this share of the table's width."""
MIN_SVG_TEXT_PX = 12.0
"""The smallest diagram text on the web at 1280 px, in CSS pixels."""
LOADERS = 2
"""Parallel Chromium sessions that load the pages (one per core of the CI machine)."""

ROOTS = pytest.mark.parametrize("content", LAYOUT_ROOTS, ids=layout_root_name)
GROUPED = REPO / "tests" / "roots" / "figures" / "content"
"""A small publication whose public edition shows restricted risks as public groups (the sample's have summaries)."""
WITH_GROUPS = pytest.mark.parametrize("content", [*LAYOUT_ROOTS, GROUPED], ids=layout_root_name)


@dataclass
class Reading:
    """What one load of one page at one width and scheme measured."""

    site: str
    path: str
    width: int
    scheme: str
    boxes: list[dict[str, Any]] = field(default_factory=list)
    sticky: list[dict[str, Any]] = field(default_factory=list)
    ids: dict[str, Any] = field(default_factory=dict)
    svg: list[dict[str, Any]] = field(default_factory=list)
    cards: list[dict[str, Any]] = field(default_factory=list)
    toc: dict[str, Any] = field(default_factory=dict)
    applied_scheme: str | None = None
    violations: list[str] = field(default_factory=list)

    @property
    def where(self) -> str:
        """The publication, page and width, as every message starts."""
        return f"{self.site} /{self.path} at {self.width} px"


Job = tuple[str, int, str]
"""(page path, viewport width, 'light' or 'dark')"""


def _settle(tab: Page) -> None:
    tab.wait_for_function(probe.SETTLED)
    tab.evaluate(probe.TWO_FRAMES)


def _read(tab: Page, site: PublishedSite, job: Job) -> Reading:
    path, width, scheme = job
    reading = Reading(site.name, path, width, scheme)
    tab.goto(site.base_url + path, wait_until="load")
    _settle(tab)
    reading.applied_scheme = tab.evaluate(probe.SCHEME)
    if scheme == "dark":
        tab.evaluate(probe.SLATE)
        tab.evaluate(probe.TWO_FRAMES)
    else:
        reading.boxes = tab.evaluate(probe.BOXES, probe.VIEW_BOXES)
        reading.ids = tab.evaluate(probe.IDS, probe.ID_PATTERN)
        reading.svg = tab.evaluate(probe.SVG_TEXT, MIN_SVG_TEXT_PX)
        reading.cards = tab.evaluate(probe.CARDS)
        reading.toc = tab.evaluate(probe.TOC)
    reading.violations = tab.evaluate(AXE_RUN, AXE_TAGS)
    if scheme == "light":
        reading.sticky = tab.evaluate(probe.STICKY)  # last: it scrolls the page
    return reading


def _read_share(site: PublishedSite, jobs: list[Job]) -> list[Reading]:
    readings = []
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        contexts: dict[tuple[int, str], BrowserContext] = {}
        tabs: dict[tuple[int, str], Page] = {}
        for job in jobs:
            key = (job[1], job[2])
            if key not in tabs:
                size = LAPTOP if job[1] == LAPTOP["width"] else PHONE
                scheme = "dark" if job[2] == "dark" else "light"
                contexts[key] = chromium.new_context(viewport=size, color_scheme=scheme)
                contexts[key].add_init_script(path=str(AXE))
                tabs[key] = contexts[key].new_page()
            readings.append(_read(tabs[key], site, job))
        chromium.close()
    return readings


@pytest.fixture(scope="session")
def readings(published: Callable[[Path], PublishedSite]) -> Iterator[Callable[[Path], list[Reading]]]:
    """Every view page of a publication, loaded and measured at each width and scheme (once per session)."""
    if not Path(CHROMIUM).exists() or not AXE.exists():
        pytest.fail(f"the layout tests need Chromium at {CHROMIUM} and axe-core at {AXE}")
    done: dict[Path, list[Reading]] = {}

    def get(content: Path) -> list[Reading]:
        site = published(content)
        if content not in done:
            jobs: list[Job] = [
                (path, width, scheme)
                for path in site.view_pages
                for width, scheme in ((LAPTOP["width"], "light"), (PHONE["width"], "light"), (LAPTOP["width"], "dark"))
            ]
            shares = [jobs[i::LOADERS] for i in range(LOADERS)]
            with ThreadPoolExecutor(LOADERS) as pool:
                done[content] = [r for share in pool.map(lambda s: _read_share(site, s), shares) for r in share]
        return done[content]

    yield get


def _light(readings: list[Reading], width: int | None = None) -> list[Reading]:
    return [r for r in readings if r.scheme == "light" and (width is None or r.width == width)]


def _fail_all(failures: list[str], what: str) -> None:
    """One assertion that lists every failure, so a run shows the whole picture."""
    assert not failures, f"{len(failures)} {what}:\n  " + "\n  ".join(failures)


def _scrolls(box: dict[str, Any]) -> bool:
    return bool(box["scroll_width"] > box["client_width"] + 1)


def _measure(box: dict[str, Any]) -> str:
    return f"scrollWidth {box['scroll_width']} > clientWidth {box['client_width']}"


# (a) -------------------------------------------------------------------------------------


@ROOTS
def test_no_view_is_clipped_at_1280(content: Path, readings: Callable[[Path], list[Reading]]) -> None:
    """At 1280 px every view fits its box, except a matrix of more than SCROLLING_COLUMNS columns."""
    failures = []
    for reading in _light(readings(content), LAPTOP["width"]):
        for box in reading.boxes:
            if box["kind"] == "table" and box["columns"] > SCROLLING_COLUMNS:
                continue  # a wide matrix may scroll; test_a_scrolling_table_keeps_its_first_column_and_header
            if _scrolls(box):
                failures.append(f"{reading.where}: {box['kind']} '{box['name']}' ({box['cls']}): {_measure(box)}")
            elif box["right"] > min(box["page_width"], box["column_right"]) + 1:
                failures.append(
                    f"{reading.where}: {box['kind']} '{box['name']}' ends at x {box['right']:.0f}, past its "
                    f"column's right edge {box['column_right']:.0f} (page {box['page_width']} px)"
                )
    _fail_all(failures, "views clipped at 1280 px")


@ROOTS
def test_the_org_chart_fits_at_both_widths(content: Path, readings: Callable[[Path], list[Reading]]) -> None:
    """The organisation chart is never clipped, at 1280 or 390 px (issue 13, Build 3)."""
    failures = []
    for reading in _light(readings(content)):
        for box in reading.boxes:
            if box["kind"] == "diagram" and "charter-diagram--orgchart" in box["figure_cls"] and _scrolls(box):
                opened = f", opened scrolled {box['scroll_left']} px to the right" if box["scroll_left"] else ""
                failures.append(f"{reading.where}: org chart '{box['name']}' ({box['cls']}): {_measure(box)}{opened}")
    _fail_all(failures, "org chart boxes clipped")


# (b) -------------------------------------------------------------------------------------


@ROOTS
def test_a_scrolling_table_keeps_its_first_column_and_header(
    content: Path, readings: Callable[[Path], list[Reading]]
) -> None:
    """Scrolled to its right end, a wide table still shows each row's first cell and its header row."""
    failures = []
    for reading in _light(readings(content)):
        for table in reading.sticky:
            head = (
                f"{reading.where}: table '{table['name']}' scrolled to {table['scroll_left']} "
                f"(scrollWidth {table['scroll_width']}, clientWidth {table['client_width']})"
            )
            if table["rows"]:
                failures.append(
                    f"{head}: {len(table['rows'])} of {table['rows_checked']} rows in view lost their first cell, "
                    f"e.g. {table['rows'][0]}"
                )
            if table["header"]:
                failures.append(f"{head}: {len(table['header'])} header cells out of view, e.g. {table['header'][0]}")
            if table["rows_checked"] == 0:
                failures.append(f"{head}: no row in view to check")
    _fail_all(failures, "wide tables that lose their first column or header when scrolled")


@ROOTS
def test_a_box_that_scrolls_says_so(content: Path, readings: Callable[[Path], list[Reading]]) -> None:
    """A box that scrolls is focusable, named and marked data-charter-scrolls with a visible cue; others are not."""
    failures = []
    for reading in _light(readings(content)):
        for box in reading.boxes:
            name = f"{reading.where}: {box['kind']} '{box['name']}' ({box['cls']})"
            if not _scrolls(box):
                if box["scrolls_attr"]:
                    failures.append(f"{name} is marked data-charter-scrolls but fits ({box['scroll_width']} px)")
                continue
            if box["kind"] == "diagram" and "charter-diagram__scroll" not in box["cls"]:
                continue  # a figure that overflows is clipped, not scrolled: test_no_view_is_clipped_at_1280
            missing = []
            if box["tabindex"] != "0":
                missing.append(f"tabindex={box['tabindex']!r}")
            if not box["label"]:
                missing.append("no aria-label or aria-labelledby")
            if not box["scrolls_attr"]:
                missing.append("no data-charter-scrolls")
            if not box["cue"]:
                missing.append("no visible cue (::before/::after or .charter-scroll-cue)")
            if missing:
                failures.append(f"{name} scrolls ({_measure(box)}) but: {', '.join(missing)}")
    _fail_all(failures, "scrolling boxes that do not say they scroll")


# (c) -------------------------------------------------------------------------------------


@ROOTS
def test_no_id_is_split_over_two_lines(content: Path, readings: Callable[[Path], list[Reading]]) -> None:
    """Every ID-looking text of a view page is laid out on one line, at both widths."""
    failures = []
    counted = 0
    for reading in _light(readings(content)):
        counted += reading.ids["count"]
        split = reading.ids["split"]
        if split:
            shown = "; ".join(
                f"{s['id']} in a {s['where']} {s['width']} px wide on {s['lines']} lines (tops {s['tops']})"
                for s in split[:6]
            )
            more = f"; and {len(split) - 6} more" if len(split) > 6 else ""
            failures.append(f"{reading.where}: {len(split)} of {reading.ids['count']} IDs split: {shown}{more}")
    assert counted, f"no ID found on the view pages of {content}: the probe matched nothing"
    _fail_all(failures, "pages with IDs split over lines")


# (d) -------------------------------------------------------------------------------------


@ROOTS
def test_diagram_text_never_overlaps(content: Path, readings: Callable[[Path], list[Reading]]) -> None:
    """No two texts of a view's SVG overlap, at either width."""
    failures = []
    for reading in _light(readings(content)):
        for svg in reading.svg:
            failures.extend(f"{reading.where}: diagram '{svg['name']}': {overlap}" for overlap in svg["overlaps"])
    _fail_all(failures, "overlapping diagram texts")


@ROOTS
def test_diagram_text_is_at_least_12_px_at_1280(content: Path, readings: Callable[[Path], list[Reading]]) -> None:
    """Diagram text is drawn at least 12 CSS px tall on the web at 1280 px."""
    failures = []
    for reading in _light(readings(content), LAPTOP["width"]):
        for svg in reading.svg:
            if svg["small"]:
                shown = ", ".join(svg["small"][:5]) + (
                    f" and {len(svg['small']) - 5} more" if len(svg["small"]) > 5 else ""
                )
                failures.append(
                    f"{reading.where}: diagram '{svg['name']}': {len(svg['small'])} of {svg['texts']} texts "
                    f"under {MIN_SVG_TEXT_PX:g} px (smallest {svg['smallest']} px): {shown}"
                )
    _fail_all(failures, "diagrams with text too small")


# (e) -------------------------------------------------------------------------------------


@ROOTS
def test_axe_finds_nothing_in_the_light_scheme(content: Path, readings: Callable[[Path], list[Reading]]) -> None:
    """axe-core (WCAG 2.2 AA) reports no violation on any view page, at either width."""
    failures = [f"{r.where}: {v}" for r in _light(readings(content)) for v in r.violations]
    _fail_all(failures, "axe violations (light scheme)")


@ROOTS
def test_axe_finds_nothing_in_the_dark_scheme(content: Path, readings: Callable[[Path], list[Reading]]) -> None:
    """axe-core reports no violation with Material's dark (slate) scheme applied, at 1280 px."""
    failures = [f"{r.where} (dark): {v}" for r in readings(content) if r.scheme == "dark" for v in r.violations]
    _fail_all(failures, "axe violations (dark scheme)")


@ROOTS
def test_the_dark_scheme_follows_the_system_setting(content: Path, readings: Callable[[Path], list[Reading]]) -> None:
    """With the browser set to dark, Material applies its slate scheme by itself."""
    failures = [
        f"{r.where}: in a dark browser the body's data-md-color-scheme is {r.applied_scheme!r}, not 'slate'"
        for r in readings(content)
        if r.scheme == "dark" and r.applied_scheme != "slate"
    ]
    _fail_all(failures, "pages that ignore the system's dark setting")


# (f) -------------------------------------------------------------------------------------


def _register_ids(site: PublishedSite) -> list[str]:
    return [r.id for r in site.publication.risks] + ["Group"] * len(site.publication.risk_groups)


@ROOTS
def test_the_register_is_one_card_per_risk_on_a_phone(
    content: Path, readings: Callable[[Path], list[Reading]], published: Callable[[Path], PublishedSite]
) -> None:
    """At 390 px each register row is a block as wide as the table, its cells stacked, all visible."""
    site = published(content)
    failures = []
    seen = 0
    for reading in _light(readings(content), PHONE["width"]):
        for table in reading.cards:
            seen += 1
            name = f"{reading.where}: register '{table['name']}'"
            if table["wrap_scroll"] > table["wrap_client"] + 1:
                failures.append(f"{name} scrolls: scrollWidth {table['wrap_scroll']} > {table['wrap_client']}")
            narrow = [r for r in table["rows"] if r["width"] < CARD_SHARE * table["table_width"]]
            if narrow:
                failures.append(
                    f"{name}: {len(narrow)} of {len(table['rows'])} rows narrower than {CARD_SHARE:.0%} of the "
                    f"table's {table['table_width']} px (first: {narrow[0]['id']} {narrow[0]['width']} px, "
                    f"display {narrow[0]['display']})"
                )
            side = [r for r in table["rows"] if not r["stacked"]]
            if side:
                failures.append(
                    f"{name}: {len(side)} rows whose cells sit side by side (first: {side[0]['id']}, "
                    f"cell tops {side[0]['tops'][:6]})"
                )
            lost = [r for r in table["rows"] if r["lost"]]
            if lost:
                failures.append(
                    f"{name}: {len(lost)} rows with cells hidden or off the screen "
                    f"(first: {lost[0]['id']}: {lost[0]['lost'][:3]})"
                )
            ids = [r["id"] for r in table["rows"] if r["id_visible"]]
            missing = sorted(set(_register_ids(site)) - set(ids))
            if missing:
                failures.append(f"{name}: {len(missing)} risk IDs not visible: {missing[:8]}")
    if not seen:
        pytest.fail(f"{site.name}: no risk register found on its view pages {site.view_pages}")
    _fail_all(failures, "register layout failures on a phone")


def _register_page(site: PublishedSite, browser: Browser, viewport: dict[str, int]) -> Page:
    context = browser.new_context(base_url=site.base_url, viewport=viewport)  # type: ignore[arg-type]
    tab = context.new_page()
    tab.goto("risks/")
    _settle(tab)
    return tab


@WITH_GROUPS
def test_the_register_filter_works_on_a_phone(
    content: Path, published: Callable[[Path], PublishedSite], browser: Browser
) -> None:
    """At 390 px, typing a risk ID in the register's filter leaves only that card, and the count says so."""
    site = published(content)
    tab = _register_page(site, browser, PHONE)
    risks = site.publication.risks
    chosen = risks[len(risks) // 2]
    register = tab.locator("table.charter-table--register")
    tab.get_by_label(re.compile("^Filter ")).fill(chosen.id)
    failures = []
    where = f"{site.name} /risks/ at 390 px: filter '{chosen.id}'"
    visible = register.locator("tbody tr:visible")
    try:
        expect(visible).to_have_count(1, timeout=2000)
        expect(visible.locator("th, td").first).to_have_text(chosen.id)
    except AssertionError as error:
        failures.append(f"{where}: {str(error).splitlines()[0]}")
    else:
        card = visible.bounding_box()
        if card is None or card["x"] < -1 or card["x"] + card["width"] > PHONE["width"] + 1:
            span = f"x {card['x']:.0f}..{card['x'] + card['width']:.0f}" if card else "no box"
            failures.append(f"{where}: the remaining card spans {span}, past the {PHONE['width']} px screen")
    status = tab.get_by_role("status").inner_text()
    if status.strip() != f"1 of {len(risks)} risks shown":
        failures.append(
            f"{site.name} /risks/ at 390 px: filter status reads {status!r}, not '1 of {len(risks)} risks shown'"
        )
    tab.context.close()
    _fail_all(failures, "register filter failures on a phone")


# (g) -------------------------------------------------------------------------------------


SORTABLE = """() => [...document.querySelectorAll("table[data-charter-sortable]")].map(table => ({
  caption: table.caption ? table.caption.textContent.trim().slice(0, 60) : table.id,
  headers: [...table.tHead.rows].flatMap(row => [...row.cells]).map(th => ({
    text: th.textContent.trim().slice(0, 30), button: !!th.querySelector("button"),
    sort: th.getAttribute("aria-sort")})),
}))"""

ORDER = (
    """(table) => [...document.querySelector("#" + table).tBodies[0].rows].map(r => r.cells[0].textContent.trim())"""
)


@ROOTS
def test_sortable_headers_are_buttons_with_aria_sort(
    content: Path, published: Callable[[Path], PublishedSite], browser: Browser
) -> None:
    """Every sortable column header holds a button and always carries aria-sort; Enter and Space sort."""
    site = published(content)
    tab = _register_page(site, browser, LAPTOP)
    failures = []
    tables = tab.evaluate(SORTABLE)
    assert tables, f"{site.name} /risks/: no table[data-charter-sortable]"
    for table in tables:
        for th in table["headers"]:
            if not th["button"]:
                failures.append(f"{site.name} /risks/: '{table['caption']}' header '{th['text']}' holds no <button>")
            if th["sort"] not in ("none", "ascending", "descending"):
                failures.append(
                    f"{site.name} /risks/: '{table['caption']}' header '{th['text']}' aria-sort={th['sort']!r}"
                )
    register = tab.locator("table.charter-table--register").first
    for key, column in (("Enter", 0), ("Space", 1)):
        th = register.locator("thead th").nth(column)
        before = th.get_attribute("aria-sort")
        button = th.locator("button")
        (button if button.count() else th).focus()
        tab.keyboard.press(key)
        after = th.get_attribute("aria-sort")
        if after == before or after not in ("ascending", "descending"):
            failures.append(
                f"{site.name} /risks/: {key} on header '{th.inner_text().strip()}' "
                f"left aria-sort {before!r} -> {after!r}"
            )
    _fail_all(failures, "sortable header failures")


@WITH_GROUPS
def test_group_rows_never_sort_among_the_risks(
    content: Path, published: Callable[[Path], PublishedSite], browser: Browser
) -> None:
    """Sorted by any column either way, the register's group rows stay together after its risks."""
    site = published(content)
    if not site.publication.risk_groups:
        pytest.skip(f"{site.name}: the public edition shows no risk as a group")
    tab = _register_page(site, browser, LAPTOP)
    register = tab.locator("table.charter-table--register").first
    table_id = register.get_attribute("id")
    failures = []
    headers = register.locator("thead th")
    for column in range(headers.count()):
        th = headers.nth(column)
        for _ in range(2):
            th.click()
            order = tab.evaluate(ORDER, table_id)
            groups = [i for i, first in enumerate(order) if first == "Group"]
            risks = [i for i, first in enumerate(order) if first != "Group"]
            if groups and risks and min(groups) < max(risks):
                failures.append(
                    f"{site.name} /risks/: sorted by '{th.inner_text().strip()}' {th.get_attribute('aria-sort')}: "
                    f"group rows at {groups} among {len(risks)} risks"
                )
    tab.context.close()
    _fail_all(failures, "sorts that mix group rows with risks")


# (h) -------------------------------------------------------------------------------------


@ROOTS
def test_data_pages_have_no_table_of_contents_at_1280(content: Path, readings: Callable[[Path], list[Reading]]) -> None:
    """A page holding a table of DATA_PAGE_COLUMNS columns or more, or a diagram, gives it the TOC's room."""
    failures = []
    for reading in _light(readings(content), LAPTOP["width"]):
        wide = [
            b["name"]
            for b in reading.boxes
            if (b["kind"] == "table" and b["columns"] >= DATA_PAGE_COLUMNS)
            or (b["kind"] == "diagram" and "charter-diagram--" in b["cls"])
        ]
        if wide and reading.toc["visible"]:
            failures.append(
                f"{reading.where}: shows a {reading.toc['width']} px table of contents beside '{wide[0]}'"
                + (f" and {len(wide) - 1} more" if len(wide) > 1 else "")
            )
    _fail_all(failures, "data pages with a table of contents")
