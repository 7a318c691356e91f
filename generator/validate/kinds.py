"""One reader per entity kind: turn a located YAML mapping into a typed entity.

Each reader takes a :class:`FieldReader` over the entity's mapping and the publication's
settings (whose vocabularies hold the allowed agency types, tiers, indicator levels and
action statuses), and returns the entity (or None when a required part is unusable). Every field
a reader reads is a field of its kind; ``finish`` reports the rest as unknown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypedDict

from generator.diagnostics import Location
from generator.model import (
    Acronym,
    Action,
    Agency,
    Assessment,
    Committee,
    Control,
    Entity,
    Indicator,
    Milestone,
    Objective,
    Phase,
    Raci,
    Risk,
    Settings,
    Threat,
)
from generator.validate.fields import FieldReader

EFFECTIVENESS = ("effective", "partial", "weak", "none")
TRENDS = ("increasing", "stable", "decreasing")
TREATMENTS = ("treat", "tolerate", "transfer", "terminate")
CONFIDENCE = ("high", "medium", "low")
RISK_STATUS = ("open", "in-process", "accepted", "closed")

COMMON = ("id", "classification", "restricted", "public_name")


class Common(TypedDict):
    """The fields every entity has, ready to pass to its constructor."""

    id: str
    location: Location
    field_positions: dict[str, tuple[int, int]]
    chapter: str
    classification: str
    restricted: dict[str, str]
    public_name: str


def _common(r: FieldReader, entity_id: str, settings: Settings) -> Common:
    return {
        "id": entity_id,
        "location": r.key_location("id"),
        "field_positions": r.node.key_pos,
        "chapter": r.file.rel_path,
        "classification": read_level(r, "classification", settings) or r.level or settings.default_level,
        "restricted": _read_restricted(r, settings),
        "public_name": r.text("public_name"),
    }


def _read_restricted(r: FieldReader, settings: Settings) -> dict[str, str]:
    """``restricted: {field: LEVEL}``: fields that carry a higher level than their entity."""
    node = r.mapping("restricted")
    if node is None:
        return {}
    child = r.child(node, "restricted")
    return {key: child.choice(key, settings.levels, default=settings.levels[-1]) for key in node.items}


def read_level(r: FieldReader, key: str, settings: Settings) -> str | None:
    """A classification level, checked against the publication's levels."""
    if key not in r.node.items:
        return None
    return r.choice(key, settings.levels, default=settings.levels[-1]) or None


def _check_order(r: FieldReader, what: str, start: dt.date, end: dt.date) -> None:
    """An end date must not come before its start date."""
    if end < start:
        r.error(
            r.key_location("end"),
            "E-DATE-ORDER",
            "end",
            f"the {what} ends ({end}) before it starts ({start})",
            "swap the dates, or correct the one that is wrong",
        )


def read_agency(r: FieldReader, entity_id: str, settings: Settings) -> Agency:
    """An agency."""
    agency = Agency(
        **_common(r, entity_id, settings),
        name=r.text("name", required=True),
        short=r.text("short"),
        type=r.choice("type", settings.vocabulary.agency_types.values, default="other"),
        ministry=r.text("ministry"),
    )
    r.finish((*COMMON, "name", "short", "type", "ministry"))
    return agency


def read_committee(r: FieldReader, entity_id: str, settings: Settings) -> Committee:
    """A committee and its terms of reference."""
    committee = Committee(
        **_common(r, entity_id, settings),
        name=r.text("name", required=True),
        short=r.text("short"),
        tier=r.choice("tier", settings.vocabulary.committee_tiers.values, default="national", required=True),
        parent=r.ref("parent", "committee"),
        purpose=r.text("purpose"),
        functions=r.text_list("functions"),
        chair=r.ref("chair", "agency", required=True),
        secretariat=r.ref("secretariat", "agency"),
        members=r.ref_list("members", "agency"),
        industry_members=r.text_list("industry_members"),
        meets=r.text("meets"),
        quorum=r.text("quorum"),
        decision_rights=r.text_list("decision_rights"),
        legal_basis=r.text("legal_basis"),
        established=r.date("established"),
        reports_to=r.text("reports_to"),
    )
    r.finish(
        (
            *COMMON,
            "name",
            "short",
            "tier",
            "parent",
            "purpose",
            "functions",
            "chair",
            "secretariat",
            "members",
            "industry_members",
            "meets",
            "quorum",
            "decision_rights",
            "legal_basis",
            "established",
            "reports_to",
        )
    )
    return committee


def read_threat(r: FieldReader, entity_id: str, settings: Settings) -> Threat:
    """A threat category."""
    threat = Threat(
        **_common(r, entity_id, settings),
        name=r.text("name", required=True),
        description=r.text("description"),
        malicious=r.boolean("malicious", default=True),
        imo=r.integer("imo", low=1, high=12),
    )
    r.finish((*COMMON, "name", "description", "malicious", "imo"))
    return threat


def read_assessment(r: FieldReader, key: str, settings: Settings) -> Assessment | None:
    """A risk's scores at one stage, checked against the publication's scales."""
    node = r.mapping(key, required=True)
    if node is None:
        return None
    scales = settings.scales
    child = r.child(node, key)
    values: dict[str, int] = {}
    for factor in scales.factors:
        low, high = scales.range_of(factor)
        scalar = child.scalar(factor, required=True, expected="a score")
        if scalar is None:
            continue
        value = child.to_integer(scalar, factor, low, high, None, scale=factor)
        if value is not None:
            values[factor] = value
    child.finish(scales.factors)
    if len(values) != len(scales.factors):
        return None
    score = scales.score(values)
    return Assessment(values=values, score=score, band=scales.band_for(score))


def read_risk(r: FieldReader, entity_id: str, settings: Settings) -> Risk | None:
    """A risk of the register."""
    controls = _read_controls(r)
    dimensions = _read_dimensions(r, settings)
    title = r.text("title", required=True)
    threat = r.ref("threat", "threat", required=True)
    lead = r.ref("lead", "agency", required=True)
    support = r.ref_list("support", "agency")
    scenario = r.text("scenario")
    key_assets = r.text_list("key_assets")
    trend = r.choice("trend", TRENDS, default="stable")
    treatment = r.choice("treatment", TREATMENTS, default="treat")
    confidence = r.choice("confidence", CONFIDENCE, default="medium")
    review = r.date("review", required=True)
    raised = r.date("raised")
    status = r.choice("status", RISK_STATUS, default="open")
    public_summary = r.text("public_summary")
    public_group = r.text("public_group")
    inherent, residual, target = (read_assessment(r, stage, settings) for stage in Risk.STAGES)
    r.finish(RISK_FIELDS)
    if inherent is None or residual is None or target is None or threat is None or lead is None:
        return None
    _check_risk_consistency(r, inherent, residual, target, dimensions)
    return Risk(
        **_common(r, entity_id, settings),
        title_text=title,
        threat=threat,
        lead=lead,
        support=support,
        scenario=scenario,
        key_assets=key_assets,
        inherent=inherent,
        residual=residual,
        target=target,
        impact_dimensions=dimensions,
        controls=controls,
        trend=trend,
        treatment=treatment,
        confidence=confidence,
        review=review,
        raised=raised,
        status=status,
        public_summary=public_summary,
        public_group=public_group,
    )


RISK_FIELDS = (
    *COMMON,
    "title",
    "threat",
    "lead",
    "support",
    "scenario",
    "key_assets",
    *Risk.STAGES,
    "impact_dimensions",
    "controls",
    "trend",
    "treatment",
    "confidence",
    "review",
    "raised",
    "status",
    "public_summary",
    "public_group",
)


def _read_controls(r: FieldReader) -> list[Control]:
    controls = []
    for path, node in r.mappings("controls"):
        c = r.child(node, path)
        controls.append(
            Control(
                name=c.text("name", required=True),
                effectiveness=c.choice("effectiveness", EFFECTIVENESS, default="none", required=True),
                owner=c.ref("owner", "agency"),
            )
        )
        c.finish(("name", "effectiveness", "owner"))
    return controls


def _read_dimensions(r: FieldReader, settings: Settings) -> dict[str, int]:
    dimensions: dict[str, int] = {}
    node = r.mapping("impact_dimensions")
    if node is None:
        return dimensions
    scales = settings.scales
    d = r.child(node, "impact_dimensions")
    low, high = scales.range_of("impact") if "impact" in scales.levels else (1, 5)
    for name in node.items:
        scalar = d.scalar(name, expected="a score")
        if scalar is not None:
            value = d.to_integer(scalar, name, low, high, None, scale="impact")
            if value is not None:
                dimensions[name] = value
    d.finish(scales.impact_dimensions)
    return dimensions


def _check_risk_consistency(
    r: FieldReader, inherent: Assessment, residual: Assessment, target: Assessment, dimensions: dict[str, int]
) -> None:
    if residual.score > inherent.score:
        r.warning(
            r.key_location("residual"),
            "W-RISK-RESIDUAL",
            "residual",
            f"the residual score {residual.score} is higher than the inherent score {inherent.score}",
            "controls reduce a risk; check both assessments",
        )
    if target.score > residual.score:
        r.warning(
            r.key_location("target"),
            "W-RISK-TARGET",
            "target",
            f"the target score {target.score} is higher than the residual score {residual.score}",
            "a target is what treatment should bring the risk down to",
        )
    if dimensions and "impact" in inherent.values:
        top_name, top = max(dimensions.items(), key=lambda item: item[1])
        if inherent.values["impact"] < top:
            r.error(
                r.key_location("inherent"),
                "E-RISK-IMPACT",
                "inherent.impact",
                f"{inherent.values['impact']} is lower than the highest impact dimension ({top_name}: {top})",
                "the overall impact is at least the worst of its dimensions",
            )


def read_objective(r: FieldReader, entity_id: str, settings: Settings) -> Objective:
    """A strategic objective."""
    objective = Objective(
        **_common(r, entity_id, settings),
        title_text=r.text("title", required=True),
        description=r.text("description"),
        lead=r.ref("lead", "agency"),
        risks=r.ref_list("risks", "risk"),
    )
    r.finish((*COMMON, "title", "description", "lead", "risks"))
    return objective


def read_action(r: FieldReader, entity_id: str, settings: Settings) -> Action | None:
    """An action of the action plan, with its RACI."""
    milestones = []
    for path, node in r.mappings("milestones"):
        m = r.child(node, path)
        day = m.date("date", required=True)
        title = m.text("title", required=True)
        m.finish(("date", "title"))
        if day is not None:
            milestones.append(Milestone(day, title))
    raci = _read_raci(r)
    title = r.text("title", required=True)
    objective = r.ref("objective", "objective", required=True)
    risks = r.ref_list("risks", "risk")
    committee = r.ref("committee", "committee")
    start = r.date("start", required=True)
    end = r.date("end", required=True)
    status = r.choice("status", settings.vocabulary.action_statuses.values, default="planned")
    description = r.text("description")
    r.finish(ACTION_FIELDS)
    if raci is None or start is None or end is None or objective is None:
        return None
    _check_order(r, "action", start, end)
    for index, milestone in enumerate(milestones):
        if not start <= milestone.date <= end:
            r.warning(
                r.key_location("milestones"),
                "W-MILESTONE-OUTSIDE",
                f"milestones[{index}]",
                f"the milestone on {milestone.date} falls outside the action ({start} to {end})",
                "move the milestone or extend the action",
            )
    return Action(
        **_common(r, entity_id, settings),
        title_text=title,
        objective=objective,
        risks=risks,
        committee=committee,
        start=start,
        end=end,
        status=status,
        milestones=milestones,
        raci=raci,
        description=description,
    )


ACTION_FIELDS = (
    *COMMON,
    "title",
    "objective",
    "risks",
    "committee",
    "start",
    "end",
    "status",
    "milestones",
    "raci",
    "description",
)


def _read_raci(r: FieldReader) -> Raci | None:
    node = r.mapping("raci", required=True)
    if node is None:
        return None
    c = r.child(node, "raci")
    responsible = c.ref("responsible", "agency", required=True)
    accountable = c.ref("accountable", "agency", required=True)
    raci = Raci(
        responsible=responsible or "",
        accountable=accountable or "",
        consulted=c.ref_list("consulted", "agency"),
        informed=c.ref_list("informed", "agency"),
    )
    c.finish(("responsible", "accountable", "consulted", "informed"))
    return raci if responsible and accountable else None


def read_indicator(r: FieldReader, entity_id: str, settings: Settings) -> Indicator:
    """A monitoring indicator."""
    indicator = Indicator(
        **_common(r, entity_id, settings),
        name=r.text("name", required=True),
        level=r.choice("level", settings.vocabulary.indicator_levels.values, default="output", required=True),
        objective=r.ref("objective", "objective"),
        action=r.ref("action", "action"),
        owner=r.ref("owner", "agency", required=True) or "",
        baseline=r.number("baseline", required=True),
        target=r.number("target", required=True),
        unit=r.text("unit"),
        frequency=r.text("frequency"),
        source=r.text("source"),
        baseline_year=r.integer("baseline_year", low=1900, high=2200),
        target_year=r.integer("target_year", low=1900, high=2200),
    )
    r.finish(
        (
            *COMMON,
            "name",
            "level",
            "objective",
            "action",
            "owner",
            "baseline",
            "target",
            "unit",
            "frequency",
            "source",
            "baseline_year",
            "target_year",
        )
    )
    if (indicator.objective is None) == (indicator.action is None):
        r.error(
            r.key_location("id"),
            "E-INDICATOR-PARENT",
            "",
            "an indicator measures exactly one objective or one action",
            "give either 'objective: OBJ-…' or 'action: ACT-…', not both and not neither",
        )
    if indicator.baseline_year and indicator.target_year and indicator.target_year < indicator.baseline_year:
        r.error(
            r.key_location("target_year"),
            "E-DATE-ORDER",
            "target_year",
            f"the target year {indicator.target_year} is before the baseline year {indicator.baseline_year}",
        )
    return indicator


def read_phase(r: FieldReader, entity_id: str, settings: Settings) -> Phase | None:
    """A programme phase."""
    start, end = r.date("start", required=True), r.date("end", required=True)
    name = r.text("name", required=True)
    outputs, description = r.text_list("outputs"), r.text("description")
    r.finish((*COMMON, "name", "start", "end", "outputs", "description"))
    if start is None or end is None:
        return None
    _check_order(r, "phase", start, end)
    return Phase(
        **_common(r, entity_id, settings),
        name=name,
        start=start,
        end=end,
        outputs=outputs,
        description=description,
    )


def read_acronym(r: FieldReader, entity_id: str, settings: Settings) -> Acronym:
    """An acronym."""
    acronym = Acronym(**_common(r, entity_id, settings), meaning=r.text("meaning", required=True))
    r.finish((*COMMON, "meaning"))
    return acronym


Reader = Callable[[FieldReader, str, Settings], Entity | None]

READERS: dict[str, Reader] = {
    "agency": read_agency,
    "committee": read_committee,
    "threat": read_threat,
    "risk": read_risk,
    "objective": read_objective,
    "action": read_action,
    "indicator": read_indicator,
    "phase": read_phase,
    "acronym": read_acronym,
}
"""Every entity kind a data block may hold, by its name in the block's info string."""
