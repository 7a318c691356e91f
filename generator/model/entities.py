"""One typed model per entity kind (the parts of actions and indicators are in :mod:`generator.model.plan_parts`).

References between entities hold the target's ID; the resolve stage guarantees every one
of them names an entity of the right kind, so renderers may look them up without checks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import ClassVar

from generator.diagnostics import Location
from generator.model.plan_parts import Measurement, Milestone, Raci, StatusReport
from generator.model.settings import Band

FIELD_ATTRIBUTES = {"title": "title_text"}
"""YAML keys whose model attribute has another name."""


@dataclass(slots=True, kw_only=True)
class Entity:
    """What every entity has: an ID, where it was written, and its narrative prose."""

    KIND: ClassVar[str] = ""
    PREFIX: ClassVar[str] = ""
    id: str
    location: Location
    """The line of the entity's ``id`` key."""
    field_positions: dict[str, tuple[int, int]] = field(default_factory=dict)
    """The line and column of each field's key (in ``location.path``), for diagnostics."""
    chapter: str = ""
    """The chapter (path below content/) the entity is written in."""
    classification: str = ""
    """The entity's level: its own, or its block's, section's or file's (the most specific wins)."""
    restricted: dict[str, str] = field(default_factory=dict)
    """Fields (by their YAML key) that carry a higher level than the entity itself."""
    public_name: str = ""
    """What an edition that may not show the entity says where prose refers to it."""
    narrative: str = ""
    """Markdown prose that follows the entity's data block."""
    narrative_line: int = 0
    """The line the narrative starts on, in ``location.path``."""
    narrative_lang: str = ""
    """In a copy in another language, the language the narrative is still written in (not translated)."""

    @property
    def title(self) -> str:
        """The entity's human name."""
        raise NotImplementedError

    def where(self, key: str) -> Location:
        """The location of a field's key, or of the entity when the field is absent."""
        position = self.field_positions.get(key)
        return Location(self.location.path, *position) if position else self.location


@dataclass(slots=True, kw_only=True)
class Agency(Entity):
    """A department or agency of the state, or an industry body."""

    KIND: ClassVar[str] = "agency"
    name: str
    short: str = ""
    type: str = "other"
    ministry: str = ""

    @property
    def title(self) -> str:
        return self.name


@dataclass(slots=True, kw_only=True)
class Committee(Entity):
    """A committee of the structure, with its terms of reference."""

    KIND: ClassVar[str] = "committee"
    name: str
    short: str = ""
    tier: str = "national"
    parent: str | None = None
    purpose: str = ""
    functions: list[str] = field(default_factory=list)
    chair: str | None = None
    secretariat: str | None = None
    members: list[str] = field(default_factory=list)
    industry_members: list[str] = field(default_factory=list)
    meets: str = ""
    quorum: str = ""
    decision_rights: list[str] = field(default_factory=list)
    legal_basis: str = ""
    established: dt.date | None = None
    reports_to: str = ""

    @property
    def title(self) -> str:
        return self.name

    @property
    def agencies(self) -> list[str]:
        """Every agency on the committee: chair, secretariat and members, once each."""
        seen: dict[str, None] = {}
        for agency in [self.chair, self.secretariat, *self.members]:
            if agency:
                seen[agency] = None
        return list(seen)


@dataclass(slots=True, kw_only=True)
class Threat(Entity):
    """A threat category, such as the IMO's twelve."""

    KIND: ClassVar[str] = "threat"
    name: str
    description: str = ""
    malicious: bool = True
    imo: int | None = None
    """The category's number in the IMO deck, for the default catalogue."""
    builtin: bool = False

    @property
    def title(self) -> str:
        return self.name


@dataclass(slots=True)
class Assessment:
    """A risk's scores at one stage (inherent, residual or target), computed once."""

    values: dict[str, int]
    score: int
    band: Band

    @property
    def withheld(self) -> bool:
        """True for the stand-in of scores an edition may not show (it has no values)."""
        return not self.values


WITHHELD_BAND = Band(name="Withheld", min=0, max=0, colour="#5f6b76")
WITHHELD = Assessment(values={}, score=0, band=WITHHELD_BAND)
"""What an edition shows in place of scores above its level."""


@dataclass(slots=True)
class RiskGroup:
    """Risks an edition may not show one by one, shown together under their public group.

    The group stands on a heat map where its highest-scoring member stands, as the UK
    National Risk Register places its grouped malicious risks.
    """

    name: str
    count: int
    """The members: risks the edition shows nowhere else (they have no public text of their own)."""
    inherent: Assessment
    residual: Assessment
    target: Assessment
    threats: list[str] = field(default_factory=list)

    def stage(self, name: str) -> Assessment:
        """The group's assessment at a stage."""
        return {"inherent": self.inherent, "residual": self.residual, "target": self.target}[name]


@dataclass(slots=True)
class Control:
    """An existing control on a risk and how well it works."""

    name: str
    effectiveness: str
    owner: str | None = None


@dataclass(slots=True, kw_only=True)
class Risk(Entity):
    """A risk of the register, as a reasonable worst-case scenario."""

    KIND: ClassVar[str] = "risk"
    STAGES: ClassVar[tuple[str, ...]] = ("inherent", "residual", "target")
    title_text: str
    threat: str
    lead: str
    support: list[str] = field(default_factory=list)
    scenario: str = ""
    key_assets: list[str] = field(default_factory=list)
    inherent: Assessment
    residual: Assessment
    target: Assessment
    impact_dimensions: dict[str, int] = field(default_factory=dict)
    controls: list[Control] = field(default_factory=list)
    trend: str = "stable"
    treatment: str = "treat"
    confidence: str = "medium"
    review: dt.date | None = None
    raised: dt.date | None = None
    status: str = "open"
    public_summary: str = ""
    public_group: str = ""
    withheld: bool = False
    """In an edition below the risk's level: only its public summary is shown, never its scores."""

    @property
    def title(self) -> str:
        return self.title_text

    def stage(self, name: str) -> Assessment:
        """The assessment of a stage by name."""
        return {"inherent": self.inherent, "residual": self.residual, "target": self.target}[name]


@dataclass(slots=True, kw_only=True)
class Objective(Entity):
    """A strategic objective."""

    KIND: ClassVar[str] = "objective"
    title_text: str
    description: str = ""
    lead: str | None = None
    risks: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.title_text


@dataclass(slots=True, kw_only=True)
class Action(Entity):
    """An action of the strategy's action plan."""

    KIND: ClassVar[str] = "action"
    title_text: str
    objective: str
    risks: list[str] = field(default_factory=list)
    committee: str | None = None
    start: dt.date
    end: dt.date
    status: str = "planned"
    milestones: list[Milestone] = field(default_factory=list)
    raci: Raci
    description: str = ""
    progress: list[StatusReport] = field(default_factory=list)
    """Its status over time, oldest first."""

    @property
    def title(self) -> str:
        return self.title_text

    @property
    def agencies(self) -> list[str]:
        """Every agency with a RACI role, once each."""
        seen: dict[str, None] = {}
        for agency in [self.raci.responsible, self.raci.accountable, *self.raci.consulted, *self.raci.informed]:
            seen[agency] = None
        return list(seen)


@dataclass(slots=True, kw_only=True)
class Indicator(Entity):
    """A monitoring indicator of an objective or an action."""

    KIND: ClassVar[str] = "indicator"
    name: str
    level: str
    objective: str | None = None
    action: str | None = None
    owner: str
    baseline: float
    target: float
    unit: str = ""
    frequency: str = ""
    source: str = ""
    baseline_year: int | None = None
    target_year: int | None = None
    values: list[Measurement] = field(default_factory=list)
    """Its measurements over time, oldest first."""

    @property
    def latest(self) -> Measurement | None:
        """The most recent measurement, if any."""
        return self.values[-1] if self.values else None

    @property
    def title(self) -> str:
        return self.name


@dataclass(slots=True, kw_only=True)
class Phase(Entity):
    """A phase of the IMO programme (committee, register, strategy)."""

    KIND: ClassVar[str] = "phase"
    name: str
    start: dt.date
    end: dt.date
    outputs: list[str] = field(default_factory=list)
    description: str = ""

    @property
    def title(self) -> str:
        return self.name


@dataclass(slots=True, kw_only=True)
class Acronym(Entity):
    """An abbreviation and its meaning; the ID is the abbreviation itself."""

    KIND: ClassVar[str] = "acronym"
    meaning: str

    @property
    def title(self) -> str:
        return self.meaning


@dataclass(slots=True, kw_only=True)
class View:
    """A generated table or diagram placed in a chapter by a ``yaml view`` block."""

    show: str
    location: Location
    title: str = ""
    options: dict[str, str] = field(default_factory=dict)
    """Filters and settings, e.g. ``{"stage": "residual", "threat": "TH-PIRACY"}``."""
    option_locations: dict[str, Location] = field(default_factory=dict)
    classification: str = ""


@dataclass(slots=True)
class Chapter:
    """A Markdown file of the publication, in reading order."""

    path: str
    """The path below content/, e.g. ``strategy/vision.md``."""
    title: str
    order: int
    location: Location
    annex: bool = False
    front_matter: bool = False
    """Printed before chapter 1, unnumbered, with roman page numbers (a foreword, an executive summary)."""
    letter: str = ""
    """An annex's letter ("A", "B", ..., "AA"), assigned once in reading order (:mod:`generator.resolve.annexes`)."""
    title_location: Location | None = None
    """Where the title was written: its front matter key, else the first heading."""
    classification: str = ""
    description: str = ""
    """A sentence on the chapter from its front matter, for search engines and link previews."""
    lang: str = ""
    """The chapter's own language (a checked BCP 47 tag), where it is not the publication's."""
    dir: str = ""
    """The chapter's direction, ``rtl``, ``ltr`` or ``auto``; empty: the publication's."""
    segments: list[Segment] = field(default_factory=list)
    """Prose, entity blocks and views, in the order they are written."""
    links: list[tuple[str, Location]] = field(default_factory=list)
    """Links the prose makes to other files (chapters): the target as written and where."""
    untranslated: str = ""
    """In a copy in another language, the language its text is in, when it has no translation."""


@dataclass(slots=True)
class Passage:
    """A run of Markdown prose in a chapter, with the line it starts on."""

    text: str
    line: int
    classification: str = ""


@dataclass(slots=True)
class EntityBlock:
    """A data block of entities, standing where it was written in a chapter."""

    kind: str
    entities: list[Entity]


Segment = Passage | EntityBlock | View
"""A :class:`~generator.model.signature.Signature` is a Passage: what holds for prose holds for it."""
