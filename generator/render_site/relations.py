"""Who does what, indexed once: the reverse relations the entity pages list.

The publication answers these questions by scanning; with thousands of entities the
pages would scan it thousands of times, so each relation is gathered here in one pass.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from generator.model import Action, Committee, Indicator, Objective, Risk
from generator.resolve import Publication


@dataclass
class AgencyRoles:
    """Everything one agency does across the structure, the register and the plan."""

    chairs: list[Committee] = field(default_factory=list)
    secretariat: list[Committee] = field(default_factory=list)
    member: list[Committee] = field(default_factory=list)
    leads_risks: list[Risk] = field(default_factory=list)
    supports_risks: list[Risk] = field(default_factory=list)
    leads_objectives: list[Objective] = field(default_factory=list)
    owns_indicators: list[Indicator] = field(default_factory=list)
    owns_controls: list[tuple[Risk, str]] = field(default_factory=list)
    """(risk, control name) for each control the agency owns."""
    raci: list[tuple[Action, str]] = field(default_factory=list)
    """(action, RACI letters) for each action the agency has a role in."""


@dataclass
class Relations:
    """The reverse relations of a publication."""

    agencies: dict[str, AgencyRoles] = field(default_factory=lambda: defaultdict(AgencyRoles))
    objectives_of_risk: dict[str, list[Objective]] = field(default_factory=lambda: defaultdict(list))
    actions_of_risk: dict[str, list[Action]] = field(default_factory=lambda: defaultdict(list))
    actions_of_objective: dict[str, list[Action]] = field(default_factory=lambda: defaultdict(list))
    actions_of_committee: dict[str, list[Action]] = field(default_factory=lambda: defaultdict(list))
    indicators_of: dict[str, list[Indicator]] = field(default_factory=lambda: defaultdict(list))
    risks_of_threat: dict[str, list[Risk]] = field(default_factory=lambda: defaultdict(list))
    children: dict[str, list[Committee]] = field(default_factory=lambda: defaultdict(list))


def relations_of(publication: Publication) -> Relations:
    """Gather every reverse relation in one pass over the publication."""
    rel = Relations()
    for committee in publication.committees:
        if committee.parent:
            rel.children[committee.parent].append(committee)
        if committee.chair:
            rel.agencies[committee.chair].chairs.append(committee)
        if committee.secretariat:
            rel.agencies[committee.secretariat].secretariat.append(committee)
        for agency in committee.members:
            if agency not in (committee.chair, committee.secretariat):
                rel.agencies[agency].member.append(committee)
    for risk in publication.risks:
        rel.risks_of_threat[risk.threat].append(risk)
        rel.agencies[risk.lead].leads_risks.append(risk)
        for agency in dict.fromkeys(risk.support):
            rel.agencies[agency].supports_risks.append(risk)
        for control in risk.controls:
            if control.owner:
                rel.agencies[control.owner].owns_controls.append((risk, control.name))
    for objective in publication.objectives:
        if objective.lead:
            rel.agencies[objective.lead].leads_objectives.append(objective)
        for risk_id in dict.fromkeys(objective.risks):
            rel.objectives_of_risk[risk_id].append(objective)
    for action in publication.actions:
        rel.actions_of_objective[action.objective].append(action)
        if action.committee:
            rel.actions_of_committee[action.committee].append(action)
        for risk_id in dict.fromkeys(action.risks):
            rel.actions_of_risk[risk_id].append(action)
        for agency in action.agencies:
            rel.agencies[agency].raci.append((action, action.raci.role_of(agency)))
    for indicator in publication.indicators:
        rel.agencies[indicator.owner].owns_indicators.append(indicator)
        for parent in (indicator.objective, indicator.action):
            if parent:
                rel.indicators_of[parent].append(indicator)
    return rel
