"""A publication in English and Arabic, in a browser: right-to-left pages mirrored, a switch on every page, axe clean.

``tests/roots/bilingual`` is a coastal state's plan written in English with every chapter and
entity also in Arabic. Its Arabic site (``ar/``) must read right to left throughout: the
page's language and direction, the navigation on the right, the register's first column on
the right, cards ruled on their right; and pass axe in both colour schemes, as every page does.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import built_site
from tests.browser.support import AXE, AXE_RUN, AXE_TAGS, REPO, serve_folder, site_pages

ROOT = REPO / "tests" / "roots" / "bilingual" / "content"
CHAPTERS = ["", "foreword/", "strategy/", "governance/", "action-plan/"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_site(ROOT, tmp_path_factory) / "site" / "public"


@pytest.fixture(scope="module")
def url(site: Path) -> Iterator[str]:
    with serve_folder(site) as address:
        yield address


def _open(browser: Browser, width: int, scheme: str = "light") -> Page:
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)  # type: ignore[arg-type]
    context.add_init_script(path=str(AXE))
    return context.new_page()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_arabic_pages_are_right_to_left_and_pass_axe(browser: Browser, url: str, scheme: str) -> None:
    tab = _open(browser, 1280, scheme)
    try:
        for path in CHAPTERS:
            tab.goto(f"{url}ar/{path}", wait_until="load")
            assert tab.evaluate("document.documentElement.lang") == "ar", path
            assert tab.evaluate("getComputedStyle(document.body).direction") == "rtl", path
            assert tab.evaluate(AXE_RUN, AXE_TAGS) == [], f"{scheme} ar/{path}"
            tab.goto(f"{url}{path}", wait_until="load")
            assert tab.evaluate("getComputedStyle(document.body).direction") == "ltr", path
            assert tab.evaluate(AXE_RUN, AXE_TAGS) == [], f"{scheme} {path}"
    finally:
        tab.context.close()


def test_the_arabic_layout_is_mirrored(browser: Browser, url: str) -> None:
    tab = _open(browser, 1280)
    try:
        tab.goto(f"{url}ar/strategy/", wait_until="load")
        nav = tab.locator(".md-sidebar--primary").bounding_box()
        content = tab.locator(".md-content").bounding_box()
        assert nav and content and nav["x"] > content["x"], "the navigation stands right of the text"
        heads = tab.locator(".charter-table thead th")
        first, last = heads.first.bounding_box(), heads.last.bounding_box()
        assert first and last and first["x"] > last["x"], "the register's first column is on the right"
        tab.goto(f"{url}strategy/", wait_until="load")
        heads = tab.locator(".charter-table thead th")
        first, last = heads.first.bounding_box(), heads.last.bounding_box()
        assert first and last and first["x"] < last["x"], "in English the first column is on the left"
    finally:
        tab.context.close()


def test_cards_on_a_phone_are_ruled_on_their_start_side(browser: Browser, url: str) -> None:
    tab = _open(browser, 390)
    try:
        for prefix, side in (("ar/", "right"), ("", "left")):
            tab.goto(f"{url}{prefix}strategy/", wait_until="load")
            card = tab.locator(".charter-table--cards tbody tr").first
            widths = card.evaluate("e => [getComputedStyle(e).borderLeftWidth, getComputedStyle(e).borderRightWidth]")
            thick = "left" if float(widths[0].removesuffix("px")) > float(widths[1].removesuffix("px")) else "right"
            assert thick == side, f"{prefix}strategy/ card rule {widths}"
    finally:
        tab.context.close()


def test_every_page_switches_to_the_same_page_in_the_other_language(site: Path, browser: Browser, url: str) -> None:
    english = set(site_pages(site)) - {p for p in site_pages(site) if p.startswith("ar/")}
    arabic = {p.removeprefix("ar/") for p in site_pages(site / "ar")} | {
        p.removeprefix("ar/") for p in site_pages(site) if p.startswith("ar/")
    }
    assert english == arabic
    tab = _open(browser, 1280)
    try:
        for path in ("", "strategy/", "risks/r-smg-01/"):
            tab.goto(f"{url}{path}", wait_until="load")
            for lang, there in (("ar", f"{url}ar/{path}"), ("en", f"{url}{path}")):
                with tab.expect_navigation(wait_until="load"):
                    tab.locator(f'a.md-select__link[hreflang="{lang}"]').evaluate("a => a.click()")
                assert tab.url == there
    finally:
        tab.context.close()
