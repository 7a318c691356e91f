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
from generator.views.text import agency_type_label, status_label

NO_ROLE = '<p class="charter-none">This agency has no role yet.</p>'
RACI_NAMES = {"R": "Responsible", "A": "Accountable", "C": "Consulted", "I": "Informed"}


def agency_page(site: Renderer, agency: Agency, page: PageContext) -> str:
    """The body of an agency's page."""
    roles = site.relations.agencies.get(agency.id)
    rows = [
        ("Short name", esc(agency.short)),
        ("Type", esc(agency_type_label(site.publication, agency.type))),
        ("Ministry", esc(agency.ministry)),
    ]
    out = block(facts(rows)) + narrative(site, agency, page)
    if roles is None:
        return out + "\n## Roles\n" + block(NO_ROLE)
    controls = [f"{esc(name)} ({page.link(risk.id, risk.id)})" for risk, name in roles.owns_controls]
    role_rows = [
        ("Chairs", item_list(entity_links(page, roles.chairs, with_id=False))),
        ("Runs the secretariat of", item_list(entity_links(page, roles.secretariat, with_id=False))),
        ("Sits on", item_list(entity_links(page, roles.member, with_id=False))),
        ("Leads risks", item_list([risk_item(page, r) for r in roles.leads_risks])),
        ("Supports risks", item_list([risk_item(page, r) for r in roles.supports_risks])),
        ("Leads objectives", item_list(entity_links(page, roles.leads_objectives, with_id=True))),
        ("Owns indicators", item_list(entity_links(page, roles.owns_indicators, with_id=True))),
        ("Owns controls", item_list(controls)),
    ]
    out += "\n## Roles\n" + block(facts(role_rows) or NO_ROLE)
    if roles.raci:
        rows_raci = [
            [
                cell(Link(action.id, action.id), header=True),
                cell(Link(action.title, action.id)),
                cell(Marker(letters, title=", ".join(RACI_NAMES[x] for x in letters.split("/")))),
                cell(Marker(status_label(site.publication, action.status))),
            ]
            for action, letters in roles.raci
        ]
        table = Table(
            "raci-roles",
            f"Roles of {agency.short or agency.name} in the action plan",
            [Column("Ref"), Column("Action"), Column("Role"), Column("Status")],
            rows_raci,
            notes=["R Responsible, A Accountable, C Consulted, I Informed."],
        )
        out += "\n## Actions\n" + block(render_table(table, page))
    return out
