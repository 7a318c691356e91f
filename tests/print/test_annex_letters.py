"""Annex letters, given once by the model: the same letter on the web and in the PDF, DOCX and EPUB.

A publication written from the minimal one has three annexes: "Annex A: Glossary", an
annex whose title names no letter (it gets B), and "Annex E: Sources" (a drafter's letter,
skipping C and D, is kept). The generated annexes follow with F, G, ...
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from generator.render_site.chapters import chapter_pages
from generator.render_site.render import Renderer
from tests.print.conftest import Built, build, read
from tests.site.conftest import MINIMAL, build_site, copy_content

ANNEXES = (
    ("glossary.md", "Annex A: Glossary", 100, "# Annex A: Glossary\n\nWords."),
    ("contacts.md", "Contacts", 110, "# Contacts\n\nWho to call."),
    ("sources.md", "Annex E: Sources", 120, "Where the figures come from."),
)
LETTERED = ["Annex A: Glossary", "Annex B: Contacts", "Annex E: Sources"]


def write_annexes(root: Path) -> Path:
    content = copy_content(MINIMAL, root / "content")
    for name, title, order, body in ANNEXES:
        text = f'---\ntitle: "{title}"\norder: {order}\nannex: true\n---\n\n{body}\n'
        (content / "annexes").mkdir(exist_ok=True)
        (content / "annexes" / name).write_text(text, encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_annexes(tmp_path_factory.mktemp("annex-letters"))


def test_the_model_letters_each_annex_once_keeping_a_drafters_letter(content: Path) -> None:
    publication = read(content)
    annexes = [c for c in publication.chapters if c.annex]
    assert [c.title for c in annexes] == LETTERED
    assert [c.letter for c in annexes] == ["A", "B", "E"]


def test_the_web_pages_titles_carry_the_letter(content: Path) -> None:
    site = Renderer.of(read(content))
    pages = {page.title: page for page in chapter_pages(site)}
    assert set(LETTERED) <= set(pages)
    contacts = pages["Annex B: Contacts"]
    assert "# Annex B: Contacts" in contacts.body and "# Contacts\n" not in contacts.body


@pytest.mark.slow
def test_the_built_sites_nav_and_titles_carry_the_letter(content: Path, tmp_path: Path) -> None:
    built = build_site(content, tmp_path)
    assert built.status == 0, built.stderr
    page = (built.site / "annexes" / "contacts" / "index.html").read_text(encoding="utf-8")
    nav = re.findall(r'class="md-nav__link[^"]*">\s*<span class="md-ellipsis">\s*(Annex [^<]*?)\s*</span>', page)
    assert nav == LETTERED
    assert "<title>Annex B: Contacts - " in page


@pytest.fixture(scope="module")
def printed(content: Path, tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build(content, tmp_path_factory.mktemp("annex-letters-print"))


@pytest.mark.slow
def test_the_pdf_keeps_the_drafters_letters(printed: Built) -> None:
    text = "\n".join(page.extract_text() for page in PdfReader(printed.file("PDF")).pages)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    for heading in ("Annex A Glossary", "Annex B Contacts", "Annex E Sources", "Annex F Risk register"):
        assert heading in lines, heading
    assert "Annex C Sources" not in lines and "Annex C Risk register" not in lines


@pytest.mark.slow
def test_docx_and_epub_headings_name_the_letter(printed: Built) -> None:
    document = docx.Document(str(printed.file("DOCX")))
    level_one = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1"]
    annexes = [t for t in level_one if t.startswith("Annex ")]
    assert annexes[:4] == [*LETTERED, "Annex F: Risk register"]
    assert len(set(annexes)) == len(annexes)
    with zipfile.ZipFile(printed.file("EPUB")) as epub:
        xhtml = "".join(epub.read(n).decode() for n in epub.namelist() if n.endswith(".xhtml"))
    for title in [*LETTERED, "Annex F: Risk register"]:
        assert f">{title}</h1>" in xhtml or f">{title}<" in xhtml, title
