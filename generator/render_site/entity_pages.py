"""One page per risk, agency, committee, objective, action, indicator and threat.

Each page opens with a breadcrumb and the entity's facts, then its prose and what it is
linked to, and closes with "Referenced by" (everything that names it) and links to the
previous and next entity of its kind.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.model import (
    Action,
    Agency,
    Committee,
    Entity,
    Indicator,
    Objective,
    Risk,
    Threat,
)
from generator.render_site.context import PageContext
from generator.render_site.escape import esc, md_inline
from generator.render_site.fragments import block, breadcrumbs, facts, item_list, joined, pager, paragraph
from generator.render_site.links import PAGE_FOLDERS
from generator.render_site.render import Page, Renderer
from generator.render_site.tables import marker_html, render_table
from generator.views.blocks import Column, Link, Marker, Table, cell
from generator.views.text import STATUS_LABELS, long_date, number_text, score_cell

KIND_PLURALS = {
    "risk": "risks",
    "agency": "agencies",
    "committee": "committees",
    "objective": "objectives",
    "action": "actions",
    "indicator": "indicators",
    "threat": "threat categories",
}
KIND_INDEX_TITLES = {
    "risk": "Risk register",
    "agency": "Agencies",
    "committee": "Committees",
    "objective": "Objectives",
    "action": "Actions",
    "indicator": "Indicators",
    "threat": "Threat categories",
}
RISK_STATUS = {"open": "Open", "in-process": "In process", "accepted": "Accepted", "closed": "Closed"}
RACI_NAMES = {"R": "Responsible", "A": "Accountable", "C": "Consulted", "I": "Informed"}


def heading_of(entity: Entity) -> str:
    """The heading and title of an entity's page."""
    if entity.KIND in ("agency", "committee", "threat"):
        return entity.title
    return f"{entity.id} {entity.title}"


def entity_pages(site: Renderer) -> list[Page]:
    """Every entity page, kind by kind, in publication order."""
    pages = []
    for kind in (Risk, Agency, Committee, Objective, Action, Indicator, Threat):
        entities: list[Entity] = list(site.publication.of_kind(kind))
        for i, entity in enumerate(entities):
            folder = site.sitemap.entity_folders[entity.id]
            page = site.context(folder)
            body = _head(entity, page) + _body(site, entity, page) + _tail(site, entity, page, entities, i)
            pages.append(Page(folder, heading_of(entity), body, source=str(entity.location)))
    return pages


def _body(site: Renderer, entity: Entity, page: PageContext) -> str:
    if isinstance(entity, Risk):
        return _risk(site, entity, page)
    if isinstance(entity, Agency):
        return _agency(site, entity, page)
    if isinstance(entity, Committee):
        return _committee(site, entity, page)
    if isinstance(entity, Objective):
        return _objective(site, entity, page)
    if isinstance(entity, Action):
        return _action(site, entity, page)
    if isinstance(entity, Indicator):
        return _indicator(site, entity, page)
    if isinstance(entity, Threat):
        return _threat(site, entity, page)
    return ""


def _head(entity: Entity, page: PageContext) -> str:
    index = PAGE_FOLDERS[entity.KIND]
    crumbs = breadcrumbs([(page.page(""), "Home"), (page.page(index), KIND_INDEX_TITLES[entity.KIND])], entity.id)
    return f"{crumbs}\n\n# {md_inline(heading_of(entity))}\n"


def _tail(site: Renderer, entity: Entity, page: PageContext, siblings: list[Entity], i: int) -> str:
    referrers = site.publication.referrers(entity.id)
    items = [site.item_link(item, page) for item in referrers]
    written = site.sitemap.chapter_folders.get(entity.chapter)
    source = ""
    if written is not None:
        chapter = next(c for c in site.publication.chapters if c.path == entity.chapter)
        link = f'<a href="{esc(page.page(written))}">{esc(chapter.title)}</a>'
        source = f'<p class="charter-source">Written in the chapter {link}.</p>'
    previous = siblings[i - 1] if i > 0 else None
    following = siblings[i + 1] if i + 1 < len(siblings) else None
    nav = pager(
        f"More {KIND_PLURALS[entity.KIND]}",
        (page.href(previous.id) or "", previous.id) if previous else None,
        (page.href(following.id) or "", following.id) if following else None,
    )
    empty = f"Nothing else in the publication refers to this {entity.KIND}."
    return "\n## Referenced by\n" + block(item_list(items, empty=empty), source, nav)


def _narrative(site: Renderer, entity: Entity, page: PageContext) -> str:
    return "\n" + site.prose(entity.narrative, page, entity.chapter) + "\n" if entity.narrative.strip() else ""


def _agency_name(site: Renderer, agency_id: str) -> str:
    agency = site.publication.get(agency_id, Agency)
    return agency.short or agency.name


def _agency_link(site: Renderer, page: PageContext, agency_id: str | None) -> str:
    if not agency_id:
        return ""
    agency = site.publication.get(agency_id, Agency)
    return page.link(agency.id, agency.name + (f" ({agency.short})" if agency.short else ""))


def _links(page: PageContext, entities: Sequence[Entity], *, with_id: bool) -> list[str]:
    return [page.link(e.id, heading_of(e) if with_id else e.title) for e in entities]


def _risk_item(page: PageContext, risk: Risk) -> str:
    return page.link(risk.id, heading_of(risk)) + " " + marker_html(_rating(risk))


def _rating(risk: Risk) -> Marker:
    if risk.withheld:
        return Marker("Withheld", title="This edition does not show the risk's rating")
    band = risk.residual.band
    return Marker(f"{risk.residual.score} {band.name}", band, title=f"Residual rating: {band.name}")


def _action_item(page: PageContext, action: Action) -> str:
    return page.link(action.id, heading_of(action)) + " " + marker_html(Marker(STATUS_LABELS[action.status]))


# -- risk ----------------------------------------------------------------------------


def _withheld_risk(site: Renderer, risk: Risk, page: PageContext) -> str:
    """A risk this edition shows by its public text only: no scores, owners or treatment."""
    threat = site.publication.get(risk.threat, Threat)
    rows = [
        ("Threat category", page.link(threat.id, threat.name)),
        ("Public group", esc(risk.public_group)),
    ]
    edition = site.publication.edition
    level = f" above {edition.level}" if edition else ""
    notice = (
        f'<p class="charter-withheld">This edition does not show this risk\'s assessment: it is rated in an '
        f"edition for readers cleared{esc(level)}. What follows is its public summary.</p>"
    )
    return block(facts(rows), notice, paragraph(risk.scenario)) + _response(site, risk, page)


def _response(site: Renderer, risk: Risk, page: PageContext) -> str:
    objectives = site.relations.objectives_of_risk.get(risk.id, [])
    actions = site.relations.actions_of_risk.get(risk.id, [])
    return "\n## Response\n" + block(
        facts(
            [
                ("Objectives addressing it", item_list(_links(page, objectives, with_id=True))),
                ("Actions treating it", item_list([_action_item(page, a) for a in actions])),
            ]
        )
        or '<p class="charter-none">No objective or action addresses this risk yet.</p>'
    )


def _risk(site: Renderer, risk: Risk, page: PageContext) -> str:
    if risk.withheld:
        return _withheld_risk(site, risk, page)
    publication = site.publication
    threat = publication.get(risk.threat, Threat)
    rows = [
        ("Residual rating", marker_html(_rating(risk))),
        ("Threat category", page.link(threat.id, threat.name)),
        ("Lead agency", _agency_link(site, page, risk.lead)),
        ("Supporting agencies", joined([_agency_link(site, page, a) for a in risk.support])),
        ("Status", esc(RISK_STATUS.get(risk.status, risk.status))),
        ("Trend", esc(risk.trend.capitalize())),
        ("Treatment", esc(risk.treatment.capitalize())),
        ("Confidence", esc(risk.confidence.capitalize())),
        ("Review by", esc(long_date(risk.review))),
        ("Raised", esc(long_date(risk.raised))),
        ("Public group", esc(risk.public_group)),
    ]
    out = block(facts(rows))
    if risk.scenario or risk.key_assets:
        assets = item_list([esc(a) for a in risk.key_assets], css="charter-list")
        out += "\n## Scenario\n" + block(paragraph(risk.scenario), "<p>Key assets:</p>" if assets else "", assets)
    out += _narrative(site, risk, page)
    out += "\n## Assessment\n" + block(render_table(_scores_table(site, risk), page))
    if risk.impact_dimensions:
        out += block(render_table(_dimensions_table(site, risk), page))
    if risk.controls:
        out += "\n## Existing controls\n" + block(render_table(_controls_table(site, risk), page))
    return out + _response(site, risk, page)


def _scores_table(site: Renderer, risk: Risk) -> Table:
    scales = site.publication.settings.scales
    columns = [Column("Stage")] + [Column(f.capitalize(), numeric=True) for f in scales.factors]
    columns.append(Column("Score and rating", numeric=True))
    rows = []
    for stage in Risk.STAGES:
        assessment = risk.stage(stage)
        row = [cell(stage.capitalize(), header=True)]
        for factor in scales.factors:
            value = assessment.values.get(factor)
            row.append(cell(f"{value} {scales.label(factor, value)}" if value is not None else "—"))
        row.append(score_cell(assessment))
        rows.append(row)
    return Table("scores", f"Scores of {risk.id}", columns, rows, notes=[f"Score = {' × '.join(scales.formula)}."])


def _dimensions_table(site: Renderer, risk: Risk) -> Table:
    scales = site.publication.settings.scales
    rows = [
        [cell(scales.impact_dimensions.get(key, key), header=True), cell(f"{value} {scales.label('impact', value)}")]
        for key, value in risk.impact_dimensions.items()
    ]
    return Table("dimensions", f"Impact of {risk.id} by dimension", [Column("Dimension"), Column("Impact")], rows)


def _controls_table(site: Renderer, risk: Risk) -> Table:
    rows = [
        [
            cell(control.name, header=True),
            cell(Marker(control.effectiveness.capitalize())),
            cell(Link(_agency_name(site, control.owner), control.owner) if control.owner else "—"),
        ]
        for control in risk.controls
    ]
    columns = [Column("Control"), Column("Effectiveness"), Column("Owner")]
    return Table("controls", f"Existing controls on {risk.id}", columns, rows)


# -- agency --------------------------------------------------------------------------


def _agency(site: Renderer, agency: Agency, page: PageContext) -> str:
    roles = site.relations.agencies.get(agency.id)
    rows = [
        ("Short name", esc(agency.short)),
        ("Type", esc(agency.type.replace("-", " ").capitalize())),
        ("Ministry", esc(agency.ministry)),
    ]
    out = block(facts(rows)) + _narrative(site, agency, page)
    none = "None"
    if roles is None:
        return out + "\n## Roles\n" + block('<p class="charter-none">This agency has no role yet.</p>')
    controls = [f"{esc(name)} ({page.link(risk.id, risk.id)})" for risk, name in roles.owns_controls]
    role_rows = [
        ("Chairs", item_list(_links(page, roles.chairs, with_id=False)) or none),
        ("Runs the secretariat of", item_list(_links(page, roles.secretariat, with_id=False)) or none),
        ("Sits on", item_list(_links(page, roles.member, with_id=False)) or none),
        ("Leads risks", item_list([_risk_item(page, r) for r in roles.leads_risks]) or none),
        ("Supports risks", item_list([_risk_item(page, r) for r in roles.supports_risks]) or none),
        ("Leads objectives", item_list(_links(page, roles.leads_objectives, with_id=True)) or none),
        ("Owns indicators", item_list(_links(page, roles.owns_indicators, with_id=True)) or none),
        ("Owns controls", item_list(controls) or none),
    ]
    out += "\n## Roles\n" + block(facts(role_rows))
    if roles.raci:
        rows_raci = [
            [
                cell(Link(action.id, action.id), header=True),
                cell(Link(action.title, action.id)),
                cell(Marker(letters, title=", ".join(RACI_NAMES[x] for x in letters.split("/")))),
                cell(Marker(STATUS_LABELS[action.status])),
            ]
            for action, letters in roles.raci
        ]
        table = Table(
            "raci-roles",
            f"Roles of {agency.short or agency.name} in the action plan",
            [Column("Ref"), Column("Action"), Column("Role"), Column("Status")],
            rows_raci,
            notes=["R Responsible, A Accountable, C Consulted, I Informed."],
        )
        out += "\n## Actions\n" + block(render_table(table, page))
    return out


# -- committee -----------------------------------------------------------------------


def _committee(site: Renderer, committee: Committee, page: PageContext) -> str:
    publication = site.publication
    parent = (
        page.link(committee.parent, publication.get(committee.parent, Committee).name)
        if committee.parent
        else esc(committee.reports_to)
    )
    tiers = {"national": "National committee", "sub-committee": "Sub-committee", "port": "Port committee"}
    rows = [
        ("Short name", esc(committee.short)),
        ("Tier", esc(tiers.get(committee.tier, committee.tier.replace("-", " ").capitalize()))),
        ("Reports to", parent),
        ("Chair", _agency_link(site, page, committee.chair)),
        ("Secretariat", _agency_link(site, page, committee.secretariat)),
        ("Members", item_list([_agency_link(site, page, a) for a in committee.members])),
        ("Industry members", joined([esc(m) for m in committee.industry_members])),
        ("Meets", esc(committee.meets)),
        ("Quorum", esc(committee.quorum)),
        ("Legal basis", esc(committee.legal_basis)),
        ("Established", esc(long_date(committee.established))),
    ]
    out = block(facts(rows), paragraph(committee.purpose, "charter-lead"))
    out += _narrative(site, committee, page)
    if committee.functions:
        out += "\n## Functions\n" + block(item_list([esc(f) for f in committee.functions], css="charter-list"))
    if committee.decision_rights:
        out += "\n## Decision rights\n" + block(
            item_list([esc(d) for d in committee.decision_rights], css="charter-list")
        )
    children = site.relations.children.get(committee.id, [])
    if children:
        out += "\n## Sub-committees\n" + block(item_list(_links(page, children, with_id=False)))
    actions = site.relations.actions_of_committee.get(committee.id, [])
    if actions:
        out += "\n## Actions it oversees\n" + block(item_list([_action_item(page, a) for a in actions]))
    return out


# -- objective, action, indicator, threat ------------------------------------------------


def _objective(site: Renderer, objective: Objective, page: PageContext) -> str:
    out = block(
        facts([("Lead agency", _agency_link(site, page, objective.lead))]),
        paragraph(objective.description, "charter-lead"),
    )
    out += _narrative(site, objective, page)
    risks = [site.publication.get(r, Risk) for r in objective.risks]
    out += "\n## Risks addressed\n" + block(
        item_list([_risk_item(page, r) for r in risks], empty="This objective names no risk.")
    )
    actions = site.relations.actions_of_objective.get(objective.id, [])
    out += "\n## Actions\n" + block(
        item_list([_action_item(page, a) for a in actions], empty="No action delivers this objective yet.")
    )
    indicators = site.relations.indicators_of.get(objective.id, [])
    if indicators:
        out += "\n## Indicators\n" + block(item_list(_links(page, indicators, with_id=True)))
    return out


def _action(site: Renderer, action: Action, page: PageContext) -> str:
    publication = site.publication
    objective = publication.get(action.objective, Objective)
    committee = publication.get(action.committee, Committee) if action.committee else None
    raci = action.raci
    rows = [
        ("Status", marker_html(Marker(STATUS_LABELS[action.status]))),
        ("Objective", page.link(objective.id, heading_of(objective))),
        ("Start", esc(long_date(action.start))),
        ("End", esc(long_date(action.end))),
        ("Oversight", page.link(committee.id, committee.name) if committee else ""),
        ("Responsible", _agency_link(site, page, raci.responsible)),
        ("Accountable", _agency_link(site, page, raci.accountable)),
        ("Consulted", joined([_agency_link(site, page, a) for a in raci.consulted])),
        ("Informed", joined([_agency_link(site, page, a) for a in raci.informed])),
    ]
    out = block(facts(rows), paragraph(action.description, "charter-lead"))
    out += _narrative(site, action, page)
    risks = [publication.get(r, Risk) for r in action.risks]
    out += "\n## Risks treated\n" + block(
        item_list([_risk_item(page, r) for r in risks], empty="This action names no risk.")
    )
    if action.milestones:
        rows_m = [
            [cell(long_date(m.date), sort_key=m.date.isoformat(), header=True), cell(m.title)]
            for m in sorted(action.milestones, key=lambda m: m.date)
        ]
        table = Table("milestones", f"Milestones of {action.id}", [Column("Date"), Column("Milestone")], rows_m)
        out += "\n## Milestones\n" + block(render_table(table, page))
    indicators = site.relations.indicators_of.get(action.id, [])
    if indicators:
        out += "\n## Indicators\n" + block(item_list(_links(page, indicators, with_id=True)))
    return out


def _indicator(site: Renderer, indicator: Indicator, page: PageContext) -> str:
    parent_id = indicator.objective or indicator.action or ""
    parent = site.publication.entities.get(parent_id)
    unit = f" {indicator.unit}" if indicator.unit else ""
    baseline = (
        number_text(indicator.baseline) + unit + (f" ({indicator.baseline_year})" if indicator.baseline_year else "")
    )
    target = number_text(indicator.target) + unit + (f" ({indicator.target_year})" if indicator.target_year else "")
    rows = [
        ("Level", esc(indicator.level.capitalize())),
        ("Measures", page.link(parent.id, heading_of(parent)) if parent else ""),
        ("Owner", _agency_link(site, page, indicator.owner)),
        ("Baseline", esc(baseline)),
        ("Target", esc(target)),
        ("Frequency", esc(indicator.frequency)),
        ("Source", esc(indicator.source)),
    ]
    return block(facts(rows)) + _narrative(site, indicator, page)


def _threat(site: Renderer, threat: Threat, page: PageContext) -> str:
    rows = [
        ("IMO category", esc(str(threat.imo)) if threat.imo else "Not an IMO category (emerging threat)"),
        ("Nature", "Malicious" if threat.malicious else "Non-malicious"),
    ]
    out = block(facts(rows), paragraph(threat.description, "charter-lead"))
    out += _narrative(site, threat, page)
    risks = site.relations.risks_of_threat.get(threat.id, [])
    out += "\n## Risks assessed\n" + block(
        item_list([_risk_item(page, r) for r in risks], empty="The register does not assess this threat category.")
    )
    return out
