"""Views over the action plan: actions, RACI and indicators."""

from __future__ import annotations

from generator.model import Action, Committee, Objective, View
from generator.resolve import Publication
from generator.views.blocks import Cell, Column, Link, Marker, Table, cell
from generator.views.text import (
    agency_link,
    date_cell,
    id_links,
    level_label,
    list_cell,
    number_text,
    portion_cell,
    portion_column,
    status_label,
    title_link,
)
from generator.words import say


def raci_titles() -> dict[str, str]:
    """What each RACI letter stands for."""
    return {"R": say("Responsible"), "A": say("Accountable"), "C": say("Consulted"), "I": say("Informed")}


def raci_key() -> str:
    """The note that spells out the RACI letters."""
    return say("R Responsible, A Accountable, C Consulted, I Informed.")


def filtered_actions(publication: Publication, view: View) -> list[Action]:
    """The actions a view's ``objective`` and ``agency`` options let through."""
    actions = publication.actions
    objective = view.options.get("objective")
    agency = view.options.get("agency")
    if objective:
        actions = [a for a in actions if a.objective == objective]
    if agency:
        actions = [a for a in actions if agency in a.agencies]
    return actions


def status_marker(publication: Publication, action: Action) -> Marker:
    """An action's status as a marker, e.g. 'Progressing', by the publication's label."""
    return Marker(status_label(publication, action.status))


def _committee_link(publication: Publication, committee_id: str | None) -> Link | str:
    if not committee_id:
        return ""
    return Link(publication.get(committee_id, Committee).short or committee_id, committee_id)


def actions(publication: Publication, view: View) -> list[Table]:
    """The action plan."""
    rows = [
        [
            cell(Link(a.id, a.id), header=True),
            cell(title_link(a)),
            cell(Link(a.objective, a.objective)),
            cell(agency_link(publication, a.raci.responsible)),
            cell(
                Link(publication.get(a.committee, Committee).short or a.committee, a.committee) if a.committee else ""
            ),
            date_cell(a.start),
            date_cell(a.end),
            cell(status_marker(publication, a)),
            list_cell(id_links(a.risks)),
            *portion_cell(publication, a),
        ]
        for a in filtered_actions(publication, view)
    ]
    columns = [
        Column(say("Ref")),
        Column(say("Action")),
        Column(say("Objective")),
        Column(say("Lead")),
        Column(say("Oversight")),
        Column(say("Start")),
        Column(say("End")),
        Column(say("Status")),
        Column(say("Risks treated")),
        *portion_column(publication),
    ]
    return [
        Table(
            "actions",
            view.title or say("Action plan"),
            columns,
            rows,
            wide=True,
            sortable=True,
            noun=(say("action"), say("actions")),
            empty=say("No action matches this selection."),
        )
    ]


def raci(publication: Publication, view: View) -> list[Table]:
    """Actions × agencies: who is responsible, accountable, consulted and informed."""
    chosen = filtered_actions(publication, view)
    involved = {agency for a in chosen for agency in a.agencies}
    agencies = [a for a in publication.agencies if a.id in involved]
    rows = []
    titles = raci_titles()
    for action in chosen:
        row: list[Cell] = [cell(Link(action.id, action.id), header=True)]
        for agency in agencies:
            letters = action.raci.role_of(agency.id)
            title = ", ".join(titles[x] for x in letters.split("/")) if letters else ""
            row.append(cell(Marker(letters, title=title) if letters else ""))
        rows.append(row)
    columns = [Column(say("Action"))] + [Column(a.name, abbr=a.short or a.id) for a in agencies]
    caption = view.title or say("RACI matrix")
    if "objective" in view.options:
        caption += f": {publication.get(view.options['objective'], Objective).title}"
    return [Table("raci", caption, columns, rows, wide=True, notes=[raci_key()])]


def indicators(publication: Publication, view: View) -> list[Table]:
    """The monitoring indicators with baselines and targets."""
    chosen = publication.indicators
    objective = view.options.get("objective")
    if objective:
        actions = {a.id for a in publication.actions if a.objective == objective}
        chosen = [i for i in chosen if i.objective == objective or i.action in actions]
    rows = []
    for i in chosen:
        measures = i.objective or i.action or ""
        baseline = number_text(i.baseline) + (f" ({i.baseline_year})" if i.baseline_year else "")
        target = number_text(i.target) + (f" ({i.target_year})" if i.target_year else "")
        rows.append(
            [
                cell(Link(i.id, i.id), header=True),
                cell(title_link(i)),
                cell(level_label(publication, i.level)),
                cell(Link(measures, measures)),
                cell(agency_link(publication, i.owner)),
                cell(baseline, sort_key=f"{i.baseline:015.3f}"),
                cell(target, sort_key=f"{i.target:015.3f}"),
                cell(i.unit),
                cell(i.frequency),
                cell(i.source),
                *portion_cell(publication, i),
            ]
        )
    columns = [
        Column(say("Ref")),
        Column(say("Indicator")),
        Column(say("Level")),
        Column(say("Measures")),
        Column(say("Owner")),
        Column(say("Baseline"), numeric=True),
        Column(say("Target"), numeric=True),
        Column(say("Unit")),
        Column(say("Frequency")),
        Column(say("Source")),
        *portion_column(publication),
    ]
    return [Table("indicators", view.title or say("Monitoring indicators"), columns, rows, wide=True)]
