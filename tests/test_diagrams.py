"""The org chart and timeline as a reader sees them: no text overlaps, nothing is cut, the whole period shows.

Text boxes are estimated from the glyph widths the wrapping uses (``text_width``), so a
label that runs into another, or past the edge of its drawing, fails here before a
browser ever draws it. ``tests/browser/test_diagrams.py`` checks the same in Chromium.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.diagnostics import Location, Report
from generator.model import View
from generator.pipeline import read_publication
from generator.render_print.diagrams import MIN_TEXT_PT, PT_PER_PX, print_plan
from generator.render_print.paper import PAPERS
from generator.resolve import Publication
from generator.views import render_view
from generator.views.blocks import Diagram, Drawing
from generator.views.svg import LINE, text_width, wrap
from generator.views.text import natural_key
from tests.test_general_root import GENERAL

REPO = Path(__file__).resolve().parent.parent
SVG = "{http://www.w3.org/2000/svg}"
Box = tuple[float, float, float, float, str]


def _publication(content: Path) -> Publication:
    report = Report()
    publication = read_publication(content, report)
    assert publication is not None and not report.failed(), report
    return publication


@pytest.fixture(scope="module")
def sample() -> Publication:
    return _publication(REPO / "content")


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Publication:
    """A big publication of another shape: 31 committees, 350 actions over many objectives."""
    from bench.synthetic import write_synthetic

    return _publication(write_synthetic(tmp_path_factory.mktemp("synthetic"), 3100))


def _diagram(publication: Publication, show: str) -> Diagram:
    blocks = render_view(View(show=show, location=Location("test.md")), publication)
    assert len(blocks) == 1 and isinstance(blocks[0], Diagram)
    return blocks[0]


def _layouts(diagram: Diagram) -> list[tuple[str, str, float]]:
    """(name, SVG, width) of the full and narrow layouts and of the printed pieces."""
    found = [("full", diagram.svg(lambda i: f"#{i}"), diagram.width)]
    assert diagram.narrow is not None
    found.append(("narrow", diagram.narrow.svg(lambda i: f"#{i}"), diagram.narrow.width))
    assert diagram.pages is not None
    for index, piece in enumerate(diagram.pages(627.0, 830.0)):
        found.append((f"page {index + 1}", piece.svg(lambda _i: None), piece.width))
    return found


def _text_boxes(svg: str) -> list[Box]:
    """Each line of text's estimated box (left, top, right, bottom) and its words."""
    boxes: list[Box] = []
    for text in ET.fromstring(svg).iter(f"{SVG}text"):
        size = float(text.get("font-size", "12"))
        bold = text.get("font-weight") == "bold"
        anchor = text.get("text-anchor", "start")
        y = float(text.get("y", "0"))
        for span in text.iter(f"{SVG}tspan"):
            y += float(span.get("dy", "0"))
            words = span.text or ""
            width = text_width(words, size, bold=bold)
            x = float(span.get("x", "0"))
            left = x - width / 2 if anchor == "middle" else x - width if anchor == "end" else x
            boxes.append((left, y - size * 0.8, left + width, y + size * 0.2, words))
    return boxes


def _overlaps(boxes: list[Box]) -> list[tuple[str, str]]:
    found = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]:
                found.append((a[4], b[4]))
    return found


@pytest.mark.parametrize("show", ["orgchart", "timeline"])
@pytest.mark.parametrize("which", ["sample", "synthetic"])
def test_no_text_overlaps_or_leaves_its_drawing(show: str, which: str, request: pytest.FixtureRequest) -> None:
    diagram = _diagram(request.getfixturevalue(which), show)
    for name, svg, width in _layouts(diagram):
        boxes = _text_boxes(svg)
        assert boxes, name
        assert not _overlaps(boxes), f"{show} {name}: text overlaps: {_overlaps(boxes)[:3]}"
        outside = [b[4] for b in boxes if b[0] < 0 or b[2] > width]
        assert not outside, f"{show} {name}: text beyond the edge: {outside[:3]}"
        sizes = {float(t.get("font-size", "0")) for t in ET.fromstring(svg).iter(f"{SVG}text")}
        assert min(sizes) >= 12, f"{show} {name}: text of {min(sizes)} px"


def _words(svg: str) -> str:
    """All the text of a drawing, hyphenated line ends joined, one space between words."""
    lines = [span.text or "" for span in ET.fromstring(svg).iter(f"{SVG}tspan")]
    return re.sub(r"-\n", "", "\n".join(lines)).replace("\n", " ")


def test_every_action_title_appears_whole_in_every_layout(sample: Publication) -> None:
    diagram = _diagram(sample, "timeline")
    for name, svg, _ in _layouts(diagram)[:2]:
        words = " ".join(_words(svg).split())
        assert "…" not in words
        for action in sample.actions:
            assert f"{action.id} {action.title}" in words, f"{name}: {action.id} is cut or missing"


def test_every_committee_name_appears_whole(sample: Publication) -> None:
    diagram = _diagram(sample, "orgchart")
    for name, svg, _ in _layouts(diagram):
        words = " ".join(_words(svg).split())
        assert "…" not in words
        if name in ("full", "narrow"):
            for committee in sample.committees:
                assert committee.name in words, f"{name}: {committee.name} is cut or missing"


def _years(svg: str) -> list[int]:
    return [int(s.text) for s in ET.fromstring(svg).iter(f"{SVG}tspan") if s.text and re.fullmatch(r"\d{4}", s.text)]


@pytest.mark.parametrize("which", ["sample", "synthetic"])
def test_the_timeline_covers_every_action_and_milestone(which: str, request: pytest.FixtureRequest) -> None:
    publication = request.getfixturevalue(which)
    diagram = _diagram(publication, "timeline")
    last = max([a.end for a in publication.actions] + [m.date for a in publication.actions for m in a.milestones])
    first = min(a.start for a in publication.actions)
    years = _years(diagram.svg(lambda _i: None))
    assert max(years) >= last.year - 1 and min(years) <= first.year + 1, years
    assert f"to Q{(last.month - 1) // 3 + 1} {last.year}" in diagram.alt


def test_the_timeline_marks_the_publication_date_and_has_a_legend(sample: Publication) -> None:
    diagram = _diagram(sample, "timeline")
    svg = diagram.svg(lambda _i: None)
    day = sample.settings.date
    assert f"Published {day.day} {day:%B %Y}" in _words(svg)
    legend = _words(svg)
    for status in {a.status for a in sample.actions}:
        label = sample.settings.vocabulary.action_statuses.label(status)
        assert label in legend
    assert "Milestone" in legend and "Publication date" in legend


def test_objectives_come_in_natural_id_order(sample: Publication) -> None:
    ids = [o.id for o in sample.objectives]
    sample.objectives.reverse()  # as a publication whose files list OBJ-5 before OBJ-1
    try:
        words = _words(_diagram(sample, "timeline").svg(lambda _i: None))
    finally:
        sample.objectives.reverse()
    drawn = sorted(ids, key=lambda i: words.index(f"{i} "))
    assert drawn == sorted(ids, key=natural_key)
    assert sorted(["OBJ-10", "OBJ-2", "OBJ-1", "OBJ-5"], key=natural_key) == ["OBJ-1", "OBJ-2", "OBJ-5", "OBJ-10"]


def test_wrapping_never_cuts_a_word() -> None:
    text = "Commission satellite navigation interference monitoring for the approaches"
    lines = wrap(text, 12.5, 120)
    assert " ".join(lines) == text
    assert all(text_width(line, 12.5) <= 120 for line in lines)
    long_word = wrap("Supercalifragilisticexpialidocious", 12, 60)
    assert "".join(part.rstrip("-") for part in long_word) == "Supercalifragilisticexpialidocious"
    assert LINE >= 1.2


@pytest.mark.parametrize("which", ["sample", "synthetic"])
@pytest.mark.parametrize("show", ["orgchart", "timeline"])
def test_print_keeps_text_at_seven_points(which: str, show: str, request: pytest.FixtureRequest) -> None:
    diagram = _diagram(request.getfixturevalue(which), show)
    paper = PAPERS["a4"]
    plan = print_plan(diagram, paper)
    width_pt = paper.landscape_width_pt if plan.landscape else paper.text_width_pt
    height_pt = (paper.landscape_height_pt if plan.landscape else paper.text_height_pt) - 60
    for drawing in plan.drawings:
        scale = min(1.0, width_pt / (drawing.width * PT_PER_PX), height_pt / (drawing.height * PT_PER_PX))
        assert drawing.smallest_text * PT_PER_PX * scale >= MIN_TEXT_PT, (drawing.width, drawing.height)


def test_the_general_root_draws_both_diagrams() -> None:
    publication = _publication(GENERAL)
    for show in ("orgchart", "timeline"):
        diagram = _diagram(publication, show)
        for name, svg, width in _layouts(diagram):
            boxes = _text_boxes(svg)
            assert not _overlaps(boxes), f"{show} {name}"
            assert all(b[0] >= 0 and b[2] <= width for b in boxes), f"{show} {name}"


def test_a_drawing_is_escaped_xml(sample: Publication) -> None:
    drawing = _diagram(sample, "orgchart").narrow
    assert isinstance(drawing, Drawing)
    svg = drawing.svg(lambda i: f"?a=1&b={i}")
    ET.fromstring(svg)  # parses: the & is escaped
    assert "&amp;b=" in svg


def _contrast(a: str, b: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted([luminance(a), luminance(b)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_diagram_colours_meet_wcag_aa_in_the_light_and_the_dark_scheme() -> None:
    from generator.views.svg import PALETTE
    from generator.views.timeline_layout import STATUS_STYLE

    for name in ("ink", "muted", "heading"):
        for ground in ("paper", "shade", "band"):
            assert _contrast(PALETTE[name], PALETTE[ground]) >= 4.5, (name, ground)
    for fill, stroke, _ in STATUS_STYLE.values():
        assert max(_contrast(fill, PALETTE["shade"]), _contrast(stroke, PALETTE["shade"])) >= 3, fill
    css = (REPO / "themes" / "site" / "assets" / "stylesheets" / "charter.css").read_text(encoding="utf-8")
    dark = dict(re.findall(r'slate"\] \.charter-diagram \.cd-([a-z-]+) \{ (?:fill|stroke): (#[0-9a-f]{6})', css))
    paper, shade = dark.pop("paper"), dark.pop("shade")
    assert set(dark) >= {"ink", "muted", "heading", "bar-progressing", "bar-delayed", "bar-finished", "rule-line"}
    for name, colour in dark.items():
        needed = 4.5 if name in ("ink", "muted", "heading") else 3.0
        if name in ("band", "milestone", "bar-planned"):
            continue  # a background; the milestone's stroke outlines a yellow diamond; the planned bar is its stroke
        assert _contrast(colour, paper) >= needed and _contrast(colour, shade) >= needed, name
