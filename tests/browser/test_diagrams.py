"""The org chart, the timeline and the monitoring charts in Chromium, at a laptop's and a phone's width, light and dark.

Whatever the width, the diagram's box never scrolls or clips, the layout shown keeps its
text at 12 CSS px or more, and no two lines of text overlap as Chromium draws them.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import SampleSite
from tests.browser.test_pages import _views

SIZES = [(1280, 800), (390, 844)]

MEASURE = """figure => {
  const box = figure.querySelector('.charter-diagram__box');
  const shown = [...box.querySelectorAll('svg')].filter(svg => svg.getBoundingClientRect().width > 0);
  const frame = box.getBoundingClientRect();
  return {
    scrollWidth: box.scrollWidth, clientWidth: box.clientWidth, shown: shown.length,
    svgs: shown.map(svg => {
      const r = svg.getBoundingClientRect();
      const texts = [...svg.querySelectorAll('tspan')].map(t => {
        const b = t.getBoundingClientRect();
        return {text: t.textContent, left: b.left, top: b.top, right: b.right, bottom: b.bottom,
                size: parseFloat(getComputedStyle(t).fontSize) * r.width / svg.viewBox.baseVal.width};
      }).filter(t => t.text.trim());
      return {left: r.left, right: r.right, boxLeft: frame.left, boxRight: frame.right, texts};
    }),
  };
}"""


@pytest.mark.parametrize("show", ["orgchart", "timeline", "indicator-progress", "implementation", "indicator-chart"])
@pytest.mark.parametrize("size", SIZES, ids=["1280", "390"])
@pytest.mark.parametrize("scheme", ["light", "slate"])
def test_diagram_fits_its_box_with_legible_text(
    browser: Browser, base_url: str, sample: SampleSite, show: str, size: tuple[int, int], scheme: str
) -> None:
    # an indicator's own chart is on its page; the other diagrams are views placed in chapters
    address = "indicators/ind-05/" if show == "indicator-chart" else _views(sample, show)[0][0]
    context = browser.new_context(base_url=base_url, viewport={"width": size[0], "height": size[1]})
    try:
        tab = context.new_page()
        tab.goto(address)
        if scheme == "slate":
            tab.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
        figure = tab.locator(f"figure.charter-diagram--{show}").first
        figure.scroll_into_view_if_needed()
        found = figure.evaluate(MEASURE)
    finally:
        context.close()
    assert found["scrollWidth"] == found["clientWidth"], f"the {show}'s box scrolls: {found['scrollWidth']}"
    assert found["shown"] == 1, f"{found['shown']} layouts of the {show} shown at once"
    svg = found["svgs"][0]
    assert svg["left"] >= svg["boxLeft"] - 0.5 and svg["right"] <= svg["boxRight"] + 0.5, (
        "the drawing runs past its box"
    )
    texts = svg["texts"]
    assert texts
    small = [t for t in texts if t["size"] < 11.95]
    assert not small, f"text below 12 px: {[(t['text'], round(t['size'], 1)) for t in small[:3]]}"
    overlapping = [
        (a["text"], b["text"])
        for i, a in enumerate(texts)
        for b in texts[i + 1 :]
        if a["left"] < b["right"] - 0.5
        and b["left"] < a["right"] - 0.5
        and a["top"] < b["bottom"] - 0.5
        and b["top"] < a["bottom"] - 0.5
    ]
    assert not overlapping, f"text overlaps in the {show}: {overlapping[:3]}"
    outside = [t["text"] for t in texts if t["left"] < svg["left"] - 0.5 or t["right"] > svg["right"] + 0.5]
    assert not outside, f"text cut off at the drawing's edge: {outside[:3]}"
