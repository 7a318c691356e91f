"""Rating-band colours on the web: a background from ``publication.yml`` and an ink that reads on it.

The ink is black or white, whichever contrasts more with the background; the better of
the two is always at least 4.58:1, above WCAG AA for normal text. A colour that is not a
hex colour is not used at all (the band's name is always shown, so nothing is lost).
"""

from __future__ import annotations

import re
from functools import cache

from generator.model import Band
from generator.model.markings import contrast, ink_on, luminance

__all__ = ["band_style", "contrast", "luminance"]

_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


@cache
def _style(colour: str) -> str:
    if not _HEX.match(colour):
        return ""
    return f"background-color:{colour.lower()};color:{ink_on(colour)}"


def band_style(band: Band | None) -> str:
    """An inline CSS declaration for a band's background and ink, or '' when it has no usable colour."""
    return _style(band.colour.strip()) if band is not None else ""
