"""The publication's own settings from ``publication.yml``: identity, scales, editions."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field

from generator.model.markings import OUTLINED, MarkingStyle
from generator.model.vocabulary import Vocabularies


@dataclass(slots=True)
class ScaleLevel:
    """One step of a scoring scale."""

    score: int
    label: str
    definition: str = ""


@dataclass(slots=True)
class Band:
    """A rating band: every score from ``min`` to ``max`` inclusive is rated ``name``."""

    name: str
    min: int
    max: int
    colour: str
    """A CSS colour for the band; always shown together with the band's name."""
    key: str = ""
    """In a copy in another language, the name ``publication.yml`` gives it, which prose figures
    (``{{count risks band="Very high"}}``) may still name; empty: ``name``."""


@dataclass(slots=True)
class HeatmapAxes:
    """Which factors a heat map shows across (its columns) and up (its rows).

    An axis of several factors shows the distinct values of their product (likelihood =
    threat × vulnerability), so that with every factor of the formula on one axis, each cell
    has one score and one rating band.
    """

    across: list[str]
    up: list[str]
    across_label: str = ""
    """The across axis's name, e.g. Likelihood (by default its factors' names)."""
    up_label: str = ""
    """The up axis's name (by default its factors' names)."""


def default_axes(formula: list[str]) -> HeatmapAxes:
    """The heat map a publication gets when it says none: every factor of the formula but the last across."""
    return HeatmapAxes(across=formula[:-1] or formula, up=formula[-1:] if len(formula) > 1 else [])


@dataclass(slots=True)
class Scales:
    """How risks are scored: the factors, their scales, the formula and the bands."""

    factors: list[str]
    """The factors a risk is scored on, e.g. ``["likelihood", "impact"]``."""
    formula: list[str]
    """The factors multiplied together to give the score."""
    levels: dict[str, list[ScaleLevel]]
    """Each factor's scale, lowest first."""
    impact_dimensions: dict[str, str]
    """Impact dimension id → name."""
    bands: list[Band]
    heatmap: HeatmapAxes | None = None
    """The heat map's axes as ``publication.yml`` sets them; None for :func:`default_axes`."""
    bands_cover: bool = True
    """False when the bands leave a score without a band (an error the validate stage reported): the
    content is still checked, and a score in a gap reads as the stand-in band "no band"."""
    factor_names: dict[str, str] = field(default_factory=dict)
    """Each factor's name in the language of a translated copy (``labels:``); empty: 'Likelihood'."""
    ranges: dict[str, tuple[int, int]] = field(init=False, repr=False, compare=False)
    """Each factor's lowest and highest score, worked out once."""

    def __post_init__(self) -> None:
        self.ranges = {}
        for factor, steps in self.levels.items():
            scores = [level.score for level in steps]
            self.ranges[factor] = (min(scores), max(scores))

    def range_of(self, factor: str) -> tuple[int, int]:
        """The lowest and highest score of a factor's scale."""
        return self.ranges[factor]

    def score(self, values: dict[str, int]) -> int:
        """The risk score of a set of factor values, by the formula."""
        result = 1
        for factor in self.formula:
            result *= values[factor]
        return result

    def axes(self) -> HeatmapAxes:
        """The heat map's axes: the publication's own, or the default; named in the language's words."""
        axes = self.heatmap or default_axes(self.formula)
        if not self.factor_names:
            return axes
        named = {
            side: self.factor_names[factors[0]]
            for side, factors in (("across_label", axes.across), ("up_label", axes.up))
            if len(factors) == 1 and factors[0] in self.factor_names and not getattr(axes, side)
        }
        across, up = named.get("across_label", axes.across_label), named.get("up_label", axes.up_label)
        return dataclasses.replace(axes, across_label=across, up_label=up) if named else axes

    def factor_name(self, factor: str) -> str:
        """A factor as headings name it: 'Likelihood' (or its name in the language of this copy)."""
        return self.factor_names.get(factor, factor.capitalize())

    def axis_values(self, factors: list[str]) -> list[int]:
        """The distinct values an axis of ``factors`` takes (their product), lowest first; [1] for no factor."""
        values = {1}
        for factor in factors:
            values = {v * level.score for v in values for level in self.levels[factor]}
        return sorted(values)

    def band_for(self, score: int) -> Band:
        """The band a score falls in; bands are checked to cover every score."""
        for band in self.bands:
            if band.min <= score <= band.max:
                return band
        if not self.bands_cover:
            return Band(name="no band", min=score, max=score, colour="#767676")  # reported: never published
        raise LookupError(score)  # unreachable once the scales have been validated

    def label(self, factor: str, score: int) -> str:
        """The label of a factor's score, e.g. 'Likely'."""
        for level in self.levels[factor]:
            if level.score == score:
                return level.label
        return str(score)


@dataclass(slots=True)
class Edition:
    """A build of the publication for readers cleared up to ``level``."""

    id: str
    title: str
    level: str
    url: str = ""
    """Where the edition's website is published (MkDocs' ``site_url``), e.g. https://nmss.gov.example/."""

    @property
    def label(self) -> str:
        """Its one name with its level, as titles and metadata give it: 'Committee edition (OFFICIAL-SENSITIVE)'."""
        return f"{self.title} ({self.level})"


@dataclass(slots=True)
class Document:
    """A printed document: which chapters it carries."""

    id: str
    title: str
    chapters: list[str] | None
    """Chapter paths below content/, or None for every chapter no progress report lists."""
    kind: str = "document"
    """``document``, or ``progress-report``: printed as of its date (:mod:`generator.resolve.as_of`)."""
    date: dt.date | None = None
    """The date its cover gives, when it is not the publication's."""

    @property
    def progress_report(self) -> bool:
        """Whether it reports progress: its figures and statuses as of its date."""
        return self.kind == "progress-report"


@dataclass(slots=True)
class Revision:
    """One row of the document control table."""

    version: str
    date: dt.date
    summary: str
    author: str = ""
    commit: str = ""
    """The git commit (or tag) the version was issued from: what a comparison with it reads."""


@dataclass(frozen=True, slots=True)
class Imprint:
    """The publication's imprint: what the back of its cover and its back page say (each '' when not given)."""

    reference: str = ""
    copyright: str = ""
    licence: str = ""
    contact: str = ""
    alternative_formats: str = ""


@dataclass(frozen=True, slots=True)
class Accessibility:
    """What the accessibility statement says beyond what Charter knows (see ``accessibility:`` in publication.yml)."""

    body: str = ""
    law: str = "none"
    contact: str = ""
    alternative_formats: str = ""
    response: str = ""
    enforcement: str = ""
    reviewed: dt.date | None = None
    tested_by: str = ""
    known_issues: tuple[str, ...] = ()


RTL_LANGUAGES = ("ar", "arc", "ckb", "dv", "fa", "he", "ks", "ku-Arab", "ps", "sd", "syr", "ug", "ur", "yi")
"""Languages written right to left, by their primary tag (Kurdish only in Arabic script)."""


def direction_of(code: str) -> str:
    """'rtl' for a language written right to left, else 'ltr'."""
    primary = code.split("-")[0].lower()
    return "rtl" if primary in RTL_LANGUAGES or code in RTL_LANGUAGES else "ltr"


@dataclass(frozen=True, slots=True)
class Language:
    """A language the publication is published in."""

    code: str
    """A checked BCP 47 tag, e.g. ``fr``."""
    name: str = ""
    """Its name in itself, as the language switch shows it, e.g. Français (the code when not given)."""
    dir: str = "ltr"
    required: bool = False
    """Whether a chapter or an entity's text not translated into it is an error rather than a warning."""


@dataclass(slots=True)
class Settings:
    """Everything ``publication.yml`` says about the publication as a whole."""

    title: str
    short_title: str
    country: str
    edition: str
    version: str
    date: dt.date
    status: str
    language: str
    levels: list[str]
    default_level: str
    editions: list[Edition]
    documents: list[Document]
    scales: Scales
    history: list[Revision] = field(default_factory=list)
    threat_catalogue: str = "extend"
    subtitle: str = ""
    emblem: str | None = None
    emblem_alt: str = ""
    """The emblem's alternative text (required with an emblem)."""
    issuer: str = ""
    """The department or body that issues the publication."""
    imprint: Imprint = field(default_factory=Imprint)
    accessibility: Accessibility = field(default_factory=Accessibility)
    markings: dict[str, MarkingStyle] = field(default_factory=dict)
    """Each level's marking style (see :mod:`generator.model.markings`); a level not here is outlined."""
    vocabulary: Vocabularies = field(default_factory=Vocabularies)
    """The extendable enumerations (agency types, tiers, indicator levels, action statuses) with their labels."""
    path: str = "publication.yml"
    """Where ``publication.yml`` is, as the user should open it."""
    languages: list[Language] = field(default_factory=list)
    """Every language it is published in, the default (``language``) first; never empty once read."""
    default_language: str = ""
    """The language the content is written in; ``language`` is the language of this copy (see
    :func:`generator.resolve.languages.for_language`). Empty: ``language``."""

    @property
    def source_language(self) -> str:
        """The language the content is written in, whichever language this copy is."""
        return self.default_language or self.language

    @property
    def direction(self) -> str:
        """The direction of this copy's language: 'rtl' or 'ltr'."""
        return self.direction_for(self.language)

    def direction_for(self, code: str) -> str:
        """A language's direction: as ``languages:`` sets it for the publication's, else as the model knows it."""
        found = next((lang for lang in self.languages if lang.code == code), None)
        return found.dir if found else direction_of(code)

    def translations(self) -> list[Language]:
        """The languages other than the one the content is written in."""
        return [lang for lang in self.languages if lang.code != self.source_language]

    def marking_style(self, level: str) -> MarkingStyle:
        """How the marking of ``level`` looks: filled in its colour, or outlined."""
        return self.markings.get(level, OUTLINED)

    def edition_label(self, edition: Edition | None) -> str:
        """The edition's name and level where they tell editions apart; '' for a publication's only, public one."""
        if edition is None or (len(self.editions) <= 1 and edition.level == self.levels[0]):
            return ""
        return edition.label

    def reported_chapters(self) -> set[str]:
        """The chapters a progress report lists: ``chapters: all`` in another document leaves them out."""
        return {path for d in self.documents if d.progress_report for path in d.chapters or ()}

    def editions_above(self, level: str) -> list[Edition]:
        """The editions that may show more than ``level``, lowest first."""
        rank = self.levels.index(level) if level in self.levels else len(self.levels)
        above = [e for e in self.editions if e.level in self.levels and self.levels.index(e.level) > rank]
        return sorted(above, key=lambda e: self.levels.index(e.level))
