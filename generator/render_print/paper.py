"""Paper sizes Charter prints on."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Paper:
    """A paper size and the width left for text between Charter's margins."""

    name: str
    typst: str
    """The name Typst's ``page(paper:)`` takes."""
    text_width_pt: float
    """Portrait: the width between the side margins."""
    text_height_pt: float
    """Portrait: the height between the top and bottom margins."""
    landscape_width_pt: float
    landscape_height_pt: float
    """Landscape: the height between the top and bottom margins."""
    twips: tuple[int, int]
    """Portrait width and height in twentieths of a point (Word's unit)."""


def _paper(name: str, typst: str, width_mm: float, height_mm: float, twips: tuple[int, int]) -> Paper:
    def pt(mm: float) -> float:
        return mm * 72 / 25.4

    return Paper(name, typst, pt(width_mm - 44), pt(height_mm - 56), pt(height_mm - 44), pt(width_mm - 56), twips)


PAPERS = {
    "a4": _paper("a4", "a4", 210, 297, (11906, 16838)),
    "letter": _paper("letter", "us-letter", 215.9, 279.4, (12240, 15840)),
}
"""Every paper ``charter print --paper`` accepts; margins: 22 mm each side, 30 mm top, 26 mm bottom."""


def paper_for(name: str) -> Paper:
    """The paper of a name, case-insensitively; ValueError for an unknown one."""
    try:
        return PAPERS[name.lower()]
    except KeyError:
        raise ValueError(f"unknown paper size {name!r}; use one of: {', '.join(PAPERS)}") from None
