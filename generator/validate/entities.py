"""Turn a data block's mapping into a typed entity: read it against its kind's schema, then check what spans fields.

The schema (:mod:`generator.schema.entities`) declares every field; this module only adds
what one field cannot say alone, as plain named checks: scores against the publication's
scales, dates in order, the impact dimensions against the inherent impact, an indicator's
one parent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from generator.diagnostics import article, did_you_mean
from generator.load.yamlnodes import YMap, YNode
from generator.model import (
    Action,
    Assessment,
    Control,
    Entity,
    Indicator,
    Measurement,
    Milestone,
    Phase,
    Raci,
    Risk,
    Settings,
    StatusReport,
)
from generator.model.entities import FIELD_ATTRIBUTES
from generator.model.kinds import KINDS, KindRegistryError
from generator.model.refs import FieldPath
from generator.schema import COMMON_FIELDS, ENTITY_SCHEMAS
from generator.schema.entities import ActionFields, EntityFields, IndicatorFields, PhaseFields, RiskFields
from generator.schema.slots import slots, withholdable
from generator.validate.history import check_progress, check_values
from generator.validate.schema_reader import SchemaReader

Builder = Callable[[Any, dict[str, Any], SchemaReader, YMap, Settings], Entity | None]


def read_entity(kind: str, node: YMap, reader: SchemaReader, settings: Settings, level: str) -> Entity | None:
    """The entity a mapping holds, or None when a required part of it is unusable (already reported)."""
    fields = reader.read(ENTITY_SCHEMAS[kind], node)
    if fields is None:
        return None
    values = _values(fields)
    values.update(
        id=fields.id,
        location=reader.key_location(node, "id"),
        field_positions=node.key_pos,
        chapter=reader.file.rel_path,
        classification=fields.classification or level or settings.default_level,
        restricted=dict(fields.restricted),
        public_name=fields.public_name,
    )
    build = _BUILDERS.get(kind)
    if build is not None:
        return build(fields, values, reader, node, settings)
    return KINDS[kind].model(**values)


def _values(fields: EntityFields) -> dict[str, Any]:
    """The kind's own fields, by their model attribute."""
    values = dict(fields.__dict__)
    for key in COMMON_FIELDS:
        del values[key]
    for key, attribute in FIELD_ATTRIBUTES.items():
        if key in values:
            values[attribute] = values.pop(key)
    return values


# -- scores ------------------------------------------------------------------------------------------


def read_assessment(
    scores: dict[str, int] | None, node: YNode | None, reader: SchemaReader, path: FieldPath, settings: Settings
) -> Assessment | None:
    """A stage's scores, checked against the publication's factors and their scales; None when unusable."""
    if scores is None:  # could not be read at all: already reported
        return None
    scales = settings.scales
    ranges = scales.ranges
    written = len(node.items) if isinstance(node, YMap) else len(scores)
    if written == len(scores) == len(scales.factors) and all(
        factor in ranges and ranges[factor][0] <= value <= ranges[factor][1] for factor, value in scores.items()
    ):  # the usual case, checked at once
        values = {factor: scores[factor] for factor in scales.factors}
        score = scales.score(values)
        return Assessment(values=values, score=score, band=scales.band_for(score))
    ok = _check_keys(scores, node, reader, path, scales.factors, required=True)
    for factor in scales.factors:
        if factor in scores and not _on_scale(scores[factor], node, reader, (*path, factor), factor, settings):
            ok = False
    if not ok:
        return None
    values = {factor: scores[factor] for factor in scales.factors}
    score = scales.score(values)
    return Assessment(values=values, score=score, band=scales.band_for(score))


def _check_keys(
    scores: dict[str, int],
    node: YNode | None,
    reader: SchemaReader,
    path: FieldPath,
    known: list[str] | dict[str, str],
    *,
    required: bool,
) -> bool:
    """Every key of a score mapping is one of ``known`` (and, when ``required``, every one of them is there).

    An unknown key is reported and does not make the scores unusable; a missing one does.
    """
    ok = True
    mapping = node if isinstance(node, YMap) else None
    for key in mapping.items if mapping else ():  # keys written empty too; scores come from a mapping
        if key not in known:
            reader.unknown(mapping, key, (*path, key), list(known))  # type: ignore[arg-type]
    if required:
        for key in known:
            if key not in scores:
                where = reader.key_location(mapping, key) if mapping else reader.file.at(1)
                reader.error(
                    where, "E-FIELD-MISSING", (*path, key), "this field is required", f"add '{key}: ...' to the risk"
                )
                ok = False
    return ok


def _on_scale(
    value: int, node: YNode | None, reader: SchemaReader, path: FieldPath, scale: str, settings: Settings
) -> bool:
    low, high = settings.scales.range_of(scale) if scale in settings.scales.levels else (1, 5)
    if low <= value <= high:
        return True
    at = node.items.get(str(path[-1])) if isinstance(node, YMap) else None
    reader.error(
        reader.at(at) if at is not None else reader.file.at(1),
        "E-SCORE-RANGE",
        path,
        f"{value} is not on the {scale} scale ({low}–{high})",
        f"use a whole number from {low} to {high}",
    )
    return False


def _read_dimensions(scores: dict[str, int], node: YNode | None, r: SchemaReader, settings: Settings) -> dict[str, int]:
    """Impact by dimension: each a dimension of the scales, scored on the impact scale."""
    scales = settings.scales
    low, high = scales.ranges.get("impact", (1, 5))
    known = scales.impact_dimensions
    written = len(node.items) if isinstance(node, YMap) else len(scores)
    if written == len(scores) and all(name in known and low <= score <= high for name, score in scores.items()):
        return scores
    dimensions = {
        name: score
        for name, score in scores.items()
        if _on_scale(score, node, r, ("impact_dimensions", name), "impact", settings)
    }
    _check_keys(dimensions, node, r, ("impact_dimensions",), known, required=False)
    return dimensions


def _build_risk(
    fields: RiskFields, values: dict[str, Any], r: SchemaReader, node: YMap, settings: Settings
) -> Risk | None:
    stages = {
        stage: read_assessment(getattr(fields, stage), node.items.get(stage), r, (stage,), settings)
        for stage in Risk.STAGES
    }
    dimensions = _read_dimensions(fields.impact_dimensions, node.items.get("impact_dimensions"), r, settings)
    inherent, residual, target = (stages[stage] for stage in Risk.STAGES)
    if inherent is None or residual is None or target is None or not fields.threat or not fields.lead:
        return None  # scores, a threat and a lead are what a risk is; each problem is reported
    check_risk_scores(r, node, inherent, residual, target, dimensions)
    values.update(stages, impact_dimensions=dimensions, controls=[Control(**c.__dict__) for c in fields.controls])
    return Risk(**values)


def check_risk_scores(
    r: SchemaReader,
    node: YMap,
    inherent: Assessment,
    residual: Assessment,
    target: Assessment,
    dimensions: dict[str, int],
) -> None:
    """Controls bring a risk down, treatment further, and the overall impact is at least its worst dimension."""
    if residual.score > inherent.score:
        r.warning(
            r.key_location(node, "residual"),
            "W-RISK-RESIDUAL",
            ("residual",),
            f"the residual score {residual.score} is higher than the inherent score {inherent.score}",
            "controls reduce a risk; check both assessments",
        )
    if target.score > residual.score:
        r.warning(
            r.key_location(node, "target"),
            "W-RISK-TARGET",
            ("target",),
            f"the target score {target.score} is higher than the residual score {residual.score}",
            "a target is what treatment should bring the risk down to",
        )
    if dimensions and "impact" in inherent.values:
        top_name, top = max(dimensions.items(), key=lambda item: item[1])
        if inherent.values["impact"] < top:
            r.error(
                r.key_location(node, "inherent"),
                "E-RISK-IMPACT",
                ("inherent", "impact"),
                f"{inherent.values['impact']} is lower than the highest impact dimension ({top_name}: {top})",
                "the overall impact is at least the worst of its dimensions",
            )


# -- dates and parents -------------------------------------------------------------------------------


def check_order(r: SchemaReader, node: YMap, what: str, start: dt.date, end: dt.date) -> None:
    """An end date must not come before its start date."""
    if end < start:
        r.error(
            r.key_location(node, "end"),
            "E-DATE-ORDER",
            ("end",),
            f"the {what} ends ({end}) before it starts ({start})",
            "swap the dates, or correct the one that is wrong",
        )


def _build_action(
    fields: ActionFields, values: dict[str, Any], r: SchemaReader, node: YMap, settings: Settings
) -> Action | None:
    if fields.start is None or fields.end is None or not fields.objective or fields.raci is None:
        return None  # an action needs its dates, its objective and its RACI; each problem is reported
    check_order(r, node, "action", fields.start, fields.end)
    for index, milestone in enumerate(fields.milestones):
        if not fields.start <= milestone.date <= fields.end:
            r.warning(
                r.key_location(node, "milestones"),
                "W-MILESTONE-OUTSIDE",
                ("milestones", r.original(("milestones",), index)),
                f"the milestone on {milestone.date} falls outside the action ({fields.start} to {fields.end})",
                "move the milestone or extend the action",
            )
    progress = [StatusReport(**p.__dict__) for p in fields.progress if p.date is not None and p.status]
    first = settings.vocabulary.action_statuses.values[0]
    check_progress(r, node, progress, fields.start, fields.status, first, settings)
    values.update(
        milestones=[Milestone(**m.__dict__) for m in fields.milestones],
        raci=Raci(**fields.raci.__dict__),
        progress=progress,
    )
    return Action(**values)


def _build_indicator(
    fields: IndicatorFields, values: dict[str, Any], r: SchemaReader, node: YMap, settings: Settings
) -> Indicator:
    if (fields.objective is None) == (fields.action is None):
        r.error(
            r.key_location(node, "id"),
            "E-INDICATOR-PARENT",
            (),
            "an indicator measures exactly one objective or one action",
            "give either 'objective: OBJ-…' or 'action: ACT-…', not both and not neither",
        )
    if fields.baseline_year and fields.target_year and fields.target_year < fields.baseline_year:
        r.error(
            r.key_location(node, "target_year"),
            "E-DATE-ORDER",
            ("target_year",),
            f"the target year {fields.target_year} is before the baseline year {fields.baseline_year}",
        )
    measurements = [Measurement(**m.__dict__) for m in fields.values if m.date is not None]
    check_values(r, node, measurements, fields.unit, fields.baseline_year, settings)
    values["owner"] = fields.owner or ""  # unreadable: reported
    values["values"] = measurements
    return Indicator(**values)


def _build_phase(
    fields: PhaseFields, values: dict[str, Any], r: SchemaReader, node: YMap, settings: Settings
) -> Phase | None:
    if fields.start is None or fields.end is None:
        return None  # reported
    check_order(r, node, "phase", fields.start, fields.end)
    return Phase(**values)


_BUILDERS: dict[str, Builder] = {
    "risk": _build_risk,
    "action": _build_action,
    "indicator": _build_indicator,
    "phase": _build_phase,
}
"""Kinds with checks across fields, or fields the model holds in another form; the rest are built as read."""


def _check_complete() -> None:
    """Every kind of the registry has a schema, and every schema a kind: checked when validation is imported."""
    missing = sorted(set(KINDS) - set(ENTITY_SCHEMAS))
    if missing:
        raise KindRegistryError(f"kind(s) {', '.join(missing)} have no schema in generator.schema.entities")
    unknown = sorted(set(ENTITY_SCHEMAS) - set(KINDS))
    if unknown:
        raise KindRegistryError(
            f"schema(s) for unknown kind(s) {', '.join(unknown)}: add them to generator.model.kinds"
        )


_check_complete()


def check_restricted(entity: Entity, node: YMap, reader: SchemaReader) -> None:
    """``restricted:`` names fields of the entity's kind that may be withheld on their own.

    A name that is not is reported and dropped, so the editions can still be checked.
    """
    kind = entity.KIND
    restricted = node.items.get("restricted")
    schema = ENTITY_SCHEMAS[kind]
    fields = slots(schema)
    for key in list(entity.restricted):
        where = reader.key_location(restricted, key) if isinstance(restricted, YMap) else entity.location
        if key in fields and key not in ("id", "classification", "restricted"):
            if not withholdable(schema, key):
                reader.error(
                    where,
                    "E-RESTRICTED-FIELD",
                    ("restricted", key),
                    f"the field '{key}' cannot be withheld on its own",
                    f"restrict the whole {kind} with 'classification' instead",
                )
                del entity.restricted[key]  # reported; the editions are still checked without it
        else:
            reader.error(
                where,
                "E-FIELD-UNKNOWN",
                ("restricted", key),
                f"'{key}' is not a field of {article(kind)} {kind}",
                did_you_mean(key, fields) or "name one of the entity's own fields",
            )
            del entity.restricted[key]
