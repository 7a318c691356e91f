"""Views: the generated tables and diagrams a ``yaml view`` block places in a chapter.

Each view is a function from the resolved publication and the view's options to
format-neutral :mod:`blocks <generator.views.blocks>`. The site and print renderers both
call :func:`render_view`, so a table reads the same on the web and on paper.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from generator.model import View
from generator.resolve import Publication
from generator.views import plan_tables, risk_tables, structure_tables
from generator.views.blocks import Block, Cell, Column, Diagram, Inline, Link, Marker, Table
from generator.views.changes import changes
from generator.views.implementation import implementation
from generator.views.monitoring import indicator_progress
from generator.views.orgchart import orgchart
from generator.views.timeline import timeline

ViewFunction = Callable[[Publication, View], Sequence[Block]]

VIEW_FUNCTIONS: dict[str, ViewFunction] = {
    "register": risk_tables.register,
    "heatmap": risk_tables.heatmap,
    "coverage": risk_tables.coverage,
    "review": risk_tables.review,
    "scales": risk_tables.scales_view,
    "traceability": risk_tables.traceability,
    "orgchart": orgchart,
    "membership": structure_tables.membership,
    "committees": structure_tables.committees,
    "agencies": structure_tables.agencies,
    "acronyms": structure_tables.acronyms,
    "history": structure_tables.history,
    "phases": structure_tables.phases,
    "actions": plan_tables.actions,
    "raci": plan_tables.raci,
    "indicators": plan_tables.indicators,
    "timeline": timeline,
    "indicator-progress": indicator_progress,
    "implementation": implementation,
    "changes": changes,
}
"""Every view by its ``show:`` name."""


def render_view(view: View, publication: Publication) -> list[Block]:
    """The tables and diagrams of one view."""
    return list(VIEW_FUNCTIONS[view.show](publication, view))


__all__ = [
    "VIEW_FUNCTIONS",
    "Block",
    "Cell",
    "Column",
    "Diagram",
    "Inline",
    "Link",
    "Marker",
    "Table",
    "render_view",
]
