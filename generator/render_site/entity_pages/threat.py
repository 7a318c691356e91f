"""A threat category's page: its nature and the risks that assess it; or, when a chapter is about
the threat, the same facts at the end of that chapter (see :mod:`generator.render_site.subjects`)."""

from __future__ import annotations

from generator.model import Threat
from generator.model.kinds import kind_of
from generator.render_site.context import PageContext
from generator.render_site.entity_pages.common import narrative, risk_item
from generator.render_site.entity_pages.referrers import linked_from, referenced_by
from generator.render_site.escape import esc, md_inline
from generator.render_site.fragments import block, facts, item_list, paragraph
from generator.render_site.render import Renderer
from generator.views.engine_words import kind_title
from generator.views.risk_tables import has_imo_numbers
from generator.words import say


def _facts(site: Renderer, threat: Threat) -> str:
    rows = []
    if has_imo_numbers(site.publication):  # only a catalogue numbered after the IMO's says so
        imo = esc(str(threat.imo)) if threat.imo else say("Not an IMO category (emerging threat)")
        rows.append((say("IMO category"), imo))
    rows.append((say("Nature"), say("Malicious") if threat.malicious else say("Non-malicious")))
    return block(facts(rows), paragraph(threat.description, "charter-lead"))


def threat_page(site: Renderer, threat: Threat, page: PageContext) -> str:
    """The body of a threat category's page."""
    out = _facts(site, threat)
    out += narrative(site, threat, page)
    risks = site.relations.risks_of_threat.get(threat.id, [])
    out += f"\n## {say('Risks assessed')}\n" + block(
        item_list([risk_item(page, r) for r in risks], empty=say("The register does not assess this threat category."))
    )
    return out


def threat_section(site: Renderer, threat: Threat, page: PageContext, chapter_html: str) -> str:
    """The threat's facts and what refers to it, closing the chapter about it (``chapter_html``, its body so far).

    The chapter shows the threat's risks already, and whatever else it links to is not
    repeated under "Referenced by".
    """
    out = f"\n## {md_inline(kind_title(kind_of(threat)))}: {md_inline(threat.name)}\n" + _facts(site, threat)
    shown = linked_from(chapter_html) | {page.page(page.folder)}
    groups = referenced_by(site, threat, page, shown, level=3)
    return out + (f"\n### {say('Referenced by')}\n" + block(groups) if groups else "")
