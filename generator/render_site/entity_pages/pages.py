"""Assembling each entity page: breadcrumb and heading, the body its kind builds, "Referenced by" and the pager.

The body of each kind's page comes from :data:`PAGE_BUILDERS`, one builder per kind that
has pages in :data:`generator.model.kinds.KINDS`; the table is checked when this module
is imported, so a kind given a folder but no builder stops the engine at once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar, cast

from generator.model import Action, Agency, Committee, Entity, Indicator, Objective, Risk, Threat
from generator.model.kinds import KINDS, KindSpec, builders_for, kind_of, page_kinds
from generator.render_site.context import PageContext
from generator.render_site.entity_pages.action import action_page
from generator.render_site.entity_pages.agency import agency_page
from generator.render_site.entity_pages.committee import committee_page
from generator.render_site.entity_pages.common import heading_of
from generator.render_site.entity_pages.indicator import indicator_page
from generator.render_site.entity_pages.objective import objective_page
from generator.render_site.entity_pages.referrers import linked_from, referenced_by
from generator.render_site.entity_pages.risk import risk_page
from generator.render_site.entity_pages.threat import threat_page
from generator.render_site.escape import esc, md_inline
from generator.render_site.fragments import block, breadcrumbs, pager
from generator.render_site.html_blocks import raw
from generator.render_site.links import PAGE_FOLDERS
from generator.render_site.render import Page, Renderer
from generator.views.engine_words import kind_index, kind_word, more_of_kind
from generator.words import say

E = TypeVar("E", bound=Entity)
PageBuilder = Callable[[Renderer, Entity, PageContext], str]
"""The body of one entity's page, below its heading and above "Referenced by"."""


def _for(model: type[E], build: Callable[[Renderer, E, PageContext], str]) -> tuple[str, PageBuilder]:
    # The cast is sound: a builder is looked up by the entity's own KIND, the KIND of ``model``.
    return model.KIND, cast(PageBuilder, build)


_BUILDERS: dict[str, PageBuilder] = dict(
    [
        _for(Risk, risk_page),
        _for(Agency, agency_page),
        _for(Committee, committee_page),
        _for(Objective, objective_page),
        _for(Action, action_page),
        _for(Indicator, indicator_page),
        _for(Threat, threat_page),
    ]
)


def page_builders(kinds: Mapping[str, KindSpec] = KINDS) -> dict[str, PageBuilder]:
    """The page builder of every kind that has pages, in registry order.

    Raises :class:`generator.model.kinds.KindRegistryError` when a kind with pages has no builder.
    """
    return builders_for(_BUILDERS, needed=page_kinds(kinds), what="site page builder", kinds=kinds)


PAGE_BUILDERS = page_builders()
"""``KIND`` → the builder of its pages' bodies, checked at import."""


def entity_pages(site: Renderer) -> list[Page]:
    """Every entity page, kind by kind, in publication order."""
    pages = []
    for kind, build in PAGE_BUILDERS.items():
        # a threat that a chapter is about has that chapter for its page (generator.render_site.subjects)
        entities = [e for e in site.publication.of_kind(KINDS[kind].model) if e.id in site.sitemap.entity_folders]
        for i, entity in enumerate(entities):
            folder = site.sitemap.entity_folders[entity.id]
            page = site.context(folder)
            body = build(site, entity, page)
            body = _head(entity, page) + body + _tail(site, entity, page, body, entities, i)
            pages.append(Page(folder, heading_of(entity), body, source=str(entity.location)))
    return pages


def _head(entity: Entity, page: PageContext) -> str:
    index = PAGE_FOLDERS[entity.KIND]
    trail = [(page.page(""), say("Home")), (page.page(index), kind_index(kind_of(entity)))]
    crumbs = breadcrumbs(trail, heading_of(entity))
    return f"{raw(crumbs)}\n\n# {md_inline(heading_of(entity))}\n"


def _tail(site: Renderer, entity: Entity, page: PageContext, body: str, siblings: list[Entity], i: int) -> str:
    written = site.sitemap.chapter_folders.get(entity.chapter)
    source = ""
    if written is not None:
        chapter = next(c for c in site.publication.chapters if c.path == entity.chapter)
        link = f'<a href="{esc(page.page(written))}">{esc(chapter.title)}</a>'
        source = f'<p class="charter-source">{say("Written in the chapter {chapter}.", chapter=link)}</p>'
    previous = siblings[i - 1] if i > 0 else None
    following = siblings[i + 1] if i + 1 < len(siblings) else None
    nav = pager(
        more_of_kind(kind_of(entity)),
        (page.href(previous.id) or "", heading_of(previous)) if previous else None,
        (page.href(following.id) or "", heading_of(following)) if following else None,
    )
    groups = referenced_by(site, entity, page, linked_from(body + source))
    if groups is None:
        nothing = say("Nothing else in the publication refers to this {kind}.", kind=esc(kind_word(kind_of(entity))))
        groups = f'<p class="charter-none">{nothing}</p>'
    return (f"\n## {say('Referenced by')}\n" if groups else "\n") + block(groups, source, nav)
