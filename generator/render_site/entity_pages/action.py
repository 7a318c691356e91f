"""An action's page: its status, dates, RACI, the risks it treats, milestones, progress and indicators."""

from __future__ import annotations

from generator.model import Action, Committee, Objective, Risk
from generator.render_site.context import PageContext
from generator.render_site.entity_pages.common import agency_link, entity_links, heading_of, narrative, risk_item
from generator.render_site.escape import esc
from generator.render_site.fragments import block, facts, item_list, joined, paragraph
from generator.render_site.render import Renderer
from generator.render_site.tables import marker_html, render_table
from generator.views.blocks import Column, Marker, Table, cell
from generator.views.text import long_date, status_label
from generator.words import say


def action_page(site: Renderer, action: Action, page: PageContext) -> str:
    """The body of an action's page."""
    publication = site.publication
    objective = publication.get(action.objective, Objective)
    committee = publication.get(action.committee, Committee) if action.committee else None
    raci = action.raci
    rows = [
        (say("Status"), marker_html(Marker(status_label(publication, action.status)))),
        (say("Objective"), page.link(objective.id, heading_of(objective))),
        (say("Start"), esc(long_date(action.start))),
        (say("End"), esc(long_date(action.end))),
        (say("Oversight"), page.link(committee.id, committee.name) if committee else ""),
        (say("Responsible"), agency_link(site, page, raci.responsible)),
        (say("Accountable"), agency_link(site, page, raci.accountable)),
        (say("Consulted"), joined([agency_link(site, page, a) for a in raci.consulted])),
        (say("Informed"), joined([agency_link(site, page, a) for a in raci.informed])),
    ]
    out = block(facts(rows), paragraph(action.description, "charter-lead"))
    out += narrative(site, action, page)
    risks = [publication.get(r, Risk) for r in action.risks]
    out += f"\n## {say('Risks treated')}\n" + block(
        item_list([risk_item(page, r) for r in risks], empty=say("This action names no risk."))
    )
    if action.milestones:
        rows_m = [
            [cell(long_date(m.date), sort_key=m.date.isoformat(), header=True), cell(m.title)]
            for m in sorted(action.milestones, key=lambda m: m.date)
        ]
        caption = say("Milestones of {id}", id=action.id)
        table = Table("milestones", caption, [Column(say("Date")), Column(say("Milestone"))], rows_m)
        out += f"\n## {say('Milestones')}\n" + block(render_table(table, page))
    if action.progress:
        rows_p = [
            [
                cell(long_date(p.date), sort_key=p.date.isoformat(), header=True),
                cell(Marker(status_label(publication, p.status))),
                cell(p.note),
            ]
            for p in action.progress
        ]
        columns = [Column(say("Date")), Column(say("Status")), Column(say("Note"))]
        table = Table("progress", say("Progress of {id}", id=action.id), columns, rows_p)
        out += f"\n## {say('Progress')}\n" + block(render_table(table, page))
    indicators = site.relations.indicators_of.get(action.id, [])
    if indicators:
        out += f"\n## {say('Indicators')}\n" + block(item_list(entity_links(page, indicators, with_id=True)))
    return out
