"""Assembling each entity page: breadcrumb and heading, the body its kind builds, "Referenced by" and the pager."""

from __future__ import annotations

from generator.model import Action, Agency, Committee, Entity, Indicator, Objective, Risk, Threat
from generator.render_site.context import PageContext
from generator.render_site.entity_pages.action import action_page
from generator.render_site.entity_pages.agency import agency_page
from generator.render_site.entity_pages.committee import committee_page
from generator.render_site.entity_pages.common import KIND_INDEX_TITLES, KIND_PLURALS, heading_of
from generator.render_site.entity_pages.indicator import indicator_page
from generator.render_site.entity_pages.objective import objective_page
from generator.render_site.entity_pages.risk import risk_page
from generator.render_site.entity_pages.threat import threat_page
from generator.render_site.escape import esc, md_inline
from generator.render_site.fragments import block, breadcrumbs, item_list, pager
from generator.render_site.links import PAGE_FOLDERS
from generator.render_site.render import Page, Renderer


def entity_pages(site: Renderer) -> list[Page]:
    """Every entity page, kind by kind, in publication order."""
    pages = []
    for kind in (Risk, Agency, Committee, Objective, Action, Indicator, Threat):
        entities: list[Entity] = list(site.publication.of_kind(kind))
        for i, entity in enumerate(entities):
            folder = site.sitemap.entity_folders[entity.id]
            page = site.context(folder)
            body = _head(entity, page) + _body(site, entity, page) + _tail(site, entity, page, entities, i)
            pages.append(Page(folder, heading_of(entity), body, source=str(entity.location)))
    return pages


def _body(site: Renderer, entity: Entity, page: PageContext) -> str:
    if isinstance(entity, Risk):
        return risk_page(site, entity, page)
    if isinstance(entity, Agency):
        return agency_page(site, entity, page)
    if isinstance(entity, Committee):
        return committee_page(site, entity, page)
    if isinstance(entity, Objective):
        return objective_page(site, entity, page)
    if isinstance(entity, Action):
        return action_page(site, entity, page)
    if isinstance(entity, Indicator):
        return indicator_page(site, entity, page)
    if isinstance(entity, Threat):
        return threat_page(site, entity, page)
    return ""


def _head(entity: Entity, page: PageContext) -> str:
    index = PAGE_FOLDERS[entity.KIND]
    crumbs = breadcrumbs([(page.page(""), "Home"), (page.page(index), KIND_INDEX_TITLES[entity.KIND])], entity.id)
    return f"{crumbs}\n\n# {md_inline(heading_of(entity))}\n"


def _tail(site: Renderer, entity: Entity, page: PageContext, siblings: list[Entity], i: int) -> str:
    referrers = site.publication.referrers(entity.id)
    items = [site.item_link(item, page) for item in referrers]
    written = site.sitemap.chapter_folders.get(entity.chapter)
    source = ""
    if written is not None:
        chapter = next(c for c in site.publication.chapters if c.path == entity.chapter)
        link = f'<a href="{esc(page.page(written))}">{esc(chapter.title)}</a>'
        source = f'<p class="charter-source">Written in the chapter {link}.</p>'
    previous = siblings[i - 1] if i > 0 else None
    following = siblings[i + 1] if i + 1 < len(siblings) else None
    nav = pager(
        f"More {KIND_PLURALS[entity.KIND]}",
        (page.href(previous.id) or "", previous.id) if previous else None,
        (page.href(following.id) or "", following.id) if following else None,
    )
    empty = f"Nothing else in the publication refers to this {entity.KIND}."
    return "\n## Referenced by\n" + block(item_list(items, empty=empty), source, nav)
