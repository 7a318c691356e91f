"""A risk's page: its rating and owners, scenario, assessment, controls and response; withheld, its public text."""

from __future__ import annotations

from generator.model import Risk, Threat
from generator.model.vocabulary import CONFIDENCE, EFFECTIVENESS, RISK_STATUSES, TREATMENTS, TRENDS
from generator.render_site.context import PageContext
from generator.render_site.entity_pages.common import (
    action_item,
    agency_link,
    agency_name,
    entity_links,
    narrative,
    rating_marker,
)
from generator.render_site.escape import esc
from generator.render_site.fragments import block, facts, item_list, joined, paragraph
from generator.render_site.render import Renderer
from generator.render_site.tables import marker_html, render_table
from generator.views.blocks import Column, Link, Marker, Table, cell
from generator.views.text import long_date, score_cell, shown_only_in


def _withheld_risk(site: Renderer, risk: Risk, page: PageContext) -> str:
    """A risk this edition shows by its public text only: no scores, owners or treatment."""
    threat = site.publication.get(risk.threat, Threat)
    rows = [
        ("Threat category", page.link(threat.id, threat.name)),
        ("Public group", esc(risk.public_group)),
    ]
    where = shown_only_in(site.publication)
    notice = (
        f'<p class="charter-withheld">This edition does not show this risk\'s assessment. {esc(where)}. '
        "What follows is its public summary.</p>"
    )
    return block(facts(rows), notice, paragraph(risk.scenario)) + _response(site, risk, page)


def _response(site: Renderer, risk: Risk, page: PageContext) -> str:
    objectives = site.relations.objectives_of_risk.get(risk.id, [])
    actions = site.relations.actions_of_risk.get(risk.id, [])
    return "\n## Response\n" + block(
        facts(
            [
                ("Objectives addressing it", item_list(entity_links(page, objectives, with_id=True))),
                ("Actions treating it", item_list([action_item(site.publication, page, a) for a in actions])),
            ]
        )
        or '<p class="charter-none">No objective or action addresses this risk yet.</p>'
    )


def risk_page(site: Renderer, risk: Risk, page: PageContext) -> str:
    """The body of a risk's page."""
    if risk.withheld:
        return _withheld_risk(site, risk, page)
    publication = site.publication
    threat = publication.get(risk.threat, Threat)
    rows = [
        ("Residual rating", marker_html(rating_marker(risk))),
        ("Threat category", page.link(threat.id, threat.name)),
        ("Lead agency", agency_link(site, page, risk.lead)),
        ("Supporting agencies", joined([agency_link(site, page, a) for a in risk.support])),
        ("Status", esc(RISK_STATUSES.label(risk.status))),
        ("Trend", esc(TRENDS.label(risk.trend))),
        ("Treatment", esc(TREATMENTS.label(risk.treatment))),
        ("Confidence", esc(CONFIDENCE.label(risk.confidence))),
        ("Review by", esc(long_date(risk.review))),
        ("Raised", esc(long_date(risk.raised))),
        ("Public group", esc(risk.public_group)),
    ]
    out = block(facts(rows))
    if risk.scenario or risk.key_assets:
        assets = item_list([esc(a) for a in risk.key_assets], css="charter-list")
        out += "\n## Scenario\n" + block(paragraph(risk.scenario), "<p>Key assets:</p>" if assets else "", assets)
    out += narrative(site, risk, page)
    out += "\n## Assessment\n" + block(render_table(_scores_table(site, risk), page))
    if risk.impact_dimensions:
        out += block(render_table(_dimensions_table(site, risk), page))
    if risk.controls:
        out += "\n## Existing controls\n" + block(render_table(_controls_table(site, risk), page))
    return out + _response(site, risk, page)


def _scores_table(site: Renderer, risk: Risk) -> Table:
    scales = site.publication.settings.scales
    columns = [Column("Stage")] + [Column(f.capitalize(), numeric=True) for f in scales.factors]
    columns.append(Column("Score and rating", numeric=True))
    rows = []
    for stage in Risk.STAGES:
        assessment = risk.stage(stage)
        row = [cell(stage.capitalize(), header=True)]
        for factor in scales.factors:
            value = assessment.values.get(factor)
            row.append(cell(f"{value} {scales.label(factor, value)}" if value is not None else "—"))
        row.append(score_cell(assessment, site.publication))
        rows.append(row)
    return Table("scores", f"Scores of {risk.id}", columns, rows, notes=[f"Score = {' × '.join(scales.formula)}."])


def _dimensions_table(site: Renderer, risk: Risk) -> Table:
    scales = site.publication.settings.scales
    rows = [
        [cell(scales.impact_dimensions.get(key, key), header=True), cell(f"{value} {scales.label('impact', value)}")]
        for key, value in risk.impact_dimensions.items()
    ]
    return Table("dimensions", f"Impact of {risk.id} by dimension", [Column("Dimension"), Column("Impact")], rows)


def _controls_table(site: Renderer, risk: Risk) -> Table:
    rows = [
        [
            cell(control.name, header=True),
            cell(Marker(EFFECTIVENESS.label(control.effectiveness))),
            cell(Link(agency_name(site, control.owner), control.owner) if control.owner else "—"),
        ]
        for control in risk.controls
    ]
    columns = [Column("Control"), Column("Effectiveness"), Column("Owner")]
    return Table("controls", f"Existing controls on {risk.id}", columns, rows)
