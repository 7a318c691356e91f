"""A restricted edition's site cannot be taken for the public one: its banner is filled in its level's colour."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from generator.model.markings import contrast
from tests.browser.conftest import SampleSite
from tests.browser.support import AXE, AXE_RUN, AXE_TAGS, serve_folder

PAGES = ["", "register/", "risks/r-cyb-01/"]
"""The landing page, the register and a risk's page of each edition."""


@pytest.fixture(scope="module")
def restricted_url(sample: SampleSite) -> Iterator[str]:
    with serve_folder(sample.root.parent / "restricted") as url:
        yield url


def _rgb(css: str) -> str:
    r, g, b = (int(n) for n in re.findall(r"\d+", css)[:3])
    return f"#{r:02x}{g:02x}{b:02x}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_restricted_banner_is_filled_readable_and_names_the_edition(
    browser: Browser, restricted_url: str, base_url: str, scheme: str
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)  # type: ignore[arg-type]
    context.add_init_script(path=str(AXE))
    tab = context.new_page()
    try:
        for path in PAGES:
            tab.goto(restricted_url + path, wait_until="load")
            for banner in tab.locator("p.charter-marking").all():
                fill = _rgb(banner.evaluate("e => getComputedStyle(e).backgroundColor"))
                ink = _rgb(banner.evaluate("e => getComputedStyle(e).color"))
                assert (fill, ink) == ("#6b2c91", "#ffffff"), path
                assert contrast(fill, ink) >= 4.5
                assert banner.text_content() == "Classification: OFFICIAL-SENSITIVE · Committee edition"
            assert tab.locator("p.charter-marking").count() == 2, path
            assert tab.evaluate(AXE_RUN, AXE_TAGS) == [], f"{scheme} {path}"
        tab.goto(base_url, wait_until="load")
        public = tab.locator("p.charter-marking").first
        assert public.evaluate("e => getComputedStyle(e).backgroundColor") == "rgba(0, 0, 0, 0)"
        assert public.text_content() == "Classification: PUBLIC · Public edition"
    finally:
        context.close()
