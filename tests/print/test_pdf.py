"""The sample's PDF as a reader, a screen reader and a printer see it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pypdf
import pytest
from pypdf.generic import ArrayObject

from generator.render_print.diagrams import figure_alts as planned_alts
from generator.render_print.diagrams import print_plan
from generator.render_print.paper import paper_for
from generator.views import Diagram, render_view
from tests.print.conftest import Built, figure_alts, first_document_chapters, plain

pytestmark = pytest.mark.slow  # reads the print editions of the sample


def _tool(*args: str) -> str:
    return subprocess.run(list(args), capture_output=True, text=True, check=True).stdout


def _flat(text: str) -> str:
    return plain(text)


def _annex_pages(pages: list[str], title: str) -> list[int]:
    """The indexes of the pages whose running header names an annex called ``title``."""
    header = re.compile(rf"Annex [A-Z]+\s+{re.escape(title)}\s*$")
    return [i for i, page in enumerate(pages) if any(header.search(line) for line in page.splitlines()[:4])]


def test_pdf_is_tagged_pdf_ua_1_with_title_and_language(sample: Built) -> None:
    info = _tool("pdfinfo", str(sample.file("PDF")))
    assert re.search(r"^Tagged:\s+yes$", info, re.MULTILINE)
    title = f"{sample.publication.settings.documents[0].title} — Public edition (PUBLIC)"  # the edition named
    assert re.search(rf"^Title:\s+{re.escape(title)}$", info, re.MULTILINE)
    reader = pypdf.PdfReader(sample.file("PDF"))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r"pdfuaid:part[^0-9]*1", xmp)


def test_every_font_is_embedded(sample: Built) -> None:
    rows = _tool("pdffonts", str(sample.file("PDF"))).splitlines()[2:]
    assert rows, "the PDF lists no fonts"
    for row in rows:
        # name type encoding emb sub uni object ID: 'emb' is the fourth column from the right end
        columns = row.split()
        assert columns[-5] == "yes", f"font not embedded: {row}"


def test_a4_portrait_by_default(sample: Built) -> None:
    assert "(A4)" in _tool("pdfinfo", str(sample.file("PDF")))


def test_marking_at_top_and_bottom_of_every_page(sample: Built, sample_pages: list[str]) -> None:
    marking = sample.publication.marking
    for number, page in enumerate(sample_pages, start=1):
        lines = [line for line in page.splitlines() if line.strip()]
        assert marking in " ".join(lines[:2]), f"page {number} has no marking at the top"
        assert marking in " ".join(lines[-2:]), f"page {number} has no marking at the bottom"


def test_every_page_after_the_cover_says_its_page_number(sample: Built, sample_pages: list[str]) -> None:
    """Roman in the front matter ("Page iv"), "Page N of M" in the main matter (test_frontmatter.py has the rest)."""
    labels = pypdf.PdfReader(sample.file("PDF")).page_labels
    total = sum(label.isdigit() for label in labels)
    for index, (label, page) in enumerate(zip(labels[1:-1], sample_pages[1:-1], strict=True), start=1):
        if not label:  # a blank verso before the back page: its markings alone, no running head, no number
            assert index == len(labels) - 2 and page.split() == ["PUBLIC", "PUBLIC"], (index, page)
            continue
        assert (f"Page {label} of {total}" if label.isdigit() else f"Page {label}") in page


def test_register_annex_lists_every_risk_and_repeats_its_header(sample: Built, sample_pages: list[str]) -> None:
    pages = _annex_pages(sample_pages, "Risk register")
    assert pages, "no page of the PDF is headed by the risk register annex"
    text = _flat(" ".join(sample_pages[i] for i in pages))
    missing = [r.id for r in sample.publication.risks if r.id not in text]
    assert not missing
    for index in pages:  # the header row repeats on every page the table runs over
        assert re.search(r"Ref\s+Risk\s+Threat", sample_pages[index]), f"page {index + 1} lacks the header row"


def test_raci_annex_is_on_landscape_pages(sample: Built, sample_pages: list[str]) -> None:
    reader = pypdf.PdfReader(sample.file("PDF"))
    pages = _annex_pages(sample_pages, "RACI matrix")
    assert pages
    for index in pages:
        box = reader.pages[index].mediabox
        assert box.width > box.height, f"RACI page {index + 1} is portrait"
    cover = reader.pages[0].mediabox
    assert cover.width < cover.height


def test_contents_give_the_right_page_for_every_chapter(sample: Built, sample_pages: list[str]) -> None:
    index = {label: i for i, label in enumerate(pypdf.PdfReader(sample.file("PDF")).page_labels) if label}
    entry = re.compile(r"^\s*(?:\d+|Annex [A-Z]+)\s{2,}(\S.*?)\s*(?:\. )+\.?\s*(\d+)\s*$")
    checked = 0
    for page in sample_pages[:8]:
        for line in page.replace("\u2060", "").splitlines():
            match = entry.match(line)
            if not match:
                continue
            title, number = plain(match.group(1)), int(match.group(2))
            target = sample_pages[index[str(number)]]
            assert title in _flat(target), f"contents say '{title}' is on page {number}"
            checked += 1
    assert checked >= 10


def test_references_in_prose_carry_the_right_page(sample: Built, sample_pages: list[str]) -> None:
    index = {label: i for i, label in enumerate(pypdf.PdfReader(sample.file("PDF")).page_labels) if label}
    risk_ids = {r.id for r in sample.publication.risks}
    found = 0
    for page in sample_pages:
        for risk_id, number in re.findall(r"(?:\(|, )([A-Z][A-Z0-9-]+), p\. (\d+)\)", _flat(page)):
            if risk_id not in risk_ids:
                continue
            heading = re.compile(rf"{re.escape(risk_id)} \S")
            assert heading.search(_flat(sample_pages[index[number]])), f"{risk_id} is not on page {number}"
            found += 1
    assert found >= len(risk_ids) // 2, "few references carry a page number"


def test_internal_links_lead_somewhere_in_the_document(sample: Built) -> None:
    reader = pypdf.PdfReader(sample.file("PDF"))
    names = set(reader.named_destinations)
    pages = {page.indirect_reference.idnum for page in reader.pages if page.indirect_reference}
    internal = 0
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            link = annotation.get_object()
            if link["/Subtype"] != "/Link" or "/Dest" not in link:
                continue
            destination = link["/Dest"]
            if isinstance(destination, ArrayObject):  # an explicit page and position
                assert destination[0].idnum in pages
            else:
                assert str(destination) in names, f"link to a missing destination {destination}"
            internal += 1
    assert internal > len(sample.publication.risks) * 2


def test_diagrams_are_vector_figures_with_their_alt_text(sample: Built) -> None:
    reader = pypdf.PdfReader(sample.file("PDF"))
    emblem = sample.publication.settings.emblem_alt
    alts = [alt for alt in figure_alts(sample.file("PDF")) if alt != emblem]  # on the cover and the back page
    paper = paper_for("a4")
    expected = [
        alt
        for chapter in first_document_chapters(sample.publication)  # the strategy, not the progress report
        for segment in chapter.segments
        if type(segment).__name__ == "View"
        for block in render_view(segment, sample.publication)  # type: ignore[arg-type]
        if isinstance(block, Diagram)
        for alt in planned_alts(block, print_plan(block, paper))  # a diagram cut over pages: one per part
    ]
    assert expected and sorted(alts) == sorted(expected)
    for page in reader.pages:  # drawn as vectors: no page embeds a raster image
        resources = page.get("/Resources") or {}
        for xobject in (resources.get("/XObject") or {}).values():
            assert xobject.get_object().get("/Subtype") != "/Image"


def test_lists_of_tables_and_figures(sample_pages: list[str]) -> None:
    front = _flat(" ".join(sample_pages[:8]))
    assert "List of tables" in front and "List of figures" in front
    assert re.search(r"Table 1 \S", front)
    # a Markdown table without a caption (document control's) is not listed as a numberless "Table 28 . . ."
    assert not re.search(r"Table \d+ (\. ){3}", front), re.findall(r"Table \d+ (?:\. ){3}", front)
    assert "About this document" not in front  # the imprint says it: no table repeats the cover
    assert re.search(r"Figure 1 \S", front)


def test_letter_paper_on_request(tmp_path: Path) -> None:
    from tests.print.conftest import MINIMAL, build

    built = build(MINIMAL, tmp_path, paper="letter")
    assert "(letter)" in _tool("pdfinfo", str(built.file("PDF")))
