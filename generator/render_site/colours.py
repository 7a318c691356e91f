"""Rating-band colours on the web: a background from ``publication.yml`` and an ink that reads on it.

The ink is black or white, whichever contrasts more with the background; the better of
the two is always at least 4.58:1, above WCAG AA for normal text. A colour that is not a
hex colour is not used at all (the band's name is always shown, so nothing is lost).
"""

from __future__ import annotations

import re
from functools import cache

from generator.model import Band

_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


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


@cache
def _style(colour: str) -> str:
    if not _HEX.match(colour):
        return ""
    ink = "#000000" if contrast(colour, "#000000") >= contrast(colour, "#ffffff") else "#ffffff"
    return f"background-color:{colour.lower()};color:{ink}"


def band_style(band: Band | None) -> str:
    """An inline CSS declaration for a band's background and ink, or '' when it has no usable colour."""
    return _style(band.colour.strip()) if band is not None else ""
