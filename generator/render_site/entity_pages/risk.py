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
from generator.views.engine_words import vocabulary_label
from generator.views.text import long_date, score_cell, shown_only_in, stage_title
from generator.words import say


def _withheld_risk(site: Renderer, risk: Risk, page: PageContext) -> str:
    """A risk this edition shows by its public text only: no scores, owners or treatment."""
    threat = site.publication.get(risk.threat, Threat)
    rows = [
        (say("Threat category"), page.link(threat.id, threat.name)),
        (say("Public group"), esc(risk.public_group)),
    ]
    where = shown_only_in(site.publication)
    notice = (
        '<p class="charter-withheld">'
        + say(
            "This edition does not show this risk's assessment. {where}. What follows is its public summary.",
            where=esc(where),
        )
        + "</p>"
    )
    return block(facts(rows), notice, paragraph(risk.scenario)) + _response(site, risk, page)


def _response(site: Renderer, risk: Risk, page: PageContext) -> str:
    objectives = site.relations.objectives_of_risk.get(risk.id, [])
    actions = site.relations.actions_of_risk.get(risk.id, [])
    return f"\n## {say('Response')}\n" + block(
        facts(
            [
                (say("Objectives addressing it"), item_list(entity_links(page, objectives, with_id=True))),
                (say("Actions treating it"), item_list([action_item(site.publication, page, a) for a in actions])),
            ]
        )
        or f'<p class="charter-none">{say("No objective or action addresses this risk yet.")}</p>'
    )


def risk_page(site: Renderer, risk: Risk, page: PageContext) -> str:
    """The body of a risk's page."""
    if risk.withheld:
        return _withheld_risk(site, risk, page)
    publication = site.publication
    threat = publication.get(risk.threat, Threat)
    rows = [
        (say("Residual rating"), marker_html(rating_marker(risk))),
        (say("Threat category"), page.link(threat.id, threat.name)),
        (say("Lead agency"), agency_link(site, page, risk.lead)),
        (say("Supporting agencies"), joined([agency_link(site, page, a) for a in risk.support])),
        (say("Status"), esc(vocabulary_label(RISK_STATUSES, risk.status))),
        (say("Trend"), esc(vocabulary_label(TRENDS, risk.trend))),
        (say("Treatment"), esc(vocabulary_label(TREATMENTS, risk.treatment))),
        (say("Confidence"), esc(vocabulary_label(CONFIDENCE, risk.confidence))),
        (say("Review by"), esc(long_date(risk.review))),
        (say("Raised"), esc(long_date(risk.raised))),
        (say("Public group"), esc(risk.public_group)),
    ]
    out = block(facts(rows))
    if risk.scenario or risk.key_assets:
        assets = item_list([esc(a) for a in risk.key_assets], css="charter-list")
        out += f"\n## {say('Scenario')}\n" + block(
            paragraph(risk.scenario), f"<p>{say('Key assets:')}</p>" if assets else "", assets
        )
    out += narrative(site, risk, page)
    out += f"\n## {say('Assessment')}\n" + block(render_table(_scores_table(site, risk), page))
    if risk.impact_dimensions:
        out += block(render_table(_dimensions_table(site, risk), page))
    if risk.controls:
        out += f"\n## {say('Existing controls')}\n" + block(render_table(_controls_table(site, risk), page))
    return out + _response(site, risk, page)


def _scores_table(site: Renderer, risk: Risk) -> Table:
    scales = site.publication.settings.scales
    columns = [Column(say("Stage"))] + [Column(scales.factor_name(f), numeric=True) for f in scales.factors]
    columns.append(Column(say("Score and rating"), numeric=True))
    rows = []
    for stage in Risk.STAGES:
        assessment = risk.stage(stage)
        row = [cell(stage_title(stage), header=True)]
        for factor in scales.factors:
            value = assessment.values.get(factor)
            row.append(cell(f"{value} {scales.label(factor, value)}" if value is not None else "—"))
        row.append(score_cell(assessment, site.publication))
        rows.append(row)
    notes = [say("Score = {formula}.", formula=" × ".join(scales.formula))]
    return Table("scores", say("Scores of {id}", id=risk.id), columns, rows, notes=notes)


def _dimensions_table(site: Renderer, risk: Risk) -> Table:
    scales = site.publication.settings.scales
    rows = [
        [cell(scales.impact_dimensions.get(key, key), header=True), cell(f"{value} {scales.label('impact', value)}")]
        for key, value in risk.impact_dimensions.items()
    ]
    caption = say("Impact of {id} by dimension", id=risk.id)
    return Table("dimensions", caption, [Column(say("Dimension")), Column(say("Impact"))], rows)


def _controls_table(site: Renderer, risk: Risk) -> Table:
    rows = [
        [
            cell(control.name, header=True),
            cell(Marker(vocabulary_label(EFFECTIVENESS, control.effectiveness))),
            cell(Link(agency_name(site, control.owner), control.owner) if control.owner else "—"),
        ]
        for control in risk.controls
    ]
    columns = [Column(say("Control")), Column(say("Effectiveness")), Column(say("Owner"))]
    return Table("controls", say("Existing controls on {id}", id=risk.id), columns, rows)
