"""A RACI matrix of more agencies than a page can show as columns prints by role (item 8 of issue 14).

The website keeps the matrix; the PDF lists each action's agencies under Responsible,
Accountable, Consulted and Informed, on portrait pages, with the key to the agencies' short
names. A publication of few agencies (the sample) keeps the matrix in print too.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pypdf
import pytest

from bench.synthetic import write_synthetic
from generator.model import View
from generator.render_print.raci_print import MATRIX_MAX_AGENCIES, print_view
from generator.views import Table, render_view
from tests.print.conftest import Built, build, read

pytestmark = pytest.mark.slow  # builds a 700-entity publication's print editions


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """A synthetic publication of 700 entities: 21 agencies, one more than the matrix prints."""
    root = tmp_path_factory.mktemp("raci-many")
    return build(write_synthetic(root / "content", 700), root / "out")


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")


def _raci_view(publication: object) -> View:
    return View(show="raci", location=next(iter(publication.entities.values())).location)  # type: ignore[attr-defined]


def test_the_printed_raci_of_many_agencies_lists_them_by_role(many: Built) -> None:
    publication = many.publication
    assert len(publication.agencies) > MATRIX_MAX_AGENCIES
    pages = _pages(many.file("PDF"))
    reader = pypdf.PdfReader(many.file("PDF"))
    raci = [i for i, page in enumerate(pages) if re.search(r"Annex [A-Z]\s+RACI matrix\n", page) and "ACT-" in page]
    assert raci
    for index in raci:  # the header row repeats on every page
        assert re.search(r"Action\s+Responsible\s+Accountable\s+Consulted\s+Informed", pages[index]), index
    for index in raci:
        box = reader.pages[index].mediabox
        assert box.width < box.height, f"RACI page {index + 1} is landscape"
    text = "\n".join(pages[i] for i in raci)
    short = {a.id: a.short or a.id for a in publication.agencies}
    for action in publication.actions:
        line = next(line for line in text.splitlines() if re.match(rf"\s*{action.id}\b", line))
        cells = re.split(r"\s{2,}", line.strip())
        assert cells[1] == short[action.raci.responsible], line
        assert cells[2] == short[action.raci.accountable], line
    assert "A20 = Agency 20 of" in " ".join(text.split())  # the key to the short names


def test_the_website_keeps_the_matrix_and_few_agencies_print_it(many: Built) -> None:
    publication = many.publication
    site = render_view(_raci_view(publication), publication)[0]
    assert isinstance(site, Table) and len(site.columns) == len(publication.agencies) + 1
    printed = print_view(_raci_view(publication), publication)[0]
    assert isinstance(printed, Table)
    assert [c.name for c in printed.columns] == ["Action", "Responsible", "Accountable", "Consulted", "Informed"]
    sample = read(Path(__file__).resolve().parents[2] / "content")
    assert len(sample.agencies) <= MATRIX_MAX_AGENCIES
    kept = print_view(_raci_view(sample), sample)[0]
    assert isinstance(kept, Table) and len(kept.columns) == len(sample.agencies) + 1
