"""The schemas of a chapter's front matter and of a ``yaml view`` block."""

from __future__ import annotations

from typing import Annotated

from annotated_types import Ge, Le
from pydantic import Field

from generator.model.vocabulary import STAGES, Vocabulary
from generator.schema.entities import Fields
from generator.schema.types import Date, Direction, LanguageTag, Level, OneOf, Refers, Text, WholeNumber, YesNo


class FrontMatterFields(Fields):
    """The YAML front matter of a chapter."""

    title: Text = Field("", description="the chapter's title (otherwise its first # heading)")
    order: Annotated[WholeNumber, Ge(-100000), Le(100000)] = Field(
        1000, description="the chapter's place: chapters are read in this order"
    )
    annex: YesNo = Field(False, description="whether the chapter is an annex")
    front_matter: YesNo = Field(
        False,
        description=(
            "whether the chapter is front matter, such as a foreword or an executive summary: printed unnumbered, "
            "with roman page numbers, before chapter 1"
        ),
    )
    classification: Level | None = Field(
        None, description="the chapter's level; in a folder's index.md, the level of every file below it"
    )
    description: Text = Field("", description="a sentence on the chapter, for search engines and link previews")
    lang: LanguageTag | None = Field(
        None, description="the chapter's language where it is not the publication's, e.g. ar"
    )
    dir: Direction | None = Field(None, description="the chapter's direction: rtl, ltr or auto")


class TranslationFrontFields(Fields):
    """The YAML front matter of a chapter's translation (``foreword.fr.md``): its order and level are its source's."""

    title: Text = Field("", description="the chapter's title in the translation's language")
    description: Text = Field("", description="its description in the translation's language")
    translates: Text = Field(
        "", description="the version of the source it translates, as `charter translate --mark-current` writes it"
    )


VIEW_DESCRIPTIONS = {
    "register": "the risk register table",
    "heatmap": (
        "risk IDs in a matrix of the axes `scales.heatmap` sets (by default likelihood × impact),"
        " each cell named by its band"
    ),
    "orgchart": "the committee organisation chart",
    "membership": "agency × committee membership matrix",
    "raci": "agencies × actions RACI matrix",
    "traceability": "objective × risk matrix",
    "actions": "the action plan table",
    "timeline": "the action timeline diagram",
    "indicators": "the monitoring indicators",
    "indicator-progress": "each objective's indicators as small charts, each on or off track against its planned path",
    "implementation": "each objective's actions by status, as stacked bars with the counts",
    "coverage": "threat categories assessed or not (with the IMO's numbers when the catalogue has them)",
    "review": "risks due for review",
    "phases": "the programme phases",
    "committees": "the committees and their terms of reference",
    "agencies": "the agencies and their roles",
    "acronyms": "the acronym list",
    "history": "the document control table",
    "changes": "what changed since an earlier version: risks, actions, indicators and committees",
    "scales": "the scoring scales and rating bands",
}
"""Every view a chapter may place, with what it renders."""
VIEWS = Vocabulary.of(tuple(VIEW_DESCRIPTIONS))

VIEW_OPTIONS: dict[str, tuple[str, ...]] = {
    "register": ("threat", "agency", "objective"),
    "heatmap": ("stage", "threat", "agency"),
    "orgchart": ("committee",),
    "raci": ("objective",),
    "actions": ("objective", "agency"),
    "timeline": ("objective",),
    "indicators": ("objective",),
    "indicator-progress": ("objective",),
    "implementation": ("objective",),
    "review": ("before",),
    "changes": ("since",),
}
"""The options each view takes (a view not listed takes none)."""


class ViewFields(Fields):
    """A ``yaml view`` block: which generated table or diagram stands here, filtered how."""

    show: Annotated[Text, OneOf(VIEWS)] = Field(description="the view")
    title: Text = Field("", description="a caption of the view's own")
    classification: Level | None = Field(None, description="the view's level, if above its block's")
    stage: Annotated[Text, OneOf(STAGES)] = Field("residual", description="heatmap: which scores it places")
    threat: Annotated[Text, Refers("threat")] | None = Field(None, description="register, heatmap: one threat category")
    agency: Annotated[Text, Refers("agency")] | None = Field(
        None, description="register, heatmap, actions: risks or actions one agency has a part in"
    )
    objective: Annotated[Text, Refers("objective")] | None = Field(
        None,
        description=(
            "register, raci, actions, timeline, indicators, indicator-progress, implementation: one objective's"
        ),
    )
    committee: Annotated[Text, Refers("committee")] | None = Field(None, description="orgchart: the chart's root")
    before: Date | None = Field(None, description="review: risks due for review before this date")
    since: Text | None = Field(
        None,
        description=(
            "changes (required): the earlier version, as a version of publication.yml's history that gives its "
            "commit, or a git commit or tag"
        ),
    )


class SignatureFields(Fields):
    """A ``yaml signature`` block: who signs a foreword or a statement."""

    name: Text = Field(description="the signatory's name, e.g. Hon. Dr Marisa Okonde-Lavalle")
    title: Text = Field("", description="their office, e.g. Minister of Transport and Maritime Affairs")
    place: Text = Field("", description="where they signed, e.g. Port Anselm")
    date: Date | None = Field(None, description="when they signed")
