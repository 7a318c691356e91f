"""The JSON Schema (draft 2020-12) of ``publication.json``, published beside it.

Written from the same schemas the content is read with (:mod:`generator.schema`), so every
field of every kind is described by the meaning its README table gives it, and the allowed
values (levels, vocabularies, band names) are the edition's publication's own.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from generator.model import Settings
from generator.schema import ENTITY_SCHEMAS
from generator.schema.choices import Choices
from generator.schema.slots import Slot, slots
from generator.schema.types import ID_PATTERN, Scores
from generator.views.publication_data import FORMAT, FORMAT_VERSION, SKIPPED

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCALARS = {
    "whole number": {"type": "integer"},
    "number": {"type": "number"},
    "yes/no": {"type": "boolean"},
    "date, YYYY-MM-DD": {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
}
"""JSON types by the name a field's type is given in the content schema (anything else is text)."""
IDS = {"type": "array", "items": {"type": "string"}, "uniqueItems": True}


def publication_schema(settings: Settings) -> dict[str, Any]:
    """The schema of an edition's ``publication.json``, with the publication's own levels and bands."""
    choices = Choices.of(settings)
    bands = [band.name for band in settings.scales.bands]
    defs: dict[str, Any] = {"assessment": _assessment(settings, bands), "group": _group()}
    for kind, schema in ENTITY_SCHEMAS.items():
        defs[kind] = _entity(kind, schema, choices)
    return {
        "$schema": DIALECT,
        "$id": "urn:charter:publication-data",
        "title": "publication.json",
        "description": "Every entity an edition of a Charter publication shows, with its references.",
        "type": "object",
        "required": ["format", "format_version", "classification", "publication", "edition", "entities"],
        "additionalProperties": False,
        "properties": {
            "$schema": {"type": "string", "description": "the schema's file name, beside this file"},
            "format": {"const": FORMAT},
            "format_version": {"const": FORMAT_VERSION, "description": "raised when a key changes meaning"},
            "classification": {"enum": list(settings.levels), "description": "the edition's marking"},
            "publication": _publication(),
            "edition": {
                "description": "the edition the file was built for",
                "anyOf": [
                    {
                        "type": "object",
                        "required": ["id", "title", "level"],
                        "additionalProperties": False,
                        "properties": {
                            "id": {"type": "string"},
                            "title": {"type": "string"},
                            "level": {"enum": list(settings.levels)},
                        },
                    },
                    {"type": "null"},
                ],
            },
            "scales": {
                "type": "object",
                "description": "how risks are scored: the factors, the formula's factors and the rating bands",
                "properties": {
                    "factors": {"type": "array", "items": {"type": "string"}},
                    "formula": {"type": "array", "items": {"type": "string"}},
                    "bands": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["name", "min", "max"],
                            "properties": {
                                "name": {"type": "string"},
                                "min": {"type": "integer"},
                                "max": {"type": "integer"},
                            },
                        },
                    },
                },
            },
            "entities": {
                "type": "object",
                "description": "the entities the edition shows, by kind, in the order written",
                "additionalProperties": False,
                "properties": {
                    kind: {"type": "array", "items": {"$ref": f"#/$defs/{kind}"}} for kind in ENTITY_SCHEMAS
                },
            },
            "risk_groups": {
                "type": "array",
                "description": "risks the edition shows only as their public group",
                "items": {"$ref": "#/$defs/group"},
            },
        },
        "$defs": defs,
    }


def _publication() -> dict[str, Any]:
    text = {"type": "string"}
    return {
        "type": "object",
        "description": "the publication's title, version and date, from publication.yml",
        "required": ["title", "country", "version", "date", "status"],
        "additionalProperties": False,
        "properties": {
            "title": text,
            "short_title": text,
            "subtitle": text,
            "country": text,
            "edition": text,
            "version": text,
            "date": SCALARS["date, YYYY-MM-DD"],
            "status": {"enum": ["draft", "consultation", "approved", "superseded"]},
            "language": text,
        },
    }


def _assessment(settings: Settings, bands: list[str]) -> dict[str, Any]:
    return {
        "type": "object",
        "description": "a risk's scores at one stage: each factor's, the score and its rating band",
        "required": ["factors", "score", "band"],
        "additionalProperties": False,
        "properties": {
            "factors": {
                "type": "object",
                "properties": {factor: {"type": "integer"} for factor in settings.scales.factors},
                "additionalProperties": False,
            },
            "score": {"type": "integer"},
            "band": {"enum": bands},
        },
    }


def _group() -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["name", "count"],
        "additionalProperties": False,
        "properties": {
            "name": {"type": "string"},
            "count": {"type": "integer", "minimum": 1},
            "threats": IDS,
            **{stage: {"$ref": "#/$defs/assessment"} for stage in ("inherent", "residual", "target")},
        },
    }


def _entity(kind: str, schema: type[BaseModel], choices: Choices) -> dict[str, Any]:
    """An entity of one kind: its ID and kind, its fields as the content writes them, its references."""
    properties: dict[str, Any] = {
        "id": {"type": "string", "description": "the entity's unique ID"}
        | ({} if kind == "acronym" else {"pattern": ID_PATTERN.pattern}),
        "kind": {"const": kind},
    }
    properties |= _fields(schema, choices)
    if kind == "risk":
        properties["withheld"] = {
            "const": True,
            "description": "a risk above the edition's level: only its public name, summary and threat are shown",
        }
    properties["refers_to"] = IDS | {"description": "the IDs its fields name"}
    properties["referred_by"] = IDS | {"description": "the entities whose fields name it"}
    return {
        "type": "object",
        "description": getattr(schema, "DESCRIPTION", ""),
        "required": ["id", "kind", "refers_to", "referred_by"],
        "additionalProperties": False,
        "properties": properties,
    }


def _fields(schema: type[BaseModel], choices: Choices) -> dict[str, Any]:
    return {key: _field(slot, choices) for key, slot in slots(schema).items() if key not in SKIPPED}


def _field(slot: Slot, choices: Choices) -> dict[str, Any]:
    described = {"description": slot.info.description} if slot.info.description else {}
    scores = slot.marker(Scores)
    if scores is not None and scores.factors:
        return {"$ref": "#/$defs/assessment", **described}
    value = _value(slot, choices)
    if slot.shape == "list":
        return {"type": "array", "items": value, **described}
    if slot.shape == "map":
        scored = {"type": "integer"} if scores is not None else value  # impact by dimension
        return {"type": "object", "additionalProperties": scored, **described}
    if slot.inner is not None:
        nested = {
            "type": "object",
            "additionalProperties": False,
            "properties": _fields(slot.inner, choices),
        }
        if slot.shape == "models":
            return {"type": "array", "items": nested, **described}
        return nested | described
    return value | described


def _value(slot: Slot, choices: Choices) -> dict[str, Any]:
    """The schema of one value of a field (of each item, for a list or a mapping)."""
    if slot.one_of is not None:
        return {"enum": list(choices.allowed(slot.one_of))}
    if slot.refers:
        return {"type": "string", "description": f"the ID of a {' or '.join(slot.refers)}"}
    return dict(SCALARS.get(slot.named, {"type": "string"}))
