"""A progress report's figures and statuses as of its date (:mod:`generator.resolve.as_of`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.diagnostics import Report
from generator.model import Action, Indicator, Passage
from generator.pipeline import read_publication
from generator.resolve import Publication
from generator.resolve.as_of import as_of, for_document

SAMPLE = Path(__file__).resolve().parent.parent / "content"


def test_the_plan_as_of_a_day_holds_only_what_was_recorded_by_then() -> None:
    publication = read_publication(SAMPLE, Report(), printed=False)
    assert publication is not None
    then = as_of(publication, dt.date(2026, 9, 30))
    assert then.settings.date == dt.date(2026, 9, 30)
    statuses = {a.id: a.status for a in then.of_kind(Action)}
    # finished in January and February 2027; ACT-08 back on plan in December; ACT-32 reported first in 2027
    assert (statuses["ACT-20"], statuses["ACT-22"], statuses["ACT-08"], statuses["ACT-32"]) == (
        "progressing",
        "progressing",
        "delayed",
        "planned",
    )
    latest = {i.id: i.latest for i in then.of_kind(Indicator)}
    nine = latest["IND-09"]
    assert nine is not None and (nine.date, nine.value) == (dt.date(2026, 9, 30), 64)
    assert latest["IND-01"] is not None and latest["IND-01"].date == dt.date(2026, 6, 30)

    # the report's prose counts from the same plan: three actions were finished on 30 September 2026, five now
    def commentary(publication: Publication) -> str:
        chapter = next(c for c in publication.chapters if c.path == "progress/index.md")
        return " ".join(s.text for s in chapter.segments if isinstance(s, Passage)).replace("\n", " ")

    assert "Of the 32 actions, three are finished" in commentary(then)
    assert "Of the 32 actions, five are finished" in commentary(publication)
    # the publication itself is unchanged
    assert publication.entities["ACT-20"].status == "finished"  # type: ignore[attr-defined]
    assert len(publication.entities["IND-09"].values) == 4  # type: ignore[attr-defined]


def test_only_a_progress_report_is_printed_as_of_its_date() -> None:
    publication = read_publication(SAMPLE, Report(), printed=False)
    assert publication is not None
    strategy, report = publication.settings.documents
    assert for_document(publication, strategy) is publication
    assert report.progress_report and report.date == dt.date(2027, 2, 26)
    assert for_document(publication, report).settings.date == dt.date(2027, 2, 26)


def test_a_progress_report_cut_for_an_edition_still_counts_as_of_its_date() -> None:
    from generator.resolve.editions import for_edition

    publication = read_publication(SAMPLE, Report(), printed=False)
    assert publication is not None
    public = for_edition(publication, publication.settings.editions[0], Report())
    then = as_of(public, dt.date(2026, 9, 30))
    chapter = next(c for c in then.chapters if c.path == "progress/index.md")
    text = " ".join(s.text for s in chapter.segments if isinstance(s, Passage)).replace("\n", " ")
    assert "three are finished" in text and then.edition == public.edition
    assert set(then.earlier) == {"1.0.0"}  # the changes view still has what it compares with
