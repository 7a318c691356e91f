"""One page per entity of each kind that has pages (risks, agencies, … as generator.model.kinds declares).

Each page opens with a breadcrumb and the entity's facts, then its prose and what it is
linked to, and closes with "Referenced by" (everything that names it) and links to the
previous and next entity of its kind.
"""

from generator.render_site.entity_pages.common import heading_of
from generator.render_site.entity_pages.pages import PAGE_BUILDERS, entity_pages, page_builders

__all__ = ["PAGE_BUILDERS", "entity_pages", "heading_of", "page_builders"]
