"""The print editions of the shipped sample, built once per test session.

Every print test reads these files the way a reader or a reviewer would: the PDF through
poppler's tools and pypdf, the DOCX through python-docx, the EPUB as a zip.
"""

from __future__ import annotations

import functools
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pypdf
import pytest
from pypdf.generic import ArrayObject, DictionaryObject

from generator.diagnostics import Report
from generator.downloads import Download
from generator.model import Chapter
from generator.pipeline import read_publication
from generator.render_print import build_documents
from generator.resolve import Publication
from generator.resolve.editions import for_edition

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "content"
MINIMAL = ROOT / "tests" / "roots" / "minimal" / "content"
ENERGY = ROOT / "tests" / "roots" / "energy" / "content"


@dataclass
class Built:
    """One build of a publication's print editions."""

    publication: Publication
    """The publication as the first edition (the public one) shows it."""
    whole: Publication
    """The publication as written, every level included."""
    downloads: list[Download]
    out_dir: Path
    work_dir: Path

    def file(self, fmt: str, *, edition: str | None = None) -> Path:
        """The first document's file of a format ('PDF', 'DOCX', 'EPUB'), of the first edition by default.

        Another edition's files carry its ID in their names.
        """
        names = [d.filename for d in self.downloads if d.format == fmt]
        if edition is not None:
            names = [n for n in names if f"-{edition}-" in n]
        return self.out_dir / names[0]


def first_document_chapters(publication: Publication) -> list[Chapter]:
    """The chapters the first document prints ('all': every chapter no progress report lists)."""
    reported = publication.settings.reported_chapters()
    return [c for c in publication.chapters if c.path not in reported]


def read(content: Path) -> Publication:
    """A content folder read without errors."""
    report = Report()
    publication = read_publication(content, report)
    assert publication is not None and not report.errors, [d.format() for d in report.errors]
    return publication


def build(content: Path, out: Path, *, paper: str = "a4") -> Built:
    """Build every document of a content folder into ``out``."""
    publication = read(content)
    downloads = build_documents(publication, out / "downloads", project_dir=ROOT, work_dir=out / "work", paper=paper)
    editions = publication.settings.editions
    shown = for_edition(publication, editions[0], Report()) if editions else publication
    return Built(shown, publication, downloads, out / "downloads", out / "work")


@pytest.fixture(scope="session")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The sample publication's PDF, DOCX and EPUB."""
    return build(SAMPLE, tmp_path_factory.mktemp("sample-print"))


@pytest.fixture(scope="session")
def energy(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The energy root's print editions: 160 risks, heat maps of nine likelihood columns, two editions."""
    return build(ENERGY, tmp_path_factory.mktemp("energy-print"))


@pytest.fixture(scope="session")
def sample_pages(sample: Built) -> list[str]:
    """The text of each page of the sample PDF, in reading layout."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(sample.file("PDF")), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


@functools.cache
def page_texts(pdf: Path) -> tuple[str, ...]:
    """The text pypdf extracts from each page of a PDF, read once per session (the files are never changed)."""
    return tuple(page.extract_text() for page in pypdf.PdfReader(pdf).pages)


def plain(text: str) -> str:
    """Text as compared in tests: typographic quotes straightened, spaces collapsed."""
    for curly, straight in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u2060", "")):
        text = text.replace(curly, straight)
    return " ".join(text.split())


def figure_alts(pdf: Path) -> list[str]:
    """The alt text of every Figure in a tagged PDF's structure tree, in order."""
    alts: list[str] = []

    def walk(node: object) -> None:
        node = node.get_object()  # type: ignore[attr-defined]
        if isinstance(node, DictionaryObject):
            if node.get("/S") == "/Figure" and "/Alt" in node:
                alts.append(str(node["/Alt"]))
            kids = node.get("/K")
            for kid in kids if isinstance(kids, ArrayObject) else [kids] if kids is not None else []:
                walk(kid)

    walk(pypdf.PdfReader(pdf).trailer["/Root"]["/StructTreeRoot"])
    return alts
