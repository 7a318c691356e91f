"""Any text prints: emoji, Greek, Cyrillic, Arabic and Hebrew in all three formats, right to left where
an attribute list says so; a character no shipped font has is a diagnostic at its line, never a failed build."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from generator.diagnostics import Report
from generator.glyphs import coverage, draws_nothing, font_dir
from generator.pipeline import read_publication
from generator.render_print.attributes import translate
from tests.print.conftest import ROOT, Built, build

SCRIPTS = ROOT / "tests" / "roots" / "scripts" / "content"
WORDS = ["Ελληνική", "Морская", "الأمن البحري", "ביטחון"]


@pytest.fixture(scope="module")
def scripts(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build(SCRIPTS, tmp_path_factory.mktemp("scripts"))


def _pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_the_pdf_prints_every_script_and_the_emoji(scripts: Built) -> None:
    text = _pdf_text(scripts.file("PDF"))
    for word in ["Ελληνική", "Морская", "ביטחון", "🛡", "👍"]:
        assert word in text, word
    assert "البحري مسؤولية" in text  # poppler reads the lam-alef ligature of the first word as two letters
    fonts = subprocess.run(["pdffonts", str(scripts.file("PDF"))], capture_output=True, text=True).stdout
    assert "NotoEmoji" in fonts and "NotoSansArabic" in fonts  # Libertinus Serif has Hebrew of its own


def test_no_attribute_list_prints_as_text(scripts: Built) -> None:
    pdf = _pdf_text(scripts.file("PDF"))
    with zipfile.ZipFile(scripts.file("DOCX")) as docx:
        document = docx.read("word/document.xml").decode()
    with zipfile.ZipFile(scripts.file("EPUB")) as epub:
        xhtml = "".join(epub.read(n).decode() for n in epub.namelist() if n.endswith(".xhtml"))
    for output in (pdf, document, xhtml):
        assert "{:" not in output and 'dir="rtl" lang' not in re.sub(r"<[^>]*>", "", output)
        assert "stray list  inside" in output or "stray list inside" in output


def test_docx_has_the_text_and_right_to_left_paragraphs(scripts: Built) -> None:
    with zipfile.ZipFile(scripts.file("DOCX")) as docx:
        document = docx.read("word/document.xml").decode()
    for word in WORDS:
        assert word in document, word
    paragraphs = re.findall(r"<w:p>.*?</w:p>|<w:p .*?</w:p>", document)
    arabic = next(p for p in paragraphs if "الأمن البحري" in p)
    assert "<w:bidi" in arabic and "<w:rtl" in arabic
    greek = next(p for p in paragraphs if "Ελληνική" in p)
    assert "<w:bidi" not in greek


def test_epub_has_the_text_and_dir(scripts: Built) -> None:
    with zipfile.ZipFile(scripts.file("EPUB")) as epub:
        xhtml = "".join(epub.read(n).decode() for n in epub.namelist() if n.endswith(".xhtml"))
    for word in WORDS:
        assert word in xhtml, word
    assert re.search(r'<div[^>]*dir="rtl"[^>]*lang="ar"[^>]*>\s*<p>الأمن البحري', xhtml)
    assert re.search(r'<div[^>]*class="note"[^>]*dir="rtl"', xhtml)


def test_the_arabic_block_is_right_to_left_in_the_typst_source(scripts: Built) -> None:
    typ = next(scripts.work_dir.rglob("*.typ")).read_text(encoding="utf-8")
    assert '#set text(dir: rtl, lang: "ar")' in typ
    assert '#set text(dir: rtl, lang: "he")' in typ


def test_characters_no_font_has_are_diagnostics_at_their_lines(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(SCRIPTS, content)
    (content / "scripts.md").write_text(
        (content / "scripts.md").read_text(encoding="utf-8") + "\nLinear B: \U00010000 and again \U00010000.\n",
        encoding="utf-8",
    )
    plan = (content / "plan.md").read_text(encoding="utf-8")
    (content / "plan.md").write_text(plan + "\nA hieroglyph \U00013000 here.\n", encoding="utf-8")
    line = len(plan.split("\n")) + 1
    report = Report()
    read_publication(content, report)
    found = sorted(d.format() for d in report.errors if d.code == "E-PRINT-GLYPH")
    assert len(found) == 2, found
    scripts_line = (
        (content / "scripts.md")
        .read_text(encoding="utf-8")
        .split("\n")
        .index("Linear B: \U00010000 and again \U00010000.")
    )
    error = "error[E-PRINT-GLYPH]:"
    assert found[0].startswith(f"{content / 'plan.md'}:{line}:14: {error} U+13000 EGYPTIAN HIEROGLYPH A001")
    assert "the PDF of Public edition" in found[0]
    assert found[1].startswith(f"{content / 'scripts.md'}:{scripts_line + 1}:11: {error} U+10000 LINEAR B")
    assert "(and 1 more time in this file)" in found[1]


def test_emoji_sequences_and_marks_are_never_reported() -> None:
    covered = coverage(font_dir())
    for sequence in ["🛡️", "👨‍👩‍👧", "1️⃣", "\u200f", "\u00ad"]:
        for char in sequence:
            assert ord(char) < 0x7F or ord(char) in covered or draws_nothing(char), f"U+{ord(char):04X}"


def test_attribute_lists_become_pandoc_attributes() -> None:
    assert translate(["Text", '{: dir="rtl" lang="ar" }']) == ["", '::: {dir="rtl" lang="ar"}', "Text", ":::", ""]
    assert translate(['Text {: .x onclick="alert(1)" dir=up lang=\'x"y\' }', ""])[1:3] == ["::: {.x}", "Text"]
    assert translate(["Text {: .charter-raw-typst }", ""]) == ["Text", ""]
    assert translate(["A {: .inline } word"]) == ["A  word"]
