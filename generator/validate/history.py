"""Checks of what an entity records over time: an indicator's measurements and an action's progress.

Both are lists of dated entries, oldest first. Each entry must come after the one above it, may
not be dated after the publication (a figure cannot be reported before it is measured), and must
agree with the rest of the entity: a percentage between 0 and 100, a measurement not before the
baseline year, a status report not before the action was due to start unless it says the action
was still planned, and the last report the status the action gives.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol

from generator.diagnostics import Location
from generator.load.yamltree import YMap, YSeq
from generator.model import Measurement, Settings, StatusReport
from generator.validate.schema_reader import SchemaReader

PERCENT_UNITS = ("%", "percent", "per cent", "percentage")
"""Units whose values lie between 0 and 100: those starting with one of these ('% of EEZ area')."""


class Dated(Protocol):
    date: dt.date


def _where(r: SchemaReader, node: YMap, key: str, index: int) -> tuple[Location, int]:
    """The line of item ``index`` of the list under ``key`` (bad items left out), and its written index."""
    written = r.original((key,), index)
    seq = node.items.get(key)
    if isinstance(seq, YSeq) and written < len(seq.items):
        item = seq.items[written]
        return r.file.at(item.line, item.col), written
    return r.key_location(node, key), written


def _check_dates(
    r: SchemaReader,
    node: YMap,
    key: str,
    entries: Sequence[Dated],
    what: str,
    codes: tuple[str, str],
    settings: Settings,
) -> None:
    """Entries oldest first, one per date, none after the publication date (``codes``: for each problem)."""
    for index, entry in enumerate(entries):
        where, written = _where(r, node, key, index)
        before = entries[index - 1].date if index else None
        if before is not None and entry.date <= before:
            r.error(
                where,
                codes[0],
                (key, written),
                f"the {what} of {entry.date} is listed after "
                + (f"the later one of {before}" if entry.date < before else "another of the same date"),
                f"list the {what}s oldest first, one per date",
            )
        if entry.date > settings.date:
            r.warning(
                where,
                codes[1],
                (key, written),
                f"the {what} is dated {entry.date}, after the publication date {settings.date}",
                "give the date it was made, or move the publication date (publication.yml 'date:')",
            )


def check_values(
    r: SchemaReader,
    node: YMap,
    values: Sequence[Measurement],
    unit: str,
    baseline_year: int | None,
    settings: Settings,
) -> None:
    """An indicator's measurements: in order, in range of a percentage, not before the baseline year."""
    _check_dates(r, node, "values", values, "measurement", ("E-VALUE-ORDER", "W-VALUE-FUTURE"), settings)
    for index, measurement in enumerate(values):
        where, written = _where(r, node, "values", index)
        if unit.strip().lower().startswith(PERCENT_UNITS) and not 0 <= measurement.value <= 100:
            r.error(
                where,
                "E-VALUE-UNIT",
                ("values", written, "value"),
                f"{measurement.value:g} is not a percentage (the unit is '{unit}')",
                "a percentage lies between 0 and 100",
            )
        if baseline_year is not None and measurement.date.year < baseline_year:
            r.warning(
                where,
                "W-VALUE-BEFORE-BASELINE",
                ("values", written),
                f"the measurement of {measurement.date} is before the baseline year {baseline_year}",
                "measurements follow the baseline; correct the date or the baseline year",
            )


def check_progress(
    r: SchemaReader,
    node: YMap,
    progress: Sequence[StatusReport],
    start: dt.date,
    status: str,
    first_status: str,
    settings: Settings,
) -> None:
    """An action's status reports: in order, none of work done before it starts, the last one its status."""
    codes = ("E-PROGRESS-ORDER", "W-PROGRESS-FUTURE")
    _check_dates(r, node, "progress", progress, "status report", codes, settings)
    for index, report in enumerate(progress):
        where, written = _where(r, node, "progress", index)
        if report.date < start and report.status != first_status:
            r.warning(
                where,
                "W-PROGRESS-BEFORE-START",
                ("progress", written),
                f"'{report.status}' is reported on {report.date}, before the action starts ({start})",
                f"before its start an action is '{first_status}'; correct the date, the status or the start",
            )
    if progress and "status" not in r.unread and progress[-1].status != status:
        last = progress[-1]
        where, written = _where(r, node, "progress", len(progress) - 1)
        r.warning(
            r.key_location(node, "status") if "status" in node.key_pos else where,
            "W-PROGRESS-STATUS",
            ("status",),
            f"is '{status}', but the last status report ({last.date}) says '{last.status}'",
            "the status is the latest report's: add a report, or correct the status",
        )
