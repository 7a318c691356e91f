"""The sample's DOCX as a minister's office opens it in Word: named styles, real tables."""

from __future__ import annotations

import re
import zipfile

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Pt

from generator.render_print.annex_heads import generated_annexes
from tests.print.conftest import Built, first_document_chapters, plain

pytestmark = pytest.mark.slow  # reads the print editions of the sample


def _document(sample: Built) -> docx.document.Document:
    return docx.Document(str(sample.file("DOCX")))


def test_chapters_are_heading_1_and_sections_heading_2(sample: Built) -> None:
    document = _document(sample)
    level_one = [plain(p.text) for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1"]
    expected = [plain(c.title) for c in first_document_chapters(sample.publication)]  # the strategy's
    assert len(expected) == len(sample.publication.chapters) - 2
    for title in expected:
        assert title in level_one, f"no Heading 1 '{title}'"
    generated = [t.split(": ", 1)[1] for t in level_one if re.match(r"Annex [A-Z]+: ", t)]
    assert all(title in generated for _, title, _ in generated_annexes())
    assert any(p.style is not None and p.style.name == "Heading 2" for p in document.paragraphs)


def test_register_tables_have_one_row_per_risk_and_risk_group(sample: Built) -> None:
    document = _document(sample)
    registers = [
        table
        for table in document.tables
        if [cell.text for cell in table.rows[0].cells][:3] == ["Ref", "Risk", "Threat category"]
    ]
    assert len(registers) == 1, "the register is printed once, in its annex"
    risk_ids = sorted(r.id for r in sample.publication.risks)
    groups = len(sample.publication.risk_groups)
    for table in registers:
        firsts = [row.cells[0].text for row in table.rows[1:]]
        assert sorted(text for text in firsts if text in risk_ids) == risk_ids
        assert len(firsts) == len(risk_ids) + groups
        assert table.style is not None and table.style.name == "Table"


def test_a_chapter_points_to_the_annex_that_prints_its_table(sample: Built) -> None:
    texts = [plain(p.text) for p in _document(sample).paragraphs]
    assert "The full register is in Annex E: Risk register." in texts
    assert "The full action plan is in Annex F: Action plan." in texts
    captions = [p.text for p in _document(sample).paragraphs if p.style is not None and p.style.name == "Table Caption"]
    assert captions.count("Action plan") == 1 and "The action plan" not in captions


def test_tables_are_captioned_with_the_caption_style(sample: Built) -> None:
    captions = [p.text for p in _document(sample).paragraphs if p.style is not None and p.style.name == "Table Caption"]
    assert "Risk register" in captions and "RACI matrix" in captions


def test_header_and_footer_carry_the_marking_on_every_section(sample: Built) -> None:
    marking = sample.publication.marking
    for section in _document(sample).sections:
        assert marking in [p.text for p in section.header.paragraphs]
        assert marking in [p.text for p in section.footer.paragraphs]
    with zipfile.ZipFile(sample.file("DOCX")) as package:
        for name in package.namelist():
            if name.endswith(".xml"):
                assert "{{" not in package.read(name).decode("utf-8"), f"an unfilled placeholder in {name}"


def test_wide_matrices_get_landscape_sections(sample: Built) -> None:
    sections = _document(sample).sections
    assert any(s.orientation == WD_ORIENT.LANDSCAPE and s.page_width > s.page_height for s in sections)
    assert sections[0].orientation == WD_ORIENT.PORTRAIT


def test_entity_summaries_use_their_own_style(sample: Built) -> None:
    summaries = [
        p.text for p in _document(sample).paragraphs if p.style is not None and p.style.name == "Entity Summary"
    ]
    for risk in sample.publication.risks:
        assert any(text.startswith(f"{risk.id} ") for text in summaries), f"no summary for {risk.id}"


def _fill(cell: docx.table._Cell) -> str | None:
    shading = cell._tc.find(".//" + qn("w:shd"))
    return None if shading is None else shading.get(qn("w:fill"))


def _lightened(colour: str) -> str:
    """A band colour mixed 55% with white, as the heat map fills its cells."""
    red, green, blue = (int(colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    return "".join(f"{round(c + (255 - c) * 0.55):02X}" for c in (red, green, blue))


def test_heat_map_cells_are_filled_with_their_band_colour(sample: Built) -> None:
    bands = {band.name: _lightened(band.colour) for band in sample.publication.settings.scales.bands}
    heat_maps = [t for t in _document(sample).tables if t.rows[0].cells[0].text.startswith("Impact")]
    assert len(heat_maps) == 3, "inherent, residual and target heat maps"
    for table in heat_maps:
        for row in table.rows[1:]:
            assert _fill(row.cells[0]) is None, "the impact labels are not a band"
            for cell in row.cells[1:]:
                band = next(name for name in sorted(bands, key=len, reverse=True) if cell.text.startswith(name))
                assert _fill(cell) == bands[band], f"'{cell.text}' is not filled with {band}'s colour"


def test_table_cells_use_the_small_table_text_style(sample: Built) -> None:
    document = _document(sample)
    assert document.styles["Table Text"].font.size == Pt(8.5)
    styles = {p.style.name for t in document.tables for c in t._cells for p in c.paragraphs if p.style is not None}
    assert styles == {"Table Text"}
