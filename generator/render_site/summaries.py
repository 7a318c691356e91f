"""What a data block shows where it stands in a chapter: a compact summary of its entities.

Each entity gets one line: a link to its own page and its key facts. Phases and acronyms
have no page of their own, so their summary carries everything there is to say, and the
summary's id is where links to them lead.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar, cast

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
from generator.model.kinds import KINDS, KindSpec, builders_for
from generator.render_site.context import PageContext
from generator.render_site.entity_pages import heading_of
from generator.render_site.escape import esc
from generator.render_site.links import anchor_id
from generator.render_site.render import Renderer
from generator.render_site.tables import marker_html
from generator.views.blocks import Marker
from generator.views.text import (
    agency_type_label,
    counted,
    level_label,
    long_date,
    number_text,
    status_label,
    tier_label,
)
from generator.words import say

E = TypeVar("E", bound=Entity)
BlockSummary = Callable[[Renderer, list[Entity], PageContext], str]
"""The HTML of a data block's entities (all of one kind), or '' when it has none."""


def entity_block_html(site: Renderer, entity_block: EntityBlock, page: PageContext) -> str:
    """The summary of a data block's entities, as one raw HTML block."""
    return SUMMARIES[entity_block.kind](site, entity_block.entities, page)


def _acronyms(site: Renderer, acronyms: list[Acronym], page: PageContext) -> str:
    """A definition list: an acronym has no page, so its entry is where links to it lead."""
    items = "".join(
        f'<div id="{anchor_id(a.id)}"><dt><abbr title="{esc(a.meaning)}">{esc(a.id)}</abbr></dt>'
        f"<dd>{esc(a.meaning)}</dd></div>"
        for a in acronyms
    )
    return f'<dl class="charter-acronyms">{items}</dl>' if items else ""


def _listed(model: type[E], details: Callable[[Renderer, E], str]) -> tuple[str, BlockSummary]:
    """A kind's summary as a list, one line per entity: its name (linked to its page) and ``details``."""
    kind = model.KIND

    def summary(site: Renderer, entities: list[Entity], page: PageContext) -> str:
        # The cast is sound: a block holds entities of its own kind only, and it is looked up by that kind.
        items = "".join(_item(site, entity, page, details(site, cast(E, entity))) for entity in entities)
        return f'<ul class="charter-entities charter-entities--{esc(kind)}">{items}</ul>' if items else ""

    return kind, summary


def _item(site: Renderer, entity: Entity, page: PageContext, details: str) -> str:
    href = page.href(entity.id)
    has_page = entity.id in site.sitemap.entity_folders or entity.id in site.sitemap.subjects
    if has_page and href != page.page(page.folder):  # a threat's summary in the chapter about it is at home
        name = page.link(entity.id, heading_of(entity))
    else:
        name = f"<strong>{esc(heading_of(entity))}</strong>"
    facts = f'<span class="charter-entity__facts">{details}</span>' if details else ""
    name = f'<span class="charter-entity__name">{name}</span>'
    return f'<li class="charter-entity" id="{anchor_id(entity.id)}">{name}{facts}</li>'


def _short(site: Renderer, agency_id: str | None) -> str:
    if not agency_id:
        return ""
    agency = site.publication.get(agency_id, Agency)
    return esc(agency.short or agency.name)


def _risk(site: Renderer, risk: Risk) -> str:
    threat = site.publication.get(risk.threat, Threat).name
    if risk.withheld:
        withheld = Marker(say("Withheld"), title=say("This edition does not show the rating"))
        return f"{marker_html(withheld)} · {esc(threat)}"
    band = risk.residual.band
    title = say("Residual rating: {band}", band=band.name)
    marker = marker_html(Marker(f"{risk.residual.score} {band.name}", band, title=title))
    return (
        say("Residual {rating}", rating=marker)
        + f" · {esc(threat)} · "
        + say("Lead: {agency}", agency=_short(site, risk.lead))
    )


def _agency(site: Renderer, agency: Agency) -> str:
    parts = [agency.short, agency_type_label(site.publication, agency.type), agency.ministry]
    return esc(" · ".join(p for p in parts if p))


def _committee(site: Renderer, committee: Committee) -> str:
    chair = " · " + say("Chair: {agency}", agency=_short(site, committee.chair)) if committee.chair else ""
    meets = " · " + say("Meets {when}", when=esc(committee.meets)) if committee.meets else ""
    return esc(tier_label(site.publication, committee.tier)) + chair + meets


def _objective(site: Renderer, objective: Objective) -> str:
    if not objective.lead:
        return ""
    addressed = counted(len(objective.risks), say("{count} risk addressed"), say("{count} risks addressed"))
    return say("Lead: {agency}", agency=_short(site, objective.lead)) + f" · {addressed}"


def _action(site: Renderer, action: Action) -> str:
    status = marker_html(Marker(status_label(site.publication, action.status)))
    return (
        f"{status} · "
        + say("{start} to {end}", start=esc(long_date(action.start)), end=esc(long_date(action.end)))
        + " · "
        + say("Responsible: {agency}", agency=_short(site, action.raci.responsible))
    )


def _indicator(site: Renderer, indicator: Indicator) -> str:
    unit = f" {indicator.unit}" if indicator.unit else ""
    change = f"{number_text(indicator.baseline)} → {number_text(indicator.target)}{unit}"
    return esc(f"{level_label(site.publication, indicator.level)} · {change}")


def _threat(site: Renderer, threat: Threat) -> str:
    return say("Malicious") if threat.malicious else say("Non-malicious")


def _phase(site: Renderer, phase: Phase) -> str:
    outputs = " · " + say("Outputs: {outputs}", outputs="; ".join(phase.outputs)) if phase.outputs else ""
    text = say("{start} to {end}", start=long_date(phase.start), end=long_date(phase.end)) + outputs
    if phase.description:
        text += f". {' '.join(phase.description.split())}"
    return esc(text)


_SUMMARIES: dict[str, BlockSummary] = dict(
    [
        _listed(Risk, _risk),
        _listed(Agency, _agency),
        _listed(Committee, _committee),
        _listed(Objective, _objective),
        _listed(Action, _action),
        _listed(Indicator, _indicator),
        _listed(Threat, _threat),
        _listed(Phase, _phase),
        (Acronym.KIND, cast(BlockSummary, _acronyms)),
    ]
)


def summaries(kinds: Mapping[str, KindSpec] = KINDS) -> dict[str, BlockSummary]:
    """The summary of every kind (every kind's blocks stand in chapters), in registry order.

    Raises :class:`generator.model.kinds.KindRegistryError` when a kind has none.
    """
    return builders_for(_SUMMARIES, needed=kinds.values(), what="site summary builder", kinds=kinds)


SUMMARIES = summaries()
"""``KIND`` → the summary of its data blocks, checked at import."""
