"""The resolved publication: every entity, every reference checked, indexes built.

Renderers read only this. It never re-reads content and holds no raw YAML.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from generator.model import (
    Acronym,
    Action,
    Agency,
    Chapter,
    Committee,
    Edition,
    Entity,
    Indicator,
    Objective,
    Phase,
    Ref,
    Risk,
    RiskGroup,
    Settings,
    Threat,
)
from generator.model.translations import Translations
from generator.validate.codewords import CodeWord

E = TypeVar("E", bound=Entity)


@dataclass
class Publication:
    """A whole, consistent publication, ready to render."""

    settings: Settings
    chapters: list[Chapter]
    entities: dict[str, Entity]
    """Every entity by ID, in the order written (built-in threats first)."""
    content_root: Path
    """The content folder, as an absolute path: where images and the emblem are found."""
    refs: list[Ref] = field(default_factory=list)
    """Every resolved reference, from YAML and prose."""
    backlinks: dict[str, list[Ref]] = field(default_factory=lambda: defaultdict(list))
    """Target ID → the references that name it."""
    edition: Edition | None = None
    """The edition this copy was cut for, or None for the whole publication."""
    risk_groups: list[RiskGroup] = field(default_factory=list)
    """Risks this edition may not show one by one, by their public group."""
    public_names: dict[str, str] = field(default_factory=dict)
    """Entity ID → the public name, as plain text, that a ``[[ID]]`` in this edition's prose reads as
    for an entity the edition leaves out (see :func:`generator.resolve.editions.for_edition`)."""
    codewords: list[CodeWord] = field(default_factory=list)
    """Terms no edition below their level may carry. Never rendered: an edition's copy has none."""
    annex_letters: dict[str, str] = field(default_factory=dict)
    """Each generated annex's letter (view name → letter, see :func:`generator.resolve.annexes.generated_letters`),
    from the whole publication, so that every edition and format letters an annex alike."""
    earlier: dict[str, Publication | str] = field(default_factory=dict)
    """Each earlier version a ``changes`` view compares with (by its ``since:``), as this copy's edition
    may see it, or the sentence saying why it cannot be read (see :mod:`generator.changes`)."""
    translations: Translations = field(default_factory=Translations)
    """The chapters and entities' text in the other languages (see :mod:`generator.resolve.languages`)."""
    unexpanded: Publication | None = None
    """The same publication with its prose's figures (``{{count ...}}``) as written, when this copy
    shows them computed: each edition computes its own from it (see :mod:`generator.resolve.figures`)."""

    @property
    def marking(self) -> str:
        """The marking every page carries: the edition's level (the default level for the whole)."""
        return self.edition.level if self.edition else self.settings.levels[-1]

    def portion_marked(self) -> bool:
        """Whether tables carry each row's own level: in every edition above the lowest level."""
        return self.edition is not None and self.edition.level != self.settings.levels[0]

    def of_kind(self, kind: type[E]) -> list[E]:
        """Every entity of a kind, in the order written."""
        return [e for e in self.entities.values() if isinstance(e, kind)]

    def get(self, entity_id: str, kind: type[E]) -> E:
        """An entity by ID; the resolver has checked that it exists and has this kind."""
        entity = self.entities[entity_id]
        if not isinstance(entity, kind):
            raise TypeError(f"{entity_id} is a {entity.KIND}, not a {kind.KIND}")
        return entity

    @property
    def agencies(self) -> list[Agency]:
        """The agencies."""
        return self.of_kind(Agency)

    @property
    def committees(self) -> list[Committee]:
        """The committees."""
        return self.of_kind(Committee)

    @property
    def threats(self) -> list[Threat]:
        """The threat categories, built-in ones first."""
        return self.of_kind(Threat)

    @property
    def risks(self) -> list[Risk]:
        """The risks of the register."""
        return self.of_kind(Risk)

    @property
    def objectives(self) -> list[Objective]:
        """The strategic objectives."""
        return self.of_kind(Objective)

    @property
    def actions(self) -> list[Action]:
        """The actions of the action plan."""
        return self.of_kind(Action)

    @property
    def indicators(self) -> list[Indicator]:
        """The monitoring indicators."""
        return self.of_kind(Indicator)

    @property
    def phases(self) -> list[Phase]:
        """The programme phases."""
        return self.of_kind(Phase)

    @property
    def acronyms(self) -> list[Acronym]:
        """The acronyms, alphabetically."""
        return sorted(self.of_kind(Acronym), key=lambda a: a.id.lower())

    # -- derived relations ----------------------------------------------------------------

    def children(self, committee: Committee) -> list[Committee]:
        """The committees whose parent is ``committee``."""
        return [c for c in self.committees if c.parent == committee.id]

    def risks_of_threat(self, threat: Threat) -> list[Risk]:
        """The risks that assess a threat."""
        return [r for r in self.risks if r.threat == threat.id]

    def objectives_of_risk(self, risk: Risk) -> list[Objective]:
        """The objectives that address a risk."""
        return [o for o in self.objectives if risk.id in o.risks]

    def actions_of_risk(self, risk: Risk) -> list[Action]:
        """The actions that treat a risk."""
        return [a for a in self.actions if risk.id in a.risks]

    def actions_of_objective(self, objective: Objective) -> list[Action]:
        """The actions that deliver an objective."""
        return [a for a in self.actions if a.objective == objective.id]

    def indicators_of(self, entity: Entity) -> list[Indicator]:
        """The indicators that measure an objective or an action."""
        return [i for i in self.indicators if entity.id in (i.objective, i.action)]

    def referrers(self, entity_id: str) -> list[Entity | Chapter]:
        """What refers to an entity: entities and chapters, once each, in publication order."""
        found: dict[str, Entity | Chapter] = {}
        chapters = {c.path: c for c in self.chapters}
        for ref in self.backlinks.get(entity_id, []):
            if ref.source_id is not None and ref.source_id in self.entities:
                if ref.source_id != entity_id:
                    found.setdefault(ref.source_id, self.entities[ref.source_id])
            elif ref.source_chapter in chapters:
                found.setdefault("chapter:" + ref.source_chapter, chapters[ref.source_chapter])
        return list(found.values())

    def high_band_names(self) -> set[str]:
        """The names of the upper half of the rating bands (High and Very high in the sample)."""
        bands = sorted(self.settings.scales.bands, key=lambda b: b.min)
        return {b.name for b in bands[(len(bands) + 1) // 2 :]}
