"""The schema of every entity kind: each field once, with its type, default, allowed values and meaning.

A field without a default is required. ``Refers`` names the kinds a reference may point at,
``OneOf`` the allowed values (fixed, the publication's levels, or one of its vocabularies),
``Withhold`` overrides whether ``restricted:`` may withhold a field (by default a field may
be withheld when it is optional, since an edition can show it as absent).
"""

from __future__ import annotations

from typing import Annotated, ClassVar

from annotated_types import Ge, Le
from pydantic import BaseModel, ConfigDict, Field

from generator.model.vocabulary import CONFIDENCE, EFFECTIVENESS, RISK_STATUSES, TREATMENTS, TRENDS
from generator.schema.types import (
    Date,
    Level,
    Number,
    OneOf,
    Refers,
    Scores,
    StandIn,
    Text,
    TextList,
    Translates,
    WholeNumber,
    Withhold,
    YesNo,
)

AgencyRef = Annotated[Text, Refers("agency")]


class Fields(BaseModel):
    """A mapping of fields: unknown keys are errors, and no value is guessed."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, validate_default=False)


class EntityFields(Fields):
    """The fields every entity has."""

    KIND: ClassVar[str] = ""
    DESCRIPTION: ClassVar[str] = ""
    id: Annotated[Text, Field(description="the entity's unique ID, e.g. R-PIR-01")]
    classification: Level | None = Field(
        None, description="the entity's own level, if above its block's, section's or file's"
    )
    restricted: dict[str, Level] = Field(
        default_factory=dict, description="fields that carry a higher level than the entity: {field: LEVEL}"
    )
    public_name: Annotated[Text, StandIn(), Translates()] = Field(
        "", description="what an edition that may not show the entity says where prose refers to it"
    )


class AgencyFields(EntityFields):
    KIND: ClassVar[str] = "agency"
    DESCRIPTION: ClassVar[str] = "A department or agency of the state, or an industry body."
    name: Annotated[Text, Withhold(True), Translates()] = Field(description="the agency's full name")
    short: Text = Field("", description="its acronym, as tables show it")
    type: Annotated[Text, OneOf(vocabulary="agency_types")] = Field("other", description="what kind of agency it is")
    ministry: Text = Field("", description="the ministry it answers to")


class CommitteeFields(EntityFields):
    KIND: ClassVar[str] = "committee"
    DESCRIPTION: ClassVar[str] = "A committee of the structure, with its terms of reference."
    name: Annotated[Text, Withhold(True), Translates()] = Field(description="the committee's full name")
    short: Text = Field("", description="its acronym")
    tier: Annotated[Text, OneOf(vocabulary="committee_tiers")] = Field(description="its place in the structure")
    parent: Annotated[Text, Refers("committee")] | None = Field(None, description="the committee it reports to")
    purpose: Annotated[Text, Translates()] = Field("", description="what it is for, in a sentence")
    functions: TextList = Field(default_factory=list, description="what it does")
    chair: AgencyRef = Field(description="the agency that chairs it")
    secretariat: AgencyRef | None = Field(None, description="the agency that runs its secretariat")
    members: Annotated[TextList, Refers("agency")] = Field(default_factory=list, description="its member agencies")
    industry_members: TextList = Field(default_factory=list, description="members from outside government, by name")
    meets: Annotated[Text, Translates()] = Field("", description="how often it meets, e.g. monthly")
    quorum: Text = Field("", description="how many members make a quorum")
    decision_rights: TextList = Field(default_factory=list, description="what it may decide")
    legal_basis: Text = Field("", description="the instrument that establishes it")
    established: Date | None = Field(None, description="when it was established")
    reports_to: Text = Field("", description="who it reports to, when that is not a committee of the structure")


class ThreatFields(EntityFields):
    KIND: ClassVar[str] = "threat"
    DESCRIPTION: ClassVar[str] = "A threat category, such as the IMO's twelve."
    name: Annotated[Text, Withhold(True), Translates()] = Field(description="the category's name")
    description: Annotated[Text, Translates()] = Field("", description="what the category covers")
    malicious: YesNo = Field(True, description="whether the threat is caused on purpose")
    imo: Annotated[WholeNumber, Ge(1), Le(12)] | None = Field(
        None, description="its number in the IMO deck's twelve categories; absent for an emerging threat"
    )


class ControlFields(Fields):
    name: Text = Field(description="what the control is")
    effectiveness: Annotated[Text, OneOf(EFFECTIVENESS)] = Field(description="how well it works")
    owner: AgencyRef | None = Field(None, description="the agency that runs it")


StageScores = Annotated[dict[str, WholeNumber], Scores(), Withhold(True)]


class RiskFields(EntityFields):
    KIND: ClassVar[str] = "risk"
    DESCRIPTION: ClassVar[str] = "A risk of the register, as a reasonable worst-case scenario."
    title: Annotated[Text, Withhold(True), Translates()] = Field(description="the risk in a line")
    threat: Annotated[Text, Refers("threat")] = Field(description="the threat category it falls under")
    lead: AgencyRef = Field(description="the agency that leads on it")
    support: Annotated[TextList, Refers("agency")] = Field(
        default_factory=list, description="the agencies that support"
    )
    scenario: Annotated[Text, Translates()] = Field("", description="the reasonable worst case, in a paragraph")
    key_assets: TextList = Field(default_factory=list, description="what would be harmed")
    inherent: StageScores = Field(description="the scores before controls, one per score factor")
    residual: StageScores = Field(description="the scores with today's controls")
    target: StageScores = Field(description="the scores treatment should bring it down to")
    impact_dimensions: Annotated[dict[str, WholeNumber], Scores(factors=False)] = Field(
        default_factory=dict,
        description="impact by dimension: {dimension: score}; the inherent impact is at least the highest",
    )
    controls: list[ControlFields] = Field(
        default_factory=list, description="existing controls: {name, effectiveness, owner}"
    )
    trend: Annotated[Text, OneOf(TRENDS)] = Field("stable", description="where the risk is heading")
    treatment: Annotated[Text, OneOf(TREATMENTS)] = Field("treat", description="how the risk is treated")
    confidence: Annotated[Text, OneOf(CONFIDENCE)] = Field("medium", description="how sure the assessment is")
    review: Date = Field(description="when the risk is next reviewed")
    raised: Date | None = Field(None, description="when the risk was first raised")
    status: Annotated[Text, OneOf(RISK_STATUSES)] = Field("open", description="where the risk stands")
    public_summary: Annotated[Text, StandIn(), Translates()] = Field(
        "", description="what an edition below the risk's level shows in its place"
    )
    public_group: Annotated[Text, StandIn(), Translates()] = Field(
        "", description="the group an edition below the risk's level counts it in, when it has no public summary"
    )


class ObjectiveFields(EntityFields):
    KIND: ClassVar[str] = "objective"
    DESCRIPTION: ClassVar[str] = "A strategic objective."
    title: Annotated[Text, Withhold(True), Translates()] = Field(description="the objective in a line")
    description: Annotated[Text, Translates()] = Field("", description="what it means to achieve it")
    lead: AgencyRef | None = Field(None, description="the agency that leads on it")
    risks: Annotated[TextList, Refers("risk")] = Field(default_factory=list, description="the risks it addresses")


class MilestoneFields(Fields):
    date: Date = Field(description="when")
    title: Text = Field(description="what is done by then")


class RaciFields(Fields):
    responsible: AgencyRef = Field(description="the agency that does the work")
    accountable: AgencyRef = Field(description="the agency that answers for it")
    consulted: Annotated[TextList, Refers("agency")] = Field(default_factory=list, description="agencies asked first")
    informed: Annotated[TextList, Refers("agency")] = Field(default_factory=list, description="agencies kept informed")


class ProgressFields(Fields):
    date: Date = Field(description="when the status was reported")
    status: Annotated[Text, OneOf(vocabulary="action_statuses")] = Field(description="the status reported then")
    note: Text = Field("", description="what happened, in a sentence")


class ActionFields(EntityFields):
    KIND: ClassVar[str] = "action"
    DESCRIPTION: ClassVar[str] = "An action of the strategy's action plan, with its RACI."
    title: Annotated[Text, Withhold(True), Translates()] = Field(description="the action in a line")
    objective: Annotated[Text, Refers("objective")] = Field(description="the objective it serves")
    risks: Annotated[TextList, Refers("risk")] = Field(default_factory=list, description="the risks it treats")
    committee: Annotated[Text, Refers("committee")] | None = Field(None, description="the committee that oversees it")
    start: Date = Field(description="when it starts")
    end: Date = Field(description="when it ends")
    status: Annotated[Text, OneOf(vocabulary="action_statuses")] = Field("planned", description="where it stands")
    milestones: list[MilestoneFields] = Field(default_factory=list, description="dated milestones: {date, title}")
    raci: RaciFields = Field(description="who is responsible, accountable, consulted and informed")
    description: Annotated[Text, Translates()] = Field("", description="what the action does")
    progress: list[ProgressFields] = Field(
        default_factory=list, description="its status over time, oldest first: {date, status, note}"
    )


class MeasurementFields(Fields):
    date: Date = Field(description="when it was measured")
    value: Number = Field(description="the value measured, in the indicator's unit")
    note: Text = Field("", description="what the figure means or where it comes from")


class IndicatorFields(EntityFields):
    KIND: ClassVar[str] = "indicator"
    DESCRIPTION: ClassVar[str] = "A monitoring indicator of one objective or one action."
    name: Annotated[Text, Withhold(True), Translates()] = Field(description="what is measured")
    level: Annotated[Text, OneOf(vocabulary="indicator_levels")] = Field(description="what kind of result it measures")
    objective: Annotated[Text, Refers("objective")] | None = Field(
        None, description="the objective it measures (or action)"
    )
    action: Annotated[Text, Refers("action")] | None = Field(None, description="the action it measures (or objective)")
    owner: AgencyRef = Field(description="the agency that reports it")
    baseline: Annotated[Number, Withhold(False)] = Field(description="the value at the start")
    target: Annotated[Number, Withhold(False)] = Field(description="the value aimed for")
    unit: Annotated[Text, Translates()] = Field("", description="the unit of baseline and target, e.g. %")
    frequency: Annotated[Text, Translates()] = Field("", description="how often it is reported")
    source: Annotated[Text, Translates()] = Field("", description="where the figures come from")
    baseline_year: Annotated[WholeNumber, Ge(1900), Le(2200)] | None = Field(None, description="the baseline's year")
    target_year: Annotated[WholeNumber, Ge(1900), Le(2200)] | None = Field(None, description="the target's year")
    values: list[MeasurementFields] = Field(
        default_factory=list, description="its measurements over time, oldest first: {date, value, note}"
    )


class PhaseFields(EntityFields):
    KIND: ClassVar[str] = "phase"
    DESCRIPTION: ClassVar[str] = "A phase of the programme (committee, register, strategy)."
    name: Annotated[Text, Withhold(True), Translates()] = Field(description="the phase's name")
    start: Date = Field(description="when it starts")
    end: Date = Field(description="when it ends")
    outputs: TextList = Field(default_factory=list, description="what it delivers")
    description: Annotated[Text, Translates()] = Field("", description="what happens in it")


class AcronymFields(EntityFields):
    KIND: ClassVar[str] = "acronym"
    DESCRIPTION: ClassVar[str] = "An abbreviation and its meaning; the ID is the abbreviation itself, in any script."
    meaning: Annotated[Text, Withhold(True), Translates()] = Field(description="what it stands for")


ENTITY_SCHEMAS: dict[str, type[EntityFields]] = {
    schema.KIND: schema
    for schema in (
        AgencyFields,
        CommitteeFields,
        ThreatFields,
        RiskFields,
        ObjectiveFields,
        ActionFields,
        IndicatorFields,
        PhaseFields,
        AcronymFields,
    )
}
"""Every entity kind a data block may hold, by its name in the block's info string."""
