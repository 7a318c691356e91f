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
from tests.site.conftest import build_site

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
    assert translate(["Text", '{: .x onclick="alert(1)" dir=up lang=\'x"y\' }'])[1:3] == ["::: {.x}", "Text"]
    assert translate(["Text", "{: .charter-raw-typst }"]) == ["Text"]
    # At the end of a paragraph's line the website prints the list as text; print drops it.
    assert translate(['Text {: dir="rtl" }', ""]) == ["Text", ""]
    assert translate(["## Title {: #t lang=he }"]) == ['## Title {#t lang="he"}']
    assert translate(["A {: .inline } word"]) == ["A  word"]
    assert translate(["Code `x {: .y }` stays"]) == ["Code `x {: .y }` stays"]


def _words_x(pdf: Path, page: int) -> dict[str, float]:
    """Each word of a PDF page → its left edge, from poppler's bounding boxes.

    poppler writes the letters of a right-to-left word in the order they stand on the
    page; the word is turned back into reading order here (for words without ligatures).
    """
    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    words: dict[str, float] = {}
    for match in re.finditer(r'<word xMin="([\d.]+)"[^>]*>([^<]*)</word>', html):
        word = re.sub("[\u200e\u200f\u2060-\u2069]", "", match.group(2))  # bidi marks, isolates, joiners
        words[word[::-1] if re.search("[\u0590-\u08ff]", word) else word] = float(match.group(1))
    return words


def test_a_right_to_left_chapter_prints_right_to_left_with_its_table_mirrored(scripts: Built) -> None:
    pdf = scripts.file("PDF")
    page = next(n for n in range(1, 40) if "اللجنة" in _pdf_text_of_page(pdf, n))
    x = _words_x(pdf, page)
    # The table's first column (الخطر, the risk) is on the right, its last (خطير, serious) on the left.
    assert x["الخطر"] > x["مرجح"] > x["خطير"], x
    # The paragraph starts at the right margin, as the heading does.
    assert x["يعرض"] > 450 and x["الملخص"] > 400
    # The running head stays the document's: the short title on the left, the chapter on the right.
    assert x["HSP"] < 100 < x["العربي"]
    with zipfile.ZipFile(scripts.file("DOCX")) as docx:
        document = docx.read("word/document.xml").decode()
    tables = re.findall(r"<w:tbl>.*?</w:tbl>", document, re.DOTALL)
    table = next(t for t in tables if "الخطر" in t)
    assert "<w:bidiVisual />" in table and "<w:bidi />" in table
    assert not any("bidiVisual" in t for t in tables if t is not table)
    heading = next(p for p in re.findall(r"<w:p>.*?</w:p>", document) if "Heading1" in p and "الملخص" in p)
    assert "<w:bidi />" in heading
    with zipfile.ZipFile(scripts.file("EPUB")) as epub:
        xhtml = "".join(epub.read(n).decode() for n in epub.namelist() if n.endswith(".xhtml"))
    chapter = re.search(r'<section id="chapter-arabic"[^>]*>', xhtml)
    assert chapter and 'dir="rtl"' in chapter.group(0) and 'lang="ar"' in chapter.group(0)
    assert "الخطر" in xhtml.split('id="chapter-arabic"', 1)[1].split("</section>", 1)[0]


def _pdf_text_of_page(pdf: Path, page: int) -> str:
    command = ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def test_the_contents_line_of_a_right_to_left_chapter_keeps_its_page_number_on_the_right(scripts: Built) -> None:
    pdf = scripts.file("PDF")
    page = next(n for n in range(1, 10) if "Contents" in _pdf_text_of_page(pdf, n))
    x = _words_x(pdf, page)
    number = next(v for k, v in x.items() if k.endswith("7"))  # the Arabic chapter starts on page 7
    # The title stands where every chapter's does, the page number at the right margin.
    assert abs(x["العربي"] - x["Scripts"]) < 1 and number > 500, x


def test_the_site_gives_a_chapter_its_own_language_and_direction(tmp_path: Path) -> None:
    built = build_site(SCRIPTS, tmp_path)
    assert built.status == 0, built.stderr
    page = (built.site / "arabic" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<div dir="rtl" lang="ar">\s*(?:<[^>]+>\s*)*<h1[^>]*>الملخص العربي', page)
    other = (built.site / "scripts" / "index.html").read_text(encoding="utf-8")
    assert '<div dir="rtl" lang="ar">' not in other and '<p dir="rtl" lang="ar">' in other


def test_a_chapter_direction_or_language_that_is_not_one_is_an_error_at_its_key(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(SCRIPTS, content)
    arabic = content / "arabic.md"
    arabic.write_text(
        arabic.read_text(encoding="utf-8").replace("dir: rtl", "dir: up").replace("lang: ar", 'lang: "a r"'),
        encoding="utf-8",
    )
    report = Report()
    read_publication(content, report)
    found = [d.format() for d in report.errors]
    assert any(f.startswith(f"{arabic}:5:") and "'up' is not a direction" in f for f in found), found
    assert any(f.startswith(f"{arabic}:4:") and "'a r' is not a language tag" in f for f in found), found


def test_a_character_no_font_has_in_an_entity_field_is_a_diagnostic_at_the_field(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(SCRIPTS, content)
    register = content / "register.md"
    text = register.read_text(encoding="utf-8")
    register.write_text(
        text.replace("title: Bunker spill at the oil berth", "title: Bunker spill \U00010000"), encoding="utf-8"
    )
    line = text.split("\n").index("title: Bunker spill at the oil berth") + 1
    report = Report()
    read_publication(content, report)
    found = [d.format() for d in report.errors]
    assert len(found) == 1 and found[0].startswith(f"{register}:{line}:"), found
    assert "U+10000 LINEAR B SYLLABLE B008 A" in found[0]
