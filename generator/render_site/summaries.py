"""What a data block shows where it stands in a chapter: a compact summary of its entities.

Each entity gets one line: a link to its own page and its key facts. Phases and acronyms
have no page of their own, so their summary carries everything there is to say, and the
summary's id is where links to them lead.
"""

from __future__ import annotations

from generator.model import (
    Acronym,
    Action,
    Agency,
    Committee,
    Entity,
    EntityBlock,
    Indicator,
    Objective,
    Phase,
    Risk,
    Threat,
)
from generator.render_site.context import PageContext
from generator.render_site.entity_pages import heading_of
from generator.render_site.escape import esc
from generator.render_site.links import anchor_id
from generator.render_site.render import Renderer
from generator.render_site.tables import marker_html
from generator.views.blocks import Marker
from generator.views.text import STATUS_LABELS, long_date, number_text


def entity_block_html(site: Renderer, entity_block: EntityBlock, page: PageContext) -> str:
    """The summary of a data block's entities, as one raw HTML block."""
    if entity_block.kind == "acronym":
        items = "".join(
            f'<div id="{anchor_id(a.id)}"><dt><abbr title="{esc(a.meaning)}">{esc(a.id)}</abbr></dt>'
            f"<dd>{esc(a.meaning)}</dd></div>"
            for a in entity_block.entities
            if isinstance(a, Acronym)
        )
        return f'<dl class="charter-acronyms">{items}</dl>' if items else ""
    items = "".join(_item(site, entity, page) for entity in entity_block.entities)
    return f'<ul class="charter-entities charter-entities--{esc(entity_block.kind)}">{items}</ul>' if items else ""


def _item(site: Renderer, entity: Entity, page: PageContext) -> str:
    if entity.id in site.sitemap.entity_folders:
        name = page.link(entity.id, heading_of(entity))
    else:
        name = f"<strong>{esc(heading_of(entity))}</strong>"
    details = _details(site, entity)
    facts = f'<span class="charter-entity__facts">{details}</span>' if details else ""
    name = f'<span class="charter-entity__name">{name}</span>'
    return f'<li class="charter-entity" id="{anchor_id(entity.id)}">{name}{facts}</li>'


def _details(site: Renderer, entity: Entity) -> str:
    publication = site.publication

    def short(agency_id: str | None) -> str:
        if not agency_id:
            return ""
        agency = publication.get(agency_id, Agency)
        return esc(agency.short or agency.name)

    if isinstance(entity, Risk) and entity.withheld:
        threat = publication.get(entity.threat, Threat).name
        return f"{marker_html(Marker('Withheld', title='This edition does not show the rating'))} · {esc(threat)}"
    if isinstance(entity, Risk):
        band = entity.residual.band
        marker = marker_html(
            Marker(f"{entity.residual.score} {band.name}", band, title=f"Residual rating: {band.name}")
        )
        threat = publication.get(entity.threat, Threat).name
        return f"Residual {marker} · {esc(threat)} · Lead: {short(entity.lead)}"
    if isinstance(entity, Agency):
        parts = [entity.short, entity.type.replace("-", " ").capitalize(), entity.ministry]
        return esc(" · ".join(p for p in parts if p))
    if isinstance(entity, Committee):
        chair = f" · Chair: {short(entity.chair)}" if entity.chair else ""
        return (
            esc(entity.tier.replace("-", " ").capitalize())
            + chair
            + (f" · Meets {esc(entity.meets)}" if entity.meets else "")
        )
    if isinstance(entity, Objective):
        return f"Lead: {short(entity.lead)} · {len(entity.risks)} risks addressed" if entity.lead else ""
    if isinstance(entity, Action):
        status = marker_html(Marker(STATUS_LABELS[entity.status]))
        return (
            f"{status} · {esc(long_date(entity.start))} to {esc(long_date(entity.end))} · "
            f"Responsible: {short(entity.raci.responsible)}"
        )
    if isinstance(entity, Indicator):
        unit = f" {entity.unit}" if entity.unit else ""
        return esc(f"{entity.level.capitalize()} · {number_text(entity.baseline)} → {number_text(entity.target)}{unit}")
    if isinstance(entity, Threat):
        return "Malicious" if entity.malicious else "Non-malicious"
    if isinstance(entity, Phase):
        outputs = f" · Outputs: {'; '.join(entity.outputs)}" if entity.outputs else ""
        text = f"{long_date(entity.start)} to {long_date(entity.end)}{outputs}"
        if entity.description:
            text += f". {' '.join(entity.description.split())}"
        return esc(text)
    return ""
