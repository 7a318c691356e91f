"""What a reader does on the sample site: land, open the register, follow links, search."""

from __future__ import annotations

import re
from collections import Counter

from playwright.sync_api import Browser, Page, expect

from generator.model import Committee, Risk, View
from tests.browser.conftest import SampleSite


def _views(sample: SampleSite, show: str) -> list[tuple[str, View]]:
    """(page address, view) of each view of a kind, in reading order."""
    found = []
    for chapter in sample.publication.chapters:
        for segment in chapter.segments:
            if isinstance(segment, View) and segment.show == show:
                found.append((sample.sitemap.chapter_folders[chapter.path] + "/", segment))
    assert found, f"the sample places no '{show}' view"
    return found


def expect_heading(page: Page, text: str) -> None:
    """The page's title heading reads ``text`` (the theme may add a '¶' permalink after it)."""
    expect(page.locator("article h1")).to_have_text(re.compile("^" + re.escape(text) + "¶?$"))


def _descendants(sample: SampleSite, committee: Committee) -> int:
    children = sample.publication.children(committee)
    return len(children) + sum(_descendants(sample, c) for c in children)


def test_landing_page_shows_the_publication_and_its_key_figures(page: Page, sample: SampleSite) -> None:
    settings = sample.publication.settings
    page.goto("")
    expect(page).to_have_title(settings.title)
    expect_heading(page, settings.title)
    facts = page.locator("article dl.charter-facts")
    expect(facts).to_contain_text(settings.version)
    expect(facts).to_contain_text(settings.edition)
    risks_figure = page.locator(".charter-figures a", has_text="risks in the register")
    expect(risks_figure.locator(".charter-figure__n")).to_have_text(str(len(sample.publication.risks)))
    ratings = page.locator("table", has=page.locator("caption", has_text="Risks by rating"))
    residual = Counter(r.residual.band.name for r in sample.publication.risks)
    for band in settings.scales.bands:
        row = ratings.locator("tbody tr", has=page.locator("th", has_text=re.compile(f"^{band.name}$")))
        expect(row.locator("td").nth(1)).to_have_text(str(residual[band.name]))
    first = sample.publication.chapters[0]
    expect(page.locator("ol.charter-contents li").first).to_have_text(first.title)


def _register_rows(sample: SampleSite) -> list[str]:
    """The row headings of the full register: every risk, then every group this edition shows instead."""
    return [r.id for r in sample.publication.risks] + ["Group"] * len(sample.publication.risk_groups)


def test_register_lists_every_risk_and_a_click_reaches_its_page(page: Page, sample: SampleSite) -> None:
    risks = sample.publication.risks
    page.goto("risks/")
    register = page.locator("table.charter-table--register")
    expect(register.locator("tbody tr")).to_have_count(len(_register_rows(sample)))
    top = min(risks, key=lambda r: (-r.residual.score, -r.inherent.score, r.id))  # highest residual first
    first_row = register.locator("tbody tr").first
    expect(first_row.locator("th")).to_have_text(top.id)
    expect(first_row.locator("td").nth(0)).to_have_text(top.title)
    first_row.locator("th a").click()
    expect(page).to_have_url(re.compile(f"/risks/{top.id.lower()}/$"))
    expect_heading(page, f"{top.id} {top.title}")
    expect(page.locator("article")).to_contain_text(top.scenario.split()[0])


def test_register_sorts_and_filters_in_the_browser(page: Page, sample: SampleSite) -> None:
    risks = sample.publication.risks
    groups = ["Group"] * len(sample.publication.risk_groups)  # (the figures root's test has some)
    page.goto("risks/")
    register = page.locator("table.charter-table--register")
    headings = register.locator("thead th")
    for i in range(headings.count()):  # every sortable heading says how it is sorted, before any click
        expect(headings.nth(i)).to_have_attribute("aria-sort", "none")
    heading = register.locator("thead th", has_text=re.compile("^Ref"))
    button = heading.get_by_role("button")
    button.click()
    expect(heading).to_have_attribute("aria-sort", "ascending")
    ids = sorted((r.id for r in risks), key=str.lower)
    rows = register.locator("tbody tr")
    expect(rows.locator("th")).to_have_text([*ids, *groups])  # the public groups stay below the risks
    button.press("Enter")
    expect(heading).to_have_attribute("aria-sort", "descending")
    expect(rows.locator("th")).to_have_text([*reversed(ids), *groups])
    residual = register.locator("thead th", has_text=re.compile("^Res")).get_by_role("button")
    residual.focus()
    page.keyboard.press("Space")
    expect(heading).to_have_attribute("aria-sort", "none")
    scores = [0 if r.residual.withheld else r.residual.score for r in risks]  # a withheld score sorts first
    shown = [int(k) for k in rows.locator("td:nth-child(7)").evaluate_all("cells => cells.map(c => c.dataset.sort)")]
    assert shown[: len(risks)] == sorted(scores)
    chosen = risks[len(risks) // 2]
    page.get_by_label(re.compile("^Filter ")).fill(chosen.title)
    expect(register.locator("tbody tr:visible")).to_have_count(1)
    expect(register.locator("tbody tr:visible th")).to_have_text(chosen.id)
    expect(page.get_by_role("status")).to_have_text(f"1 of {len(risks)} risks shown")


def test_register_is_complete_without_javascript(browser: Browser, base_url: str, sample: SampleSite) -> None:
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    tab = context.new_page()
    tab.goto("risks/")
    register = tab.locator("table.charter-table--register")
    expect(register.locator("tbody tr")).to_have_count(len(_register_rows(sample)))
    expect(tab.locator(".charter-filter")).to_have_count(0)
    context.close()


def test_heat_map_cells_list_and_link_their_risks(page: Page, sample: SampleSite) -> None:
    scales = sample.publication.settings.scales
    x_factor, y_factor = scales.factors[0], scales.factors[1]
    address, view = _views(sample, "heatmap")[0]
    stage = view.options.get("stage", "residual")
    index = [v for a, v in _views(sample, "heatmap") if a == address].index(view)
    page.goto(address)
    heatmap = page.locator("table.charter-table--heatmap").nth(index)
    columns = [text.split()[0] for text in heatmap.locator("thead th").all_inner_texts()[1:]]
    checked = 0
    for row in heatmap.locator("tbody tr").all():
        y = int(row.locator("th").inner_text().split()[0])
        for x, cell in zip(columns, row.locator("td").all(), strict=True):
            expected = sorted(
                r.id
                for r in sample.publication.risks
                if r.stage(stage).values.get(x_factor) == int(x) and r.stage(stage).values.get(y_factor) == y
            )
            assert sorted(cell.locator("a").all_inner_texts()) == expected, f"cell {x_factor} {x}, {y_factor} {y}"
            band = scales.band_for(int(x) * y).name
            expect(cell.locator(".charter-band-label")).to_have_text(band)
            checked += 1
    assert checked == len(scales.levels[x_factor]) * len(scales.levels[y_factor])
    link = heatmap.locator("td a").first
    target = link.inner_text()
    link.click()
    expect(page).to_have_url(re.compile(f"/risks/{target.lower()}/$"))
    risk = sample.publication.get(target, Risk)
    expect_heading(page, f"{risk.id} {risk.title}")


def test_org_chart_nodes_link_to_their_committees(page: Page, sample: SampleSite) -> None:
    address, _ = _views(sample, "orgchart")[0]
    page.goto(address)
    chart = page.locator("figure.charter-diagram--orgchart svg:visible")  # the layout the width shows
    expect(chart).to_be_visible()
    nodes = chart.locator("a")
    committees = {c.id for c in sample.publication.committees}
    assert nodes.count() >= 2
    hrefs = [nodes.nth(i).get_attribute("href") or "" for i in range(nodes.count())]
    for href in hrefs:
        match = re.search(r"committees/([a-z0-9_-]+)/", href)
        assert match and match.group(1).upper() in {c.upper() for c in committees}, href
    node = nodes.nth(1)
    node.focus()
    assert page.evaluate("() => document.activeElement.closest('svg') !== null"), "an org chart node takes focus"
    target = re.search(r"committees/([a-z0-9_-]+)/", hrefs[1]).group(1)  # type: ignore[union-attr]
    committee = next(c for c in sample.publication.committees if c.id.lower() == target)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(f"/committees/{target}/$"))
    expect_heading(page, sample.publication.get(committee.id, Committee).name)


def test_org_chart_has_a_text_version(page: Page, sample: SampleSite) -> None:
    address, view = _views(sample, "orgchart")[0]
    page.goto(address)
    details = page.locator("figure.charter-diagram--orgchart + details.charter-description")
    details.locator("summary").click()
    committees = sample.publication.committees
    root = (
        sample.publication.get(view.options["committee"], Committee) if "committee" in view.options else committees[0]
    )
    expect(details.locator("li").first).to_contain_text(root.name)
    expect(details.locator("li")).to_have_count(1 + _descendants(sample, root))


def test_search_finds_a_risk_by_its_title(page: Page, sample: SampleSite) -> None:
    risk = sample.publication.risks[-1]
    page.goto("")
    search = page.locator("input.md-search__input")
    search.click()
    # the index loads in a worker; a query typed before it is ready is not searched
    expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching", timeout=20_000)
    search.press_sequentially(risk.title)  # typed, as a reader does: the theme listens to keys
    result = page.locator(".md-search-result__item a").first
    expect(result).to_contain_text(risk.title)
    assert re.search(f"/risks/{risk.id.lower()}/(\\?|$)", result.get_attribute("href") or "")
    result.click()
    expect_heading(page, f"{risk.id} {risk.title}")


def test_timeline_is_drawn_with_a_text_alternative(page: Page, sample: SampleSite) -> None:
    address, _ = _views(sample, "timeline")[0]
    page.goto(address)
    timeline = page.locator("figure.charter-diagram--timeline svg:visible")
    expect(timeline).to_be_visible()
    expect(timeline.locator("title").first).to_have_text(re.compile(r"\S"))
    assert timeline.evaluate("svg => svg.getBoundingClientRect().width") > 300


def test_register_cards_sort_from_a_menu_on_a_phone(browser: Browser, base_url: str, sample: SampleSite) -> None:
    context = browser.new_context(base_url=base_url, viewport={"width": 390, "height": 844})
    tab = context.new_page()
    tab.goto("risks/")
    menu = tab.get_by_label("Sort by")
    expect(menu).to_be_visible()
    menu.select_option(label="Ref (descending)")
    ids = sorted((r.id for r in sample.publication.risks), key=str.lower, reverse=True)
    rows = tab.locator("table.charter-table--register tbody tr")
    expect(rows.first.locator("th")).to_have_text(ids[0])
    expect(tab.locator("table.charter-table--register thead th").first).to_have_attribute("aria-sort", "descending")
    context.close()
    wide = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
    tab = wide.new_page()
    tab.goto("risks/")
    expect(tab.get_by_label("Sort by")).to_be_hidden()  # the headings' buttons sort there
    wide.close()
