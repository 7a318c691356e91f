"""Each level's marking: outlined for the lowest, filled above it, always written in an ink that reads."""

from __future__ import annotations

import pytest

from generator.model.markings import OUTLINED, contrast, marking_styles


def test_the_lowest_level_is_outlined_and_every_level_above_is_filled() -> None:
    styles = marking_styles(["PUBLIC", "OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET", "TOP SECRET"], {})
    assert styles["PUBLIC"] == OUTLINED
    assert {level: style.fill for level, style in styles.items() if style.filled} == {
        "OFFICIAL": "#1b6e3a",  # by rank: no name says which colour
        "OFFICIAL-SENSITIVE": "#6b2c91",
        "SECRET": "#b3261e",
        "TOP SECRET": "#e8711c",  # not SECRET's red: the longer name is matched first
    }


def test_a_publication_sets_any_level_colour_the_lowest_included() -> None:
    styles = marking_styles(["UNCLASSIFIED", "CONFIDENTIAL"], {"UNCLASSIFIED": "#2E7D32"})
    assert styles["UNCLASSIFIED"].fill == "#2e7d32"
    assert styles["CONFIDENTIAL"].fill == "#1f4e9c"


@pytest.mark.parametrize("fill", ["#f2c200", "#6b2c91", "#767676", "#00ff00", "#b3261e", "#000080", "#ffffff"])
def test_the_ink_always_reads_at_wcag_aa(fill: str) -> None:
    style = marking_styles(["PUBLIC", "X"], {"X": fill})["X"]
    assert contrast(style.fill, style.ink) >= 4.5
    assert style.ink == ("#000000" if fill in ("#f2c200", "#00ff00", "#767676", "#ffffff") else "#ffffff")
