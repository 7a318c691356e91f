"""Entity data blocks as compact summaries: the facts a reader needs where the block stands.

The full detail lives in the generated tables (register, action plan, terms of
reference); a summary names the entity, anchors it for cross-references and lists its
key fields on one or two lines.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import TypeVar, cast

from generator.model import (
    Acronym,
    Action,
    Agency,
    Committee,
    Entity,
    EntityBlock,
    Indicator,
    Objective,
    Phase,
    Risk,
    Threat,
)
from generator.model.kinds import KINDS, KindSpec, builders_for
from generator.model.vocabulary import TREATMENTS, TRENDS
from generator.render_print.links import Anchors
from generator.render_print.markdown_escape import escape_markdown, raw_typst_block
from generator.resolve import Publication
from generator.views.engine_words import vocabulary_label
from generator.views.indicator_chart import OFF_TRACK, ON_TRACK, track, unit_text
from generator.views.risk_tables import has_imo_numbers
from generator.views.text import agency_type_label, level_label, number_text, stage_word, status_label, tier_label
from generator.words import long_date, say

E = TypeVar("E", bound=Entity)
Fact = tuple[str, str]
"""A label and its Markdown value."""
Described = tuple[str, list[Fact], str]
"""An entity's summary: its heading, its facts and a short description, as Markdown."""
BlockSummary = Callable[["SummaryWriter", list[Entity]], str]
"""The Markdown of a data block's entities (all of one kind, at least one)."""


class SummaryWriter:
    """Writes the summaries of one document's entity blocks."""

    def __init__(self, publication: Publication, anchors: Anchors) -> None:
        self.publication = publication
        self.anchors = anchors
        self.numbered = has_imo_numbers(publication)
        """Whether the threat catalogue numbers its categories as the IMO deck does."""

    def block(self, block: EntityBlock) -> str:
        """The Markdown of a whole data block (one or more entities of one kind)."""
        if not block.entities:
            return ""
        return SUMMARIES[block.kind](self, block.entities)

    def acronyms(self, acronyms: list[Acronym]) -> str:
        """A block of acronyms: one line each, in one box."""
        lines = [f"{self.anchors.place(a.id)}**{escape_markdown(a.id)}** {escape_markdown(a.title)}" for a in acronyms]
        return _div("acronym", "\\\n".join(lines))

    def entity(self, entity: Entity, described: Described) -> str:
        """One entity's summary: a bold heading line, its facts, and a short description."""
        heading, facts, text = described
        lines = [f"{self.anchors.place(entity.id)}**{heading}**"]
        if text:
            lines += ["", text]
        if facts:
            lines += [
                "",
                " · ".join(
                    f"**{escape_markdown(say('{label}:', label=label))}** {value}" for label, value in facts if value
                ),
            ]
        return _div(entity.KIND, "\n".join(lines))

    # -- one function per kind: (heading, facts, description) ------------------------------

    def _agency(self, a: Agency) -> Described:
        heading = escape_markdown(a.name + (f" ({a.short})" if a.short else ""))
        return (
            heading,
            [
                (say("Type"), escape_markdown(agency_type_label(self.publication, a.type))),
                (say("Ministry"), escape_markdown(a.ministry)),
            ],
            "",
        )

    def _committee(self, c: Committee) -> Described:
        heading = escape_markdown(c.name + (f" ({c.short})" if c.short else ""))
        facts = [
            (say("Tier"), escape_markdown(tier_label(self.publication, c.tier))),
            (say("Reports to"), self._link(c.parent) if c.parent else escape_markdown(c.reports_to)),
            (say("Chair"), self._agency_name(c.chair)),
            (say("Secretariat"), self._agency_name(c.secretariat)),
            (say("Members"), ", ".join(self._agency_name(m) for m in c.members)),
            (say("Meets"), escape_markdown(c.meets)),
        ]
        return heading, facts, escape_markdown(c.purpose)

    def _threat(self, t: Threat) -> Described:
        facts = [
            (
                say("IMO category"),
                str(t.imo) if t.imo else say("Not an IMO category") if self.numbered else "",
            ),  # "" is left out
            (say("Nature"), say("Malicious") if t.malicious else say("Non-malicious")),
        ]
        return escape_markdown(t.name), facts, escape_markdown(t.description)

    def _risk(self, r: Risk) -> Described:
        scores = ", ".join(
            f"{stage_word(stage)} {escape_markdown(f'{r.stage(stage).score} {r.stage(stage).band.name}')}"
            for stage in Risk.STAGES
        )
        if any(r.stage(stage).withheld for stage in Risk.STAGES):
            scores = say("withheld in this edition")
        facts = [
            (say("Threat"), self._link(r.threat)),
            (say("Lead"), self._agency_name(r.lead)),
            (say("Support"), ", ".join(self._agency_name(a) for a in r.support)),
            (say("Scores"), scores),
            (say("Trend"), escape_markdown(vocabulary_label(TRENDS, r.trend))),
            (say("Treatment"), escape_markdown(vocabulary_label(TREATMENTS, r.treatment))),
            (say("Review by"), escape_markdown(long_date(r.review))),
        ]
        scenario = f"*{escape_markdown(say('Scenario.'))}* {escape_markdown(r.scenario)}" if r.scenario else ""
        return escape_markdown(f"{r.id} {r.title}"), facts, scenario

    def _objective(self, o: Objective) -> Described:
        facts = [(say("Lead"), self._agency_name(o.lead)), (say("Risks addressed"), self._links(o.risks))]
        return escape_markdown(f"{o.id} {o.title}"), facts, escape_markdown(o.description)

    def _action(self, a: Action) -> Described:
        facts = [
            (say("Objective"), self._link(a.objective, show_id=True)),
            (say("Responsible"), self._agency_name(a.raci.responsible)),
            (say("Accountable"), self._agency_name(a.raci.accountable)),
            (say("Oversight"), self._link(a.committee) if a.committee else ""),
            (say("Dates"), escape_markdown(_span(a.start, a.end))),
            (say("Status"), escape_markdown(status_label(self.publication, a.status))),
            (say("Last report"), escape_markdown(_last_report(a))),
            (say("Risks"), self._links(a.risks)),
        ]
        return escape_markdown(f"{a.id} {a.title}"), facts, escape_markdown(a.description)

    def _indicator(self, i: Indicator) -> Described:
        unit = f" {i.unit}" if i.unit else ""
        facts = [
            (say("Level"), escape_markdown(level_label(self.publication, i.level))),
            (say("Measures"), self._link(i.objective or i.action or "", show_id=True)),
            (say("Owner"), self._agency_name(i.owner)),
            (say("Baseline"), escape_markdown(number_text(i.baseline) + unit)),
            (say("Target"), escape_markdown(number_text(i.target) + unit)),
            (say("Latest"), escape_markdown(_latest(i))),
            (say("Frequency"), escape_markdown(i.frequency)),
            (say("Source"), escape_markdown(i.source)),
        ]
        return escape_markdown(f"{i.id} {i.name}"), facts, ""

    def _phase(self, p: Phase) -> Described:
        facts = [
            (say("Dates"), escape_markdown(_span(p.start, p.end))),
            (say("Outputs"), escape_markdown("; ".join(p.outputs))),
        ]
        return escape_markdown(f"{p.id} {p.name}"), facts, escape_markdown(p.description)

    # -- names and links -------------------------------------------------------------------------------

    def _link(self, entity_id: str | None, *, show_id: bool = False) -> str:
        """An entity named by its ID (a link) or by its title (plain text: names are not followed in print)."""
        if not entity_id or entity_id not in self.publication.entities:
            return ""
        if show_id:
            return self.anchors.id_link(entity_id)
        return escape_markdown(self.publication.entities[entity_id].title)

    def _links(self, ids: list[str]) -> str:
        return ", ".join(self.anchors.id_link(i) for i in ids)

    def _agency_name(self, agency_id: str | None) -> str:
        if not agency_id:
            return ""
        agency = self.publication.get(agency_id, Agency)
        return escape_markdown(agency.short or agency.name)


def _div(kind: str, body: str) -> str:
    """A summary box: a paragraph style in DOCX, a ruled block in the PDF (``charter-summary``)."""
    div = f'::: {{.summary .summary-{kind} custom-style="Entity Summary"}}\n{body}\n:::'
    return "\n\n".join([raw_typst_block("#charter-summary["), div, raw_typst_block("]")])


def _boxed(model: type[E], describe: Callable[[SummaryWriter, E], Described]) -> tuple[str, BlockSummary]:
    """A kind's summary as one box per entity, each described by ``describe``."""

    def summary(writer: SummaryWriter, entities: list[Entity]) -> str:
        # The cast is sound: a block holds entities of its own kind only, and it is looked up by that kind.
        return "\n\n".join(writer.entity(entity, describe(writer, cast(E, entity))) for entity in entities)

    return model.KIND, summary


_SUMMARIES: dict[str, BlockSummary] = dict(
    [
        _boxed(Agency, SummaryWriter._agency),
        _boxed(Committee, SummaryWriter._committee),
        _boxed(Threat, SummaryWriter._threat),
        _boxed(Risk, SummaryWriter._risk),
        _boxed(Objective, SummaryWriter._objective),
        _boxed(Action, SummaryWriter._action),
        _boxed(Indicator, SummaryWriter._indicator),
        _boxed(Phase, SummaryWriter._phase),
        (Acronym.KIND, cast(BlockSummary, SummaryWriter.acronyms)),
    ]
)


def summaries(kinds: Mapping[str, KindSpec] = KINDS) -> dict[str, BlockSummary]:
    """The summary of every kind (every kind's blocks are printed), in registry order.

    Raises :class:`generator.model.kinds.KindRegistryError` when a kind has none.
    """
    return builders_for(_SUMMARIES, needed=kinds.values(), what="print summary builder", kinds=kinds)


SUMMARIES = summaries()
"""``KIND`` → the summary of its data blocks, checked at import."""


def _latest(indicator: Indicator) -> str:
    """The latest measurement, its date and its verdict: '12 incidents per year (30 June 2026), off track'."""
    latest = indicator.latest
    if latest is None:
        return ""
    verdict = track(indicator)
    shown = f"{unit_text(latest.value, indicator.unit)} ({long_date(latest.date)})"
    if verdict == ON_TRACK:
        return say("{latest}, on track", latest=shown)
    if verdict == OFF_TRACK:
        return say("{latest}, off track", latest=shown)
    return shown


def _last_report(action: Action) -> str:
    """The latest status report's date and note: '30 June 2026: Procurement slipped …'."""
    if not action.progress:
        return ""
    last = action.progress[-1]
    return say("{date}: {note}", date=long_date(last.date), note=last.note) if last.note else long_date(last.date)


def _span(start: dt.date, end: dt.date) -> str:
    """Two dates as a span: '1 April 2026 to 31 March 2027'."""
    return say("{start} to {end}", start=long_date(start), end=long_date(end))
