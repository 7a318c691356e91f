"""The ``implementation`` view: each objective's actions by status.

A stacked bar per objective, the counts written beside the bar, with a table of the counts.
"""

from __future__ import annotations

from collections.abc import Callable

from generator.model import Action, Objective, View
from generator.resolve import Publication
from generator.views.blocks import Block, Column, Diagram, Drawing, Link, Table, cell
from generator.views.indicator_chart import SIZE
from generator.views.monitoring import NARROW_W, WIDE_W, objectives_of_view
from generator.views.svg import open_svg, text_lines, text_width, wrap
from generator.views.text import counted, status_label
from generator.views.timeline_layout import bar_rect
from generator.words import say


def _statuses(publication: Publication, actions: list[Action]) -> list[str]:
    """The statuses in use, the engine's in their order, then the publication's own."""
    used = {a.status for a in actions}
    vocabulary = list(publication.settings.vocabulary.action_statuses.values)
    return [s for s in vocabulary if s in used] + sorted(used - set(vocabulary))


def implementation(publication: Publication, view: View) -> list[Block]:
    """Each objective's actions by status: a stacked bar with the counts as text, and their table."""
    groups = [
        (o, [a for a in publication.actions if a.objective == o.id]) for o in objectives_of_view(publication, view)
    ]
    groups = [(o, acts) for o, acts in groups if acts]
    if not groups:
        return []
    actions = [a for _, acts in groups for a in acts]
    statuses = _statuses(publication, actions)
    labels = {s: status_label(publication, s) for s in statuses}
    title = view.title or say("Implementation of the action plan")
    total = {s: sum(1 for a in actions if a.status == s) for s in statuses}
    of_actions = counted(len(actions), say("{count} action"), say("{count} actions"))
    of_objectives = counted(len(groups), say("{count} objective"), say("{count} objectives"))
    alt = say(
        "Stacked bars of the {actions} of {objectives} by status: {counts}.",
        actions=of_actions,
        objectives=of_objectives,
        counts=", ".join(f"{total[s]} {labels[s].lower()}" for s in statuses),
    )
    description = [f"{o.id} {o.title}: {_counts_text(acts, statuses, labels)}" for o, acts in groups]
    wide = _bars(groups, statuses, labels, WIDE_W, title, alt)
    narrow = _bars(groups, statuses, labels, NARROW_W, title, alt)
    name = "implementation" + (f"-{view.options['objective']}" if "objective" in view.options else "")
    diagram = Diagram("implementation", title, name, alt, wide.svg, wide.width, wide.height, description, SIZE, narrow)
    rows = [
        [cell(Link(o.id, o.id), header=True), cell(Link(o.title, o.id))]
        + [
            cell(str(sum(1 for a in acts if a.status == s)), sort_key=f"{sum(1 for a in acts if a.status == s):06d}")
            for s in statuses
        ]
        + [cell(str(len(acts)))]
        for o, acts in groups
    ]
    rows.append(
        [cell(say("All"), header=True), cell("")] + [cell(str(total[s])) for s in statuses] + [cell(str(len(actions)))]
    )
    columns = (
        [Column(say("Ref")), Column(say("Objective"))]
        + [Column(labels[s], numeric=True) for s in statuses]
        + [Column(say("Actions"), numeric=True)]
    )
    caption = say("{title}: actions by status", title=title)
    noun = (say("objective"), say("objectives"))
    table = Table("implementation", caption, columns, rows, summary_rows=1, noun=noun)
    return [diagram, table]


def _counts_text(actions: list[Action], statuses: list[str], labels: dict[str, str]) -> str:
    parts = [f"{n} {labels[s].lower()}" for s in statuses if (n := sum(1 for a in actions if a.status == s))]
    return ", ".join(parts) + " " + say("(of {total})", total=len(actions))


def _bars(
    groups: list[tuple[Objective, list[Action]]],
    statuses: list[str],
    labels: dict[str, str],
    width: float,
    title: str,
    alt: str,
) -> Drawing:
    """The stacked bars: per objective its name, a bar as long as its count of actions, and the counts below it."""
    margin = 8.0
    inner = width - 2 * margin
    most = max(len(acts) for _, acts in groups)
    out: list[str] = []
    legend, y = _status_legend(statuses, labels, margin, SIZE * 1.4, inner), SIZE * 1.4
    out.append(legend[0])
    y += legend[1] + 12
    for objective, acts in groups:
        name = wrap(f"{objective.id} {objective.title}", SIZE, inner, bold=True)
        out.append(text_lines(name, margin, y + SIZE, SIZE, anchor="start", weight="bold", colour="heading"))
        y += len(name) * SIZE * 1.25 + 6
        x = margin
        for status in statuses:
            count = sum(1 for a in acts if a.status == status)
            if not count:
                continue
            w = inner * count / most
            out.append(bar_rect(status, x, y, w, 18))
            x += w
        y += 18 + 6
        counts = wrap(_counts_text(acts, statuses, labels), SIZE, inner)
        out.append(text_lines(counts, margin, y + SIZE, SIZE, anchor="start", colour="ink"))
        y += len(counts) * SIZE * 1.25 + 14
    height = y

    def svg(_href: Callable[[str], str | None]) -> str:
        return open_svg(width, height, title, alt) + "".join(out) + "</svg>"

    return Drawing(svg, width, height, SIZE)


def _status_legend(statuses: list[str], labels: dict[str, str], x: float, y: float, width: float) -> tuple[str, float]:
    out, cx, cy = [], x, y
    for status in statuses:
        need = 22 + text_width(labels[status], SIZE) + 16
        if cx > x and cx + need > x + width:
            cx, cy = x, cy + SIZE * 1.8
        out.append(bar_rect(status, cx, cy - SIZE * 0.85, 16, SIZE))
        out.append(text_lines([labels[status]], cx + 22, cy, SIZE, anchor="start"))
        cx += need
    return "".join(out), cy - y + SIZE
