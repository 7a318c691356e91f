"""An entity ID is one unit in print: never split at its hyphens over two lines.

The PDF boxes each ID (its text still reads as written), the EPUB keeps it in a span its
stylesheet holds on one line, and the DOCX writes its hyphens as non-breaking hyphens
(``w:noBreakHyphen``), the one form Word keeps together; Word's text reads them as '-'.
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from generator.render_print.links import id_markdown
from tests.print.conftest import Built

pytestmark = pytest.mark.slow  # builds and reads print editions


def split_ids(pdf: Path, ids: set[str]) -> list[str]:
    """The pieces of IDs a line of the PDF's text ends or starts with ('R-SMG-' then '01')."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    heads = {i[: m.end()] for i in ids for m in re.finditer("-", i)}
    found = []
    for line, following in zip(text.splitlines(), text.splitlines()[1:], strict=False):
        words = line.split()
        if words and words[-1].lstrip("(") in heads and following.strip():
            found.append(f"{words[-1]} / {following.split()[0]}")
    return found


def hyphenated_ids(built: Built) -> set[str]:
    return {e for e in built.whole.entities if "-" in e}


def test_no_id_is_split_over_two_lines_in_the_sample_pdf(sample: Built) -> None:
    assert split_ids(sample.file("PDF"), hyphenated_ids(sample)) == []


def test_no_id_is_split_in_the_energy_pdf_and_the_heat_maps_name_bands(energy: Built) -> None:
    pdf = energy.file("PDF")
    assert split_ids(pdf, hyphenated_ids(energy)) == []
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split())
    assert "Likelihood = threat × vulnerability; score = likelihood × impact." in text
    assert text.count("Impact ↓ / Likelihood →") == 13  # three stages and one heat map per threat category


def test_the_pdf_text_reads_each_id_as_written(sample: Built) -> None:
    text = subprocess.run(["pdftotext", str(sample.file("PDF")), "-"], capture_output=True, text=True).stdout
    assert "R-SMG-01" in text and "\u2011" not in text  # search and copy find the ID itself


def test_the_epub_keeps_ids_on_one_line(sample: Built) -> None:
    with zipfile.ZipFile(sample.file("EPUB")) as epub:
        xhtml = "".join(epub.read(n).decode("utf-8") for n in epub.namelist() if n.endswith(".xhtml"))
        css = "".join(epub.read(n).decode("utf-8") for n in epub.namelist() if n.endswith(".css"))
    assert '<span class="charter-id">R-SMG-01</span>' in xhtml
    assert ".charter-id { white-space: nowrap; }" in css


def test_the_docx_writes_ids_with_non_breaking_hyphens(sample: Built) -> None:
    """Word's own non-breaking hyphen, which python-docx (and Word's plain text) read as '-'."""
    with zipfile.ZipFile(sample.file("DOCX")) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    hyphen = '</w:t></w:r><w:r><w:noBreakHyphen/></w:r><w:r><w:t xml:space="preserve">'
    assert f">R{hyphen}SMG{hyphen}01</w:t>" in body
    assert "\u2011" not in body


def test_an_id_is_one_markdown_unit() -> None:
    assert id_markdown("R-SMG-01").count("#box[") == 1
    assert "[R\\-SMG\\-01]{.charter-id}" in id_markdown("R-SMG-01", anchor="E-R-SMG-01")
