"""The sample as its own next edition: version 1.1.0 after the first annual review, compared with 1.0.0.

The history of ``content/publication.yml`` names the commit of version 1.0.0 in this repository. A
clone that holds it (CI clones the whole history) reports the review's changes; a shallow clone
must say, in the chapter and in one note, that the comparison is unavailable.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from generator.cli import main
from generator.diagnostics import Report
from generator.model import View
from generator.pipeline import read_publication
from generator.resolve import Publication
from generator.views import render_view
from generator.views.blocks import Table

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "content"


@pytest.fixture(scope="module")
def sample() -> tuple[Publication, Report]:
    report = Report()
    publication = read_publication(SAMPLE, report, printed=False)
    assert publication is not None and not report.errors
    return publication, report


def _commit(publication: Publication) -> str:
    return next(r.commit for r in publication.settings.history if r.version == "1.0.0")


def _present(commit: str) -> bool:
    done = subprocess.run(["git", "-C", str(REPO), "cat-file", "-e", f"{commit}^{{commit}}"], capture_output=True)
    return done.returncode == 0


def _tables(publication: Publication) -> list[Table]:
    chapter = next(c for c in publication.chapters if c.path == "strategy/annual-review.md")
    view = next(s for s in chapter.segments if isinstance(s, View) and s.show == "changes")
    return [b for b in render_view(view, publication) if isinstance(b, Table)]


def _rows(table: Table) -> list[list[str]]:
    return [[c.text for c in row] for row in table.rows]


def test_the_sample_is_version_1_1_and_its_history_names_the_commit_of_1_0_0(
    sample: tuple[Publication, Report],
) -> None:
    publication, _report = sample
    settings = publication.settings
    assert (settings.version, settings.date.isoformat()) == ("1.1.0", "2027-02-26")
    assert [r.version for r in settings.history][-2:] == ["1.0.0", "1.1.0"]
    assert len(_commit(publication)) == 40


def test_the_annual_review_chapter_reports_what_changed_since_1_0_0(sample: tuple[Publication, Report]) -> None:
    publication, report = sample
    commit = _commit(publication)
    tables = _tables(publication)
    notes = [d.format() for d in report.diagnostics if "CHANGES" in d.code]
    if not _present(commit):  # a shallow clone: said once, and in the chapter
        assert len(notes) == 1 and f"revision {commit} is not in this clone" in notes[0]
        assert len(tables) == 1 and tables[0].empty.startswith("The comparison with 1.0.0 is unavailable: ")
        return
    assert notes == []
    assert _rows(tables[0]) == [
        ["Risks", "1", "0", "4"],
        ["Actions", "1", "0", "5"],
        ["Indicators", "0", "0", "13"],
        ["Committees", "0", "0", "2"],
    ]
    risks = [row[:1] + row[2:] for row in _rows(tables[1])]
    assert risks == [
        ["R-CYB-02", "Re-scored (residual)", "12 (High)", "16 (Very high)"],
        ["R-DRN-02", "Lead agency", "Solmara Ports Authority", "Solmara National Police, Marine and Ports Division"],
        ["R-IUU-01", "Re-scored (residual)", "15 (High)", "12 (High)"],
        ["R-SMG-01", "Re-scored (residual)", "16 (Very high)", "12 (High)"],
        ["R-SMG-04", "Added", "", ""],
    ]
    actions = [(row[0], row[2], row[4]) for row in _rows(tables[2])]
    assert actions == [
        ("ACT-08", "Status", "Progressing"),
        ("ACT-12", "Dates", "15 March 2027 to 31 December 2029"),
        ("ACT-19", "Dates", "5 January 2026 to 30 June 2031"),
        ("ACT-20", "Status", "Finished"),
        ("ACT-20", "Dates", "1 April 2026 to 29 January 2027"),
        ("ACT-22", "Status", "Finished"),
        ("ACT-22", "Dates", "4 May 2026 to 12 February 2027"),
        ("ACT-32", "Added", ""),
    ]
    measured = {row[0]: row[4] for row in _rows(tables[3])}
    assert measured["IND-09"] == "30 September 2026: 64 % of containers; 31 December 2026: 71 % of containers"
    assert [row[0] for row in _rows(tables[4])] == ["CM-MDA", "CM-WG-INSIDER"]


def test_charter_changes_on_the_sample(sample: tuple[Publication, Report], capsys: pytest.CaptureFixture[str]) -> None:
    publication, _report = sample
    if not _present(_commit(publication)):
        assert main(["changes", "1.0.0", str(SAMPLE)]) == 1
        assert "is not in this clone" in capsys.readouterr().err
        return
    assert main(["changes", "1.0.0", str(SAMPLE), "--edition", "public"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:2] == [
        "Changes since version 1.0.0 of 30 September 2026, in the Public edition (PUBLIC):",
        "Risks: 1 added, 0 removed, 4 changed",
    ]
    assert "  ACT-32 added: Trial the detection of small uncrewed craft in the Serrat Passage" in lines
