"""Tables and headings break as a printed publication's do, read from the PDF's structure tree.

The page of each table row and heading comes from the tagged PDF (``pdf_tables``): a
small table on two pages, a page holding one row of a table, a heading with nothing
after it on its page, or a heading and its introduction alone before a landscape page
is a fault a reader sees. So is "))" from a reference inside parentheses.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pypandoc
import pypdf
import pytest

from tests.print.conftest import Built
from tests.print.pdf_tables import Layout, read_layout

pytestmark = pytest.mark.slow  # builds and reads print editions

SMALL = 15
"""A table of fewer rows never breaks across pages."""


def split_small_tables(layout: Layout) -> list[str]:
    return [f"{len(t.rows)} rows on pages {t.pages}" for t in layout.tables if len(t.rows) < SMALL and len(t.pages) > 1]


def lone_rows(layout: Layout) -> list[str]:
    """Pages of a table that spans several whose only content of that table is one row."""
    return [
        f"page {page} of a {len(t.rows)}-row table"
        for t in layout.tables
        if len(t.pages) > 1
        for page in t.pages
        if t.rows_on(page) == 1
    ]


def introductions_alone(pdf: Path, layout: Layout) -> list[int]:
    """Portrait pages before a landscape page that hold only a heading and a paragraph or two."""
    pages = pypdf.PdfReader(pdf).pages
    wide = [float(p.mediabox.width) > float(p.mediabox.height) for p in pages]
    alone = []
    for number in range(1, len(pages)):
        if wide[number - 1] or not wide[number]:
            continue
        on_page = [tag for tag, on in layout.blocks if min(on) == number]
        headings = [t for t in on_page if t.startswith("/H")]
        if headings and all(t.startswith("/H") or t == "/P" for t in on_page) and len(on_page) <= 3:
            alone.append(number)
    return alone


def doubled_parentheses(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [line for line in text.splitlines() if "))" in line]


@pytest.fixture(scope="module")
def layouts(sample: Built, energy: Built) -> dict[str, tuple[Path, Layout]]:
    pdfs = {"sample": sample.file("PDF"), "energy": energy.file("PDF")}
    return {name: (pdf, read_layout(pdf)) for name, pdf in pdfs.items()}


@pytest.mark.parametrize("name", ["sample", "energy"])
def test_no_small_table_is_split_across_pages(layouts: dict[str, tuple[Path, Layout]], name: str) -> None:
    _pdf, layout = layouts[name]
    assert any(len(t.rows) < SMALL for t in layout.tables)
    assert split_small_tables(layout) == []


@pytest.mark.parametrize("name", ["sample", "energy"])
def test_only_a_table_that_may_break_tags_its_last_rows_as_its_footer(
    layouts: dict[str, tuple[Path, Layout]], name: str
) -> None:
    tables = layouts[name][1].tables
    assert {len(t.rows): t.footer_rows for t in tables if len(t.rows) < SMALL and t.footer_rows} == {}
    long = [t for t in tables if len(t.rows) >= SMALL]
    assert long and all(t.footer_rows == 2 for t in long), [(len(t.rows), t.footer_rows) for t in long]


@pytest.mark.parametrize("name", ["sample", "energy"])
def test_no_page_holds_a_single_row_of_a_table(layouts: dict[str, tuple[Path, Layout]], name: str) -> None:
    _pdf, layout = layouts[name]
    assert any(len(t.pages) > 1 for t in layout.tables)  # long tables do break
    assert lone_rows(layout) == []


@pytest.mark.parametrize("name", ["sample", "energy"])
def test_no_heading_ends_a_page(layouts: dict[str, tuple[Path, Layout]], name: str) -> None:
    pdf, layout = layouts[name]
    assert layout.headings_at_foot() == []
    assert introductions_alone(pdf, layout) == []


@pytest.mark.parametrize("name", ["sample", "energy"])
def test_no_reference_doubles_its_parentheses(layouts: dict[str, tuple[Path, Layout]], name: str) -> None:
    pdf, _layout = layouts[name]
    assert doubled_parentheses(pdf) == []


def test_a_nested_reference_reads_inside_the_parentheses_in_every_format(sample: Built) -> None:
    pdf = " ".join(doubled_parentheses(sample.file("PDF")))
    assert pdf == ""
    text = subprocess.run(["pdftotext", str(sample.file("PDF")), "-"], capture_output=True, text=True).stdout
    assert "Port Anselm, R-SMG-01, p." in " ".join(text.split())

    for fmt in ("DOCX", "EPUB"):
        plain = pypandoc.convert_file(str(sample.file(fmt)), "plain", extra_args=["--wrap=none"])
        plain = plain.replace("\u2011", "-")  # the DOCX's IDs hold non-breaking hyphens
        assert [line for line in plain.splitlines() if "))" in line] == [], fmt
        assert "Port Anselm, R-SMG-01)" in plain, fmt
