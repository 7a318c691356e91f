"""An indicator's page: what it measures, its owner, baseline and target, and its chart of measurements."""

from __future__ import annotations

from generator.model import Indicator
from generator.render_site.context import PageContext
from generator.render_site.entity_pages.common import agency_link, heading_of, narrative
from generator.render_site.escape import esc
from generator.render_site.fragments import block, facts
from generator.render_site.render import Renderer
from generator.views.monitoring import indicator_blocks
from generator.views.text import level_label, number_text
from generator.words import say


def indicator_page(site: Renderer, indicator: Indicator, page: PageContext) -> str:
    """The body of an indicator's page."""
    parent_id = indicator.objective or indicator.action or ""
    parent = site.publication.entities.get(parent_id)
    unit = f" {indicator.unit}" if indicator.unit else ""
    baseline = (
        number_text(indicator.baseline) + unit + (f" ({indicator.baseline_year})" if indicator.baseline_year else "")
    )
    target = number_text(indicator.target) + unit + (f" ({indicator.target_year})" if indicator.target_year else "")
    rows = [
        (say("Level"), esc(level_label(site.publication, indicator.level))),
        (say("Measures"), page.link(parent.id, heading_of(parent)) if parent else ""),
        (say("Owner"), agency_link(site, page, indicator.owner)),
        (say("Baseline"), esc(baseline)),
        (say("Target"), esc(target)),
        (say("Frequency"), esc(indicator.frequency)),
        (say("Source"), esc(indicator.source)),
    ]
    out = block(facts(rows)) + narrative(site, indicator, page)
    out += f"\n## {say('Progress')}\n" + site.blocks(indicator_blocks(site.publication, indicator), page)
    return out
