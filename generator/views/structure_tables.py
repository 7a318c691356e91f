"""Views over the committee structure and the publication's apparatus."""

from __future__ import annotations

from generator.model import Agency, Committee, Risk, View
from generator.resolve import Publication
from generator.views.blocks import Cell, Column, Link, Marker, Table, cell
from generator.views.text import counted, date_cell, id_links, list_cell, long_date, tier_label, title_link
from generator.words import say


def membership(publication: Publication, view: View) -> list[Table]:
    """Agencies × committees: who chairs, runs the secretariat of, or sits on each committee."""
    committees = publication.committees
    rows = []
    for agency in publication.agencies:
        row: list[Cell] = [cell(Link(agency.short or agency.id, agency.id), header=True)]
        for committee in committees:
            row.append(cell(_role_marker(agency, committee)))
        rows.append(row)
    columns = [Column(say("Agency"))] + [Column(c.name, abbr=c.short or c.id) for c in committees]
    return [
        Table(
            "membership",
            view.title or say("Committee membership"),
            columns,
            rows,
            wide=len(committees) > 6,
            notes=[say("Chair, Secretariat or Member; a blank cell means the agency does not sit on that committee.")],
        )
    ]


def _role_marker(agency: Agency, committee: Committee) -> Marker | str:
    if agency.id == committee.chair:
        return Marker(say("Chair"))
    if agency.id == committee.secretariat:
        return Marker(say("Secretariat"))
    if agency.id in committee.members:
        return Marker(say("Member"))
    return ""


def committees(publication: Publication, view: View) -> list[Table]:
    """Each committee's terms of reference as a table of its own."""
    tables = []
    for c in publication.committees:
        rows = [
            (say("Tier"), [tier_label(publication, c.tier)]),
            (
                say("Reports to"),
                [Link(publication.get(c.parent, Committee).name, c.parent)]
                if c.parent
                else [c.reports_to]
                if c.reports_to
                else [],
            ),
            (say("Purpose"), [c.purpose]),
            (say("Functions"), list(c.functions)),
            (say("Chair"), [_agency_name(publication, c.chair)]),
            (say("Secretariat"), [_agency_name(publication, c.secretariat)]),
            (say("Members"), [_agency_name(publication, a) for a in c.members]),
            (say("Industry members"), list(c.industry_members)),
            (say("Meets"), [c.meets]),
            (say("Quorum"), [c.quorum]),
            (say("Decision rights"), list(c.decision_rights)),
            (say("Legal basis"), [c.legal_basis]),
            (say("Established"), [long_date(c.established)]),
        ]
        table_rows = [
            [cell(name, header=True), Cell([p for p in parts if p], separator="; ")]
            for name, parts in rows
            if any(parts)
        ]
        tables.append(
            Table(
                "committees",
                say("Terms of reference: {committee}", committee=c.name),
                [Column(say("Item")), Column(say("Terms"))],
                table_rows,
            )
        )
    return tables


def _agency_name(publication: Publication, agency_id: str | None) -> Link | str:
    if not agency_id:
        return ""
    return Link(publication.get(agency_id, Agency).name, agency_id)


def agencies(publication: Publication, view: View) -> list[Table]:
    """Each agency's roles across the structure, the register and the action plan."""
    rows = []
    for agency in publication.agencies:
        chairs = [c.id for c in publication.committees if c.chair == agency.id]
        sits = [c.id for c in publication.committees if agency.id in c.agencies and c.chair != agency.id]
        leads = [r.id for r in publication.risks if r.lead == agency.id]
        supports = [r.id for r in publication.of_kind(Risk) if agency.id in r.support]
        responsible = [a.id for a in publication.actions if a.raci.responsible == agency.id]
        rows.append(
            [
                cell(title_link(agency), header=True),
                cell(agency.short),
                cell(agency.ministry),
                list_cell(id_links(chairs)),
                list_cell(id_links(sits)),
                list_cell(id_links(leads)),
                list_cell(id_links(supports)),
                list_cell(id_links(responsible)),
            ]
        )
    columns = [
        Column(say("Agency")),
        Column(say("Short")),
        Column(say("Ministry")),
        Column(say("Chairs")),
        Column(say("Sits on")),
        Column(say("Leads risks")),
        Column(say("Supports risks")),
        Column(say("Responsible for actions")),
    ]
    return [Table("agencies", view.title or say("Agencies and their roles"), columns, rows, wide=True)]


def acronyms(publication: Publication, view: View) -> list[Table]:
    """The acronym list, alphabetically."""
    rows = [[cell(a.id, header=True), cell(a.meaning)] for a in publication.acronyms]
    return [Table("acronyms", view.title or say("Acronyms"), [Column(say("Acronym")), Column(say("Meaning"))], rows)]


def history(publication: Publication, view: View) -> list[Table]:
    """The document control table: every version and what changed."""
    revisions = publication.settings.history
    with_author = any(r.author for r in revisions)
    rows = []
    for r in revisions:
        row = [cell(r.version, header=True), date_cell(r.date), cell(r.summary)]
        if with_author:
            row.append(cell(r.author))
        rows.append(row)
    columns = [Column(say("Version")), Column(say("Date")), Column(say("Summary of changes"))]
    if with_author:
        columns.append(Column(say("Author")))
    return [Table("history", view.title or say("Document control"), columns, rows)]


def phases(publication: Publication, view: View) -> list[Table]:
    """The IMO programme phases with their dates and outputs."""
    rows = []
    for phase in publication.phases:
        months = (phase.end.year - phase.start.year) * 12 + phase.end.month - phase.start.month + 1
        rows.append(
            [
                cell(Link(phase.id, phase.id), header=True),
                cell(phase.name),
                date_cell(phase.start),
                date_cell(phase.end),
                cell(counted(months, say("{count} month"), say("{count} months")), sort_key=f"{months:03d}"),
                Cell(list(phase.outputs), separator="; "),
            ]
        )
    columns = [
        Column(say("Phase")),
        Column(say("Name")),
        Column(say("Start")),
        Column(say("End")),
        Column(say("Duration")),
        Column(say("Outputs")),
    ]
    notes = []
    if publication.phases:
        start = min(p.start for p in publication.phases)
        end = max(p.end for p in publication.phases)
        total = (end.year - start.year) * 12 + end.month - start.month + 1
        notes.append(
            counted(
                total,
                say("The programme runs {count} month, from {start} to {end}."),
                say("The programme runs {count} months, from {start} to {end}."),
                start=long_date(start),
                end=long_date(end),
            )
        )
    return [Table("phases", view.title or say("Programme phases"), columns, rows, notes=notes)]
