"""The organisation chart's tree, and its vertical layout: one box per line, indented by level.

The vertical layout fits any width (a phone, a portrait page) and, being a list, can be
cut into pages anywhere. A committee whose parent is on an earlier page is joined to the
top of its page by its connector.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from generator.model import Committee
from generator.resolve import Publication
from generator.views.blocks import Drawing
from generator.views.svg import LINE, link, open_svg, text_lines, wrap
from generator.views.text import agency_short, tier_label
from generator.words import say

NAME_SIZE, SMALL = 13.0, 12.0
"""Font sizes (px): committee names; tier and chair."""
MARGIN, INDENT, GAP = 10.0, 22.0, 10.0
TIER_STYLE = {
    # box fill, text colour: every text sits on its own box, so it reads on light and dark pages
    "national": ("#0b3d62", "#ffffff"),
    "sub-committee": ("#e8f0f7", "#10222f"),
    "port": ("#f4f4f4", "#10222f"),
    "working-group": ("#fff8e1", "#10222f"),
    "": ("#f4f4f4", "#10222f"),
}
"""A tier the publication adds (key ``""``) has no colour of its own: a plain box, its tier written in it."""


@dataclass
class ChartNode:
    """A committee placed in the chart."""

    committee: Committee
    children: list[ChartNode] = field(default_factory=list)
    x: float = 0.0
    y: float = 0.0
    depth: int = 0
    stacked: bool = False
    """Its children hang in a column below it instead of a row (the full layout)."""
    parent: ChartNode | None = None


def chart_tree(publication: Publication, root: Committee) -> ChartNode:
    """The tree of committees below ``root``; a committee met twice (a cycle) is drawn once."""
    seen: set[str] = set()

    def grow(committee: Committee, depth: int, parent: ChartNode | None) -> ChartNode:
        seen.add(committee.id)
        node = ChartNode(committee, depth=depth, parent=parent)
        node.children = [grow(c, depth + 1, node) for c in publication.children(committee) if c.id not in seen]
        return node

    return grow(root, 0, None)


def flatten(node: ChartNode) -> list[ChartNode]:
    """The node and everything below it, parents before children."""
    found = [node]
    for child in node.children:
        found.extend(flatten(child))
    return found


def box_lines(publication: Publication, committee: Committee, width: float) -> tuple[list[str], list[str]]:
    """The lines of a committee's box at a text width: its name, then its tier and chair."""
    tier = tier_label(publication, committee.tier)
    chair = say("Chair: {agency}", agency=agency_short(publication, committee.chair)) if committee.chair else ""
    small = wrap(tier + (f" · {chair}" if chair else ""), SMALL, width)
    if len(small) > 1 and chair:  # the tier on one line and the chair on the next, never "Chair:" alone
        small = wrap(tier, SMALL, width) + wrap(chair, SMALL, width)
    return wrap(committee.name, NAME_SIZE, width, bold=True), small


def _row_height(publication: Publication, node: ChartNode, width: float) -> float:
    name, small = box_lines(publication, node.committee, _box_w(node, width) - 16)
    return 12 + len(name) * NAME_SIZE * LINE + 4 + len(small) * SMALL * LINE


def _box_w(node: ChartNode, width: float) -> float:
    return width - 2 * MARGIN - node.depth * INDENT


def draw_vertical(publication: Publication, nodes: list[ChartNode], width: float, title: str, alt: str) -> Drawing:
    """The nodes (parents before children) as an indented column of boxes ``width`` px wide."""
    tops: dict[int, float] = {}
    heights: dict[int, float] = {}
    y = MARGIN
    for node in nodes:
        tops[id(node)], heights[id(node)] = y, _row_height(publication, node, width)
        y += heights[id(node)] + GAP
    height = y - GAP + MARGIN

    def draw(href_for: Callable[[str], str | None]) -> str:
        parts = [open_svg(width, height, title, alt)]
        for node in nodes:
            if node.parent is None or node.depth == 0:
                continue
            x = MARGIN + (node.depth - 1) * INDENT + INDENT / 2
            parent_top = tops.get(id(node.parent))
            y1 = parent_top + heights[id(node.parent)] if parent_top is not None else 0.0
            y2 = tops[id(node)] + 18
            parts.append(
                f'<path d="M{x:.1f},{y1:.1f} V{y2:.1f} H{x + INDENT / 2:.1f}" fill="none" '
                f'class="cd-connector-line" stroke="#4a5a68" stroke-width="1.5"/>'
            )
        for node in nodes:
            parts.append(_box(publication, node, width, tops[id(node)], heights[id(node)], href_for))
        parts.append("</svg>")
        return "".join(parts)

    return Drawing(draw, width, height, SMALL)


def _box(
    publication: Publication,
    node: ChartNode,
    width: float,
    top: float,
    height: float,
    href_for: Callable[[str], str | None],
) -> str:
    x = MARGIN + node.depth * INDENT
    return committee_box(publication, node.committee, (x, top, _box_w(node, width), height), href_for, centred=False)


def committee_box(
    publication: Publication,
    c: Committee,
    box: tuple[float, float, float, float],
    href_for: Callable[[str], str | None],
    *,
    centred: bool,
) -> str:
    """A committee's box (x, y, width, height): its name in bold, its tier and chair below, linked to its page.

    ``centred`` text suits the wide chart's boxes in rows; the vertical tree's boxes read from the left.
    """
    x, y, w, h = box
    fill, ink = TIER_STYLE.get(c.tier, TIER_STYLE[""])
    pad, gap = (7, 6) if centred else (8, 4)
    name, small = box_lines(publication, c, w - 2 * pad)
    name_h = len(name) * NAME_SIZE * LINE
    text_x, anchor = (x + w / 2, "middle") if centred else (x + pad, "start")
    top = y + (8 if centred else 6)
    body = [
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" rx="6" fill="{fill}" '
        f'class="cd-box" stroke="#0b3d62" stroke-width="1.5"/>',
        text_lines(name, text_x, top + NAME_SIZE, NAME_SIZE, anchor=anchor, weight="bold", fill=ink),
        text_lines(small, text_x, top + gap + name_h + SMALL, SMALL, anchor=anchor, fill=ink),
    ]
    label = f"{c.name}, {tier_label(publication, c.tier).lower()}"
    return link(href_for(c.id), label, "".join(body))


def vertical_pages(
    publication: Publication, nodes: list[ChartNode], width: float, room: float, title: str, alt: str
) -> list[Drawing]:
    """The vertical layout cut into drawings no taller than ``room`` (one box at least on each)."""
    pieces: list[Drawing] = []
    current: list[ChartNode] = []
    used = MARGIN * 2
    for node in nodes:
        needed = _row_height(publication, node, width) + GAP
        if current and used + needed > room:
            pieces.append(draw_vertical(publication, current, width, title, alt))
            current, used = [], MARGIN * 2
        current.append(node)
        used += needed
    if current:
        pieces.append(draw_vertical(publication, current, width, title, alt))
    return pieces
