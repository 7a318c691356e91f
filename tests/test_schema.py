"""``charter schema`` writes JSON Schema the content validates against, and that refuses what Charter refuses.

The YAML is read here as an editor's language server reads it (YAML 1.2's core types:
``4`` is a number, ``"4"`` and ``2027-03-31`` are strings), then checked with the
``jsonschema`` package against the exported files.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from generator.cli import main
from generator.diagnostics import Report
from generator.load import load_content
from generator.load.yamlnodes import YMap, YNode, YScalar, parse
from generator.model.entities import FIELD_ATTRIBUTES
from generator.model.kinds import KINDS
from generator.schema import COMMON_FIELDS, ENTITY_SCHEMAS
from generator.schema.slots import withholdable
from tests.casefile import edited_copy

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "content"
GENERAL = REPO / "tests" / "roots" / "general" / "content"

_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")


def core(node: YNode | None) -> Any:
    """A YAML node as YAML 1.2's core schema types it, the way an editor's language server does."""
    if node is None:
        return None
    if isinstance(node, YMap):
        return {key: core(value) for key, value in node.items.items()}
    if isinstance(node, YScalar):
        text = node.text
        if node.quoted:
            return text
        if text in ("", "~", "null", "Null", "NULL"):
            return None
        if text in ("true", "True", "TRUE", "false", "False", "FALSE"):
            return text.lower() == "true"
        if _INT.match(text):
            return int(text)
        if _FLOAT.match(text):
            return float(text)
        return text
    return [core(item) for item in node.items]


def _schemas(content: Path, out: Path) -> dict[str, jsonschema.protocols.Validator]:
    assert main(["schema", str(content), "--out", str(out)]) == 0
    validators = {}
    for path in sorted(out.glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        validators[path.name.removesuffix(".schema.json")] = jsonschema.Draft202012Validator(schema)
    return validators


def _documents(content: Path) -> list[tuple[str, str, Any]]:
    """Every YAML document of a publication: (schema name, where, data)."""
    loaded = load_content(content, Report())
    assert loaded.publication is not None
    found = [("publication", "publication.yml", core(loaded.publication))]
    languages = {str(language.get("code")) for language in core(loaded.publication).get("languages") or []}
    for file in loaded.files:
        translation = file.rel_path.rsplit(".", 2)[-2] in languages if file.rel_path.count(".") >= 2 else False
        if file.front_matter is not None:
            found.append(("translation" if translation else "front-matter", file.rel_path, core(file.front_matter)))
        for block in file.blocks:
            if block.kind != "codewords":
                found.append((block.kind, f"{file.rel_path}:{block.location.line}", core(block.data)))
    return found


@pytest.mark.parametrize("content", [SAMPLE, GENERAL], ids=["sample", "general"])
def test_every_yaml_document_validates_against_the_exported_schemas(content: Path, tmp_path: Path) -> None:
    validators = _schemas(content, tmp_path / "schema")
    assert sorted(validators) == sorted(
        ["publication", "front-matter", "translation", "view", "signature", "data-file", *ENTITY_SCHEMAS]
    ), "one schema per data block kind, plus publication.yml, the front matter (a translation's too) and a data file"
    documents = _documents(content)
    kinds = {name for name, _, _ in documents}
    assert {"publication", "front-matter", "view", "risk", "agency", "action"} <= kinds
    problems = [
        f"{where}: {error.json_path}: {error.message}"
        for name, where, data in documents
        for error in validators[name].iter_errors(data)
    ]
    assert problems == []


def _errors(validators: dict[str, Any], kind: str, text: str) -> list[str]:
    node = parse(text)
    return sorted(f"{e.json_path}: {e.validator}" for e in validators[kind].iter_errors(core(node)))


RISK = """\
id: R-X-01
title: A risk
threat: TH-PIRACY
lead: AG-COASTGUARD
inherent: {likelihood: 4, impact: 3}
residual: {likelihood: 3, impact: 3}
target: {likelihood: 2, impact: 2}
review: 2027-03-31
"""


def test_the_schemas_refuse_what_charter_refuses(tmp_path: Path) -> None:
    validators = _schemas(SAMPLE, tmp_path / "schema")
    assert _errors(validators, "risk", RISK) == []
    assert _errors(validators, "risk", RISK.replace("likelihood: 4", 'likelihood: "4"')) != []  # a quoted score
    assert _errors(validators, "risk", RISK.replace("likelihood: 4", "likelihood: 9")) != []  # off the 1-5 scale
    assert _errors(validators, "risk", RISK.replace("impact: 3}", "impact: 3, reach: 2}", 1)) != []  # no such factor
    assert _errors(validators, "risk", RISK + "tittle: typo\n") != []
    assert _errors(validators, "risk", RISK + "trend: up\n") != []
    assert _errors(validators, "risk", RISK + "classification: TOP-SECRET\n") != []
    assert _errors(validators, "risk", RISK + "restricted: {review: SECRET}\n") != []  # required: cannot be withheld
    assert _errors(validators, "risk", RISK + "restricted: {key_assets: SECRET}\n") == []
    assert _errors(validators, "risk", RISK.replace("id: R-X-01", "id: Ρ-01")) != []  # IDs are ASCII
    assert _errors(validators, "acronym", "id: ΓΚΑ\nmeaning: Γενική Κατεύθυνση\n") == []  # acronyms are not
    assert _errors(validators, "agency", "id: AG-X\nname: X\ntype: cyber\n") != []  # not in the sample's vocabulary
    assert _errors(validators, "view", "show: heatmap\nstage: current\n") != []


def test_the_schemas_are_the_publications_own(tmp_path: Path) -> None:
    """Levels, vocabularies and factors come from ``publication.yml``: the Greek root's agency type and third factor."""
    validators = _schemas(GENERAL, tmp_path / "schema")
    assert _errors(validators, "agency", "id: AG-X\nname: X\ntype: cyber\n") == []
    risk = json.loads((tmp_path / "schema" / "risk.schema.json").read_text(encoding="utf-8"))
    inherent = risk["$defs"]["RiskFields"]["properties"]["inherent"]
    assert inherent["required"] == ["likelihood", "vulnerability", "impact"]
    assert inherent["properties"]["vulnerability"] == {"type": "integer", "minimum": 1, "maximum": 4}


def test_charter_schema_names_what_it_wrote(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["schema", str(SAMPLE), "--out", str(out)]) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith(f"{out}: wrote 15 schemas (publication.schema.json, front-matter.schema.json, translation.")


def test_charter_schema_stops_on_an_unreadable_publication(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = edited_copy(SAMPLE, tmp_path / "content", {"publication.yml": [("scales:", "scoring:")]})
    assert main(["schema", str(content), "--out", str(tmp_path / "out")]) == 1
    assert "publication.scales: this field is required" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


# -- the schema and the model agree -------------------------------------------------------------------

_MODEL_ONLY = {
    "location",
    "field_positions",
    "chapter",
    "narrative",
    "narrative_line",
    "narrative_lang",
    "withheld",
    "builtin",
}
"""Model attributes that no YAML field sets: where the entity was written, its prose, what an edition made of it."""


@pytest.mark.parametrize("kind", sorted(ENTITY_SCHEMAS))
def test_every_field_of_the_schema_is_an_attribute_of_the_model(kind: str) -> None:
    schema = ENTITY_SCHEMAS[kind]
    model = KINDS[kind].model
    attributes = {f.name for f in dataclasses.fields(model)} - _MODEL_ONLY
    fields = {FIELD_ATTRIBUTES.get(key, key) for key in schema.model_fields}
    assert fields == attributes
    defaults = {
        f.name: f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default
        for f in dataclasses.fields(model)
        if f.name in attributes and f.name not in COMMON_FIELDS
    }
    for key, info in schema.model_fields.items():
        attribute = FIELD_ATTRIBUTES.get(key, key)
        if key in COMMON_FIELDS or info.is_required() or defaults[attribute] is dataclasses.MISSING:
            continue
        assert info.get_default(call_default_factory=True) == defaults[attribute], f"{kind}.{key}"


def test_only_optional_fields_and_names_can_be_withheld() -> None:
    assert withholdable(ENTITY_SCHEMAS["risk"], "key_assets")
    assert withholdable(ENTITY_SCHEMAS["risk"], "title")  # shown by the public name
    assert withholdable(ENTITY_SCHEMAS["risk"], "residual")  # shown as "Withheld"
    assert not withholdable(ENTITY_SCHEMAS["risk"], "review")
    assert not withholdable(ENTITY_SCHEMAS["indicator"], "target")
    assert not withholdable(ENTITY_SCHEMAS["action"], "objective")


def test_the_schemas_bound_numbers_and_let_an_optional_field_be_empty(tmp_path: Path) -> None:
    validators = _schemas(SAMPLE, tmp_path / "schema")
    threat = "id: TH-X\nname: X\n"
    assert _errors(validators, "threat", threat + "imo: 12\n") == []
    assert _errors(validators, "threat", threat + "imo: 13\n") != []  # the IMO's twelve
    assert _errors(validators, "front-matter", "title: X\norder: 1000000000\n") != []
    assert _errors(validators, "risk", RISK + "scenario: ~\nsupport:\n") == []  # written empty: absent
    assert _errors(validators, "front-matter", "title: ~\n") == []
