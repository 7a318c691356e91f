"""Figures in prose: counts computed from the data of the edition being built.

A drafter writes ``{{count risks band=High}}`` where the prose gives a count, and each
edition shows its own figure. A count written by hand is the same in every edition, so in
an edition that leaves risks out it contradicts the tables beside it, and the difference
tells a reader what was left out.

The grammar is ``{{count <kind> [key=value ...]}}`` on one line. A value may be a list
(``status=progressing,delayed``: any of them) or quoted (``band="Very high"``); a bare key
means ``key=yes``. ``words`` spells 0 to 20 in English ("eighteen"), with a capital at the
start of a sentence.

Counts are over what the edition shows: its own entities, withheld risks included (the
register lists them), risks shown only within a public group excluded. A withheld risk, or
a risk whose scores are restricted, has no band, so no band counts it.

The whole publication is checked once (:func:`check`); each edition then only evaluates
(:func:`expand_all`), since every problem was already reported.

The package, stage by stage: :mod:`.figure` (what a figure is), :mod:`.counted` (the kinds
and their filters), :mod:`.grammar` (reading one), :mod:`.prose` (where figures stand),
:mod:`.count` (computing them), :mod:`.checks` and :mod:`.by_hand` (the diagnostics) and
:mod:`.expand` (writing the numbers in).
"""

from generator.resolve.figures.checks import check, check_edition
from generator.resolve.figures.count import Figures
from generator.resolve.figures.expand import expand, expand_all, with_figures
from generator.resolve.figures.figure import Figure, FigureProblem
from generator.resolve.figures.grammar import parse

__all__ = [
    "Figure",
    "FigureProblem",
    "Figures",
    "check",
    "check_edition",
    "expand",
    "expand_all",
    "parse",
    "with_figures",
]
