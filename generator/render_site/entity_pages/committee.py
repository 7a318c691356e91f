"""A committee's page: its facts, functions, decision rights, sub-committees and the actions it oversees."""

from __future__ import annotations

from generator.model import Committee
from generator.render_site.context import PageContext
from generator.render_site.entity_pages.common import action_item, agency_link, entity_links, narrative
from generator.render_site.escape import esc
from generator.render_site.fragments import block, facts, item_list, joined, paragraph
from generator.render_site.render import Renderer
from generator.resolve import Publication
from generator.views.text import long_date, tier_label
from generator.words import say


def committee_page(site: Renderer, committee: Committee, page: PageContext) -> str:
    """The body of a committee's page."""
    publication = site.publication
    parent = (
        page.link(committee.parent, publication.get(committee.parent, Committee).name)
        if committee.parent
        else esc(committee.reports_to)
    )
    rows = [
        (say("Short name"), esc(committee.short)),
        (say("Tier"), esc(_tier(publication, committee.tier))),
        (say("Reports to"), parent),
        (say("Chair"), agency_link(site, page, committee.chair)),
        (say("Secretariat"), agency_link(site, page, committee.secretariat)),
        (say("Members"), item_list([agency_link(site, page, a) for a in committee.members])),
        (say("Industry members"), joined([esc(m) for m in committee.industry_members])),
        (say("Meets"), esc(committee.meets)),
        (say("Quorum"), esc(committee.quorum)),
        (say("Legal basis"), esc(committee.legal_basis)),
        (say("Established"), esc(long_date(committee.established))),
    ]
    out = block(facts(rows), paragraph(committee.purpose, "charter-lead"))
    out += narrative(site, committee, page)
    if committee.functions:
        out += f"\n## {say('Functions')}\n" + block(
            item_list([esc(f) for f in committee.functions], css="charter-list")
        )
    if committee.decision_rights:
        out += f"\n## {say('Decision rights')}\n" + block(
            item_list([esc(d) for d in committee.decision_rights], css="charter-list")
        )
    children = site.relations.children.get(committee.id, [])
    if children:
        out += f"\n## {say('Sub-committees')}\n" + block(item_list(entity_links(page, children, with_id=False)))
    actions = site.relations.actions_of_committee.get(committee.id, [])
    if actions:
        out += f"\n## {say('Actions it oversees')}\n" + block(
            item_list([action_item(publication, page, a) for a in actions])
        )
    return out


def _tier(publication: Publication, tier: str) -> str:
    """A committee's tier as its page names it: the engine's three by their own names, any other by its label."""
    own = {"national": say("National committee"), "sub-committee": say("Sub-committee"), "port": say("Port committee")}
    return own.get(tier) or tier_label(publication, tier)
