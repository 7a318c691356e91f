"""A signature: who signs a foreword or a statement, as a ``yaml signature`` block gives it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.model.entities import Passage
from generator.words import long_date


@dataclass(slots=True)
class Signature(Passage):
    """A ``yaml signature`` block: who signs a foreword or a statement, set as a block of its own.

    ``text`` holds its lines as plain text, so every check of a passage's words (code words,
    leaks, edition cuts) reads it as it reads prose; each renderer sets the fields themselves.
    """

    name: str = ""
    role: str = ""
    """The signatory's office (``title:`` in the block)."""
    place: str = ""
    date: dt.date | None = None

    @property
    def lines(self) -> list[str]:
        """Its lines as printed: the name, the office, then the place and date ('Port Anselm, 30 September 2026')."""
        day = long_date(self.date)  # in the language Charter writes in (:mod:`generator.words`)
        where = ", ".join(p for p in (self.place, day) if p)
        return [line for line in (self.name, self.role, where) if line]
