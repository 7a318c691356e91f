"""A threat category's page: its nature and the risks that assess it."""

from __future__ import annotations

from generator.model import Threat
from generator.render_site.context import PageContext
from generator.render_site.entity_pages.common import narrative, risk_item
from generator.render_site.escape import esc
from generator.render_site.fragments import block, facts, item_list, paragraph
from generator.render_site.render import Renderer
from generator.views.risk_tables import has_imo_numbers


def threat_page(site: Renderer, threat: Threat, page: PageContext) -> str:
    """The body of a threat category's page."""
    rows = []
    if has_imo_numbers(site.publication):  # only a catalogue numbered after the IMO's says so
        rows.append(("IMO category", esc(str(threat.imo)) if threat.imo else "Not an IMO category (emerging threat)"))
    rows.append(("Nature", "Malicious" if threat.malicious else "Non-malicious"))
    out = block(facts(rows), paragraph(threat.description, "charter-lead"))
    out += narrative(site, threat, page)
    risks = site.relations.risks_of_threat.get(threat.id, [])
    out += "\n## Risks assessed\n" + block(
        item_list([risk_item(page, r) for r in risks], empty="The register does not assess this threat category.")
    )
    return out
