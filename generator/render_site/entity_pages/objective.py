"""An objective's page: its lead, the risks it addresses, its actions and indicators."""

from __future__ import annotations

from generator.model import Objective, Risk
from generator.render_site.context import PageContext
from generator.render_site.entity_pages.common import action_item, agency_link, entity_links, narrative, risk_item
from generator.render_site.fragments import block, facts, item_list, paragraph
from generator.render_site.render import Renderer
from generator.words import say


def objective_page(site: Renderer, objective: Objective, page: PageContext) -> str:
    """The body of an objective's page."""
    out = block(
        facts([(say("Lead agency"), agency_link(site, page, objective.lead))]),
        paragraph(objective.description, "charter-lead"),
    )
    out += narrative(site, objective, page)
    risks = [site.publication.get(r, Risk) for r in objective.risks]
    out += f"\n## {say('Risks addressed')}\n" + block(
        item_list([risk_item(page, r) for r in risks], empty=say("This objective names no risk."))
    )
    actions = site.relations.actions_of_objective.get(objective.id, [])
    out += f"\n## {say('Actions')}\n" + block(
        item_list(
            [action_item(site.publication, page, a) for a in actions],
            empty=say("No action delivers this objective yet."),
        )
    )
    indicators = site.relations.indicators_of.get(objective.id, [])
    if indicators:
        out += f"\n## {say('Indicators')}\n" + block(item_list(entity_links(page, indicators, with_id=True)))
    return out
