"""A document is read once, in two halves when long, and every format is written from it whole."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest

from generator.render_print.pandoc_ast import SPLIT_MIN_CHARS, read_document, split_point
from generator.render_print.pandoc_run import WARNINGS, write_ast
from tests.print.conftest import Built


def _long_document(tmp_path: Path) -> Path:
    """Two chapters, each over half the splitting length, that link to each other's anchors."""
    filler = "A paragraph of the strategy that says what the committee will do next year.\n\n"
    repeats = SPLIT_MIN_CHARS // len(filler)
    first = "# First chapter {#chapter-first}\n\n[]{#E-R-01}Risk R-01 stands here.\n\n" + filler * repeats
    first += "See [R-02](#E-R-02), and [a lost one](#no-such-anchor).\n\n"
    second = "# Second chapter {#chapter-second}\n\n[]{#E-R-02}Risk R-02 stands here.\n\n" + filler * repeats
    second += "See [R-01](#E-R-01) and [the first chapter](#chapter-first).\n\n[]{#E-R-01}Given again.\n\n"
    markdown = tmp_path / "doc.md"
    markdown.write_text(first + second, encoding="utf-8")
    return markdown


def test_a_long_document_is_read_in_two_halves_and_keeps_its_links_across_them(tmp_path: Path) -> None:
    markdown = _long_document(tmp_path)
    assert split_point(markdown.read_text(encoding="utf-8")) is not None
    WARNINGS.take()
    ast = read_document(markdown)
    assert ast.halves is not None
    blocks = [len(json.loads(p.read_text(encoding="utf-8"))["blocks"]) for p in (ast.path, *ast.halves)]
    assert blocks[0] == blocks[1] + blocks[2]
    for part, name in zip(ast.halves, ("first", "second"), strict=True):
        typ = tmp_path / f"{name}.typ"
        write_ast(part, to="typst", output=typ, args=["--wrap=none"])
        source = typ.read_text(encoding="utf-8")
        if name == "first":
            assert "#link(<E-R-02>)[R-02]" in source  # to the second half
            assert "no-such-anchor" not in source and "a lost one" in source  # no label: its words
        else:
            assert "#link(<E-R-01>)[R-01]" in source and "#link(<chapter-first>)" in source
    warnings = [line for lines in WARNINGS.take().values() for line in lines]
    assert any(re.search(r"Duplicate identifier 'E-R-01' at \S+doc\.2\.md line \d+ column 1", w) for w in warnings)


def test_the_docx_is_written_from_the_whole_document(tmp_path: Path) -> None:
    markdown = _long_document(tmp_path)
    ast = read_document(markdown)
    docx = tmp_path / "doc.docx"
    write_ast(ast.path, to="docx", output=docx, args=[])
    with zipfile.ZipFile(docx) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    anchors = set(re.findall(r'<w:hyperlink w:anchor="([^"]+)"', xml))
    assert {"E-R-01", "E-R-02", "chapter-first"} <= anchors
    assert "no-such-anchor" not in xml and "a lost one" in xml


def test_each_format_gets_only_its_own_format_filter(tmp_path: Path) -> None:
    """A rule is Typst's own line, an ID's hyphens are Word's non-breaking ones, and the EPUB keeps both as written."""
    markdown = tmp_path / "doc.md"
    markdown.write_text("# Chapter\n\nBefore [R-SMG-01]{.charter-id}.\n\n---\n\nAfter.\n", encoding="utf-8")
    ast = read_document(markdown)
    typ, docx, epub = tmp_path / "doc.typ", tmp_path / "doc.docx", tmp_path / "doc.epub"
    write_ast(ast.path, to="typst", output=typ, args=[])
    assert "#align(center, line(length: 50%, stroke: 0.5pt))" in typ.read_text(encoding="utf-8")
    assert "horizontalrule" not in typ.read_text(encoding="utf-8")
    write_ast(ast.path, to="docx", output=docx, args=[])
    with zipfile.ZipFile(docx) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    assert xml.count("<w:noBreakHyphen/>") == 2 and "R-SMG-01" not in xml
    write_ast(ast.path, to="epub3", output=epub, args=[])
    with zipfile.ZipFile(epub) as book:
        text = "".join(book.read(n).decode("utf-8") for n in book.namelist() if n.endswith(".xhtml"))
    assert '<span class="charter-id">R-SMG-01</span>' in text and "<hr />" in text


@pytest.mark.slow
def test_every_reference_of_the_sample_links_in_its_typst_source(sample: Built) -> None:
    """A link to an anchor the document has reaches Typst, whichever half of the document each is in."""
    stem = sample.file("PDF").stem
    markdown = (sample.work_dir / stem / f"{stem}.md").read_text(encoding="utf-8")
    typst = (sample.work_dir / stem / f"{stem}.typ").read_text(encoding="utf-8")
    assert split_point(markdown) is not None, "the sample is read in two halves"
    anchors = set(re.findall(r"\{#([^\s}]+)", markdown))
    linked = set(re.findall(r"\]\(#([^)\s]+)\)", markdown)) & anchors
    assert len(linked) > 100
    assert linked - set(re.findall(r"link\(<([^>]+)>\)", typst)) == set()
