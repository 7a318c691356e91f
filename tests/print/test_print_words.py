"""Charter's own words in the printed editions: every message in French and Arabic, and a document printed in each."""

from __future__ import annotations

import ast
import string
import subprocess
import zipfile
from pathlib import Path

import pypdf
import pytest

from generator.render_print.frontmatter import direction, document_language
from generator.render_print.typst_out import template_words
from generator.words import catalogue, speaking
from generator.words.__main__ import extract
from tests.print.conftest import MINIMAL, Built, build, read

GENERATOR = Path(__file__).resolve().parents[2] / "generator"
LANGUAGES = ("fr", "ar")


def print_messages() -> list[str]:
    """Every message of the print code: ``say("...")`` below render_print, and in downloads.py."""
    found, problems = extract(GENERATOR / "render_print")
    assert not problems, problems
    tree = ast.parse((GENERATOR / "downloads.py").read_text(encoding="utf-8"))
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)]
    found += [c.args[0].value for c in calls if c.func.id == "say" and isinstance(c.args[0], ast.Constant)]  # type: ignore[attr-defined]
    return found


def fields(message: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(message) if name}


def test_the_print_code_has_messages() -> None:
    messages = print_messages()
    assert {"Contents", "Page {page} of {total}", "Annex {letter}: {title}", "Version {version}"} <= set(messages)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_print_message_is_translated_with_its_fields(lang: str) -> None:
    words = catalogue(lang)
    for message in print_messages():
        assert message in words, f"{lang}: no translation of {message!r}"
        assert fields(words[message]) == fields(message), f"{lang}: {message!r} → {words[message]!r}"


def test_english_writes_the_template_words_as_they_were() -> None:
    words = template_words()
    assert words["contents"] == "Contents"
    assert words["page-of"] == "Page {page} of {total}"


def test_the_document_language_follows_the_build() -> None:
    settings = read(MINIMAL).settings
    assert document_language(settings) == settings.language
    with speaking("ar"):
        assert document_language(settings) == "ar"
        assert direction(settings, document_language(settings)) == "rtl"
        assert document_language(settings, "fr") == "fr"
    assert direction(settings, "fr-CA") == "ltr"


def _pdf_text(built: Built) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(built.file("PDF")), "-"], capture_output=True, text=True, check=True
    ).stdout


def _pdf_language(built: Built) -> str:
    return str(pypdf.PdfReader(built.file("PDF")).trailer["/Root"].get("/Lang", ""))


def _docx_part(built: Built, part: str) -> str:
    with zipfile.ZipFile(built.file("DOCX")) as docx:
        return docx.read(part).decode("utf-8")


def _epub_package(built: Built) -> str:
    with zipfile.ZipFile(built.file("EPUB")) as book:
        name = next(n for n in book.namelist() if n.endswith(".opf"))
        return book.read(name).decode("utf-8")


@pytest.mark.slow
def test_a_document_printed_in_french(tmp_path: Path) -> None:
    with speaking("fr"):
        built = build(MINIMAL, tmp_path)
    text = " ".join(_pdf_text(built).split())
    for french in ("Sommaire", "Liste des tableaux", "Annexe A Registre des risques", "Page 1 sur", "État Projet"):
        assert french in text, french
    # the views' own words (a table's caption) are not the print code's: only these are checked
    for english in ("Contents", "List of tables", "Annex A", "Page 1 of", "Version history"):
        assert english not in text, english
    assert _pdf_language(built).startswith("fr")
    footer = "".join(_docx_part(built, n) for n in ("word/footer1.xml",))
    assert "Page " in footer and " sur " in footer and " of " not in footer
    assert "Sommaire" in _docx_part(built, "word/document.xml")
    assert "<dc:language>fr" in _epub_package(built)


@pytest.mark.slow
def test_a_document_printed_in_arabic(tmp_path: Path) -> None:
    with speaking("ar"):
        built = build(MINIMAL, tmp_path)
    typ = next(built.work_dir.rglob("*.typ")).read_text(encoding="utf-8")
    assert 'lang: "ar"' in typ and "dir: rtl" in typ
    assert _pdf_language(built).startswith("ar")
    text = _pdf_text(built)
    for english in ("Contents", "List of tables", "Annex A", "Page 1 of"):
        assert english not in text, english
    assert "المحتويات" in text  # pdftotext splits the lam-alef ligature: no word holding one is looked for
    assert "المحتويات" in _docx_part(built, "word/document.xml")
    assert "<dc:language>ar" in _epub_package(built)
    assert 'page-progression-direction="rtl"' in _epub_package(built)
    with zipfile.ZipFile(built.file("EPUB")) as book:
        chapter = next(n for n in book.namelist() if n.endswith("ch001.xhtml"))
        assert '<html dir="rtl"' in book.read(chapter).decode("utf-8")
