"""Diagrams on the web: the SVG inlined in the page, with its text version, and as a file of its own.

Inline SVG keeps the org chart's links real links (focusable, announced with their
labels). A diagram without links is exposed as one image named by its ``<title>`` and
described by its ``<desc>``. Under it, a disclosure holds the full text version.
"""

from __future__ import annotations

import re

from generator.render_site.context import PageContext
from generator.render_site.escape import esc
from generator.views.blocks import Diagram

DIAGRAM_FOLDER = "diagrams"
MIN_SCALE = 0.8
"""A diagram shrinks to fit the page down to this share of its drawn size, then scrolls instead."""
_LINK_LABEL = re.compile(r'(<a\b[^>]*?) aria-label="[^"]*"')


def diagram_file(diagram: Diagram, page: PageContext) -> tuple[str, str]:
    """The path (below the site root) and the text of the diagram's standalone SVG file."""
    sitemap = page.sitemap

    def href_from_folder(entity_id: str) -> str | None:
        href = sitemap.href(DIAGRAM_FOLDER, entity_id)
        return href + "index.html" if href and href.endswith("/") else href

    svg = diagram.svg(href_from_folder)
    return f"{DIAGRAM_FOLDER}/{diagram.name}.svg", '<?xml version="1.0" encoding="UTF-8"?>\n' + svg + "\n"


def render_diagram(diagram: Diagram, page: PageContext) -> str:
    """The HTML of a diagram placed in a page (one raw HTML block, no blank lines)."""
    # A link's <title> child already names it; an aria-label that differs from the text
    # drawn in the box would hide that text from speech-input users (WCAG 2.5.3).
    svg = _LINK_LABEL.sub(r"\1", diagram.svg(page.href).strip())
    figure_id = page.new_id(f"diagram-{diagram.view}")
    role = "" if "<a " in svg else ' role="img"'
    svg = svg.replace("<svg ", f'<svg{role} class="charter-svg" ', 1)
    min_width = diagram.width * MIN_SCALE
    file_href = page.file(f"{DIAGRAM_FOLDER}/{diagram.name}.svg")
    items = "".join(f"<li>{esc(line)}</li>" for line in diagram.description)
    description = (
        f'<details class="charter-description"><summary>Text version of the {esc(diagram.caption.lower())}</summary>'
        f"<ul>{items}</ul></details>"
        if items
        else ""
    )
    return (
        f'<figure class="charter-diagram charter-diagram--{esc(diagram.view)}" id="{figure_id}">'
        f'<div class="charter-diagram__scroll" role="region" aria-label="{esc(diagram.caption)}" tabindex="0">'
        f'<div class="charter-diagram__canvas" style="min-width:{min_width:.0f}px;max-width:{diagram.width:.0f}px">'
        f"{svg}</div></div>"
        f'<figcaption>{esc(diagram.caption)} <a class="charter-diagram__file" href="{esc(file_href)}">'
        f"Open the diagram on its own (SVG)</a></figcaption></figure>{description}"
    )
