"""Open data: the register, action plan, indicators and RACI of an edition as rows of plain values.

Each data table is the table a reader sees in the view of the same name, as data: the same
rows in the same order (read off the view's own table), with plain values in place of what
the page shows (IDs instead of linked names, a score and its band name instead of a coloured
chip, ISO dates). Its columns are declared once, here, with their meaning: the site writes
the CSV and JSON files and the page documenting them from the same declarations.

The publication given is the edition's cut (:func:`generator.resolve.editions.for_edition`),
so a withheld risk is a row with its public summary and no scores, and a risk shown only
within its public group is counted in its group's row, as the register shows them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator.diagnostics import Location
from generator.model import Action, Assessment, Indicator, Risk, RiskGroup, View
from generator.resolve import Publication
from generator.views import plan_tables, risk_tables
from generator.views.blocks import Link, Table
from generator.views.text import stage_word
from generator.words import say

Value = str | int | float | list[str] | None
"""A plain value of a data cell: text, a number, a list of IDs, or None for an empty cell."""

TYPES = ("id", "ids", "text", "code", "integer", "number", "date")
"""The kinds of value a column holds."""


def value_types() -> dict[str, str]:
    """The kinds of value a column holds, as the columns page names them."""
    return {
        "id": say("an ID"),
        "ids": say("IDs (in CSV separated by '; ', in JSON a list)"),
        "text": say("text"),
        "code": say("one value of a fixed list"),
        "integer": say("a whole number"),
        "number": say("a number"),
        "date": say("a date, YYYY-MM-DD"),
    }


GENERATED = Location("(open data)")
_VIEWS: dict[str, Callable[[Publication, View], list[Table]]] = {
    "register": risk_tables.register,
    "actions": plan_tables.actions,
    "indicators": plan_tables.indicators,
    "raci": plan_tables.raci,
}


@dataclass(frozen=True, slots=True)
class DataColumn:
    """One column of a data table: its key, the kind of value, what it means, and how to read it."""

    key: str
    """The CSV heading and the JSON key, e.g. ``residual_score``."""
    type: str
    """One of :data:`TYPES`."""
    meaning: str
    value: Callable[[Any], Value]
    """The column's value in the row of one entity (or risk group)."""


@dataclass(frozen=True, slots=True)
class DataTable:
    """A view's table as data, for one edition."""

    name: str
    """The file stem, e.g. ``register`` (``data/register.csv``)."""
    view: str
    """The view whose table it is, e.g. ``register``."""
    title: str
    columns: list[DataColumn]
    rows: list[dict[str, Value]]


def _view_table(publication: Publication, show: str) -> Table:
    """The whole table of a view (no filter), as the view draws it."""
    blocks = _VIEWS[show](publication, View(show=show, location=GENERATED))
    return next(b for b in blocks if isinstance(b, Table))


def _row_ids(table: Table) -> list[str | None]:
    """The entity each row shows, by the link in its first cell; None for a row of no entity (a group)."""
    ids: list[str | None] = []
    for row in table.rows:
        first = row[0].parts[0] if row and row[0].parts else None
        ids.append(first.target if isinstance(first, Link) else None)
    return ids


def _score(stage: str) -> Callable[[Any], Value]:
    def value(subject: Risk | RiskGroup) -> Value:
        assessment: Assessment = subject.stage(stage)
        return None if assessment.withheld else assessment.score

    return value


def _band(stage: str) -> Callable[[Any], Value]:
    def value(subject: Risk | RiskGroup) -> Value:
        assessment: Assessment = subject.stage(stage)
        return None if assessment.withheld else assessment.band.name

    return value


def _entry(subject: Risk | RiskGroup) -> str:
    if isinstance(subject, RiskGroup):
        return "group"
    return "withheld" if subject.withheld else "risk"


def _of_risk(read: Callable[[Risk], Value]) -> Callable[[Any], Value]:
    """A value only a risk's row has (a group's row leaves it empty)."""
    return lambda subject: read(subject) if isinstance(subject, Risk) else None


def _classification(publication: Publication) -> list[DataColumn]:
    """The row's own level, in the editions whose tables carry it (as the tables' 'Class.' column)."""
    if not publication.portion_marked():
        return []
    meaning = say("the row's own classification level")
    return [DataColumn("classification", "code", meaning, lambda s: getattr(s, "classification", "") or None)]


def register_columns(publication: Publication) -> list[DataColumn]:
    """The columns of ``register.csv``: the register table's, with each score split into its number and band."""
    stages = [
        column
        for stage, when in (
            ("inherent", say("before controls")),
            ("residual", say("with today's controls")),
            ("target", say("aimed for")),
        )
        for column in (
            DataColumn(
                f"{stage}_score",
                "integer",
                say("the {stage} score ({when}); empty where withheld", stage=stage_word(stage), when=when),
                _score(stage),
            ),
            DataColumn(
                f"{stage}_band",
                "text",
                say("the rating band of the {stage} score", stage=stage_word(stage)),
                _band(stage),
            ),
        )
    ]
    return [
        DataColumn("ref", "id", say("the risk's ID; empty in a group's row"), _of_risk(lambda r: r.id)),
        DataColumn(
            "entry",
            "code",
            say(
                "risk; withheld (a risk above the edition's level: its public summary, no scores); "
                "group (risks the edition shows only as their public group)"
            ),
            _entry,
        ),
        DataColumn(
            "risk",
            "text",
            say("the risk's title (a withheld risk's public name); a group's name"),
            lambda s: s.name if isinstance(s, RiskGroup) else s.title,
        ),
        DataColumn(
            "summary",
            "text",
            say("a withheld risk's public summary"),
            _of_risk(lambda r: (r.public_summary or None) if r.withheld else None),
        ),
        DataColumn(
            "count",
            "integer",
            say("a group's row: how many risks it holds"),
            lambda s: s.count if isinstance(s, RiskGroup) else None,
        ),
        DataColumn(
            "threat",
            "ids",
            say("the threat category (a group: its risks' categories)"),
            lambda s: list(s.threats) if isinstance(s, RiskGroup) else [s.threat],
        ),
        DataColumn("lead", "id", say("the lead agency"), _of_risk(lambda r: r.lead or None)),
        DataColumn("support", "ids", say("the supporting agencies"), _of_risk(lambda r: list(r.support))),
        *stages,
        DataColumn(
            "trend",
            "code",
            "increasing, stable or decreasing",  # the codes themselves
            _of_risk(lambda r: None if r.withheld else r.trend),
        ),
        DataColumn("review", "date", say("when the risk is next reviewed"), _of_risk(lambda r: _iso(r.review))),
        *_classification(publication),
    ]


def action_columns(publication: Publication) -> list[DataColumn]:
    """The columns of ``actions.csv``: the action plan table's."""
    statuses = ", ".join(publication.settings.vocabulary.action_statuses.values)
    return [
        DataColumn("ref", "id", say("the action's ID"), lambda a: a.id),
        DataColumn("action", "text", say("the action's title"), lambda a: a.title),
        DataColumn("objective", "id", say("the objective it serves"), lambda a: a.objective),
        DataColumn("lead", "id", say("the responsible agency (RACI: R)"), lambda a: a.raci.responsible),
        DataColumn("oversight", "id", say("the committee that oversees it"), lambda a: a.committee or None),
        DataColumn("start", "date", say("when it starts"), lambda a: _iso(a.start)),
        DataColumn("end", "date", say("when it ends"), lambda a: _iso(a.end)),
        DataColumn("status", "code", statuses, lambda a: a.status),
        DataColumn("risks", "ids", say("the risks it treats"), lambda a: list(a.risks)),
        *_classification(publication),
    ]


def indicator_columns(publication: Publication) -> list[DataColumn]:
    """The columns of ``indicators.csv``: the monitoring table's, each year in a column of its own."""
    levels = ", ".join(publication.settings.vocabulary.indicator_levels.values)
    return [
        DataColumn("ref", "id", say("the indicator's ID"), lambda i: i.id),
        DataColumn("indicator", "text", say("what is measured"), lambda i: i.name),
        DataColumn("level", "code", levels, lambda i: i.level),
        DataColumn(
            "measures", "id", say("the objective or action it measures"), lambda i: i.objective or i.action or None
        ),
        DataColumn("owner", "id", say("the agency that reports it"), lambda i: i.owner),
        DataColumn("baseline", "number", say("the value at the start"), lambda i: _number(i.baseline)),
        DataColumn("baseline_year", "integer", say("the baseline's year"), lambda i: i.baseline_year),
        DataColumn("target", "number", say("the value aimed for"), lambda i: _number(i.target)),
        DataColumn("target_year", "integer", say("the target's year"), lambda i: i.target_year),
        DataColumn("unit", "text", say("the unit of baseline and target"), lambda i: i.unit or None),
        DataColumn("frequency", "text", say("how often it is reported"), lambda i: i.frequency or None),
        DataColumn("source", "text", say("where the figures come from"), lambda i: i.source or None),
        *_classification(publication),
    ]


def raci_columns(publication: Publication, agencies: list[str]) -> list[DataColumn]:
    """The columns of ``raci.csv``: the action, then one column per agency, as the RACI matrix."""

    def role(agency: str) -> Callable[[Any], Value]:
        return lambda action: action.raci.role_of(agency) or None

    names = {a.id: a.name for a in publication.agencies}
    return [
        DataColumn("action", "id", say("the action's ID"), lambda a: a.id),
        *(
            DataColumn(
                agency,
                "code",
                say("{agency}: R, A, C or I, joined by '/'", agency=names.get(agency, agency)),
                role(agency),
            )
            for agency in agencies
        ),
    ]


def _iso(day: Any) -> str | None:
    return day.isoformat() if day else None


def _number(value: float) -> int | float:
    """A number without a needless '.0'."""
    return int(value) if float(value).is_integer() else value


def _rows(columns: list[DataColumn], subjects: list[Any]) -> list[dict[str, Value]]:
    return [{column.key: column.value(subject) for column in columns} for subject in subjects]


def register_data(publication: Publication) -> DataTable:
    """The register as data: its risks, then its groups, in the register table's order."""
    table = _view_table(publication, "register")
    groups = iter(publication.risk_groups)
    subjects: list[Risk | RiskGroup] = [
        publication.get(entity_id, Risk) if entity_id else next(groups) for entity_id in _row_ids(table)
    ]
    columns = register_columns(publication)
    return DataTable("register", "register", say("Risk register"), columns, _rows(columns, subjects))


def actions_data(publication: Publication) -> DataTable:
    """The action plan as data."""
    ids = _row_ids(_view_table(publication, "actions"))
    columns = action_columns(publication)
    subjects = [publication.get(i, Action) for i in ids if i]
    return DataTable("actions", "actions", say("Action plan"), columns, _rows(columns, subjects))


def indicators_data(publication: Publication) -> DataTable:
    """The monitoring indicators as data."""
    ids = _row_ids(_view_table(publication, "indicators"))
    columns = indicator_columns(publication)
    subjects = [publication.get(i, Indicator) for i in ids if i]
    return DataTable("indicators", "indicators", say("Monitoring indicators"), columns, _rows(columns, subjects))


def raci_data(publication: Publication) -> DataTable:
    """The RACI matrix as data: a row per action, a column per agency with a role."""
    actions = [publication.get(i, Action) for i in _row_ids(_view_table(publication, "raci")) if i]
    involved = {agency for action in actions for agency in action.agencies}
    agencies = [a.id for a in publication.agencies if a.id in involved]
    columns = raci_columns(publication, agencies)
    return DataTable("raci", "raci", say("RACI matrix"), columns, _rows(columns, actions))


DATA_TABLES: dict[str, Callable[[Publication], DataTable]] = {
    "register": register_data,
    "actions": actions_data,
    "indicators": indicators_data,
    "raci": raci_data,
}
"""Every data table by the view it is the data of."""


def open_data(publication: Publication) -> list[DataTable]:
    """Every data table of an edition."""
    return [build(publication) for build in DATA_TABLES.values()]
