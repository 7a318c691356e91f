"""Editions a reader cannot confuse: one name everywhere, and a restricted edition's marking in its level's colour.

The sample's restricted edition (OFFICIAL-SENSITIVE) takes the default purple; the
energy root's (OFFICIAL) sets yellow in ``publication.yml``, which takes black ink.
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from tests.print.conftest import Built

pytestmark = pytest.mark.slow  # reads the print editions of the sample and the energy root

PURPLE = (0x6B, 0x2C, 0x91)
YELLOW = (0xF2, 0xC2, 0x00)


def _pdf_title(pdf: Path) -> str:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return next(line.split(":", 1)[1].strip() for line in info.splitlines() if line.startswith("Title:"))


def _page_text(pdf: Path, page: int) -> str:
    return subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def _colour_share(pdf: Path, page: int, colour: tuple[int, int, int], tmp_path: Path) -> float:
    """The share of a rendered page's pixels within a small distance of ``colour``."""
    out = tmp_path / f"{pdf.stem}-page-{page}"
    subprocess.run(["pdftoppm", "-r", "30", "-f", str(page), "-l", str(page), str(pdf), str(out)], check=True)
    data = next(tmp_path.glob(f"{out.name}*.ppm")).read_bytes()
    header = re.match(rb"P6\s+(\d+)\s+(\d+)\s+255\s", data)
    assert header is not None
    pixels = data[header.end() :]
    count = len(pixels) // 3
    near = sum(
        1
        for i in range(0, len(pixels), 3)
        if abs(pixels[i] - colour[0]) + abs(pixels[i + 1] - colour[1]) + abs(pixels[i + 2] - colour[2]) < 40
    )
    return near / count


def _zip_text(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(name).decode("utf-8")


@pytest.mark.parametrize(
    ("edition", "title"),
    [
        ("public", "National Maritime Security Strategy 2027–2031 — Public edition (PUBLIC)"),
        ("restricted", "National Maritime Security Strategy 2027–2031 — Committee edition (OFFICIAL-SENSITIVE)"),
    ],
)
def test_every_format_names_the_edition_and_its_level(sample: Built, edition: str, title: str) -> None:
    pick = None if edition == "public" else edition
    assert _pdf_title(sample.file("PDF", edition=pick)) == title
    core = _zip_text(sample.file("DOCX", edition=pick), "docProps/core.xml")
    assert f"<dc:title>{title}</dc:title>" in core
    opf = _zip_text(sample.file("EPUB", edition=pick), "EPUB/content.opf")
    assert re.search(rf"<dc:title[^>]*>{re.escape(title)}</dc:title>", opf)
    strategy = [d for d in sample.downloads if d.document == "strategy"]
    assert {d.title for d in strategy if ("-restricted-" in d.filename) == (pick is not None)} == {title}


def test_the_cover_names_the_edition_once_beside_its_level(sample: Built) -> None:
    restricted = " ".join(_page_text(sample.file("PDF", edition="restricted"), 1).split())
    assert "Committee edition · OFFICIAL-SENSITIVE" in restricted
    assert "First edition, Committee edition" not in restricted
    assert "Edition First edition" in restricted  # the publication's own edition, in the cover's facts
    public = " ".join(_page_text(sample.file("PDF"), 1).split())
    assert "Public edition · PUBLIC" in public
    assert "Committee edition" not in public and "OFFICIAL-SENSITIVE" not in public


def test_a_restricted_pdf_is_marked_in_its_level_colour_on_every_page(sample: Built, tmp_path: Path) -> None:
    restricted = sample.file("PDF", edition="restricted")
    for page in (1, 2, 20):  # the cover, the page behind it, a page of the body
        assert _colour_share(restricted, page, PURPLE, tmp_path) > 0.002, f"page {page}"
        assert _colour_share(sample.file("PDF"), page, PURPLE, tmp_path) == 0, f"public page {page}"


def test_a_publication_sets_its_own_colour_and_the_ink_reads_on_it(energy: Built, tmp_path: Path) -> None:
    council = energy.file("PDF", edition="committee")
    assert _colour_share(council, 2, YELLOW, tmp_path) > 0.001
    assert _colour_share(energy.file("PDF"), 2, YELLOW, tmp_path) == 0
    assert "Council edition · OFFICIAL" in " ".join(_page_text(council, 1).split())
    epub = energy.file("EPUB", edition="committee")
    with zipfile.ZipFile(epub) as z:
        texts = [n for n in z.namelist() if n.endswith(".xhtml") and "/text/" in n]
        for name in texts:
            markings = re.findall(r'<p class="charter-marking"([^>]*)>OFFICIAL</p>', z.read(name).decode("utf-8"))
            assert markings == [' style="background-color:#f2c200;color:#000000;border-color:#f2c200"'] * 2, name
    header = _zip_text(energy.file("DOCX", edition="committee"), "word/header1.xml")
    shaded = re.search(r'<w:shd w:val="clear" w:color="auto" w:fill="F2C200"/>.*?<w:color w:val="000000"/>', header)
    assert shaded, header[-800:]


def test_the_public_edition_keeps_an_outlined_marking(sample: Built) -> None:
    with zipfile.ZipFile(sample.file("EPUB")) as z:
        first = next(n for n in sorted(z.namelist()) if n.endswith(".xhtml") and "/text/" in n)
        assert '<p class="charter-marking">PUBLIC</p>' in z.read(first).decode("utf-8")
    assert "w:shd" not in _zip_text(sample.file("DOCX"), "word/header1.xml")
