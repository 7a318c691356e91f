"""One page per risk, agency, committee, objective, action, indicator and threat.

Each page opens with a breadcrumb and the entity's facts, then its prose and what it is
linked to, and closes with "Referenced by" (everything that names it) and links to the
previous and next entity of its kind.
"""

from generator.render_site.entity_pages.common import KIND_INDEX_TITLES, KIND_PLURALS, heading_of
from generator.render_site.entity_pages.pages import entity_pages

__all__ = ["KIND_INDEX_TITLES", "KIND_PLURALS", "entity_pages", "heading_of"]
