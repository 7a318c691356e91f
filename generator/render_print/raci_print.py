"""A RACI matrix with many agencies, printed by role: one row per action, one column per role.

The website shows the matrix (it scrolls, and a reader filters it). On paper, a column per
agency stops being readable above :data:`MATRIX_MAX_AGENCIES` agencies (each is a few
millimetres wide even on a landscape page), and a matrix of thousands of mostly empty
cells is what makes Typst slow and hungry: 150 agencies by 1,750 actions is 264,000 cells,
5.7 GiB and 53 s of the 5,000-entity publication's PDF. By role, the same facts take five
columns, and every agency is still named in the row it has a role in.
"""

from __future__ import annotations

from dataclasses import replace

from generator.model import View
from generator.resolve import Publication
from generator.views import Block, render_view
from generator.views.blocks import Cell, Column, Inline, Marker, Table
from generator.words import say

MATRIX_MAX_AGENCIES = 20
"""Above this many agency columns the printed RACI lists each action's agencies by role."""

LETTERS = ("R", "A", "C", "I")
"""The RACI roles' letters, in the columns' order (their titles: :func:`role_titles`)."""


def role_titles() -> list[str]:
    """The RACI roles' column titles, in the current language."""
    return [say("Responsible"), say("Accountable"), say("Consulted"), say("Informed")]


def print_view(view: View, publication: Publication) -> list[Block]:
    """A view's blocks as print shows them (see :func:`for_print`)."""
    return [for_print(block) if isinstance(block, Table) else block for block in render_view(view, publication)]


def for_print(table: Table) -> Table:
    """The table as print shows it: a RACI matrix of many agencies by role, any other table as it is."""
    agencies = table.columns[1:]
    if table.view != "raci" or len(agencies) <= MATRIX_MAX_AGENCIES or not table.rows:
        return table
    rows = []
    for row in table.rows:
        named: dict[str, list[Inline]] = {letter: [] for letter in LETTERS}
        for agency, entry in zip(agencies, row[1:], strict=True):
            letters = _letters(entry)
            for letter in letters.split("/") if letters else []:
                named.setdefault(letter, []).append(agency.abbr or agency.name)
        rows.append([row[0], *(Cell(parts=named[letter], separator=", ") for letter in LETTERS)])
    key = "; ".join(f"{a.abbr} = {a.name}" for a in agencies if a.abbr and a.abbr != a.name)
    notes = [say("Agencies: {key}.", key=key)] if key else []
    return replace(
        table,
        columns=[table.columns[0], *(Column(title) for title in role_titles())],
        rows=rows,
        wide=False,
        notes=notes,
    )


def _letters(entry: Cell) -> str:
    """The RACI letters of a matrix cell, e.g. 'R/A' ('' for an agency without a role)."""
    return "".join(part.text if isinstance(part, Marker) else str(part) for part in entry.parts).strip()
