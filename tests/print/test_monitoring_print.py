"""Measurements and progress in print: the monitoring views' figures and tables, the summaries' latest figures."""

from __future__ import annotations

import re

from tests.print.conftest import Built


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_the_monitoring_views_print_with_their_captions_and_tables(sample_pages: list[str]) -> None:
    flat = [_flat(page) for page in sample_pages]
    for objective in ("OBJ-1 Maritime domain awareness", "OBJ-5 Safeguard the blue economy and maritime heritage"):
        assert any(re.search(rf"Figure \d+ Indicator progress: {objective}", page) for page in flat), objective
        assert any(f"Indicator figures: {objective}" in page for page in flat), objective
    chart = next(
        page
        for page in flat
        if re.search(r"Figure \d+ Implementation of the action plan", page) and "List of figures" not in page
    )
    assert "3 planned, 6 progressing (of 9)" in chart  # the counts are text in the drawing
    assert any("Implementation of the action plan: actions by status" in page for page in flat)


def test_indicator_and_action_summaries_print_the_latest_figure_and_report(sample_pages: list[str]) -> None:
    text = _flat(" ".join(sample_pages))
    assert "Latest: 27 % of recorded crossings (31 December 2026), off track" in text
    assert "Last report: 31 December 2026: Procurement re-tendered; the first craft now arrive in 2028" in text


def test_the_docx_and_epub_carry_the_monitoring_charts(sample: Built) -> None:
    import zipfile

    with zipfile.ZipFile(sample.file("EPUB")) as epub:
        names = epub.namelist()
        text = " ".join(epub.read(n).decode("utf-8", "replace") for n in names if n.endswith(".xhtml"))
        drawings = " ".join(epub.read(n).decode("utf-8") for n in names if n.endswith(".svg"))
    assert "Implementation of the action plan: actions by status" in text
    assert "<title>Indicator progress: OBJ-1 Maritime domain awareness</title>" in drawings
    with zipfile.ZipFile(sample.file("DOCX")) as docx:
        document = docx.read("word/document.xml").decode("utf-8")
    assert "Indicator progress: OBJ-1 Maritime domain awareness" in document
