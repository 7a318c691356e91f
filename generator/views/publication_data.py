"""``publication.json``: every entity an edition shows, with its references, for other tools to read.

A dashboard or a GRC system reads the strategy from this file instead of scraping the site,
as sphinx-needs' users read its ``needs.json``. The shape is documented by its JSON Schema
(:mod:`generator.views.publication_schema`), published beside it.

Entities are listed by kind, each with its fields under the keys the content writes them
with (the README's field tables), as the edition shows them: the publication given is the
edition's cut, so a field the edition withholds is absent, and a withheld risk holds only
its public name, summary and threat category (see :data:`WITHHELD_KEYS`). Each entity lists the IDs it refers to (read
off its reference fields, so a withheld field names nothing) and the entities that refer to it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from generator.model import Assessment, Entity, Risk, RiskGroup
from generator.model.entities import FIELD_ATTRIBUTES
from generator.resolve import Publication
from generator.schema import ENTITY_SCHEMAS
from generator.schema.slots import slots
from generator.schema.types import StandIn

FORMAT = "charter-publication"
FORMAT_VERSION = 1
"""Raised when a key changes meaning or is removed; new keys may appear without it."""
SKIPPED = ("id", "restricted")
"""Content keys that are not entity fields here: the ID comes first, and ``restricted`` says what was cut."""
WITHHELD_KEYS = ("classification", "title", "public_name", "threat", "public_summary")
"""All a withheld risk shows: the rest of its fields are the model's defaults, not the risk's values.

Public stand-ins (``public_name``, ``public_summary``, ``public_group``) are shown only in place
of what they stand for: an entity the edition shows in full leaves them out, as its pages do
(a stand-in may itself be restricted, and then no edition shows it).
"""


def publication_data(publication: Publication, *, schema: str = "publication.schema.json") -> dict[str, Any]:
    """The whole of ``publication.json`` for the edition ``publication`` was cut for."""
    settings = publication.settings
    edition = publication.edition
    entities = {kind: [_entity(e) for e in publication.entities.values() if kind == e.KIND] for kind in ENTITY_SCHEMAS}
    _add_referrers(entities)
    return {
        "$schema": schema,
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "classification": publication.marking,
        "publication": _drop_empty(
            {
                "title": settings.title,
                "short_title": settings.short_title,
                "subtitle": settings.subtitle,
                "country": settings.country,
                "edition": settings.edition,
                "version": settings.version,
                "date": settings.date.isoformat(),
                "status": settings.status,
                "language": settings.language,
            }
        ),
        "edition": {"id": edition.id, "title": edition.title, "level": edition.level} if edition else None,
        "scales": {
            "factors": list(settings.scales.factors),
            "formula": list(settings.scales.formula),
            "bands": [{"name": b.name, "min": b.min, "max": b.max} for b in settings.scales.bands],
        },
        "entities": {kind: items for kind, items in entities.items() if items},
        "risk_groups": [_group(g) for g in publication.risk_groups],
    }


def _entity(entity: Entity) -> dict[str, Any]:
    """One entity: its ID, kind and level, its shown fields, and the IDs it refers to."""
    schema = ENTITY_SCHEMAS[entity.KIND]
    found: dict[str, Any] = {"id": entity.id, "kind": entity.KIND}
    withheld = isinstance(entity, Risk) and entity.withheld
    for key in slots(schema):
        if key in SKIPPED or (withheld and key not in WITHHELD_KEYS):
            continue
        if not withheld and slots(schema)[key].marker(StandIn) is not None:
            continue
        value = _plain(getattr(entity, FIELD_ATTRIBUTES.get(key, key), None))
        if not _empty(value):
            found[key] = value
    if withheld:
        found["withheld"] = True
    found["refers_to"] = referenced_ids(entity)
    found["referred_by"] = []
    return found


def referenced_ids(entity: Entity) -> list[str]:
    """The IDs an entity's reference fields name, nested ones included, once each, in field order."""
    found: dict[str, None] = {}
    _collect(ENTITY_SCHEMAS[entity.KIND], lambda key: getattr(entity, FIELD_ATTRIBUTES.get(key, key), None), found)
    found.pop(entity.id, None)
    return list(found)


def _collect(schema: type[BaseModel], read: Callable[[str], Any], found: dict[str, None]) -> None:
    for key, slot in slots(schema).items():
        value = read(key)
        if not value:
            continue
        if slot.refers:
            for target in value if isinstance(value, list) else [value]:
                found[str(target)] = None
        elif slot.inner is not None:
            for item in value if isinstance(value, list) else [value]:
                _collect(slot.inner, _reader(item), found)


def _reader(record: Any) -> Callable[[str], Any]:
    """Reads a nested record's fields (a control, a RACI) by their keys."""
    return lambda key: getattr(record, key, None)


def _add_referrers(entities: dict[str, list[dict[str, Any]]]) -> None:
    """Fill each entity's ``referred_by``: the entities whose ``refers_to`` names it."""
    by_id = {item["id"]: item for items in entities.values() for item in items}
    for items in entities.values():
        for item in items:
            for target in item["refers_to"]:
                if target in by_id and item["id"] not in by_id[target]["referred_by"]:
                    by_id[target]["referred_by"].append(item["id"])


def _group(group: RiskGroup) -> dict[str, Any]:
    """Risks the edition shows only as their public group: its name, size, threats and (for two or more) scores."""
    return _drop_empty(
        {
            "name": group.name,
            "count": group.count,
            "threats": list(group.threats),
            "inherent": _assessment(group.inherent),
            "residual": _assessment(group.residual),
            "target": _assessment(group.target),
        }
    )


def _assessment(assessment: Assessment) -> dict[str, Any] | None:
    if assessment.withheld:
        return None
    return {"factors": dict(assessment.values), "score": assessment.score, "band": assessment.band.name}


def _plain(value: Any) -> Any:
    """A model value as JSON: scores with their band, dates as YYYY-MM-DD, nested records as objects."""
    if isinstance(value, Assessment):
        return _assessment(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _drop_empty({f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)})
    return value


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _drop_empty(mapping: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in mapping.items() if not _empty(value)}
