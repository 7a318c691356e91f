"""A committee's page: its facts, functions, decision rights, sub-committees and the actions it oversees."""

from __future__ import annotations

from generator.model import Committee
from generator.render_site.context import PageContext
from generator.render_site.entity_pages.common import action_item, agency_link, entity_links, narrative
from generator.render_site.escape import esc
from generator.render_site.fragments import block, facts, item_list, joined, paragraph
from generator.render_site.render import Renderer
from generator.views.text import long_date, tier_label


def committee_page(site: Renderer, committee: Committee, page: PageContext) -> str:
    """The body of a committee's page."""
    publication = site.publication
    parent = (
        page.link(committee.parent, publication.get(committee.parent, Committee).name)
        if committee.parent
        else esc(committee.reports_to)
    )
    tiers = {"national": "National committee", "sub-committee": "Sub-committee", "port": "Port committee"}
    rows = [
        ("Short name", esc(committee.short)),
        ("Tier", esc(tiers.get(committee.tier, tier_label(publication, committee.tier)))),
        ("Reports to", parent),
        ("Chair", agency_link(site, page, committee.chair)),
        ("Secretariat", agency_link(site, page, committee.secretariat)),
        ("Members", item_list([agency_link(site, page, a) for a in committee.members])),
        ("Industry members", joined([esc(m) for m in committee.industry_members])),
        ("Meets", esc(committee.meets)),
        ("Quorum", esc(committee.quorum)),
        ("Legal basis", esc(committee.legal_basis)),
        ("Established", esc(long_date(committee.established))),
    ]
    out = block(facts(rows), paragraph(committee.purpose, "charter-lead"))
    out += narrative(site, committee, page)
    if committee.functions:
        out += "\n## Functions\n" + block(item_list([esc(f) for f in committee.functions], css="charter-list"))
    if committee.decision_rights:
        out += "\n## Decision rights\n" + block(
            item_list([esc(d) for d in committee.decision_rights], css="charter-list")
        )
    children = site.relations.children.get(committee.id, [])
    if children:
        out += "\n## Sub-committees\n" + block(item_list(entity_links(page, children, with_id=False)))
    actions = site.relations.actions_of_committee.get(committee.id, [])
    if actions:
        out += "\n## Actions it oversees\n" + block(item_list([action_item(publication, page, a) for a in actions]))
    return out
