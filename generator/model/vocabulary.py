"""The enumerations a publication may extend: the engine's values and labels, plus its own.

Agency types, committee tiers, indicator levels and action statuses have defaults that
suit the sample; a cyber or health strategy adds its own in ``publication.yml``
(``vocabulary: {agency_types: [cyber]}``). Every reader, filter and label lookup asks the
publication's :class:`Vocabularies`, never a constant, so an added value is accepted and
labelled everywhere at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace


def default_label(value: str) -> str:
    """The label of a value that has none of its own: 'health-authority' → 'Health authority'."""
    return value.replace("-", " ").capitalize()


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The allowed values of one enumeration, in order (the engine's first), with their labels."""

    labels: dict[str, str]
    """Value → label, in the order the values are listed."""
    engine: frozenset[str]
    """The values the engine itself defines; the rest come from ``publication.yml``."""

    @classmethod
    def of(cls, values: tuple[str, ...], labels: dict[str, str] | None = None) -> Vocabulary:
        """The engine's vocabulary: each value with its label, or the default label."""
        given = labels or {}
        return cls({v: given.get(v) or default_label(v) for v in values}, frozenset(values))

    @property
    def values(self) -> tuple[str, ...]:
        """Every allowed value, the engine's first."""
        return tuple(self.labels)

    def label(self, value: str) -> str:
        """The label of a value, as tables show it."""
        return self.labels.get(value) or default_label(value)

    def is_engine(self, value: str) -> bool:
        """Whether the engine defines the value (and so any behaviour tied to it)."""
        return value in self.engine

    def extended(self, additions: dict[str, str]) -> Vocabulary:
        """This vocabulary with the publication's own values (value → label) after the engine's."""
        return replace(self, labels={**self.labels, **additions})


AGENCY_TYPES = Vocabulary.of(
    (
        "navy",
        "coast-guard",
        "police",
        "customs",
        "immigration",
        "fisheries",
        "port-authority",
        "maritime-administration",
        "intelligence",
        "foreign-affairs",
        "environment",
        "justice",
        "industry",
        "defence",
        "transport",
        "interior",
        "heritage",
        "energy",
        "telecommunications",
        "other",
    )
)
COMMITTEE_TIERS = Vocabulary.of(
    ("national", "sub-committee", "port", "working-group"),
    {"national": "National committee", "sub-committee": "Sub-committee", "port": "Port committee"},
)
INDICATOR_LEVELS = Vocabulary.of(("output", "outcome"))
ACTION_STATUSES = Vocabulary.of(("planned", "progressing", "finished", "delayed"))


@dataclass(frozen=True, slots=True)
class Vocabularies:
    """The publication's extendable enumerations: the engine's defaults plus its additions."""

    agency_types: Vocabulary = field(default_factory=lambda: AGENCY_TYPES)
    committee_tiers: Vocabulary = field(default_factory=lambda: COMMITTEE_TIERS)
    indicator_levels: Vocabulary = field(default_factory=lambda: INDICATOR_LEVELS)
    action_statuses: Vocabulary = field(default_factory=lambda: ACTION_STATUSES)

    def named(self, key: str) -> Vocabulary:
        """A vocabulary by its key under ``vocabulary:`` in ``publication.yml``."""
        vocabulary: Vocabulary = getattr(self, key)
        return vocabulary


VOCABULARY_KEYS = ("agency_types", "committee_tiers", "indicator_levels", "action_statuses")
"""The keys ``vocabulary:`` takes in ``publication.yml``, each the name of a field of :class:`Vocabularies`."""

ACCESSIBILITY_LAWS = Vocabulary.of(
    ("none", "eu", "uk"),
    {
        "none": "No law named",
        "eu": "Directive (EU) 2016/2102",
        "uk": "The Public Sector Bodies Accessibility Regulations 2018",
    },
)
TRENDS = Vocabulary.of(("increasing", "stable", "decreasing"))
TREATMENTS = Vocabulary.of(("treat", "tolerate", "transfer", "terminate"))
CONFIDENCE = Vocabulary.of(("high", "medium", "low"))
RISK_STATUSES = Vocabulary.of(("open", "in-process", "accepted", "closed"), {"in-process": "In process"})
EFFECTIVENESS = Vocabulary.of(("effective", "partial", "weak", "none"))
STAGES = Vocabulary.of(("inherent", "residual", "target"))
PUBLICATION_STATUSES = Vocabulary.of(("draft", "consultation", "approved", "superseded"))
CATALOGUE_MODES = Vocabulary.of(("extend", "replace"))
DOCUMENT_KINDS = Vocabulary.of(("document", "progress-report"))
"""The fixed enumerations: a publication cannot extend these, since the engine acts on each value."""
