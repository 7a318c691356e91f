"""The parts of an action and an indicator that are not entities: milestones, RACI, status reports, measurements."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(slots=True)
class Milestone:
    """A dated milestone of an action."""

    date: dt.date
    title: str


@dataclass(slots=True)
class StatusReport:
    """An action's status as reported on a date: one entry of its progress."""

    date: dt.date
    status: str
    note: str = ""


@dataclass(slots=True)
class Measurement:
    """An indicator's value as measured on a date."""

    date: dt.date
    value: float
    note: str = ""


@dataclass(slots=True)
class Raci:
    """Who is responsible, accountable, consulted and informed for an action."""

    responsible: str
    accountable: str
    consulted: list[str] = field(default_factory=list)
    informed: list[str] = field(default_factory=list)

    def role_of(self, agency: str) -> str:
        """The RACI letters of an agency, e.g. 'R/A', or '' when it has no role."""
        letters = []
        if agency == self.responsible:
            letters.append("R")
        if agency == self.accountable:
            letters.append("A")
        if agency in self.consulted:
            letters.append("C")
        if agency in self.informed:
            letters.append("I")
        return "/".join(letters)
