"""Diagrams on the web: the SVG inlined in the page, with its text version, and as a file of its own.

Inline SVG keeps the org chart's links real links (focusable, announced with their
labels). A diagram without links is exposed as one image named by its ``<title>`` and
described by its ``<desc>``. Under it, a disclosure holds the full text version.

A diagram never scrolls or clips: its full layout scales to the width of its box, down to
the width where its smallest text would drop below :data:`MIN_TEXT_PX`. Below that the
narrow layout (a vertical tree, a stacked timeline) takes its place. A CSS container
query on the box's width chooses between them, through a ``charter-fit-N`` class on the
box (the stylesheet has one rule per step of :data:`FIT_STEP` px), so it needs no script.
The caption links the full layout's file, for a reader who wants it at full size.
"""

from __future__ import annotations

import re

from generator.render_site.context import PageContext
from generator.render_site.escape import esc
from generator.views.blocks import Diagram
from generator.words import say

DIAGRAM_FOLDER = "diagrams"
MIN_TEXT_PX = 12.0
"""The smallest text a reader is shown, in CSS px, at the scale the diagram is drawn at."""
NARROW_GROWTH = 1.3
"""The narrow layout grows with its box up to this share of its drawn size, then stays centred."""
FIT_STEP, FIT_MAX = 40, 1600
"""The steps of the ``charter-fit-N`` classes in ``charter.css``; wider than FIT_MAX: always the narrow layout."""
_LINK_LABEL = re.compile(r'(<a\b[^>]*?) aria-label="[^"]*"')


def diagram_file(diagram: Diagram, page: PageContext) -> tuple[str, str]:
    """The path (below the site root) and the text of the diagram's standalone SVG file."""
    sitemap = page.sitemap

    def href_from_folder(entity_id: str) -> str | None:
        href = sitemap.href(DIAGRAM_FOLDER, entity_id)
        return href + "index.html" if href and href.endswith("/") else href

    svg = diagram.svg(href_from_folder)
    return f"{DIAGRAM_FOLDER}/{diagram.name}.svg", '<?xml version="1.0" encoding="UTF-8"?>\n' + svg + "\n"


def fit_class(diagram: Diagram) -> str:
    """The box's class naming the narrowest width (px) at which the full layout's text stays legible."""
    needed = diagram.width * min(1.0, diagram.smallest_text / MIN_TEXT_PX)
    step = -(-int(needed) // FIT_STEP) * FIT_STEP
    return f"charter-fit-{step}" if step <= FIT_MAX else "charter-fit-never"


def _inline(svg: str, role: str) -> str:
    # A link's <title> child already names it; an aria-label that differs from the text
    # drawn in the box would hide that text from speech-input users (WCAG 2.5.3).
    svg = _LINK_LABEL.sub(r"\1", svg.strip())
    return svg.replace("<svg ", f'<svg{role} class="charter-svg" ', 1)


def render_diagram(diagram: Diagram, page: PageContext) -> str:
    """The HTML of a diagram placed in a page (one raw HTML block, no blank lines)."""
    full = diagram.svg(page.href)
    figure_id = page.new_id(f"diagram-{diagram.view}")
    role = "" if "<a " in full else ' role="img"'
    layouts = f'<div class="charter-diagram__full" style="max-width:{diagram.width:.0f}px">{_inline(full, role)}</div>'
    box_class = "charter-diagram__box"
    if diagram.narrow is not None:
        narrow = _inline(diagram.narrow.svg(page.href), role)
        cap = diagram.narrow.width * NARROW_GROWTH
        layouts += f'<div class="charter-diagram__narrow" style="max-width:{cap:.0f}px">{narrow}</div>'
        box_class += f" {fit_class(diagram)}"
    file_href = page.file(f"{DIAGRAM_FOLDER}/{diagram.name}.svg")
    items = "".join(f"<li>{esc(line)}</li>" for line in diagram.description)
    summary = say("Text version: {caption}", caption=esc(diagram.caption))
    description = (
        f'<details class="charter-description"><summary>{summary}</summary><ul>{items}</ul></details>' if items else ""
    )
    return (
        f'<figure class="charter-diagram charter-diagram--{esc(diagram.view)}" id="{figure_id}">'
        f'<div class="{box_class}">{layouts}</div>'
        f'<figcaption>{esc(diagram.caption)} <a class="charter-diagram__file" href="{esc(file_href)}">'
        f"{say('Open the diagram full size (SVG)')}</a></figcaption></figure>{description}"
    )
