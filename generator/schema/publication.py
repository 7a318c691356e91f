"""The schema of ``publication.yml``: the publication's identity, levels, editions, documents and scales."""

from __future__ import annotations

from typing import Annotated

from annotated_types import Ge, Le
from pydantic import BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from generator.model.vocabulary import ACCESSIBILITY_LAWS, CATALOGUE_MODES, DOCUMENT_KINDS, PUBLICATION_STATUSES
from generator.schema.entities import Fields
from generator.schema.types import (
    EXPECTED,
    Colour,
    Date,
    Direction,
    LanguageTag,
    Named,
    OneOf,
    Reach,
    Text,
    TextList,
    WebAddress,
    WholeNumber,
    YesNo,
)

DEFAULT_LEVELS = ("PUBLIC", "OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET")


class ClassificationFields(Fields):
    levels: TextList = Field(description="the levels, lowest first")
    default: Reach | None = Field(None, description="the level of content that states none (the lowest by default)")
    colours: dict[str, Colour] = Field(
        default_factory=dict,
        description=(
            "the marking's colour per level, #rrggbb (by default the lowest level is outlined and each level above "
            "is filled: SECRET red, TOP SECRET orange, CONFIDENTIAL blue, RESTRICTED or SENSITIVE purple, "
            "any other by its rank)"
        ),
    )


class EditionFields(Fields):
    id: Text = Field(description="the edition's ID, which names its folder in site/")
    title: Text = Field(description="its one name, e.g. Committee edition, as covers, banners, titles and notes use it")
    level: Reach = Field(description="the highest level it may show")
    url: WebAddress = Field("", description="where it is published, in full (https://...)")


class DocumentFields(Fields):
    id: Text = Field(description="the document's ID; its files are named by it")
    title: Text = Field(description="its title, as its cover shows it")
    chapters: Annotated[TextList | None, Field(json_schema_extra={"examples": ["all"]})] = Field(
        None, description="the chapters it carries (paths below content/), or 'all' (all but a progress report's)"
    )
    kind: Annotated[Text, OneOf(DOCUMENT_KINDS)] = Field(
        "document",
        description="progress-report: a report of its own chapters, its views' figures and statuses as of its date",
    )
    date: Date | None = Field(None, description="the date its cover gives (and a progress report is as of)")


class LanguageFields(Fields):
    code: LanguageTag = Field(description="the language, as a BCP 47 tag, e.g. fr or ar")
    name: Text = Field("", description="its name in itself, as the language switch shows it, e.g. Français")
    dir: Direction | None = Field(None, description="rtl or ltr (by default rtl for Arabic, Hebrew, Persian, Urdu)")
    required: YesNo = Field(False, description="yes: a chapter or an entity's text not translated into it is an error")


class RevisionFields(Fields):
    version: Text = Field(description="the version")
    date: Date = Field(description="when it was issued")
    summary: Text = Field(description="what changed")
    author: Text = Field("", description="who made the change")
    commit: Text = Field(
        "", description="the git commit (or tag) of this version, for `charter changes` and the changes view"
    )


class StepFields(Fields):
    score: Annotated[WholeNumber, Ge(0), Le(100)] = Field(description="the step's score")
    label: Text = Field(description="its name, e.g. Likely")
    definition: Text = Field("", description="what it means, e.g. a probability")


class DimensionFields(Fields):
    id: Text = Field(description="the dimension's key in a risk's impact_dimensions")
    name: Text = Field("", description="its name, as tables show it")


class BandFields(Fields):
    name: Text = Field(description="the band's name, e.g. High")
    min: WholeNumber = Field(description="the lowest score it holds")
    max: WholeNumber = Field(description="the highest score it holds")
    colour: Colour = Field("#757575", description="its colour, #rrggbb")


class HeatmapFields(Fields):
    across: TextList = Field(
        default_factory=list,
        description="the factors across (columns), several for their product; the formula's all but last by default",
    )
    up: TextList = Field(
        default_factory=list, description="the factors up (the rows); by default the formula's factors not across"
    )
    across_label: Text = Field("", description="the across axis's name, e.g. Likelihood (its factors' by default)")
    up_label: Text = Field("", description="the up axis's name (its factors' by default)")


class ScalesFields(Fields):
    """The scales; besides these keys, one list of steps for each factor, under the factor's name."""

    model_config = ConfigDict(extra="allow")
    factors: TextList = Field(description="the score factors, e.g. [likelihood, impact]")
    formula: Text = Field("", description="how factors make a score, e.g. likelihood * impact (all of them by default)")
    impact_dimensions: list[DimensionFields] = Field(
        default_factory=list, description="the dimensions of impact a risk may be scored on: {id, name}"
    )
    bands: list[BandFields] = Field(
        default_factory=list, description="the rating bands, covering every possible score once"
    )
    heatmap: HeatmapFields | None = Field(
        None, description="which factors the heat maps show across and up; every factor of the formula on one axis"
    )
    __pydantic_extra__: dict[str, list[StepFields]] = Field(init=False)


class VocabularyItemFields(Fields):
    id: Annotated[Text, Named("value")] = Field(description="the value, in lowercase ASCII letters, digits and '-'")
    label: Text = Field("", description="its label, as tables show it")


def _item(value: object) -> object:
    """A value written alone stands for ``{id: value}``."""
    if isinstance(value, str):
        return {"id": value}
    if not isinstance(value, dict):
        raise PydanticCustomError("E-FIELD-TYPE", "expected {expected}", {EXPECTED: "a value or {id, label}"})
    return value


VocabularyList = Annotated[
    list[Annotated[VocabularyItemFields, BeforeValidator(_item)]],
    WithJsonSchema(
        {
            "type": "array",
            "items": {
                "anyOf": [
                    {"type": "string", "description": "a value, labelled by its words"},
                    {
                        "type": "object",
                        "properties": {"id": {"type": "string"}, "label": {"type": "string"}},
                        "required": ["id"],
                        "additionalProperties": False,
                    },
                ]
            },
        }
    ),
]


class VocabularyFields(Fields):
    agency_types: VocabularyList = Field(default_factory=list, description="agency types of the publication's own")
    committee_tiers: VocabularyList = Field(default_factory=list, description="committee tiers of its own")
    indicator_levels: VocabularyList = Field(default_factory=list, description="indicator levels of its own")
    action_statuses: VocabularyList = Field(default_factory=list, description="action statuses of its own")


class ImprintFields(Fields):
    """What the imprint page (the back of the cover) and the back page say about the publication."""

    reference: Text = Field("", description="its reference number, e.g. a command paper number or an ISBN")
    copyright: Text = Field("", description="its copyright line, e.g. © Republic of Solmara 2026")
    licence: Text = Field("", description="the licence it is published under, e.g. Open Government Licence v3.0")
    contact: Text = Field("", description="where readers write to with questions: an address, a mail address or both")
    alternative_formats: Text = Field(
        "", description="how to ask for it in another format (large print, Braille, audio), as one statement"
    )


class AccessibilityFields(Fields):
    """What the accessibility statement page of each edition says beyond what Charter knows itself."""

    body: Text = Field("", description="the body the statement speaks for (by default the issuer)")
    law: Annotated[Text, OneOf(ACCESSIBILITY_LAWS)] = Field(
        "none", description="the law the statement answers to: eu (Directive 2016/2102), uk (the 2018 regulations)"
    )
    contact: Text = Field(
        "", description="where readers report a problem or ask for another format (by default the imprint's contact)"
    )
    alternative_formats: Text = Field(
        "", description="how to ask for another format (by default the imprint's alternative_formats)"
    )
    response: Text = Field("", description="how soon the body replies, e.g. within 10 working days")
    enforcement: Text = Field(
        "", description="the enforcement procedure: the body readers turn to when the reply does not satisfy them"
    )
    reviewed: Date | None = Field(
        None, description="when the statement was last reviewed (by default the publication date)"
    )
    tested_by: Text = Field(
        "", description="how the body tested the site beyond Charter's own tests, e.g. an audit by disabled users"
    )
    known_issues: TextList = Field(
        default_factory=list, description="content the body knows does not meet WCAG 2.2 AA, one item each"
    )


class PublicationFields(Fields):
    """``publication.yml``."""

    title: Text = Field(description="the publication's title")
    short_title: Text = Field("", description="a short title for headers and tabs (the title by default)")
    subtitle: Text = Field("", description="a subtitle for the cover")
    country: Text = Field(description="the state that publishes it")
    edition: Text = Field("", description="which edition of the publication this is, e.g. First edition")
    version: Text = Field(description="its version, e.g. 1.0.0")
    date: Date = Field(description="its date of issue")
    status: Annotated[Text, OneOf(PUBLICATION_STATUSES)] = Field(description="where it stands")
    language: Text = Field("en", description="its language, as a BCP 47 tag, e.g. en or el")
    languages: list[LanguageFields] = Field(
        default_factory=list, description="the languages it is published in, the default one included"
    )
    classification: ClassificationFields | None = Field(
        None, description=f"its classification levels (by default {', '.join(DEFAULT_LEVELS)})"
    )
    editions: list[EditionFields] = Field(
        default_factory=list, description="the editions to publish (by default one public edition)"
    )
    documents: list[DocumentFields] = Field(default_factory=list, description="the printed documents")
    scales: ScalesFields = Field(description="how risks are scored and rated")
    history: list[RevisionFields] = Field(default_factory=list, description="the document's revisions")
    threat_catalogue: Annotated[Text, OneOf(CATALOGUE_MODES)] = Field(
        "extend", description="extend the IMO's twelve threat categories with the publication's own, or replace them"
    )
    issuer: Text = Field("", description="the department, ministry or body that issues it, as the cover names it")
    emblem: Text = Field("", description="an SVG or PNG image below content/ for the cover")
    emblem_alt: Text = Field(
        "", description="what the emblem shows, as its alternative text, e.g. Emblem of the Republic (needed with one)"
    )
    imprint: ImprintFields | None = Field(
        None, description="the reference, copyright, licence, contact and alternative formats the imprint page prints"
    )
    vocabulary: VocabularyFields = Field(
        default_factory=VocabularyFields, description="values of its own added to the engine's enumerations"
    )
    accessibility: AccessibilityFields | None = Field(
        None, description="what each edition's accessibility statement says"
    )
