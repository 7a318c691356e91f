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
from generator.views.changes_compare import ADDED, KINDS, REMOVED, Change, compare, counts
from generator.views.text import long_date
from generator.words import say

NOUNS = {"risk": "Risks", "action": "Actions", "indicator": "Indicators", "committee": "Committees"}
"""Each kind compared, as ``charter changes`` names its entries (in English, as every command speaks)."""


def nouns() -> dict[str, str]:
    """Each kind compared, as a heading names its entries: 'Risks'."""
    return {
        "risk": say("Risks"),
        "action": say("Actions"),
        "indicator": say("Indicators"),
        "committee": say("Committees"),
    }


def summary_columns() -> list[Column]:
    """The columns of the summary table: the kind, then how many added, removed and changed."""
    counts = (say("Added"), say("Removed"), say("Changed"))
    return [Column(say("Kind")), *(Column(n, numeric=True) for n in counts)]


def what_text(what: str) -> str:
    """A change's ``what`` as a table writes it: 'Added' and 'Removed' in the current language."""
    return {ADDED: say("Added"), REMOVED: say("Removed")}.get(what, what)


def since_label(earlier: Publication) -> str:
    """How a reader is told the earlier version: 'version 1.0.0 of 30 September 2026'."""
    settings = earlier.settings
    return say("version {version} of {date}", version=settings.version, date=long_date(settings.date))


def changes(publication: Publication, view: View) -> list[Block]:
    """The summary of what changed since ``since:``, then a table of each kind's changes."""
    since = view.options.get("since", "")
    earlier = publication.earlier.get(since)
    if not isinstance(earlier, Publication):
        reason = earlier or say("the earlier version was not read")
        caption = view.title or say("Changes since {since}", since=since)
        empty = say("The comparison with {since} is unavailable: {reason}.", since=since, reason=reason)
        return [Table("changes", caption, summary_columns(), [], empty=empty)]
    label = since_label(earlier)
    found = compare(earlier, publication)
    tally = counts(found)
    rows = [
        [cell(nouns()[kind], header=True), *(cell(str(tally[kind][key])) for key in ("added", "removed", "changed"))]
        for kind, _cls in KINDS
    ]
    compared = say(
        "Compared with {version}. A changed entry is counted once however many of its fields changed.", version=label
    )
    notes = [compared + (" " + say("Nothing has changed.") if not found else "")]
    caption = view.title or say("Changes since {since}", since=label)
    blocks: list[Block] = [Table("changes", caption, summary_columns(), rows, notes=notes)]
    for kind, _cls in KINDS:
        mine = [c for c in found if c.kind == kind]
        if mine:
            blocks.append(_kind_table(kind, mine, label))
    return blocks


def _kind_table(kind: str, found: list[Change], label: str) -> Table:
    kind_name = {
        "risk": say("Risk"),
        "action": say("Action"),
        "indicator": say("Indicator"),
        "committee": say("Committee"),
    }
    columns = [
        Column(say("ID")),
        Column(kind_name[kind]),
        Column(say("Change")),
        Column(say("Before")),
        Column(say("After")),
    ]
    rows = [
        [
            cell(Link(c.id, c.id) if c.present else c.id, header=True),
            cell(c.name),
            cell(what_text(c.what)),
            cell(c.before),
            cell(c.after),
        ]
        for c in found
    ]
    return Table(
        "changes",
        say("{kind}: changes since {version}", kind=nouns()[kind], version=label),
        columns,
        rows,
        wide=True,
        cards=True,
        noun=(say("change"), say("changes")),
    )
