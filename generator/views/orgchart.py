"""The committee organisation chart, drawn as an SVG tree from the committees' parents."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from generator.model import Committee, View
from generator.resolve import Publication
from generator.views.blocks import Diagram
from generator.views.svg import esc, link, open_svg, text_lines, wrap
from generator.views.text import agency_short, plural, tier_label

BOX_W, BOX_H, GAP_X, GAP_Y, MARGIN = 184.0, 92.0, 16.0, 44.0, 16.0
STACK_INDENT, STACK_GAP = 18.0, 14.0
"""Leaf committees under a sub-committee hang in a column below it, which keeps the chart narrow."""
TIER_FILL = {"national": "#0b3d62", "sub-committee": "#e8f0f7", "port": "#f4f4f4", "working-group": "#fff8e1"}
TIER_TEXT = {"national": "#ffffff", "sub-committee": "#10222f", "port": "#10222f", "working-group": "#10222f"}
ADDED_TIER = ("#f4f4f4", "#10222f")
"""A tier the publication adds has no colour of its own: a plain box, its tier written in it."""


@dataclass
class _Node:
    committee: Committee
    children: list[_Node] = field(default_factory=list)
    x: float = 0.0
    y: float = 0.0
    depth: int = 0
    stacked: bool = False
    """Its children hang in a column below it instead of a row."""


def orgchart(publication: Publication, view: View) -> list[Diagram]:
    """The organisation chart of the committees below the chosen root (default: every top committee)."""
    by_id = {c.id: c for c in publication.committees}
    root_id = view.options.get("committee")
    roots = (
        [by_id[root_id]] if root_id else [c for c in publication.committees if not c.parent or c.parent not in by_id]
    )
    if not roots:
        return []
    nodes = [_tree(publication, c, 0, set()) for c in roots]
    cursor = MARGIN
    for node in nodes:
        cursor = _place(node, cursor) + GAP_X
    flat = [n for root in nodes for n in _walk(root)]
    width = max(n.x for n in flat) + BOX_W + MARGIN
    height = max(n.y for n in flat) + BOX_H + MARGIN
    name = "orgchart" + (f"-{root_id}" if root_id else "")
    alt = (
        f"Organisation chart of {plural(len(flat), 'committee')}: "
        + "; ".join(
            f"{root.committee.name} with {plural(len(_walk(root)) - 1, 'committee')} below it" for root in nodes
        )
        + "."
    )
    description = [
        f"{n.committee.name} ({tier_label(publication, n.committee.tier).lower()}"
        + (f", reports to {by_id[n.committee.parent].name}" if n.committee.parent in by_id else "")
        + (f", chaired by {agency_short(publication, n.committee.chair)}" if n.committee.chair else "")
        + ")"
        for n in flat
    ]

    def draw(href_for: Callable[[str], str | None]) -> str:
        parts = [open_svg(width, height, view.title or "Committee organisation chart", alt)]
        for node in flat:
            for child in node.children:
                parts.append(_connector(node, child))
        for node in flat:
            parts.append(_box(publication, node, href_for))
        parts.append("</svg>")
        return "".join(parts)

    return [
        Diagram("orgchart", view.title or "Committee organisation chart", name, alt, draw, width, height, description)
    ]


def _tree(publication: Publication, committee: Committee, depth: int, seen: set[str]) -> _Node:
    seen.add(committee.id)
    node = _Node(committee, depth=depth)
    node.children = [
        _tree(publication, c, depth + 1, seen) for c in publication.children(committee) if c.id not in seen
    ]
    return node


def _place(node: _Node, left: float) -> float:
    """Lay out a subtree from ``left``; returns the right edge of the subtree."""
    node.y = MARGIN + node.depth * (BOX_H + GAP_Y) if node.depth <= 1 else node.y
    if not node.children:
        node.x = left
        return left + BOX_W
    if node.depth >= 1 and all(not child.children for child in node.children):
        node.stacked = True
        node.x = left
        for index, child in enumerate(node.children):
            child.x = left + STACK_INDENT
            child.y = node.y + BOX_H + STACK_GAP + index * (BOX_H + STACK_GAP)
        return left + STACK_INDENT + BOX_W
    right = left
    for i, child in enumerate(node.children):
        child.y = node.y + BOX_H + GAP_Y
        right = _place(child, left if i == 0 else right + GAP_X)
    node.x = (node.children[0].x + node.children[-1].x) / 2
    return max(right, node.x + BOX_W)


def _walk(node: _Node) -> list[_Node]:
    found = [node]
    for child in node.children:
        found.extend(_walk(child))
    return found


def _connector(parent: _Node, child: _Node) -> str:
    if parent.stacked:
        x = parent.x + STACK_INDENT / 2
        y1, y2 = parent.y + BOX_H, child.y + BOX_H / 2
        return f'<path d="M{x:.1f},{y1:.1f} V{y2:.1f} H{child.x:.1f}" fill="none" stroke="#4a5a68" stroke-width="1.5"/>'
    x1, y1 = parent.x + BOX_W / 2, parent.y + BOX_H
    x2, y2 = child.x + BOX_W / 2, child.y
    mid = (y1 + y2) / 2
    return (
        f'<path d="M{x1:.1f},{y1:.1f} V{mid:.1f} H{x2:.1f} V{y2:.1f}" fill="none" stroke="#4a5a68" stroke-width="1.5"/>'
    )


def _box(publication: Publication, node: _Node, href_for: Callable[[str], str | None]) -> str:
    c = node.committee
    x, y = node.x, node.y
    fill, ink = TIER_FILL.get(c.tier, ADDED_TIER[0]), TIER_TEXT.get(c.tier, ADDED_TIER[1])
    tier = tier_label(publication, c.tier)
    name_lines = wrap(c.name, 12.5, BOX_W - 14, max_lines=4, bold=True)
    chair = f"Chair: {agency_short(publication, c.chair)}" if c.chair else ""
    body = [
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{BOX_W:.0f}" height="{BOX_H:.0f}" rx="6" fill="{fill}" '
        f'stroke="#0b3d62" stroke-width="1.5"/>',
        text_lines(name_lines, x + BOX_W / 2, y + 19, 12.5, weight="bold", fill=ink),
        text_lines([tier + (f" · {chair}" if chair else "")], x + BOX_W / 2, y + BOX_H - 10, 11, fill=ink),
    ]
    label = f"{c.name}, {tier.lower()}"
    return link(href_for(c.id), label, "".join(body)).replace("<g>", f'<g id="{esc(c.id)}">', 1)
