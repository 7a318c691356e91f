"""Rating-band colours: the ink chosen for a band's colour always reads at WCAG AA."""

from __future__ import annotations

import itertools

import pytest

from generator.model import Band
from generator.render_site.colours import band_style, contrast


@pytest.mark.parametrize("colour", ["#" + "".join(c) for c in itertools.product("05af", repeat=3)])
def test_the_ink_on_any_band_colour_passes_aa(colour: str) -> None:
    style = band_style(Band("Any", 1, 2, colour))
    ink = style.rsplit("color:", 1)[1]
    assert contrast(colour, ink) >= 4.5


def test_sample_bands_get_the_expected_ink() -> None:
    assert band_style(Band("Low", 1, 4, "#2e7d32")) == "background-color:#2e7d32;color:#ffffff"
    assert band_style(Band("Medium", 5, 9, "#f9a825")) == "background-color:#f9a825;color:#000000"


@pytest.mark.parametrize("colour", ["red;background:url(x)", "", "rgb(1,2,3)", "#12"])
def test_a_colour_that_is_not_hex_is_not_used(colour: str) -> None:
    assert band_style(Band("Odd", 1, 2, colour)) == ""
