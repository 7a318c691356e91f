"""Entity data blocks as compact summaries: the facts a reader needs where the block stands.

The full detail lives in the generated tables (register, action plan, terms of
reference); a summary names the entity, anchors it for cross-references and lists its
key fields on one or two lines.
"""

from __future__ import annotations

from generator.model import (
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
from generator.render_print.links import Anchors
from generator.render_print.markdown_escape import escape_markdown, raw_typst_block
from generator.resolve import Publication
from generator.views.risk_tables import has_imo_numbers
from generator.views.text import STATUS_LABELS, long_date, number_text

Fact = tuple[str, str]
"""A label and its Markdown value."""


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
        if block.kind == "acronym":
            lines = [
                f"{self.anchors.place(a.id)}**{escape_markdown(a.id)}** {escape_markdown(a.title)}"
                for a in block.entities
            ]
            return _div("acronym", "\\\n".join(lines))
        return "\n\n".join(self.entity(entity) for entity in block.entities)

    def entity(self, entity: Entity) -> str:
        """One entity's summary: a bold heading line, its facts, and a short description."""
        heading, facts, text = self._describe(entity)
        lines = [f"{self.anchors.place(entity.id)}**{heading}**"]
        if text:
            lines += ["", text]
        if facts:
            lines += ["", " · ".join(f"**{label}:** {value}" for label, value in facts if value)]
        return _div(entity.KIND, "\n".join(lines))

    # -- one function per kind: (heading, facts, description) ------------------------------

    def _describe(self, entity: Entity) -> tuple[str, list[Fact], str]:
        if isinstance(entity, Agency):
            return self._agency(entity)
        if isinstance(entity, Committee):
            return self._committee(entity)
        if isinstance(entity, Threat):
            return self._threat(entity)
        if isinstance(entity, Risk):
            return self._risk(entity)
        if isinstance(entity, Objective):
            return self._objective(entity)
        if isinstance(entity, Action):
            return self._action(entity)
        if isinstance(entity, Indicator):
            return self._indicator(entity)
        if isinstance(entity, Phase):
            return self._phase(entity)
        return escape_markdown(entity.title), [], ""

    def _agency(self, a: Agency) -> tuple[str, list[Fact], str]:
        heading = escape_markdown(a.name + (f" ({a.short})" if a.short else ""))
        return (
            heading,
            [("Type", escape_markdown(a.type.replace("-", " "))), ("Ministry", escape_markdown(a.ministry))],
            "",
        )

    def _committee(self, c: Committee) -> tuple[str, list[Fact], str]:
        heading = escape_markdown(c.name + (f" ({c.short})" if c.short else ""))
        facts = [
            ("Tier", escape_markdown(c.tier.replace("-", " "))),
            ("Reports to", self._link(c.parent) if c.parent else escape_markdown(c.reports_to)),
            ("Chair", self._agency_name(c.chair)),
            ("Secretariat", self._agency_name(c.secretariat)),
            ("Members", ", ".join(self._agency_name(m) for m in c.members)),
            ("Meets", escape_markdown(c.meets)),
        ]
        return heading, facts, escape_markdown(c.purpose)

    def _threat(self, t: Threat) -> tuple[str, list[Fact], str]:
        facts = [
            ("IMO category", str(t.imo) if t.imo else "Emerging threat" if self.numbered else ""),  # "" is left out
            ("Nature", "Malicious" if t.malicious else "Non-malicious"),
        ]
        return escape_markdown(t.name), facts, escape_markdown(t.description)

    def _risk(self, r: Risk) -> tuple[str, list[Fact], str]:
        scores = ", ".join(
            f"{stage} {escape_markdown(f'{r.stage(stage).score} {r.stage(stage).band.name}')}" for stage in Risk.STAGES
        )
        if any(r.stage(stage).withheld for stage in Risk.STAGES):
            scores = "withheld in this edition"
        facts = [
            ("Threat", self._link(r.threat)),
            ("Lead", self._agency_name(r.lead)),
            ("Support", ", ".join(self._agency_name(a) for a in r.support)),
            ("Scores", scores),
            ("Trend", escape_markdown(r.trend.capitalize())),
            ("Treatment", escape_markdown(r.treatment.capitalize())),
            ("Review by", escape_markdown(long_date(r.review))),
        ]
        scenario = f"*Scenario.* {escape_markdown(r.scenario)}" if r.scenario else ""
        return escape_markdown(f"{r.id} {r.title}"), facts, scenario

    def _objective(self, o: Objective) -> tuple[str, list[Fact], str]:
        facts = [("Lead", self._agency_name(o.lead)), ("Risks addressed", self._links(o.risks))]
        return escape_markdown(f"{o.id} {o.title}"), facts, escape_markdown(o.description)

    def _action(self, a: Action) -> tuple[str, list[Fact], str]:
        facts = [
            ("Objective", self._link(a.objective, show_id=True)),
            ("Responsible", self._agency_name(a.raci.responsible)),
            ("Accountable", self._agency_name(a.raci.accountable)),
            ("Oversight", self._link(a.committee) if a.committee else ""),
            ("Dates", escape_markdown(f"{long_date(a.start)} to {long_date(a.end)}")),
            ("Status", escape_markdown(STATUS_LABELS.get(a.status, a.status))),
            ("Risks", self._links(a.risks)),
        ]
        return escape_markdown(f"{a.id} {a.title}"), facts, escape_markdown(a.description)

    def _indicator(self, i: Indicator) -> tuple[str, list[Fact], str]:
        unit = f" {i.unit}" if i.unit else ""
        facts = [
            ("Level", escape_markdown(i.level.capitalize())),
            ("Measures", self._link(i.objective or i.action or "", show_id=True)),
            ("Owner", self._agency_name(i.owner)),
            ("Baseline", escape_markdown(number_text(i.baseline) + unit)),
            ("Target", escape_markdown(number_text(i.target) + unit)),
            ("Frequency", escape_markdown(i.frequency)),
            ("Source", escape_markdown(i.source)),
        ]
        return escape_markdown(f"{i.id} {i.name}"), facts, ""

    def _phase(self, p: Phase) -> tuple[str, list[Fact], str]:
        facts = [
            ("Dates", escape_markdown(f"{long_date(p.start)} to {long_date(p.end)}")),
            ("Outputs", escape_markdown("; ".join(p.outputs))),
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
