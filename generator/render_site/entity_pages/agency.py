"""An agency's page: its facts and every role it holds."""

from __future__ import annotations

from generator.model import Agency
from generator.render_site.context import PageContext
from generator.render_site.entity_pages.common import entity_links, narrative, risk_item
from generator.render_site.escape import esc
from generator.render_site.fragments import block, facts, item_list
from generator.render_site.render import Renderer
from generator.render_site.tables import render_table
from generator.views.blocks import Column, Link, Marker, Table, cell
from generator.views.plan_tables import raci_key, raci_titles
from generator.views.text import agency_type_label, status_label
from generator.words import say


def _no_role() -> str:
    return f'<p class="charter-none">{say("This agency has no role yet.")}</p>'


def agency_page(site: Renderer, agency: Agency, page: PageContext) -> str:
    """The body of an agency's page."""
    roles = site.relations.agencies.get(agency.id)
    rows = [
        (say("Short name"), esc(agency.short)),
        (say("Type"), esc(agency_type_label(site.publication, agency.type))),
        (say("Ministry"), esc(agency.ministry)),
    ]
    out = block(facts(rows)) + narrative(site, agency, page)
    if roles is None:
        return out + f"\n## {say('Roles')}\n" + block(_no_role())
    controls = [f"{esc(name)} ({page.link(risk.id, risk.id)})" for risk, name in roles.owns_controls]
    role_rows = [
        (say("Chairs"), item_list(entity_links(page, roles.chairs, with_id=False))),
        (say("Runs the secretariat of"), item_list(entity_links(page, roles.secretariat, with_id=False))),
        (say("Sits on"), item_list(entity_links(page, roles.member, with_id=False))),
        (say("Leads risks"), item_list([risk_item(page, r) for r in roles.leads_risks])),
        (say("Supports risks"), item_list([risk_item(page, r) for r in roles.supports_risks])),
        (say("Leads objectives"), item_list(entity_links(page, roles.leads_objectives, with_id=True))),
        (say("Owns indicators"), item_list(entity_links(page, roles.owns_indicators, with_id=True))),
        (say("Owns controls"), item_list(controls)),
    ]
    out += f"\n## {say('Roles')}\n" + block(facts(role_rows) or _no_role())
    if roles.raci:
        rows_raci = [
            [
                cell(Link(action.id, action.id), header=True),
                cell(Link(action.title, action.id)),
                cell(Marker(letters, title=", ".join(raci_titles()[x] for x in letters.split("/")))),
                cell(Marker(status_label(site.publication, action.status))),
            ]
            for action, letters in roles.raci
        ]
        table = Table(
            "raci-roles",
            say("Roles of {agency} in the action plan", agency=agency.short or agency.name),
            [Column(say("Ref")), Column(say("Action")), Column(say("Role")), Column(say("Status"))],
            rows_raci,
            notes=[raci_key()],
        )
        out += f"\n## {say('Actions')}\n" + block(render_table(table, page))
    return out
