"""The sample's annual progress report: a document of its own chapters, printed as of its date.

It is built with the strategy by the same session build (``tests/print/conftest.py``), in
every edition and format, and the strategy does not carry its chapters.
"""

from __future__ import annotations

import subprocess
import zipfile

from tests.print.conftest import Built, plain


def _pdf_text(built: Built, filename: str) -> str:
    path = built.out_dir / filename
    return plain(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout)


def test_the_progress_report_prints_in_every_edition_and_format(sample: Built) -> None:
    reports = sorted(d.filename for d in sample.downloads if d.document == "progress-2027")
    assert reports == [
        "nmss-progress-2027-1.1.0.docx",
        "nmss-progress-2027-1.1.0.epub",
        "nmss-progress-2027-1.1.0.pdf",
        "nmss-progress-2027-restricted-1.1.0.docx",
        "nmss-progress-2027-restricted-1.1.0.epub",
        "nmss-progress-2027-restricted-1.1.0.pdf",
    ]
    titles = {d.title for d in sample.downloads if d.document == "progress-2027"}
    assert titles == {
        "Annual Progress Report 2027 — Public edition (PUBLIC)",
        "Annual Progress Report 2027 — Committee edition (OFFICIAL-SENSITIVE)",
    }


def test_the_report_carries_its_own_chapters_and_the_strategy_does_not(sample: Built) -> None:
    report = _pdf_text(sample, "nmss-progress-2027-1.1.0.pdf")
    assert "Annual Progress Report 2027" in report and "26 February 2027" in report
    for heading in ("The Chair's commentary", "Implementation at 26 February 2027", "2.1 Actions", "2.2 Indicators"):
        assert heading.replace("'", "’") in report or heading in report, heading
    assert "Changes since version 1.0.0 of the strategy" in report
    assert "Risks: changes since version 1.0.0 of 30 September 2026" in report
    assert "3 planned, 6 progressing (of 9)" in report  # the implementation chart's counts, as text
    assert "Foreword" not in report.split("Contents", 1)[1][:400]  # none of the strategy's chapters
    strategy = _pdf_text(sample, "nmss-strategy-1.1.0.pdf")
    assert "Chair's commentary".replace("'", "’") not in strategy and "Chair's commentary" not in strategy
    assert "First annual review" in strategy


def test_the_report_docx_and_epub_carry_the_same_chapters(sample: Built) -> None:
    import docx

    document = docx.Document(str(sample.out_dir / "nmss-progress-2027-1.1.0.docx"))
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name.startswith("Heading")]
    assert any("Implementation at 26 February 2027" in h for h in headings), headings
    with zipfile.ZipFile(sample.out_dir / "nmss-progress-2027-1.1.0.epub") as epub:
        text = " ".join(epub.read(n).decode("utf-8", "replace") for n in epub.namelist() if n.endswith(".xhtml"))
    assert "Annual progress report 2027" in text and "Indicators against their planned path" in text
