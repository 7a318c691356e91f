"""The action timeline: one bar per action across calendar quarters, grouped by objective."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from generator.model import Action, Objective, View
from generator.resolve import Publication
from generator.views.blocks import Diagram
from generator.views.plan_tables import filtered_actions
from generator.views.svg import esc, link, open_svg, text_lines, wrap
from generator.views.text import long_date, plural, quarter, status_label

LABEL_W, STATUS_W, QUARTER_W, ROW_H, HEAD_H, MARGIN = 330.0, 96.0, 34.0, 24.0, 46.0, 12.0
STATUS_STYLE = {
    # fill, stroke, dash: status is also written out in the status column, never colour alone
    "planned": ("#ffffff", "#0b3d62", "4 3"),
    "progressing": ("#2f6f9f", "#0b3d62", ""),
    "finished": ("#3d7a3d", "#1f4d1f", ""),
    "delayed": ("#b3541e", "#7a3510", ""),
}
ADDED_STATUS_STYLE = ("#d9dde1", "#4a5a68", "")
"""A status the publication adds has no colour of its own: a plain grey bar, its label beside it."""


def _quarter_start(day: dt.date) -> dt.date:
    return dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)


def _next_quarter(day: dt.date) -> dt.date:
    return dt.date(day.year + 1, 1, 1) if day.month >= 10 else dt.date(day.year, day.month + 3, 1)


def timeline(publication: Publication, view: View) -> list[Diagram]:
    """The timeline of the actions a view selects."""
    actions = filtered_actions(publication, view)
    if not actions:
        return []
    first = _quarter_start(min(a.start for a in actions))
    last = max(a.end for a in actions)
    quarters = [first]
    while _next_quarter(quarters[-1]) <= last:
        quarters.append(_next_quarter(quarters[-1]))
    end = _next_quarter(quarters[-1])
    span_days = (end - first).days
    chart_w = QUARTER_W * len(quarters)
    groups: list[tuple[Objective, list[Action]]] = []
    for objective in publication.objectives:
        members = [a for a in actions if a.objective == objective.id]
        if members:
            groups.append((objective, members))
    rows = sum(1 + len(members) for _, members in groups)
    width = MARGIN * 2 + LABEL_W + chart_w + STATUS_W
    height = MARGIN * 2 + HEAD_H + rows * ROW_H
    title = view.title or "Action timeline"
    alt = (
        f"Timeline of {plural(len(actions), 'action')} from {quarter(first)} to {quarter(quarters[-1])}, "
        f"grouped by objective; each bar runs from the action's start to its end."
    )
    description = [
        f"{a.id} {a.title}: {long_date(a.start)} to {long_date(a.end)}, {status_label(publication, a.status).lower()}"
        for _, members in groups
        for a in members
    ]

    def x_of(day: dt.date) -> float:
        return MARGIN + LABEL_W + chart_w * (day - first).days / span_days

    def draw(href_for: Callable[[str], str | None]) -> str:
        parts = [open_svg(width, height, title, alt)]
        parts.append(_header(quarters, x_of, height))
        y = MARGIN + HEAD_H
        for objective, members in groups:
            heading = wrap(f"{objective.id} {objective.title}", 12, LABEL_W + chart_w, max_lines=1)
            parts.append(text_lines(heading, MARGIN, y + 16, 12, anchor="start", weight="bold", fill="#0b3d62"))
            y += ROW_H
            for action in members:
                status = status_label(publication, action.status)
                parts.append(_row(action, status, y, x_of, href_for, MARGIN + LABEL_W + chart_w + 8))
                y += ROW_H
        parts.append("</svg>")
        return "".join(parts)

    name = "timeline" + (f"-{view.options['objective']}" if "objective" in view.options else "")
    return [Diagram("timeline", title, name, alt, draw, width, height, description)]


def _header(quarters: list[dt.date], x_of: Callable[[dt.date], float], height: float) -> str:
    parts = []
    top = MARGIN
    for q in quarters:
        x = x_of(q)
        shade = "#f2f5f8" if q.year % 2 else "#ffffff"
        parts.append(
            f'<rect x="{x:.1f}" y="{top + 20:.1f}" width="{QUARTER_W:.1f}" '
            f'height="{height - top - 20 - MARGIN:.1f}" fill="{shade}"/>'
        )
        parts.append(text_lines([f"Q{(q.month - 1) // 3 + 1}"], x + QUARTER_W / 2, top + 38, 10, fill="#333333"))
        if q.month == 1 or q is quarters[0]:
            parts.append(text_lines([str(q.year)], x + 2, top + 14, 11, anchor="start", weight="bold", fill="#1a1a1a"))
            parts.append(
                f'<line x1="{x:.1f}" y1="{top:.1f}" x2="{x:.1f}" y2="{height - MARGIN:.1f}" '
                f'stroke="#8a99a6" stroke-width="1"/>'
            )
    status_x = x_of(quarters[-1]) + QUARTER_W + 8
    parts.append(text_lines(["Status"], status_x, top + 38, 10, anchor="start", weight="bold", fill="#333333"))
    return "".join(parts)


def _row(
    action: Action,
    status: str,
    y: float,
    x_of: Callable[[dt.date], float],
    href_for: Callable[[str], str | None],
    status_x: float,
) -> str:
    """One action's bar, with ``status`` (its label) written in the status column."""
    fill, stroke, dash = STATUS_STYLE.get(action.status, ADDED_STATUS_STYLE)
    label = wrap(f"{action.id} {action.title}", 11, LABEL_W - 16, max_lines=1)
    x1, x2 = x_of(action.start), x_of(action.end + dt.timedelta(days=1))
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    body = [
        text_lines(label, MARGIN + 12, y + 16, 11, anchor="start", fill="#1a1a1a"),
        f'<rect x="{x1:.1f}" y="{y + 5:.1f}" width="{max(x2 - x1, 3):.1f}" height="{ROW_H - 10:.1f}" rx="3" '
        f'fill="{fill}" stroke="{stroke}" stroke-width="1.5"{dash_attr}/>',
    ]
    for milestone in action.milestones:
        mx, my = x_of(milestone.date), y + ROW_H / 2
        body.append(
            f'<path d="M{mx:.1f},{my - 6:.1f} L{mx + 6:.1f},{my:.1f} L{mx:.1f},{my + 6:.1f} '
            f'L{mx - 6:.1f},{my:.1f} Z" fill="#f0c419" stroke="#1a1a1a" stroke-width="1">'
            f"<title>{esc(long_date(milestone.date))}: {esc(milestone.title)}</title></path>"
        )
    body.append(text_lines([status], status_x, y + 16, 11, anchor="start", fill="#1a1a1a"))
    text = f"{action.id} {action.title}: {status.lower()}"
    return link(href_for(action.id), text, "".join(body))
