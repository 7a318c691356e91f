""" "Referenced by": what names an entity, grouped by kind, without what its page already links to."""

from __future__ import annotations

import re

from generator.model import Chapter, Entity
from generator.model.kinds import KINDS, kind_of
from generator.render_site.context import PageContext
from generator.render_site.entity_pages.common import heading_of
from generator.render_site.escape import esc
from generator.render_site.fragments import item_list
from generator.render_site.render import Renderer
from generator.views.engine_words import kind_plural_title
from generator.words import say

_HREF = re.compile(r'href="([^"]*)"')


def linked_from(html: str) -> set[str]:
    """Every address the HTML links to, as written (escaped)."""
    return set(_HREF.findall(html))


def referenced_by(site: Renderer, entity: Entity, page: PageContext, shown: set[str], *, level: int = 2) -> str | None:
    """The groups of what refers to ``entity``, one per kind and one of chapters, as HTML.

    A referrer the page already links to (its ``shown`` addresses: a risk's actions, an
    agency's committees, the chapter the entity is written in) is not repeated. '' when
    nothing is left, and None when nothing refers to the entity at all. Each group's heading
    is one level below ``level``, the level of the heading "Referenced by" stands under.
    """
    referrers = site.publication.referrers(entity.id)
    if not referrers:
        return None
    groups: dict[str, list[str]] = {}
    for item in referrers:
        href = _href(site, item, page)
        if href is not None and esc(href) in shown:
            continue
        if isinstance(item, Chapter):
            label = say("Chapters")
            link = f'<a href="{esc(href)}">{esc(item.title)}</a>' if href else esc(item.title)
        else:
            label = kind_plural_title(kind_of(item))
            link = page.link(item.id, heading_of(item))
        groups.setdefault(label, []).append(link)
    order = [kind_plural_title(spec) for spec in KINDS.values()] + [say("Chapters")]
    rows = [(label, groups[label]) for label in order if label in groups]
    return "".join(
        f'<div class="charter-referrers__group"><h{level + 1}>{esc(label)}</h{level + 1}>{item_list(links)}</div>'
        for label, links in rows
    )


def _href(site: Renderer, item: Entity | Chapter, page: PageContext) -> str | None:
    if isinstance(item, Chapter):
        folder = site.sitemap.chapter_folders.get(item.path)
        return page.page(folder) if folder is not None else None
    return page.href(item.id)
