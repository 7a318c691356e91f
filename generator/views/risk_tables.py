"""Views over the risk register: the register, heat maps, coverage, reviews, scales, traceability."""

from __future__ import annotations

import datetime as dt

from generator.model import Objective, Risk, RiskGroup, Threat, View
from generator.model.vocabulary import TRENDS
from generator.resolve import Publication
from generator.views.blocks import Cell, Column, Link, Marker, Table, cell
from generator.views.engine_words import vocabulary_label
from generator.views.heatmap import heatmap as heatmap_table
from generator.views.text import (
    agency_link,
    band_legend,
    counted,
    date_cell,
    id_links,
    list_cell,
    long_date,
    portion_cell,
    portion_column,
    score_cell,
    shown_only_in,
    title_link,
)
from generator.words import say


def formula_text(publication: Publication) -> str:
    """The publication's score formula in words: 'likelihood × impact'."""
    return " × ".join(publication.settings.scales.formula)


def has_imo_numbers(publication: Publication) -> bool:
    """Whether any threat category has a number in the IMO deck: only then do tables show that column."""
    return any(threat.imo is not None for threat in publication.threats)


def imo_cell(threat: Threat) -> Cell:
    """A threat category's IMO number, or 'Added' for a category of the publication's own."""
    if threat.imo:
        return cell(str(threat.imo), sort_key=f"{threat.imo:02d}")
    title = say("A category of the publication's own, not one of the IMO's twelve")
    return cell(Marker(say("Added"), title=title), sort_key="99")


def filtered_risks(publication: Publication, view: View) -> list[Risk]:
    """The risks a view's ``threat``, ``agency`` and ``objective`` options let through."""
    risks = publication.risks
    if view.show in ("heatmap", "review"):
        risks = [r for r in risks if not r.withheld]
    threat = view.options.get("threat")
    agency = view.options.get("agency")
    objective = view.options.get("objective")
    if threat:
        risks = [r for r in risks if r.threat == threat]
    if agency:
        risks = [r for r in risks if agency == r.lead or agency in r.support]
    if objective:
        addressed = set(publication.get(objective, Objective).risks)
        risks = [r for r in risks if r.id in addressed]
    return risks


def register(publication: Publication, view: View) -> list[Table]:
    """The risk register, highest residual score first."""
    risks = sorted(filtered_risks(publication, view), key=lambda r: (-r.residual.score, -r.inherent.score, r.id))
    rows = [
        [
            cell(Link(r.id, r.id), header=True),
            cell(title_link(r)),
            cell(Link(publication.get(r.threat, Threat).name, r.threat)),
            cell(agency_link(publication, r.lead)),
            list_cell([agency_link(publication, a) for a in r.support]),
            score_cell(r.inherent, publication),
            score_cell(r.residual, publication),
            score_cell(r.target, publication),
            cell("" if r.withheld else vocabulary_label(TRENDS, r.trend)),
            date_cell(r.review),
            *portion_cell(publication, r),
        ]
        for r in risks
    ]
    groups = [_group_row(publication, group) for group in publication.risk_groups if not view.options]
    columns = [
        Column(say("Ref")),
        Column(say("Risk")),
        Column(say("Threat category"), short=say("Threat")),
        Column(say("Lead")),
        Column(say("Support")),
        Column(say("Inherent"), numeric=True, short=say("Inh.")),
        Column(say("Residual"), numeric=True, short=say("Res.")),
        Column(say("Target"), numeric=True, short=say("Tgt.")),
        Column(say("Trend")),
        Column(say("Review by"), short=say("Review")),
        *portion_column(publication),
    ]
    return [
        Table(
            "register",
            view.title or say("Risk register"),
            columns,
            rows + groups,
            wide=True,
            sortable=True,
            notes=[say("Scores are {formula}, each with its rating band.", formula=formula_text(publication))],
            empty=say("No risk matches this selection."),
            legend=band_legend(publication),
            cards=True,
            summary_rows=len(groups),
            noun=(say("risk"), say("risks")),
        )
    ]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _group_row(publication: Publication, group: RiskGroup) -> list[Cell]:
    """A register row for risks shown only as their public group."""
    threats = [Link(publication.get(t, Threat).name, t) for t in group.threats if t in publication.entities]
    return [
        cell(say("Group"), header=True),
        cell(
            counted(
                group.count,
                say("{name} ({count} risk; {where})"),
                say("{name} ({count} risks; {where})"),
                name=group.name,
                where=_lower_first(shown_only_in(publication)),
            )
        ),
        list_cell(threats),
        cell(""),
        cell(""),
        score_cell(group.inherent, publication),
        score_cell(group.residual, publication),
        score_cell(group.target, publication),
        cell(""),
        cell(""),
        *([cell("")] if publication.portion_marked() else []),
    ]


def heatmap(publication: Publication, view: View) -> list[Table]:
    """The heat map of the risks the view's options let through (see :mod:`generator.views.heatmap`)."""
    return heatmap_table(publication, view, filtered_risks(publication, view))


def coverage(publication: Publication, view: View) -> list[Table]:
    """Which threat categories the register assesses, and which it does not."""
    numbered = has_imo_numbers(publication)
    rows = []
    for threat in publication.threats:
        risks = publication.risks_of_threat(threat)
        worst = max(risks, key=lambda r: r.residual.score, default=None)
        rows.append(
            [
                *([imo_cell(threat)] if numbered else []),
                cell(title_link(threat), header=True),
                cell(Marker(say("Assessed")) if risks else Marker(say("Not assessed"))),
                list_cell(id_links([r.id for r in risks])),
                score_cell(worst.residual, publication) if worst else cell("—"),
            ]
        )
    assessed = sum(1 for t in publication.threats if publication.risks_of_threat(t))
    own = sum(1 for t in publication.threats if not t.imo)
    one = say("Added: {count} category of the publication's own.")
    many = say("Added: {count} categories of the publication's own.")
    added = [counted(own, one, many)] if numbered and own else []
    columns = [
        *([Column(say("IMO No."))] if numbered else []),
        Column(say("Threat category")),
        Column(say("Status")),
        Column(say("Risks")),
        Column(say("Highest residual"), numeric=True),
    ]
    return [
        Table(
            "coverage",
            view.title or say("Coverage of the threat categories"),
            columns,
            rows,
            notes=[
                say(
                    "The register assesses {assessed} of {total} threat categories.",
                    assessed=assessed,
                    total=len(publication.threats),
                ),
                *added,
            ],
        )
    ]


def review(publication: Publication, view: View) -> list[Table]:
    """Risks whose review date falls on or before a date (by default six months after publication)."""
    before = (
        dt.date.fromisoformat(view.options["before"])
        if "before" in view.options
        else publication.settings.date + dt.timedelta(days=182)
    )
    due = sorted((r for r in publication.risks if r.review and r.review <= before), key=lambda r: (r.review, r.id))
    rows = [
        [
            date_cell(r.review),
            cell(Link(r.id, r.id), header=True),
            cell(title_link(r)),
            cell(agency_link(publication, r.lead)),
            score_cell(r.residual, publication),
        ]
        for r in due
    ]
    columns = [
        Column(say("Review by")),
        Column(say("Ref")),
        Column(say("Risk")),
        Column(say("Lead")),
        Column(say("Residual"), numeric=True),
    ]
    return [
        Table(
            "review",
            view.title or say("Risks due for review"),
            columns,
            rows,
            notes=[say("Risks whose review date falls on or before {date}.", date=long_date(before))],
            empty=say("No risk is due for review by {date}.", date=long_date(before)),
        )
    ]


def scales_view(publication: Publication, view: View) -> list[Table]:
    """The scoring scales, the impact dimensions and the rating bands."""
    scales = publication.settings.scales
    tables = []
    for factor in scales.factors:
        rows = [
            [cell(str(level.score), header=True), cell(level.label), cell(level.definition)]
            for level in scales.levels[factor]
        ]
        tables.append(
            Table(
                "scales",
                say("{factor} scale", factor=scales.factor_name(factor)),
                [Column(say("Score")), Column(say("Label")), Column(say("Definition"))],
                rows,
            )
        )
    if scales.impact_dimensions:
        rows = [[cell(name, header=True)] for name in scales.impact_dimensions.values()]
        tables.append(
            Table(
                "scales",
                say("Impact dimensions"),
                [Column(say("Dimension"))],
                rows,
                notes=[say("A risk's overall impact is at least its highest dimension score.")],
            )
        )
    rows = [
        [cell(Marker(b.name, b), header=True), cell(say("{low} to {high}", low=b.min, high=b.max))]
        for b in scales.bands
    ]
    tables.append(
        Table(
            "scales",
            say("Rating bands"),
            [Column(say("Rating")), Column(say("Scores"))],
            rows,
            notes=[say("Score = {formula}.", formula=" × ".join(scales.formula))],
        )
    )
    return tables


def traceability(publication: Publication, view: View) -> list[Table]:
    """Each risk against the objectives that address it and the actions that treat it."""
    objectives = publication.objectives
    rows = []
    for risk in publication.risks:
        row = [cell(Link(risk.id, risk.id), header=True), cell(title_link(risk))]
        for objective in objectives:
            row.append(
                cell(Marker(say("Addressed"), title=objective.title, short="✓") if risk.id in objective.risks else "")
            )
        row.append(list_cell(id_links([a.id for a in publication.actions_of_risk(risk)])))
        rows.append(row)
    columns = [Column(say("Ref")), Column(say("Risk"))]
    columns += [Column(o.title, abbr=o.id) for o in objectives]
    columns.append(Column(say("Actions")))
    return [
        Table(
            "traceability",
            view.title or say("Traceability of objectives and actions to risks"),
            columns,
            rows,
            wide=len(objectives) > 5,
            notes=[say("Each objective that addresses the risk is marked in its column.")],
        )
    ]
