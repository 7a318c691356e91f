"""A publication in English and Arabic, printed: every document in both languages, no canary public in either.

``tests/roots/bilingual`` marks a governance section and a risk OFFICIAL-SENSITIVE, and writes
a canary into each in both languages (CANARYENGLISHSECTION and CANARYARABICSECTION in the
section, CANARYENGLISHRISK and CANARYARABICRISK in the risk's title). Neither language of the
public edition may carry any of them, in any page, data file, PDF, DOCX or EPUB; the
restricted edition carries all four.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from generator.build import build
from generator.leakcheck import output_text
from generator.progress import Progress

pytestmark = pytest.mark.slow  # every format of both editions, in both languages

REPO = Path(__file__).resolve().parents[1]
ROOT = REPO / "tests" / "roots" / "bilingual" / "content"
CANARIES = ["CANARYENGLISHSECTION", "CANARYARABICSECTION", "CANARYENGLISHRISK", "CANARYARABICRISK"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("bilingual")
    status = build(
        ROOT,
        project_dir=REPO,
        site_dir=work / "site",
        build_dir=work / "build",
        progress=Progress(io.StringIO(), interactive=False),
    )
    assert status == 0
    return work / "site"


def _carrying(folder: Path, canary: str) -> list[str]:
    return [
        p.relative_to(folder).as_posix()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and (canary.encode() in p.read_bytes() or canary.casefold() in output_text(p))
    ]


def test_every_document_is_printed_in_both_languages(site: Path) -> None:
    for edition, stem in (("public", "cmsp-plan"), ("restricted", "cmsp-plan-restricted")):
        english = sorted(p.name for p in (site / edition / "downloads").iterdir())
        arabic = sorted(p.name for p in (site / edition / "ar" / "downloads").iterdir())
        assert english == [f"{stem}-1.0.0.{suffix}" for suffix in ("docx", "epub", "pdf")]
        assert arabic == [f"{stem}-ar-1.0.0.{suffix}" for suffix in ("docx", "epub", "pdf")]


def test_the_arabic_pdf_is_in_arabic(site: Path) -> None:
    text = output_text(site / "public" / "ar" / "downloads" / "cmsp-plan-ar-1.0.0.pdf")
    assert "المحتويات" in text  # Charter's own word for the contents
    assert "الخطة الساحلية للأمن البحري" in text  # the publication's title in Arabic


@pytest.mark.parametrize("canary", CANARIES)
def test_no_canary_reaches_the_public_edition_in_either_language(site: Path, canary: str) -> None:
    assert _carrying(site / "public", canary) == []


@pytest.mark.parametrize("canary", CANARIES)
def test_every_canary_reaches_the_restricted_edition(site: Path, canary: str) -> None:
    found = _carrying(site / "restricted", canary)
    language = "ar/" if "ARABIC" in canary else ""
    assert any(name.startswith(language) and name.endswith(".pdf") for name in found), found
    assert any(name.startswith(language) and name.endswith(".html") for name in found), found
