"""JSON Schema (draft 2020-12) for ``publication.yml``, each data block kind and the front matter.

An editor with a YAML language server reads these to complete field names, show each
field's meaning and flag a wrong value while the drafter types. The schemas are made for
one publication: its classification levels, its vocabularies (agency types of its own),
its score factors and their ranges, and its impact dimensions become the allowed values.
Without a publication, the engine's defaults stand in.

YAML is seen as the language server sees it (YAML 1.2's core types), so a text field
accepts any scalar (an unquoted ``2030`` is text to Charter) and a whole number written in
quotes is refused, as Charter refuses it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.diagnostics import article
from generator.model.settings import Settings
from generator.schema.chapters import FrontMatterFields, SignatureFields, TranslationFrontFields, ViewFields
from generator.schema.choices import Choices
from generator.schema.entities import ENTITY_SCHEMAS, EntityFields
from generator.schema.publication import PublicationFields
from generator.schema.slots import Slot, slots, withholdable
from generator.schema.types import ID_PATTERN, OneOf, Scores

DIALECT = "https://json-schema.org/draft/2020-12/schema"


class _Facts:
    """What one publication allows, or the engine's defaults."""

    def __init__(self, settings: Settings | None) -> None:
        self.choices = Choices.of(settings)
        self.levels = list(self.choices.levels)
        self.ranges: dict[str, tuple[int, int]] = dict(settings.scales.ranges) if settings else {}
        self.factors = list(settings.scales.factors) if settings else []
        self.dimensions = list(settings.scales.impact_dimensions) if settings else []

    def allowed(self, one_of: OneOf) -> list[str]:
        return list(self.choices.allowed(one_of))


_KEYWORDS = {"ge": "minimum", "le": "maximum", "gt": "exclusiveMinimum", "lt": "exclusiveMaximum"}
"""Bounds pydantic writes by its own names where a type is read by a validator of Charter's."""


def _standard(schema: Any) -> Any:
    """A schema with pydantic's own bound names written as JSON Schema's, and every optional field nullable."""
    if isinstance(schema, list):
        return [_standard(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out = {_KEYWORDS.get(key, key): _standard(value) for key, value in schema.items()}
    properties = out.get("properties")
    if isinstance(properties, dict):
        required = set(out.get("required", ()))
        for key, prop in properties.items():
            if key not in required and isinstance(prop, dict):
                properties[key] = _nullable(prop)
    return out


def _nullable(prop: dict[str, Any]) -> dict[str, Any]:
    """An optional field may be written with no value (``scenario:`` or ``~``): Charter reads that as absent."""
    options = prop.get("anyOf")
    if isinstance(options, list):
        if not any(option.get("type") == "null" for option in options if isinstance(option, dict)):
            options.append({"type": "null"})
        return prop
    meta: dict[str, Any] = {key: prop.pop(key) for key in ("description", "default", "title") if key in prop}
    return {**meta, "anyOf": [prop, {"type": "null"}]}


def json_schemas(settings: Settings | None = None) -> dict[str, dict[str, Any]]:
    """Every schema by its file name: ``publication.schema.json``, ``risk.schema.json``, ..."""
    return {name: _standard(schema) for name, schema in _schemas(_Facts(settings)).items()}


def _schemas(facts: _Facts) -> dict[str, dict[str, Any]]:
    found = {
        "publication.schema.json": _document(PublicationFields, "publication.yml", facts),
        "front-matter.schema.json": _document(FrontMatterFields, "front matter", facts),
        "translation.schema.json": _document(TranslationFrontFields, "a chapter's translation's front matter", facts),
    }
    for kind, schema in ENTITY_SCHEMAS.items():
        found[f"{kind}.schema.json"] = _block(schema, kind, facts)
    found["view.schema.json"] = _block(ViewFields, "view", facts)
    found["signature.schema.json"] = _block(SignatureFields, "signature", facts)
    found["data-file.schema.json"] = _data_file(found, facts)
    return found


def _data_file(found: dict[str, dict[str, Any]], facts: _Facts) -> dict[str, Any]:
    """A data file (``register/risks.yml``): a kind, an optional level, and a list of entities of the kind.

    Each kind's block schema is embedded as a resource of its own (it keeps its ``$id``), so its
    references to its own definitions still resolve.
    """
    kinds = list(ENTITY_SCHEMAS)
    branches = []
    embedded: dict[str, Any] = {}
    for kind, schema in ENTITY_SCHEMAS.items():
        block = {k: v for k, v in found[f"{kind}.schema.json"].items() if k != "$schema"}
        embedded[kind] = block
        item = {"$ref": f"urn:charter:{kind}#/$defs/{schema.__name__}"}
        branches.append(
            {
                "if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
                "then": {"properties": {"entities": {"type": "array", "items": item}}},
            }
        )
    return {
        "$schema": DIALECT,
        "$id": "urn:charter:data-file",
        "title": "data file",
        "description": "Entities of one kind in a YAML file of the content folder, instead of a chapter's data blocks.",
        "type": "object",
        "required": ["kind", "entities"],
        "additionalProperties": False,
        "properties": {
            "kind": {"enum": kinds, "description": "the kind of every entity in the file"},
            "classification": {"enum": facts.levels, "description": "the level of every entity in the file"},
            "entities": {"type": "array", "minItems": 1, "description": "the entities, one mapping each"},
        },
        "allOf": branches,
        "$defs": embedded,
    }


def _document(model: type[BaseModel], title: str, facts: _Facts) -> dict[str, Any]:
    schema = model.model_json_schema()
    defs = schema.pop("$defs", {})
    _decorate(model, schema, defs, facts, set())
    return {
        "$schema": DIALECT,
        "$id": f"urn:charter:{model.__name__}",
        **schema,
        "title": title,
        **({"$defs": defs} if defs else {}),
    }


def _block(model: type[BaseModel], kind: str, facts: _Facts) -> dict[str, Any]:
    """A data block holds one mapping of the kind, or a list of them."""
    schema = model.model_json_schema()
    defs = schema.pop("$defs", {})
    _decorate(model, schema, defs, facts, set())
    if issubclass(model, EntityFields):
        _describe_id(schema, kind)
        _restricted(model, schema, facts)
    name = model.__name__
    defs[name] = schema
    return {
        "$schema": DIALECT,
        "$id": f"urn:charter:{kind}",
        "title": f"yaml {kind} block",
        "description": (model.__doc__ or "").strip() if not issubclass(model, EntityFields) else model.DESCRIPTION,
        "anyOf": [{"$ref": f"#/$defs/{name}"}, {"type": "array", "items": {"$ref": f"#/$defs/{name}"}, "minItems": 1}],
        "$defs": defs,
    }


def _describe_id(schema: dict[str, Any], kind: str) -> None:
    prop = schema["properties"]["id"]
    prop["type"] = "string"
    if kind != "acronym":  # an acronym's ID is the abbreviation itself, in any script
        prop["pattern"] = ID_PATTERN.pattern


def _restricted(model: type[EntityFields], schema: dict[str, Any], facts: _Facts) -> None:
    """``restricted:`` names the fields that may be withheld, each with a level."""
    keys = [
        key for key in slots(model) if key not in ("id", "classification", "restricted") and withholdable(model, key)
    ]
    prop = schema["properties"]["restricted"]
    prop["propertyNames"] = {"enum": keys}
    prop["additionalProperties"] = {"enum": facts.levels}


def _branch(prop: dict[str, Any]) -> dict[str, Any]:
    """The part of a property's schema that is not ``null`` (an optional field is ``anyOf [X, null]``)."""
    for option in prop.get("anyOf", []):
        if option.get("type") != "null":
            return option
    return prop


def _decorate(
    model: type[BaseModel], schema: dict[str, Any], defs: dict[str, Any], facts: _Facts, seen: set[str]
) -> None:
    """Add what pydantic cannot know: allowed values, references, score factors; then the nested schemas."""
    properties = schema.get("properties", {})
    for key, slot in slots(model).items():
        prop = properties.get(key)
        if prop is None:
            continue
        target = _branch(prop)
        if slot.one_of is not None and slot.shape != "map":
            target.pop("type", None)
            target["type"] = "string"
            target["enum"] = facts.allowed(slot.one_of)
        if slot.refers:
            kinds = " or ".join(slot.refers)
            which = "each" if slot.shape == "list" else article(slot.refers[0])
            prop["description"] = f"{prop.get('description', '')} (the ID of {which} {kinds})"
        scores = slot.marker(Scores)
        if scores is not None:
            _scores(prop, scores, facts)
        if slot.inner is not None:
            _nested(slot, target, defs, facts, seen)


def _scores(prop: dict[str, Any], scores: Scores, facts: _Facts) -> None:
    if scores.factors and facts.factors:
        names, required = facts.factors, list(facts.factors)
    elif not scores.factors and facts.dimensions:
        names, required = facts.dimensions, []
    else:
        return
    low, high = facts.ranges.get("impact", (1, 5))
    prop["properties"] = {
        name: {
            "type": "integer",
            "minimum": facts.ranges.get(name, (low, high))[0],
            "maximum": facts.ranges.get(name, (low, high))[1],
        }
        for name in names
    }
    prop["required"] = required
    prop["additionalProperties"] = False


def _nested(slot: Slot, target: dict[str, Any], defs: dict[str, Any], facts: _Facts, seen: set[str]) -> None:
    holder = target.get("items", target) if slot.shape == "models" else target
    ref = holder.get("$ref", "")
    name = ref.rsplit("/", 1)[-1]
    if not name or name in seen or name not in defs or slot.inner is None:
        return
    seen.add(name)
    _decorate(slot.inner, defs[name], defs, facts, seen)


def write_schemas(out_dir: Path, settings: Settings | None = None) -> list[Path]:
    """Write every schema into ``out_dir`` (made if missing); the files written, in order."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in json_schemas(settings).items():
        path = out_dir / name
        path.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(path)
    return written
