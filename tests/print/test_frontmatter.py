"""The printed document's own pages, read back as a reader and a print shop see them: the
cover and the imprint (the publication's identity), roman front matter and arabic main
matter, the unnumbered foreword with its signature, and the back page."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pypdf
import pytest

from generator.model import Signature
from generator.render_site.chapters import signature_html
from tests.print.conftest import MINIMAL, Built, build, figure_alts, plain

pytestmark = pytest.mark.slow  # reads the print editions


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def _lines(page: str) -> list[str]:
    return [" ".join(line.split()) for line in page.splitlines() if line.strip()]


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def _check_numbering(pdf: Path, pages: list[str], first_chapter: str) -> None:
    """Roman labels to chapter 1, arabic from 1 there, and the footer saying the same."""
    labels = pypdf.PdfReader(pdf).page_labels
    main = labels.index("1")
    assert labels[0] == "" and labels[-1] == "", "the cover and the back page carry no number"
    assert labels[1:main] == [_roman(n) for n in range(2, main + 1)]
    arabic = labels[main:-1]
    assert arabic[: len(arabic)] == [str(n) for n in range(1, len(arabic) + 1)] or arabic[-1] == ""
    body = [label for label in arabic if label]
    assert body == [str(n) for n in range(1, len(body) + 1)]
    assert re.search(rf"^\s*1\s+{re.escape(first_chapter)}", pages[main], re.MULTILINE), "chapter 1 starts page 1"
    for index in range(1, main):
        assert f"Page {labels[index]}" in plain(pages[index]) and " of " not in _lines(pages[index])[-1]
    total = len(body)
    for index in range(main, main + total):
        assert f"Page {labels[index]} of {total}" in plain(pages[index]), f"page {index + 1}"
    assert len(labels) % 2 == 0, "the document ends on an even page"


def test_sample_front_matter_is_roman_and_the_main_matter_arabic(sample: Built, sample_pages: list[str]) -> None:
    _check_numbering(sample.file("PDF"), sample_pages, "Vision")


def test_sample_foreword_and_summary_are_unnumbered_before_chapter_1(sample_pages: list[str]) -> None:
    contents = plain(sample_pages[2])
    # on pages numbered in roman, after the contents and the lists of tables and figures
    unnumbered = r"Contents Foreword (\. )+[ivx]+ Executive summary (\. )+[ivx]+ The risks"
    assert re.search(unnumbered, contents), contents[:200]
    assert "1 Vision" in contents and "0.1" not in contents
    foreword = next(p for p in sample_pages if _lines(p)[2:3] == ["Foreword"] or "Foreword" in _lines(p)[2:4])
    assert not re.search(r"^\s*\d+\s+Foreword", foreword, re.MULTILINE)


def test_sample_cover_shows_issuer_emblem_and_reference(sample: Built, sample_pages: list[str]) -> None:
    cover = plain(sample_pages[0])
    assert "Ministry of Transport and Maritime Affairs · National Maritime Security Committee" in cover
    assert "Reference NMSC/2026/01" in cover
    alts = figure_alts(sample.file("PDF"))
    assert alts[0] == "Emblem of the Republic of Solmara, a gold star above three islands and the sea"
    assert "National emblem" not in alts


def test_sample_page_2_is_the_imprint_and_document_control_is_printed_once(sample_pages: list[str]) -> None:
    imprint = plain(sample_pages[1])
    for expected in (
        "REFERENCE NMSC/2026/01",
        "COPYRIGHT © Republic of Solmara 2026",
        "LICENCE This publication is licensed under the terms of the Open Government Licence v3.0",
        "CONTACT Joint Maritime Security Centre, Harbour Road, Port Anselm PA1 2MS; strategy@jmsc.gov.sl.example",
        "ALTERNATIVE FORMATS This publication is available in large print, Braille, audio and easy read",
        "First edition, Version 1.1.0, 26 February 2027",
    ):
        assert expected in imprint
    assert "Document control" not in imprint and "About this document" not in imprint
    headed = [p for p in sample_pages if re.search(r"Annex [A-Z]\s+Document control", p)]
    assert headed, "the document control annex is printed"
    assert sum("About this document" in p for p in sample_pages) == 0


def test_sample_back_page_closes_the_document(sample: Built, sample_pages: list[str]) -> None:
    back = plain(sample_pages[-1])
    for expected in ("Republic of Solmara", "National Maritime Security Committee", "NMSC/2026/01", "PUBLIC"):
        assert expected in back
    assert "strategy@jmsc.gov.sl.example" in back and "Page" not in back


def test_sample_signature_is_a_block_of_separate_lines(sample_pages: list[str]) -> None:
    page = next(p for p in sample_pages if "Okonde-Lavalle" in p)
    lines = _lines(page)
    at = lines.index("Hon. Dr Marisa Okonde-Lavalle")
    assert lines[at + 1 : at + 3] == ["Minister of Transport and Maritime Affairs", "Port Anselm, 30 September 2026"]


def test_sample_docx_and_epub_carry_the_identity(sample: Built) -> None:
    with zipfile.ZipFile(sample.file("DOCX")) as docx:
        text = plain(re.sub(r"<[^>]+>", " ", docx.read("word/document.xml").decode("utf-8")))
    head = text[: text.index("Solmara is a nation of islands")]
    for expected in ("Reference: NMSC/2026/01", "© Republic of Solmara 2026", "Open Government Licence v3.0"):
        assert expected in head
    assert "Hon. Dr Marisa Okonde-Lavalle Minister of Transport and Maritime Affairs" in text
    with zipfile.ZipFile(sample.file("EPUB")) as epub:
        names = sorted(n for n in epub.namelist() if n.endswith(".xhtml") and "/ch" in n)
        first = epub.read(names[0]).decode("utf-8")
        assert 'class="charter-imprint' in first and "NMSC/2026/01" in first
        assert any('class="charter-signature"' in epub.read(n).decode("utf-8") for n in names)


def test_energy_identity_is_escaped_in_every_output(energy: Built) -> None:
    pdf = energy.file("PDF")
    pages = _pages(pdf)
    _check_numbering(pdf, pages, "The strategy")
    imprint = plain(pages[1])
    assert "COPYRIGHT © Crown copyright 2026 <Caledra>" in imprint
    assert "ALTERNATIVE FORMATS For an accessible version (#large-print, $audio), write to" in imprint
    assert "LICENCE Licensed under CC BY 4.0" in imprint and "REFERENCE ISBN 978-0-00-000000-2" in imprint
    assert "Department for Energy Security & Networks" in plain(pages[0])
    assert figure_alts(pdf)[0] == 'Emblem of Caledra: a gold "ring" on green'
    assert "ISBN 978-0-00-000000-2" in plain(pages[-1])
    signed = _lines(next(p for p in pages if "Marsh-Okafor" in p))
    at = signed.index("Dr Aileen Marsh-Okafor")
    assert signed[at + 1 : at + 3] == ["Secretary of State for Energy", "Lorne, 1 November 2026"]
    with zipfile.ZipFile(energy.file("DOCX")) as docx:
        xml = docx.read("word/document.xml").decode("utf-8")
    assert "© Crown copyright 2026 &lt;Caledra&gt;" in xml
    with zipfile.ZipFile(energy.file("EPUB")) as epub:
        first = next(epub.read(n).decode("utf-8") for n in sorted(epub.namelist()) if n.endswith("ch001.xhtml"))
    assert "© Crown copyright 2026 &lt;Caledra&gt;" in first


def test_without_a_history_annex_the_history_stands_on_the_imprint_page(tmp_path: Path) -> None:
    built = build(MINIMAL, tmp_path)
    pages = _pages(built.file("PDF"))
    imprint = plain(pages[1])
    history = built.publication.settings.history
    assert history and "Version history" in imprint
    assert all(revision.version in imprint for revision in history)
    assert "REFERENCE" not in imprint  # no imprint fields given: none printed
    labels = pypdf.PdfReader(built.file("PDF")).page_labels
    assert labels[1] == "ii" and "1" in labels and len(labels) % 2 == 0


def test_the_web_signature_is_escaped_html_of_separate_lines() -> None:
    signature = Signature("", 1, "PUBLIC", name="A <b>Name</b>", role="Chair & Clerk", place="Port")
    assert signature_html(signature) == (
        '<p class="charter-signature"><span class="charter-signature-name">A &lt;b&gt;Name&lt;/b&gt;</span>'
        "<span>Chair &amp; Clerk</span><span>Port</span></p>"
    )
