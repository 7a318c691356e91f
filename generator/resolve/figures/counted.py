"""What can be counted: each kind by its plural, and the filters it takes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from generator.model import Action, Agency, Committee, Entity, Indicator, Objective, Phase, Risk, Settings, Threat
from generator.model.vocabulary import STAGES
from generator.resolve.figures.figure import Figure


class Counts(Protocol):
    """What a filter may ask of the figures of an edition (:class:`~generator.resolve.figures.count.Figures`)."""

    def addressed(self, objective_id: str) -> set[str]:
        """The risks an objective of the edition addresses."""
        ...

    def assessed(self) -> set[str]:
        """The threat categories a risk of the edition assesses."""
        ...


Test = Callable[[Any, str, Counts, Figure], bool]
"""Whether an entity passes a filter with one value, in a publication's figures, for a figure."""


@dataclass(frozen=True, slots=True)
class Key:
    """A filter: the values it takes and which entities it lets through."""

    values: str
    """``band``, ``stage``, ``yes/no``, ``choice`` or the kind of entity its value names."""
    test: Test
    choices: tuple[str, ...] = ()
    """The values of a ``stage`` filter."""
    meaning: str = ""
    """What the filter means, for the README."""
    vocabulary: str = ""
    """A ``choice`` filter's vocabulary (e.g. ``action_statuses``), which the publication may extend."""

    @property
    def names_entity(self) -> bool:
        """Whether the filter's value is an entity's ID (a threat, an agency, an objective)."""
        return self.values not in ("band", "stage", "yes/no", "choice")

    def choices_in(self, settings: Settings) -> tuple[str, ...]:
        """The values the filter takes in a publication: its vocabulary's, engine's and added, or its own."""
        return settings.vocabulary.named(self.vocabulary).values if self.vocabulary else self.choices


@dataclass(frozen=True, slots=True)
class Kind:
    """A kind that can be counted, by its plural."""

    entity: type[Entity]
    keys: dict[str, Key] = field(default_factory=dict)


def _band(risk: Risk, value: str, figures: Counts, figure: Figure) -> bool:
    assessment = risk.stage(figure.stage)
    return not risk.withheld and not assessment.withheld and value in (assessment.band.name, assessment.band.key)


def _yes(flag: bool, value: str) -> bool:
    return flag == (value == "yes")


KINDS: dict[str, Kind] = {
    "risks": Kind(
        Risk,
        {
            "band": Key("band", _band, meaning="rated in this band (at `stage`)"),
            "stage": Key(
                "stage", lambda r, v, f, _: True, STAGES.values, "which scores `band` reads; default `residual`"
            ),
            "threat": Key("threat", lambda r, v, f, _: r.threat == v, meaning="assessing this threat category"),
            "lead": Key("agency", lambda r, v, f, _: r.lead == v, meaning="led by this agency"),
            "agency": Key(
                "agency", lambda r, v, f, _: v == r.lead or v in r.support, meaning="led or supported by this agency"
            ),
            "objective": Key(
                "objective", lambda r, v, f, _: r.id in f.addressed(v), meaning="addressed by the objective"
            ),
        },
    ),
    "actions": Kind(
        Action,
        {
            "status": Key(
                "choice", lambda a, v, f, _: a.status == v, meaning="with this status", vocabulary="action_statuses"
            ),
            "objective": Key("objective", lambda a, v, f, _: a.objective == v, meaning="delivering the objective"),
            "committee": Key("committee", lambda a, v, f, _: a.committee == v, meaning="overseen by the committee"),
            "lead": Key("agency", lambda a, v, f, _: a.raci.responsible == v, meaning="with this responsible agency"),
            "agency": Key("agency", lambda a, v, f, _: v in a.agencies, meaning="with any RACI role for the agency"),
        },
    ),
    "objectives": Kind(
        Objective,
        {
            "lead": Key("agency", lambda o, v, f, _: o.lead == v, meaning="led by this agency"),
            "risk": Key("risk", lambda o, v, f, _: v in o.risks, meaning="addressing the risk"),
        },
    ),
    "indicators": Kind(
        Indicator,
        {
            "level": Key(
                "choice", lambda i, v, f, _: i.level == v, meaning="of this level", vocabulary="indicator_levels"
            ),
            "objective": Key("objective", lambda i, v, f, _: i.objective == v, meaning="measuring the objective"),
            "action": Key("action", lambda i, v, f, _: i.action == v, meaning="measuring the action"),
            "owner": Key("agency", lambda i, v, f, _: i.owner == v, meaning="owned by this agency"),
        },
    ),
    "agencies": Kind(
        Agency,
        {"type": Key("choice", lambda a, v, f, _: a.type == v, meaning="of this type", vocabulary="agency_types")},
    ),
    "committees": Kind(
        Committee,
        {"tier": Key("choice", lambda c, v, f, _: c.tier == v, meaning="of this tier", vocabulary="committee_tiers")},
    ),
    "threats": Kind(
        Threat,
        {
            "assessed": Key("yes/no", lambda t, v, f, _: _yes(t.id in f.assessed(), v), meaning="a risk assesses it"),
            "malicious": Key("yes/no", lambda t, v, f, _: _yes(t.malicious, v), meaning="a malicious threat"),
            "imo": Key("yes/no", lambda t, v, f, _: _yes(t.imo is not None, v), meaning="one of the IMO's categories"),
        },
    ),
    "phases": Kind(Phase),
}
OPTIONS = ("words",)
"""Keys every figure takes that choose how it is written, not what it counts."""
