"""What every entity page shares: the heading, and links to agencies, risks and actions."""

from __future__ import annotations

from collections.abc import Sequence

from generator.model import Action, Agency, Entity, Risk
from generator.model.kinds import kind_of
from generator.render_site.context import PageContext
from generator.render_site.escape import esc
from generator.render_site.render import Renderer
from generator.render_site.tables import marker_html
from generator.resolve import Publication
from generator.views.blocks import Marker
from generator.views.text import status_label
from generator.words import say


def heading_of(entity: Entity) -> str:
    """The heading and title of an entity's page."""
    if kind_of(entity).heading_with_id:
        return f"{entity.id} {entity.title}"
    return entity.title


def narrative(site: Renderer, entity: Entity, page: PageContext) -> str:
    """The entity's narrative prose, rendered, or '' when it has none; marked with its language when not the page's."""
    if not entity.narrative.strip():
        return ""
    prose = site.prose(entity.narrative, page, entity.chapter)
    if entity.narrative_lang:
        lang = entity.narrative_lang
        way = site.publication.settings.direction_for(lang)
        return f'\n<div markdown="1" lang="{esc(lang)}" dir="{way}">\n\n{prose}\n\n</div>\n'
    return "\n" + prose + "\n"


def agency_name(site: Renderer, agency_id: str) -> str:
    """An agency's short name, or its name when it has none."""
    agency = site.publication.get(agency_id, Agency)
    return agency.short or agency.name


def agency_link(site: Renderer, page: PageContext, agency_id: str | None) -> str:
    """A link to an agency, named in full with its short name; '' for no agency."""
    if not agency_id:
        return ""
    agency = site.publication.get(agency_id, Agency)
    return page.link(agency.id, agency.name + (f" ({agency.short})" if agency.short else ""))


def entity_links(page: PageContext, entities: Sequence[Entity], *, with_id: bool) -> list[str]:
    """A link to each entity, by its heading (``with_id``) or its title."""
    return [page.link(e.id, heading_of(e) if with_id else e.title) for e in entities]


def risk_item(page: PageContext, risk: Risk) -> str:
    """A risk's link followed by its residual rating."""
    return page.link(risk.id, heading_of(risk)) + " " + marker_html(rating_marker(risk))


def rating_marker(risk: Risk) -> Marker:
    """A risk's residual score and band, or "Withheld" in an edition that does not show it."""
    if risk.withheld:
        return Marker(say("Withheld"), title=say("This edition does not show the risk's rating"))
    band = risk.residual.band
    return Marker(f"{risk.residual.score} {band.name}", band, title=say("Residual rating: {band}", band=band.name))


def action_item(publication: Publication, page: PageContext, action: Action) -> str:
    """An action's link followed by its status."""
    status = Marker(status_label(publication, action.status))
    return page.link(action.id, heading_of(action)) + " " + marker_html(status)
