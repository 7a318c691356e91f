"""An objective's page: its lead, the risks it addresses, its actions and indicators."""

from __future__ import annotations

from generator.model import Objective, Risk
from generator.render_site.context import PageContext
from generator.render_site.entity_pages.common import action_item, agency_link, entity_links, narrative, risk_item
from generator.render_site.fragments import block, facts, item_list, paragraph
from generator.render_site.render import Renderer


def objective_page(site: Renderer, objective: Objective, page: PageContext) -> str:
    """The body of an objective's page."""
    out = block(
        facts([("Lead agency", agency_link(site, page, objective.lead))]),
        paragraph(objective.description, "charter-lead"),
    )
    out += narrative(site, objective, page)
    risks = [site.publication.get(r, Risk) for r in objective.risks]
    out += "\n## Risks addressed\n" + block(
        item_list([risk_item(page, r) for r in risks], empty="This objective names no risk.")
    )
    actions = site.relations.actions_of_objective.get(objective.id, [])
    out += "\n## Actions\n" + block(
        item_list(
            [action_item(site.publication, page, a) for a in actions], empty="No action delivers this objective yet."
        )
    )
    indicators = site.relations.indicators_of.get(objective.id, [])
    if indicators:
        out += "\n## Indicators\n" + block(item_list(entity_links(page, indicators, with_id=True)))
    return out
