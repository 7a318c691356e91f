"""How each classification level's marking looks: the banner's fill and the ink written on it.

A reader must never take a restricted edition for the public one, so the marking of
every level above the lowest is a filled banner in the level's colour, on the cover,
on every printed page, on every web page and in every EPUB file. The lowest level keeps
a plain outlined box unless the publication gives it a colour too.

A publication sets colours per level in ``classification.colours``; a level it leaves
out takes a default: the colour conventions governments commonly use where the level's
name says which (SECRET red, TOP SECRET orange, CONFIDENTIAL blue, RESTRICTED and
SENSITIVE purple), else a colour by the level's rank. The ink is black or white,
whichever contrasts more with the fill: the better of the two is always at least 4.58:1,
above WCAG AA for normal text.
"""

from __future__ import annotations

from dataclasses import dataclass

INK = "#10222f"
"""The ink of an outlined marking: the print and web text colour."""

NAMED_FILLS = (
    ("TOP SECRET", "#e8711c"),
    ("SECRET", "#b3261e"),
    ("CONFIDENTIAL", "#1f4e9c"),
    ("RESTRICTED", "#6b2c91"),
    ("SENSITIVE", "#6b2c91"),
)
"""A level whose name holds one of these words (the first that matches) takes its colour."""

RANK_FILLS = ("#1b6e3a", "#6b2c91", "#b3261e", "#e8711c", "#1f4e9c")
"""Colours for levels above the lowest that no name above matches, by rank: first, second, ..."""


@dataclass(frozen=True, slots=True)
class MarkingStyle:
    """A level's marking: ``fill`` is '' for an outlined box, else the banner's colour (#rrggbb)."""

    fill: str
    ink: str

    @property
    def filled(self) -> bool:
        """Whether the marking is a filled banner (every level above the lowest, by default)."""
        return bool(self.fill)


OUTLINED = MarkingStyle(fill="", ink=INK)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """The WCAG relative luminance of a ``#rgb`` or ``#rrggbb`` colour."""
    digits = colour[1:]
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    r, g, b = (int(digits[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two colours."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def ink_on(fill: str) -> str:
    """Black or white, whichever reads better on ``fill``."""
    return "#000000" if contrast(fill, "#000000") >= contrast(fill, "#ffffff") else "#ffffff"


def default_fill(level: str, rank: int) -> str:
    """The default colour of a level: '' for the lowest (rank 0), else by its name or its rank."""
    if rank == 0:
        return ""
    name = level.upper()
    for word, fill in NAMED_FILLS:
        if word in name:
            return fill
    return RANK_FILLS[(rank - 1) % len(RANK_FILLS)]


def marking_styles(levels: list[str], colours: dict[str, str]) -> dict[str, MarkingStyle]:
    """Each level's marking, from the publication's ``colours`` (checked already) and the defaults."""
    styles = {}
    for rank, level in enumerate(levels):
        fill = (colours.get(level) or default_fill(level, rank)).lower()
        styles[level] = MarkingStyle(fill=fill, ink=ink_on(fill)) if fill else OUTLINED
    return styles
