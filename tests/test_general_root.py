"""A publication of another shape than the sample builds and reads right.

``tests/roots/general`` is a cyber security strategy in Greek: three score factors on
4-point scales (likelihood × vulnerability × impact), its own threat catalogue with no IMO
numbers, acronyms in Greek letters, and a restricted agency whose public name holds every
character Markdown, HTML, pandoc and Typst give a meaning to.
"""

from __future__ import annotations

import contextlib
import html
import io
import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.build import build
from generator.cli import main
from generator.diagnostics import Report
from generator.model import Edition, Passage
from generator.pipeline import read_publication
from generator.progress import Progress
from generator.render_print.links import anchor_name
from generator.render_print.markdown_escape import typst_label
from generator.render_site.links import anchor_id
from generator.resolve.editions import for_edition
from generator.validate.ids import is_acronym_id
from tests.html_tables import tables

REPO = Path(__file__).resolve().parents[1]
GENERAL = REPO / "tests" / "roots" / "general" / "content"
PUBLIC_NAME = r"Unit ~ A<B> *x* _y_ [z] \ # | end"
"""The public name of the restricted agency AG-UNIT, as written."""
SENTENCE = f"με τη στήριξη της Ελληνική Αστυνομία και της {PUBLIC_NAME}."
"""The public edition's sentence that references the acronym ΕΛ.ΑΣ. and the restricted agency."""


@dataclass
class Site:
    """The general root built into a folder, every edition with its print files."""

    root: Path
    status: int
    log: str

    def public(self, page: str) -> str:
        """The text of a public page's article, tags removed and entities read."""
        source = (self.root / "site" / "public" / page / "index.html").read_text(encoding="utf-8")
        article = source[source.index("<article") : source.index("</article>")]
        return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", article)).split())

    def public_html(self, page: str) -> str:
        """A public page's HTML as written."""
        return (self.root / "site" / "public" / page / "index.html").read_text(encoding="utf-8")

    def download(self, suffix: str) -> Path:
        """The public edition's file of a format ('.pdf', '.epub')."""
        return next((self.root / "site" / "public" / "downloads").glob(f"*{suffix}"))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The general root built once for this module."""
    root = tmp_path_factory.mktemp("general")
    content = shutil.copytree(GENERAL, root / "content")
    stream = io.StringIO()
    status = build(
        content,
        project_dir=REPO,
        site_dir=root / "site",
        build_dir=root / "build",
        with_print=True,
        progress=Progress(stream, interactive=False),
    )
    return Site(root, status, stream.getvalue())


def test_the_general_root_checks_clean_in_strict_mode() -> None:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["check", str(GENERAL), "--strict"])
    assert (code, err.getvalue()) == (0, ""), out.getvalue()


def test_the_general_root_builds(site: Site) -> None:
    assert site.status == 0, site.log


def test_the_model_holds_the_public_name_as_plain_text() -> None:
    report = Report()
    whole = read_publication(GENERAL, report)
    assert whole is not None and not report.errors
    public = for_edition(whole, Edition("public", "Public", "PUBLIC"), report)
    assert public.public_names == {"AG-UNIT": PUBLIC_NAME}
    prose = "\n".join(s.text for c in public.chapters for s in c.segments if isinstance(s, Passage))
    assert "της [[AG-UNIT]]." in prose  # still a reference: each renderer writes the name its own way


def test_a_public_name_reads_as_written_on_the_site(site: Site) -> None:
    assert SENTENCE in site.public("structure")
    assert "Secret signals unit" not in site.public_html("structure")


def test_a_public_name_reads_as_written_in_the_pdf_and_epub(site: Site) -> None:
    pdf = subprocess.run(["pdftotext", str(site.download(".pdf")), "-"], capture_output=True, text=True, check=True)
    assert PUBLIC_NAME in " ".join(pdf.stdout.split())
    with zipfile.ZipFile(site.download(".epub")) as epub:
        xhtml = " ".join(epub.read(name).decode("utf-8") for name in epub.namelist() if name.endswith(".xhtml"))
    assert PUBLIC_NAME in " ".join(html.unescape(re.sub(r"<[^>]+>", " ", xhtml)).split())


def test_register_heat_map_and_coverage_read_the_publications_own_formula(site: Site) -> None:
    register = site.public("register")
    assert "Scores are likelihood × vulnerability × impact, each with its rating band." in register
    assert (
        "3 risks placed by their residual likelihood × vulnerability and impact. "
        "Score = likelihood × vulnerability × impact. Each cell names its rating band" in register
    )
    assert "Coverage of the threat categories Threat category Status Risks Highest residual" in register
    assert "Score = likelihood × vulnerability × impact." in register  # the scales view
    for page in ("register", "risks", "threats"):
        assert "IMO" not in site.public_html(page), page


def test_the_three_factor_heat_map_plots_likelihood_times_vulnerability_against_impact(site: Site) -> None:
    """No ``scales.heatmap``: every factor but the last across (their product), the last up; bands in words."""
    (heatmap,) = tables(site.public_html("register"), "charter-table--heatmap")
    assert heatmap.head == ["Impact ↓ / Likelihood × vulnerability →", "1", "2", "3", "4", "6", "8", "9", "12", "16"]
    assert [row[0] for row in heatmap.rows] == ["4 Καταστροφικός", "3 Πολύ σοβαρός", "2 Σοβαρός", "1 Μικρός"]
    cells = {(row[0].split()[0], heatmap.head[i]): text for row in heatmap.rows for i, text in enumerate(row) if i}
    assert cells["4", "6"] == "Υψηλός R-RAN-01"  # residual 3 × 2 × 4 = 24
    assert cells["2", "4"] == "Μέτριος R-DOS-01"  # 2 × 2 × 2 = 8
    assert cells["3", "2"] == "Χαμηλός R-OUT-01"  # 1 × 2 × 3 = 6
    assert cells["4", "16"] == "Πολύ υψηλός" and cells["1", "1"] == "Χαμηλός"  # every cell names its band
    assert sum(text.count("R-") for text in cells.values()) == 3


def test_a_greek_acronym_is_linked_by_an_ascii_anchor(site: Site) -> None:
    page = site.public_html("structure")
    assert 'id="u-393-39a-391"' in page and 'href="./#u-393-39a-391"' in page
    assert 'href="./#u-395-39b-2e-391-3a3-2e"' in page
    pdf = subprocess.run(["pdftotext", str(site.download(".pdf")), "-"], capture_output=True, text=True, check=True)
    assert "Ελληνική Αστυνομία (p." in " ".join(pdf.stdout.split())  # a link with its page number


@pytest.mark.parametrize(
    ("entity_id", "site_id", "print_label"),
    [
        ("R-PIR-01", "e-r-pir-01", "<E-R-PIR-01>"),
        ("ΓΚΑ", "u-393-39a-391", "<U-393-39a-391>"),
        ("P&I", "u-50-26-49", "<U-50-26-49>"),
    ],
)
def test_anchors_are_ascii_whatever_the_id(entity_id: str, site_id: str, print_label: str) -> None:
    assert anchor_id(entity_id) == site_id
    assert typst_label(anchor_name(entity_id)) == print_label


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        *[("ΓΚΑ", True), ("ΕΛ.ΑΣ.", True), ("P&I", True), ("C-TPAT", True), ("4G", True), ("हिंदी", True)],
        *[("Μ Κ", False), (".ΑΣ", False), ("", False), ("A/B", False), ("AB\n", False)],
    ],
)
def test_an_acronym_may_be_written_in_any_script(text: str, valid: bool) -> None:
    assert is_acronym_id(text) is valid
