"""An index page per kind: a sortable, filterable table of every entity, each linking to its page.

Each kind that has pages (:func:`generator.model.kinds.page_kinds`) has an :class:`Index`
here, its lead paragraph and its tables; the table of them is checked at import.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from generator.diagnostics import Location
from generator.model import Committee, View
from generator.model.kinds import KINDS, KindSpec, builders_for, page_kinds
from generator.render_site.context import PageContext
from generator.render_site.escape import md_inline
from generator.render_site.fragments import block, paragraph
from generator.render_site.links import PAGE_FOLDERS
from generator.render_site.render import Page, Renderer
from generator.render_site.tables import render_table
from generator.resolve import Publication
from generator.views.blocks import Cell, Column, Link, Marker, Table, cell
from generator.views.engine_words import kind_index, kind_plural, kind_word
from generator.views.risk_tables import has_imo_numbers, imo_cell
from generator.views.text import (
    agency_link,
    agency_type_label,
    date_cell,
    id_links,
    level_label,
    list_cell,
    number_text,
    status_label,
    tier_label,
    title_link,
)
from generator.words import say

GENERATED = Location("(generated)")


@dataclass(frozen=True, slots=True)
class Index:
    """What a kind's index page shows below its title."""

    intro: Callable[[], str]
    """The page's opening sentence, in the current language."""
    tables: Callable[[Renderer, PageContext], str]
    """The page's tables, rendered."""


def index_pages(site: Renderer) -> list[Page]:
    """One index page per kind that has entity pages."""
    pages = []
    for kind, index in INDEXES.items():
        folder = PAGE_FOLDERS[kind]
        page = site.context(folder)
        title = kind_index(KINDS[kind])
        body = f"# {md_inline(title)}\n" + block(paragraph(index.intro(), "charter-lead")) + index.tables(site, page)
        pages.append(Page(folder, title, body, hide=("toc",)))
    return pages


def _register(site: Renderer, page: PageContext) -> str:
    return site.view(View(show="register", location=GENERATED, title=say("Risk register")), page)


def _table(build: Callable[[Publication], Table], kind: str) -> Callable[[Renderer, PageContext], str]:
    """The tables of an index that shows one table of a kind's entities, built from the publication."""

    def tables(site: Renderer, page: PageContext) -> str:
        table = build(site.publication)
        table.noun = (kind_word(KINDS[kind]), kind_plural(KINDS[kind]))
        return block(render_table(table, page))

    return tables


def _agencies(publication: Publication) -> Table:
    rows = [
        [
            cell(title_link(a), header=True),
            cell(a.short),
            cell(agency_type_label(publication, a.type)),
            cell(a.ministry),
        ]
        for a in publication.agencies
    ]
    columns = [Column(say("Agency")), Column(say("Short name")), Column(say("Type")), Column(say("Ministry"))]
    return Table("agency-index", say("Agencies"), columns, rows, sortable=True)


def _committees(publication: Publication) -> Table:
    rows = []
    for c in publication.committees:
        parent: Link | str = Link(publication.get(c.parent, Committee).name, c.parent) if c.parent else c.reports_to
        rows.append(
            [
                cell(title_link(c), header=True),
                cell(c.short),
                cell(tier_label(publication, c.tier)),
                cell(parent),
                cell(agency_link(publication, c.chair)),
                cell(c.meets),
            ]
        )
    columns = [
        Column(say("Committee")),
        Column(say("Short name")),
        Column(say("Tier")),
        Column(say("Reports to")),
        Column(say("Chair")),
    ]
    columns.append(Column(say("Meets")))
    return Table("committee-index", say("Committees"), columns, rows, sortable=True)


def _objectives(publication: Publication) -> Table:
    rows = [
        [
            cell(Link(o.id, o.id), header=True),
            cell(title_link(o)),
            cell(agency_link(publication, o.lead)),
            list_cell(id_links(o.risks)),
        ]
        for o in publication.objectives
    ]
    columns = [Column(say("Ref")), Column(say("Objective")), Column(say("Lead")), Column(say("Risks addressed"))]
    return Table("objective-index", say("Objectives"), columns, rows, sortable=True)


def _actions(publication: Publication) -> Table:
    rows = [
        [
            cell(Link(a.id, a.id), header=True),
            cell(title_link(a)),
            cell(Link(a.objective, a.objective)),
            cell(agency_link(publication, a.raci.responsible)),
            date_cell(a.start),
            date_cell(a.end),
            cell(Marker(status_label(publication, a.status))),
        ]
        for a in publication.actions
    ]
    columns = [
        Column(say("Ref")),
        Column(say("Action")),
        Column(say("Objective")),
        Column(say("Responsible")),
        Column(say("Start")),
    ]
    columns += [Column(say("End")), Column(say("Status"))]
    return Table("action-index", say("Actions"), columns, rows, sortable=True)


def _indicators(publication: Publication) -> Table:
    rows = []
    for i in publication.indicators:
        measures = i.objective or i.action or ""
        rows.append(
            [
                cell(Link(i.id, i.id), header=True),
                cell(title_link(i)),
                cell(level_label(publication, i.level)),
                cell(Link(measures, measures) if measures else ""),
                cell(agency_link(publication, i.owner)),
                cell(number_text(i.baseline), sort_key=f"{i.baseline:015.3f}"),
                cell(number_text(i.target), sort_key=f"{i.target:015.3f}"),
                cell(i.unit),
            ]
        )
    columns = [
        Column(say("Ref")),
        Column(say("Indicator")),
        Column(say("Level")),
        Column(say("Measures")),
        Column(say("Owner")),
    ]
    columns += [Column(say("Baseline"), numeric=True), Column(say("Target"), numeric=True), Column(say("Unit"))]
    return Table("indicator-index", say("Indicators"), columns, rows, sortable=True)


def _threats(publication: Publication) -> Table:
    risks_of: dict[str, list[str]] = {}
    for risk in publication.risks:
        risks_of.setdefault(risk.threat, []).append(risk.id)
    numbered = has_imo_numbers(publication)  # a column of the IMO's numbers only for a catalogue that has them
    rows: list[list[Cell]] = [
        [
            *([imo_cell(t)] if numbered else []),
            cell(title_link(t), header=True),
            cell(say("Malicious") if t.malicious else say("Non-malicious")),
            list_cell(id_links(risks_of.get(t.id, []))) if t.id in risks_of else cell(Marker(say("Not assessed"))),
        ]
        for t in publication.threats
    ]
    columns = [
        *([Column(say("IMO No."))] if numbered else []),
        Column(say("Threat category")),
        Column(say("Nature")),
        Column(say("Risks")),
    ]
    return Table("threat-index", say("Threat categories"), columns, rows, sortable=True)


_INDEXES: dict[str, Index] = {
    "risk": Index(
        lambda: say(
            "Every risk of the register, highest residual score first. Sort it by any column, or filter it by any word."
        ),
        _register,
    ),
    "agency": Index(
        lambda: say("The agencies of the state that take part in the structure, the register or the plan."),
        _table(_agencies, "agency"),
    ),
    "committee": Index(
        lambda: say("The committees of the structure, from the national committee down."),
        _table(_committees, "committee"),
    ),
    "objective": Index(
        lambda: say("The strategic objectives and the risks each addresses."), _table(_objectives, "objective")
    ),
    "action": Index(lambda: say("The actions of the action plan."), _table(_actions, "action")),
    "indicator": Index(
        lambda: say("The indicators that monitor the objectives and actions."), _table(_indicators, "indicator")
    ),
    "threat": Index(lambda: say("The threat categories, and the risks that assess each."), _table(_threats, "threat")),
}


def indexes(kinds: Mapping[str, KindSpec] = KINDS) -> dict[str, Index]:
    """The index of every kind that has pages, in registry order.

    Raises :class:`generator.model.kinds.KindRegistryError` when a kind with pages has no index.
    """
    return builders_for(_INDEXES, needed=page_kinds(kinds), what="site index page", kinds=kinds)


INDEXES = indexes()
"""``KIND`` → its index page, checked at import."""
