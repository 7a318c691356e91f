"""The DOCX as Word and LibreOffice open it: contents entries already there, each a link; whole words in headings.

pandoc writes an empty TOC field that Word fills only when asked to update its fields,
and LibreOffice shows blank; Charter writes the field's result (docx_toc.py).
"""

from __future__ import annotations

import re
import zipfile
from html import unescape

import pytest

from generator.render_print.docx_tables import CELL_MARGINS_TWIPS, cell_text, section_width, word_twips
from tests.print.conftest import Built, first_document_chapters

pytestmark = pytest.mark.slow  # reads the print editions of the sample and the energy publication


def _document_xml(built: Built) -> str:
    with zipfile.ZipFile(built.file("DOCX")) as docx:
        return docx.read("word/document.xml").decode("utf-8")


def _contents(xml: str) -> str:
    """The TOC field, from its begin to its end."""
    start = xml.index('<w:fldChar w:fldCharType="begin" w:dirty="true" />')
    assert "TOC \\o" in xml[start : start + 300]
    end = xml.index('<w:fldChar w:fldCharType="end" />', start)
    assert xml.index('<w:fldChar w:fldCharType="separate" />', start) < end
    opening = max(xml.rfind("<w:p>", 0, start), xml.rfind("<w:p ", 0, start))  # the first entry's paragraph
    return xml[opening:end]


@pytest.mark.parametrize("name", ["sample", "energy"])
def test_contents_hold_an_entry_per_heading_linking_to_its_bookmark(name: str, request: pytest.FixtureRequest) -> None:
    built: Built = request.getfixturevalue(name)
    xml = _document_xml(built)
    field = _contents(xml)
    entries = re.findall(
        r'<w:pStyle w:val="TOC(\d)" />.*?<w:hyperlink w:anchor="([^"]+)"[^>]*><w:r><w:t[^>]*>([^<]*)</w:t>', field
    )
    bookmarks = set(re.findall(r'<w:bookmarkStart w:id="[^"]*" w:name="([^"]+)"', xml))
    assert len(entries) > 20
    assert {level for level, _, _ in entries} == ({"1", "2"} if name == "sample" else {"1"})
    assert all(anchor in bookmarks for _, anchor, _ in entries), "every entry links to a heading"
    texts = [unescape(text) for level, _, text in entries if level == "1"]
    chapters = [c.title for c in first_document_chapters(built.publication)]
    assert [t for t in texts if t in chapters] == chapters, "every chapter, in reading order"
    annexes = [t for t in texts if t.startswith("Annex ")]
    assert annexes[0] in ("Annex A: Acronyms and abbreviations", "Annex A: Acronyms")
    assert len(annexes) == len(set(annexes)) >= 4


def test_toc_styles_exist_in_the_reference_document(sample: Built) -> None:
    with zipfile.ZipFile(sample.file("DOCX")) as docx:
        styles = docx.read("word/styles.xml").decode("utf-8")
    for level in (1, 2):
        assert f'w:styleId="TOC{level}"' in styles


@pytest.mark.parametrize("name", ["sample", "energy"])
def test_every_table_column_holds_its_headings_longest_word(name: str, request: pytest.FixtureRequest) -> None:
    """No heading breaks inside a word ("Phas/e"), even in a wider font than Calibri (LibreOffice's stand-in)."""
    built: Built = request.getfixturevalue(name)
    xml = _document_xml(built)
    checked = crowded = 0
    for found in re.finditer(r"<w:tbl>.*?</w:tbl>", xml, re.DOTALL):
        table = found.group(0)
        text_twips = section_width(xml, found.end(), 0.0)  # the page's width less its margins
        assert text_twips > 8000
        widths = [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)" />', table)]
        header = re.search(r"<w:tr>.*?</w:tr>", table, re.DOTALL)
        assert header is not None
        cells = [cell_text(c) for c in re.findall(r"<w:tc>(.*?)</w:tc>", header.group(0), re.DOTALL)]
        if "<w:tblHeader" not in header.group(0) or len(cells) != len(widths):
            continue
        needs = [max((word_twips(w) for w in t.split()), default=0.0) + CELL_MARGINS_TWIPS for t in cells]
        if sum(needs) > text_twips:
            crowded += 1  # more columns than the page holds whole words for: each gets its share of them
            continue
        for text, width, need in zip(cells, widths, needs, strict=True):
            assert width / sum(widths) * text_twips >= need, f"'{text}' in a column of {width} of {sum(widths)}"
            checked += 1
    assert checked > 30 and crowded <= 2


@pytest.mark.parametrize("name", ["sample", "energy"])
def test_the_imprint_is_on_the_back_of_the_cover_before_the_contents(name: str, request: pytest.FixtureRequest) -> None:
    """Title block, then the imprint on a page of its own, then the contents on theirs, then the first chapter."""
    built: Built = request.getfixturevalue(name)
    xml = _document_xml(built)
    body = xml[xml.index("<w:body>") :]
    paragraphs = re.findall(r"<w:p>(?:(?!</w:p>).)*?</w:p>|<w:sdt>", body, re.DOTALL)
    styles = [
        "CONTENTS" if p == "<w:sdt>" else (re.findall(r'<w:pStyle w:val="([^"]+)" />', p) or ["-"])[0]
        for p in paragraphs[:40]
    ]
    contents = styles.index("CONTENTS")
    imprint = [i for i, style in enumerate(styles) if style == "Imprint"]
    assert imprint and imprint == list(range(imprint[0], imprint[-1] + 1)), styles
    assert styles.index("Date") < imprint[0] and imprint[-1] + 1 == contents, styles
    texts = ["".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", paragraphs[i])) for i in imprint]
    copyright = unescape(built.whole.settings.imprint.copyright)
    assert copyright in [unescape(t) for t in texts]
    assert "<w:pageBreakBefore />" in paragraphs[imprint[0]], "the imprint starts the back of the cover"
    toc_heading = re.search(r'<w:pStyle w:val="TOCHeading" />(<w:pageBreakBefore />)?', body)
    assert toc_heading is not None and toc_heading.group(1), "the contents start a page"
    first_heading = body.index('<w:pStyle w:val="Heading1" />')
    assert body.index("<w:sdt>") < first_heading and all(body.index(t) < body.index("<w:sdt>") for t in texts)


@pytest.mark.parametrize("name", ["sample", "energy"])
def test_heat_map_cells_break_only_between_words(name: str, request: pytest.FixtureRequest) -> None:
    """Every word of a heat map's cells (a rating, an ID) fits its column: "Medium", never "Mediu/m".

    The widths are read from the DOCX and measured against each word in DejaVu Sans Bold, the
    font LibreOffice sets in place of Calibri.
    """
    built: Built = request.getfixturevalue(name)
    xml = _document_xml(built)
    heat_maps = 0
    for found in re.finditer(r"<w:tbl>.*?</w:tbl>", xml, re.DOTALL):
        table = found.group(0)
        rows = re.findall(r"<w:tr>.*?</w:tr>", table, re.DOTALL)
        cells = [[cell_text(c) for c in re.findall(r"<w:tc>(.*?)</w:tc>", row, re.DOTALL)] for row in rows]
        if not cells or not cells[0] or not cells[0][0].startswith("Impact"):
            continue
        heat_maps += 1
        text_twips = section_width(xml, found.end(), 0.0)
        widths = [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)" />', table)]
        for row in cells[1:]:
            for column, text in enumerate(row):
                room = widths[column] / sum(widths) * text_twips - CELL_MARGINS_TWIPS
                for word in text.split():
                    assert word_twips(word) <= room, f"'{word}' in a column of {room:.0f} twips"
    assert heat_maps >= (3 if name == "sample" else 10)
