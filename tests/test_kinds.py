"""The registry of kinds: one spec per kind, and renderers that refuse a kind they cannot show."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import pytest

from generator.model import Entity
from generator.model.kinds import KINDS, KindLabel, KindRegistryError, KindSpec, builders_for, page_kinds
from generator.render_print.summaries import summaries as print_summaries
from generator.render_site.entity_pages import page_builders
from generator.render_site.indexes import indexes
from generator.render_site.summaries import summaries as site_summaries

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def fake_model() -> Iterator[type[Entity]]:
    """An entity class of a kind the engine does not know, gone again after the test."""

    @dataclass(slots=True, kw_only=True)
    class Vessel(Entity):
        KIND: ClassVar[str] = "vessel"
        name: str

    yield Vessel
    del Vessel
    gc.collect()  # Entity.__subclasses__() forgets the class once it is collected


def _with(spec: KindSpec) -> dict[str, KindSpec]:
    return {**KINDS, spec.kind: spec}


def test_every_entity_class_has_one_spec_under_its_kind() -> None:
    assert list(KINDS) == [
        "risk",
        "agency",
        "committee",
        "objective",
        "action",
        "indicator",
        "threat",
        "phase",
        "acronym",
    ]
    assert all(spec.kind == kind for kind, spec in KINDS.items())
    assert {cls.KIND for cls in Entity.__subclasses__()} == set(KINDS)


def test_the_words_for_each_kind() -> None:
    threat = KINDS["threat"]
    assert (threat.plural, threat.folder, threat.label.title, threat.label.plural) == (
        "threats",
        "threats",
        "Threat category",
        "threat categories",
    )
    assert threat.index == "Threat categories"
    assert KINDS["risk"].index == "Risk register"
    assert [spec.kind for spec in page_kinds()] == [
        "risk",
        "agency",
        "committee",
        "objective",
        "action",
        "indicator",
        "threat",
    ]
    assert [kind for kind, spec in KINDS.items() if spec.cited_by_id] == [
        "risk",
        "objective",
        "action",
        "indicator",
        "phase",
    ]
    assert [kind for kind, spec in KINDS.items() if not spec.heading_with_id] == ["agency", "committee", "threat"]


def test_every_renderer_table_covers_the_registry() -> None:
    with_pages = [spec.kind for spec in page_kinds()]
    assert list(page_builders()) == with_pages
    assert list(indexes()) == with_pages
    assert list(site_summaries()) == list(KINDS)
    assert list(print_summaries()) == list(KINDS)


def test_a_kind_with_pages_but_no_page_builder_is_refused(fake_model: type[Entity]) -> None:
    kinds = _with(KindSpec(fake_model, "vessels", KindLabel("vessel", "vessels"), "vessels"))
    with pytest.raises(KindRegistryError) as raised:
        page_builders(kinds)
    assert str(raised.value) == "no site page builder for the kind(s) vessel: register one for each"
    with pytest.raises(KindRegistryError) as raised:
        indexes(kinds)
    assert str(raised.value) == "no site index page for the kind(s) vessel: register one for each"


def test_a_kind_without_pages_needs_no_page_but_a_summary(fake_model: type[Entity]) -> None:
    kinds = _with(KindSpec(fake_model, "vessels", KindLabel("vessel", "vessels")))
    assert list(page_builders(kinds)) == [spec.kind for spec in page_kinds()]
    with pytest.raises(KindRegistryError) as raised:
        site_summaries(kinds)
    assert str(raised.value) == "no site summary builder for the kind(s) vessel: register one for each"
    with pytest.raises(KindRegistryError) as raised:
        print_summaries(kinds)
    assert str(raised.value) == "no print summary builder for the kind(s) vessel: register one for each"


def test_a_builder_for_an_unknown_or_pageless_kind_is_refused() -> None:
    builders = {kind: kind for kind in KINDS}
    with pytest.raises(KindRegistryError) as raised:
        builders_for({**builders, "vessel": "?"}, needed=KINDS.values(), what="builder")
    assert str(raised.value) == "builder for unknown kind(s) vessel: add them to generator.model.kinds"
    with pytest.raises(KindRegistryError) as raised:
        builders_for(builders, needed=page_kinds(), what="page builder")
    assert str(raised.value) == "page builder for kind(s) that need none: phase, acronym"


def test_an_entity_class_without_a_spec_is_refused(fake_model: type[Entity]) -> None:
    from generator.model.kinds import _check_complete

    with pytest.raises(KindRegistryError) as raised:
        _check_complete()
    assert str(raised.value) == "entity kind(s) vessel have no KindSpec in generator.model.kinds"


VESSEL = """
from dataclasses import dataclass
from typing import ClassVar
from generator.model import Entity
from generator.model.kinds import KINDS, KindLabel, KindSpec
from generator.schema.entities import ENTITY_SCHEMAS, EntityFields

@dataclass(slots=True, kw_only=True)
class Vessel(Entity):
    KIND: ClassVar[str] = "vessel"
    name: str

class VesselFields(EntityFields):
    KIND: ClassVar[str] = "vessel"
    name: str

KINDS["vessel"] = KindSpec(Vessel, "vessels", KindLabel("vessel", "vessels"), "vessels")
"""
"""A kind with pages registered in a fresh interpreter, before anything else of Charter is imported."""


def _last_line_of(script: str) -> str:
    run = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=False)
    assert run.returncode == 1
    return run.stderr.strip().splitlines()[-1]


def test_the_site_renderer_will_not_start_with_a_kind_it_has_no_page_for() -> None:
    """Registered (with a schema) before the renderer is imported, a kind with pages but no builder stops the import."""
    script = VESSEL + 'ENTITY_SCHEMAS["vessel"] = VesselFields\nimport generator.render_site.tree\n'
    assert _last_line_of(script) == (
        "generator.model.kinds.KindRegistryError: no site page builder for the kind(s) vessel: register one for each"
    )


def test_a_kind_without_a_schema_stops_validation_from_starting() -> None:
    """A kind registered with a model and pages but no schema cannot be read: the validate stage refuses to import."""
    script = VESSEL + "import generator.validate\n"
    assert _last_line_of(script) == (
        "generator.model.kinds.KindRegistryError: kind(s) vessel have no schema in generator.schema.entities"
    )
