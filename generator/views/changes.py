"""The ``changes`` view: what changed since an earlier version, as an annual review reports it.

A summary table (per kind: how many added, removed, changed) and a table per kind that
changed, one row per change with its value before and after. The comparison itself is
:func:`generator.views.changes_compare.compare`, between the earlier version and this one as
the edition sees both. Where the earlier version cannot be read (a shallow clone, a version
whose commit the history does not give), the view says the comparison is unavailable and why.
"""

from __future__ import annotations

from generator.model import View
from generator.resolve import Publication
from generator.views.blocks import Block, Column, Link, Table, cell
from generator.views.changes_compare import KINDS, Change, compare, counts
from generator.views.text import long_date

NOUNS = {"risk": "Risks", "action": "Actions", "indicator": "Indicators", "committee": "Committees"}
SUMMARY_COLUMNS = [Column("Kind"), *(Column(n, numeric=True) for n in ("Added", "Removed", "Changed"))]


def since_label(earlier: Publication) -> str:
    """How a reader is told the earlier version: 'version 1.0.0 of 30 September 2026'."""
    settings = earlier.settings
    return f"version {settings.version} of {long_date(settings.date)}"


def changes(publication: Publication, view: View) -> list[Block]:
    """The summary of what changed since ``since:``, then a table of each kind's changes."""
    since = view.options.get("since", "")
    earlier = publication.earlier.get(since)
    if not isinstance(earlier, Publication):
        reason = earlier or "the earlier version was not read"
        caption = view.title or f"Changes since {since}"
        empty = f"The comparison with {since} is unavailable: {reason}."
        return [Table("changes", caption, SUMMARY_COLUMNS, [], empty=empty)]
    label = since_label(earlier)
    found = compare(earlier, publication)
    tally = counts(found)
    rows = [
        [cell(NOUNS[kind], header=True), *(cell(str(tally[kind][key])) for key in ("added", "removed", "changed"))]
        for kind, _cls in KINDS
    ]
    notes = [
        f"Compared with {label}. A changed entry is counted once however many of its fields changed."
        + (" Nothing has changed." if not found else "")
    ]
    blocks: list[Block] = [Table("changes", view.title or f"Changes since {label}", SUMMARY_COLUMNS, rows, notes=notes)]
    for kind, _cls in KINDS:
        mine = [c for c in found if c.kind == kind]
        if mine:
            blocks.append(_kind_table(kind, mine, label))
    return blocks


def _kind_table(kind: str, found: list[Change], label: str) -> Table:
    columns = [Column("ID"), Column(kind.capitalize()), Column("Change"), Column("Before"), Column("After")]
    rows = [
        [
            cell(Link(c.id, c.id) if c.present else c.id, header=True),
            cell(c.name),
            cell(c.what),
            cell(c.before),
            cell(c.after),
        ]
        for c in found
    ]
    return Table(
        "changes",
        f"{NOUNS[kind]}: changes since {label}",
        columns,
        rows,
        wide=True,
        cards=True,
        noun=("change", "changes"),
    )
