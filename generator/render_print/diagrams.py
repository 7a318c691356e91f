"""Diagrams on paper: the layout that keeps its text at 7 pt or more, on as many pages as it needs.

The full layout is printed when it fits a portrait or a landscape page with its smallest
text at :data:`MIN_TEXT_PT` or more. Otherwise the diagram's ``pages`` cut it into pieces
drawn at the portrait text width (a stacked timeline, a vertical organisation chart), each
a figure of its own, so nothing is clipped and nothing shrinks below legibility.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.render_print.markdown_escape import escape_markdown, markdown_attribute, raw_typst_block, typst_string
from generator.render_print.pages import PageSetup
from generator.render_print.paper import Paper
from generator.views.blocks import Diagram, Drawing
from generator.words import say

MIN_TEXT_PT = 7.0
"""The smallest printed text."""
PT_PER_PX = 0.75
"""SVG px are 96 per inch."""
FIGURE_CAPTION_PT = 60.0
"""Room kept below a figure for its caption."""


@dataclass(frozen=True, slots=True)
class PrintPlan:
    """How a diagram goes on paper: the drawings, one figure each, and whether on landscape pages."""

    drawings: list[Drawing]
    landscape: bool


def _scale(drawing: Drawing, width_pt: float, height_pt: float) -> float:
    return min(1.0, width_pt / (drawing.width * PT_PER_PX), height_pt / (drawing.height * PT_PER_PX))


def print_plan(diagram: Diagram, paper: Paper) -> PrintPlan:
    """The full layout on a portrait or landscape page if its text stays legible there, else the pieces."""
    full = Drawing(diagram.svg, diagram.width, diagram.height, diagram.smallest_text)
    rooms = [
        (False, paper.text_width_pt, paper.text_height_pt - FIGURE_CAPTION_PT),
        (True, paper.landscape_width_pt, paper.landscape_height_pt - FIGURE_CAPTION_PT),
    ]
    for landscape, width_pt, height_pt in rooms:
        if full.smallest_text * PT_PER_PX * _scale(full, width_pt, height_pt) >= MIN_TEXT_PT:
            return PrintPlan([full], landscape)
    if diagram.pages is not None:
        pieces = diagram.pages(rooms[0][1] / PT_PER_PX, rooms[0][2] / PT_PER_PX)
        if pieces:
            return PrintPlan(pieces, False)
    return PrintPlan([full], full.width * PT_PER_PX > paper.text_width_pt * 1.25)


def figure_alts(diagram: Diagram, plan: PrintPlan) -> list[str]:
    """The text alternative of each figure the plan prints: the diagram's, with 'Part 2 of 3.' when cut."""
    count = len(plan.drawings)
    if count == 1:
        return [diagram.alt]
    return [f"{diagram.alt} {say('Part {part} of {count}.', part=i, count=count)}" for i in range(1, count + 1)]


def diagram_files(diagram: Diagram, plan: PrintPlan, folder: str) -> list[tuple[str, str]]:
    """(path, SVG text) of each drawing of the plan, without links (the PDF's figures are images)."""
    names = [diagram.name] + [f"{diagram.name}-{i}" for i in range(2, len(plan.drawings) + 1)]
    return [(f"{folder}/{name}.svg", d.svg(lambda _id: None)) for name, d in zip(names, plan.drawings, strict=True)]


def diagram_markdown(diagram: Diagram, plan: PrintPlan, paths: list[str], setup: PageSetup) -> str:
    """The plan's figures, each image carrying its text alternative; on landscape pages if the plan says so.

    pandoc's Typst writer drops an image's alt text, so a scoped ``set image(alt: …)``
    gives it back. An image is scaled down, never up, to fit the text area.
    """
    paper = setup.paper
    if plan.landscape:
        room_w, room_h = paper.landscape_width_pt, paper.landscape_height_pt - FIGURE_CAPTION_PT
    else:
        room_w, room_h = paper.text_width_pt, paper.text_height_pt - FIGURE_CAPTION_PT
    count = len(plan.drawings)
    figures = []
    alts = figure_alts(diagram, plan)
    for index, (drawing, path) in enumerate(zip(plan.drawings, paths, strict=True), start=1):
        caption = diagram.caption + (f" ({say('{part} of {count}', part=index, count=count)})" if count > 1 else "")
        alt = alts[index - 1]
        width_pt = drawing.width * PT_PER_PX * _scale(drawing, room_w, room_h)
        anchor = f"fig-{diagram.name}" + (f"-{index}" if index > 1 else "")
        attributes = [f"#{anchor}", f"alt={markdown_attribute(alt)}", f'width="{max(1, int(width_pt))}pt"']
        figure = f"![{escape_markdown(caption)}]({path}){{{' '.join(attributes)}}}"
        figures.append(
            "\n\n".join(
                [
                    raw_typst_block(f"#[\n#set image(alt: {typst_string(alt)})"),
                    f":::: {{.view .view-{diagram.view} .diagram}}\n{figure}\n::::",
                    raw_typst_block("]"),
                ]
            )
        )
    markdown = "\n\n".join(figures)
    if plan.landscape:
        markdown = "\n\n".join([setup.landscape_open(), markdown, setup.landscape_close()])
    return markdown
