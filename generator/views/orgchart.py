"""The committee organisation chart, drawn as an SVG tree from the committees' parents.

Two layouts of the same tree: the full one spreads each level across (a laptop, the
standalone file, a landscape page); the vertical one is an indented list of boxes (a phone,
a long chart on paper), which :mod:`orgchart_vertical <generator.views.orgchart_vertical>`
draws.
"""

from __future__ import annotations

from collections.abc import Callable

from generator.model import View
from generator.resolve import Publication
from generator.views.blocks import Diagram, Drawing
from generator.views.orgchart_vertical import (
    NAME_SIZE,
    SMALL,
    ChartNode,
    box_lines,
    chart_tree,
    committee_box,
    draw_vertical,
    flatten,
    vertical_pages,
)
from generator.views.svg import LINE, esc, open_svg
from generator.views.text import agency_short, counted, tier_label
from generator.words import say

BOX_W, GAP_X, GAP_Y, MARGIN = 184.0, 16.0, 44.0, 16.0
STACK_INDENT, STACK_GAP = 18.0, 14.0
"""Leaf committees under a sub-committee hang in a column below it, which keeps the chart narrow."""
NARROW_W = 340.0
"""The vertical layout's width on the web (a 360 px screen less the page margins)."""


def orgchart(publication: Publication, view: View) -> list[Diagram]:
    """The organisation chart of the committees below the chosen root (default: every top committee)."""
    by_id = {c.id: c for c in publication.committees}
    root_id = view.options.get("committee")
    roots = (
        [by_id[root_id]] if root_id else [c for c in publication.committees if not c.parent or c.parent not in by_id]
    )
    if not roots:
        return []
    trees = [chart_tree(publication, c) for c in roots]
    flat = [n for root in trees for n in flatten(root)]
    box_h = max(_box_height(publication, n) for n in flat)
    cursor = MARGIN
    for tree in trees:
        cursor = _place(tree, cursor, box_h) + GAP_X
    width = max(n.x for n in flat) + BOX_W + MARGIN
    height = max(n.y for n in flat) + box_h + MARGIN
    name = "orgchart" + (f"-{root_id}" if root_id else "")
    title = view.title or say("Committee organisation chart")
    roots_text = "; ".join(
        counted(
            len(flatten(root)) - 1,
            say("{name} with {count} committee below it"),
            say("{name} with {count} committees below it"),
            name=root.committee.name,
        )
        for root in trees
    )
    alt = counted(
        len(flat),
        say("Organisation chart of {count} committee: {roots}."),
        say("Organisation chart of {count} committees: {roots}."),
        roots=roots_text,
    )
    description = [
        f"{n.committee.name} ({tier_label(publication, n.committee.tier).lower()}"
        + (", " + say("reports to {name}", name=by_id[n.committee.parent].name) if n.committee.parent in by_id else "")
        + (
            ", " + say("chaired by {agency}", agency=agency_short(publication, n.committee.chair))
            if n.committee.chair
            else ""
        )
        + ")"
        for n in flat
    ]

    def draw(href_for: Callable[[str], str | None]) -> str:
        parts = [open_svg(width, height, title, alt)]
        for node in flat:
            for child in node.children:
                parts.append(_connector(node, child, box_h))
        for node in flat:
            parts.append(_box(publication, node, box_h, href_for))
        parts.append("</svg>")
        return "".join(parts)

    narrow = draw_vertical(publication, flat, NARROW_W, title, alt)

    def pages(page_w: float, page_h: float) -> list[Drawing]:
        return vertical_pages(publication, flat, page_w, page_h, title, alt)

    return [Diagram("orgchart", title, name, alt, draw, width, height, description, SMALL, narrow, pages)]


def _box_height(publication: Publication, node: ChartNode) -> float:
    name, small = box_lines(publication, node.committee, BOX_W - 14)
    return 14 + len(name) * NAME_SIZE * LINE + 6 + len(small) * SMALL * LINE


def _place(node: ChartNode, left: float, box_h: float) -> float:
    """Lay out a subtree from ``left``; returns the right edge of the subtree."""
    node.y = MARGIN + node.depth * (box_h + GAP_Y) if node.depth <= 1 else node.y
    if not node.children:
        node.x = left
        return left + BOX_W
    if node.depth >= 1 and all(not child.children for child in node.children):
        node.stacked = True
        node.x = left
        for index, child in enumerate(node.children):
            child.x = left + STACK_INDENT
            child.y = node.y + box_h + STACK_GAP + index * (box_h + STACK_GAP)
        return left + STACK_INDENT + BOX_W
    right = left
    for i, child in enumerate(node.children):
        child.y = node.y + box_h + GAP_Y
        right = _place(child, left if i == 0 else right + GAP_X, box_h)
    node.x = (node.children[0].x + node.children[-1].x) / 2
    return max(right, node.x + BOX_W)


def _connector(parent: ChartNode, child: ChartNode, box_h: float) -> str:
    style = 'fill="none" class="cd-connector-line" stroke="#4a5a68" stroke-width="1.5"'
    if parent.stacked:
        x = parent.x + STACK_INDENT / 2
        y1, y2 = parent.y + box_h, child.y + box_h / 2
        return f'<path d="M{x:.1f},{y1:.1f} V{y2:.1f} H{child.x:.1f}" {style}/>'
    x1, y1 = parent.x + BOX_W / 2, parent.y + box_h
    x2, y2 = child.x + BOX_W / 2, child.y
    mid = (y1 + y2) / 2
    return f'<path d="M{x1:.1f},{y1:.1f} V{mid:.1f} H{x2:.1f} V{y2:.1f}" {style}/>'


def _box(publication: Publication, node: ChartNode, box_h: float, href_for: Callable[[str], str | None]) -> str:
    c = node.committee
    box = committee_box(publication, c, (node.x, node.y, BOX_W, box_h), href_for, centred=True)
    return box.replace("<g>", f'<g id="{esc(c.id)}">', 1)
