"""Drawing the action timeline at a given width: two layouts, each with nothing cut off.

The *columns* layout puts each action's wrapped name in a column left of the bars and its
status in a column right of them (a laptop, a page). The *stacked* layout puts the name
above the bar across the whole width, with the status and dates written under it (a
phone). Both are drawn at the width they are shown at, so no text is scaled down.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass, field

from generator.model import Action, Objective
from generator.views.svg import LINE, esc, line, link, open_svg, rect, text_lines, text_width, wrap
from generator.words import long_date, say

TEXT, SMALL = 12.5, 12.0
"""Font sizes (px): action and objective names; status, years, legend."""
MARGIN, PAD, BAR_H, HEAD_ROW = 10.0, 5.0, 14.0, 22.0
COLUMNS_MIN_WIDTH = 560.0
"""Below this width there is no room for a name column beside the bars: the stacked layout."""
STATUS_STYLE = {
    # fill, stroke, dash; the status is also written beside every bar and in the legend
    "planned": ("#ffffff", "#0b3d62", "4 3"),
    "progressing": ("#2f6f9f", "#0b3d62", ""),
    "delayed": ("#b3541e", "#7a3510", ""),
    "finished": ("#3d7a3d", "#1f4d1f", ""),
}
ADDED_STATUS_STYLE = ("#d9dde1", "#4a5a68", "")
"""A status the publication adds has no colour of its own: a plain grey bar, its label beside it."""
MILESTONE = ("#f0c419", "#1a1a1a")


@dataclass(frozen=True, slots=True)
class Axis:
    """The calendar the bars are drawn against: whole quarters from ``first`` up to ``end``."""

    first: dt.date
    end: dt.date
    published: dt.date

    def share(self, day: dt.date) -> float:
        """Where a day falls, from 0 (the first day) to 1 (the end)."""
        return (day - self.first).days / max(1, (self.end - self.first).days)


@dataclass(frozen=True, slots=True)
class Bar:
    """One action as drawn: its name, status label and the period text."""

    action: Action
    name: str
    status: str
    period: str


@dataclass(slots=True)
class Group:
    """An objective and its actions, in the order drawn."""

    objective: Objective
    bars: list[Bar]
    continued: bool = False


@dataclass(slots=True)
class _Row:
    kind: str
    """``objective`` or ``action``."""
    height: float
    name: list[str]
    status: list[str] = field(default_factory=list)
    bar: Bar | None = None


@dataclass(frozen=True, slots=True)
class Frame:
    """Everything a drawing needs that is not its rows."""

    title: str
    alt: str
    axis: Axis
    statuses: list[tuple[str, str]]
    """(status, label) of every status drawn, in legend order."""
    legend: bool = True


def status_class(status: str) -> str:
    """The CSS class of a status's bar (the site's dark scheme recolours it)."""
    return f"cd-bar-{status}" if status in STATUS_STYLE else "cd-bar-other"


def _geometry(width: float) -> tuple[bool, float, float, float]:
    """(columns layout?, name column width, first x of the grid, last x of the grid)."""
    if width < COLUMNS_MIN_WIDTH:
        return False, 0.0, MARGIN, width - MARGIN
    name_w = round(width * 0.42)
    status_w = 92.0
    return True, name_w, MARGIN + name_w + 8, width - MARGIN - status_w - 8


def _rows(width: float, groups: list[Group]) -> list[_Row]:
    columns, name_w, _, _ = _geometry(width)
    lh = TEXT * LINE
    rows: list[_Row] = []
    for group in groups:
        heading = f"{group.objective.id} {group.objective.title}" + (
            " " + say("(continued)") if group.continued else ""
        )
        lines = wrap(heading, TEXT, width - 2 * MARGIN - 12, bold=True)
        rows.append(_Row("objective", len(lines) * lh + 2 * PAD, lines))
        for bar in group.bars:
            if columns:
                name = wrap(bar.name, TEXT, name_w - 12)
                status = wrap(bar.status, SMALL, 92.0)
                height = max(len(name), len(status)) * lh + 2 * PAD
                height = max(height, BAR_H + 2 * PAD)
            else:
                name = wrap(bar.name, TEXT, width - 2 * MARGIN - 8)
                status = wrap(f"{bar.status} · {bar.period}", SMALL, width - 2 * MARGIN - 8)
                height = (len(name) + len(status)) * lh + BAR_H + 3 * PAD
            rows.append(_Row("action", height, name, status, bar))
    return rows


def _legend(frame: Frame, width: float, top: float) -> tuple[list[str], float]:
    """The legend's items flowed into lines; returns the parts and the y below it."""
    items: list[tuple[str, str]] = [(status, label) for status, label in frame.statuses]
    items += [("milestone", say("Milestone")), ("published", say("Publication date"))]
    parts: list[str] = []
    x, y = MARGIN, top
    for kind, label in items:
        item_w = 24 + 6 + text_width(label, SMALL)
        if x > MARGIN and x + item_w > width - MARGIN:
            x, y = MARGIN, y + HEAD_ROW
        cy = y + HEAD_ROW / 2
        if kind == "milestone":
            parts.append(_diamond(x + 12, cy, say("Milestone")))
        elif kind == "published":
            parts.append(line(x + 12, cy - 8, x + 12, cy + 8, "heading", 2.5))
        else:
            parts.append(bar_rect(kind, x, cy - 6, 24, 12))
        parts.append(text_lines([label], x + 30, cy + 4, SMALL, anchor="start"))
        x += item_w + 16
    return parts, y + HEAD_ROW + 4


def bar_rect(status: str, x: float, y: float, width: float, height: float) -> str:
    """A bar (or a legend key, or a segment of a stacked bar) in a status's colours, at least 3 px wide."""
    fill, stroke, dash = STATUS_STYLE.get(status, ADDED_STATUS_STYLE)
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(width, 3):.1f}" height="{height:.1f}" rx="3" '
        f'class="cd-bar {status_class(status)}" fill="{fill}" stroke="{stroke}" stroke-width="1.5"{dash_attr}/>'
    )


def _diamond(x: float, y: float, title: str) -> str:
    fill, stroke = MILESTONE
    return (
        f'<path d="M{x:.1f},{y - 6:.1f} L{x + 6:.1f},{y:.1f} L{x:.1f},{y + 6:.1f} L{x - 6:.1f},{y:.1f} Z" '
        f'class="cd-milestone" fill="{fill}" stroke="{stroke}" stroke-width="1"><title>{esc(title)}</title></path>'
    )


def _years(axis: Axis, x_of: Callable[[dt.date], float], gx1: float, y: float) -> list[str]:
    """Year labels along the top of the grid, every year if they fit, else every few years."""
    years = list(range(axis.first.year, axis.end.year + (1 if axis.end.month > 1 or axis.end.day > 1 else 0)))
    label_w = text_width("0000", SMALL, bold=True)
    year_w = x_of(dt.date(axis.first.year + 1, 1, 1)) - x_of(dt.date(axis.first.year, 1, 1))
    step = 1 if year_w >= label_w + 8 else math.ceil((label_w + 8) / max(year_w, 1.0))
    parts = []
    for year in years:
        left = x_of(max(axis.first, dt.date(year, 1, 1)))
        right = x_of(min(axis.end, dt.date(year + 1, 1, 1)))
        if step == 1 and right - left >= label_w + 4:
            parts.append(text_lines([str(year)], (left + right) / 2, y, SMALL, weight="bold"))
        elif step > 1 and year % step == 0 and dt.date(year, 1, 1) >= axis.first and left + 3 + label_w <= gx1:
            parts.append(text_lines([str(year)], left + 3, y, SMALL, anchor="start", weight="bold"))
    return parts


def _track(
    axis: Axis, x_of: Callable[[dt.date], float], top: float, bottom: float, *, banded: bool = True
) -> list[str]:
    """The grid behind bars between two heights: year shading, year lines, the publication date."""
    parts = []
    for year in range(axis.first.year, axis.end.year + 1):
        left, right = x_of(max(axis.first, dt.date(year, 1, 1))), x_of(min(axis.end, dt.date(year + 1, 1, 1)))
        if banded and right > left and year % 2:
            parts.append(rect(left, top, right - left, bottom - top, "shade"))
        if dt.date(year, 1, 1) > axis.first and dt.date(year, 1, 1) < axis.end:
            parts.append(line(left, top, left, bottom))
    x = x_of(axis.published)
    parts.append(line(x, top, x, bottom, "heading", 2.5))
    return parts


def draw_timeline(frame: Frame, groups: list[Group], width: float) -> tuple[Callable[..., str], float]:
    """The drawing of ``groups`` at ``width`` px, and its height."""
    columns, _, gx0, gx1 = _geometry(width)
    axis = frame.axis

    def x_of(day: dt.date) -> float:
        return gx0 + (gx1 - gx0) * axis.share(day)

    head: list[str] = []
    top = MARGIN
    if frame.legend:
        legend, top = _legend(frame, width, top)
        head += legend
    published = say("Published {date}", date=long_date(axis.published))
    label_w, x = text_width(published, SMALL, bold=True), x_of(axis.published)
    if x + 5 + label_w <= width - MARGIN:
        head.append(text_lines([published], x + 5, top + 15, SMALL, anchor="start", weight="bold", colour="heading"))
    else:
        left = max(MARGIN, x - 5 - label_w)
        head.append(text_lines([published], left, top + 15, SMALL, anchor="start", weight="bold", colour="heading"))
    head.append(line(x, top + 2, x, top + HEAD_ROW, "heading", 2.5))
    top += HEAD_ROW
    head += _years(axis, x_of, gx1, top + 15)
    if columns:
        head.append(text_lines([say("Action")], MARGIN + 4, top + 15, SMALL, anchor="start", weight="bold"))
        head.append(text_lines([say("Status")], gx1 + 8, top + 15, SMALL, anchor="start", weight="bold"))
    top += HEAD_ROW
    rows = _rows(width, groups)
    height = top + sum(r.height for r in rows) + MARGIN

    def draw(href_for: Callable[[str], str | None]) -> str:
        parts = [open_svg(width, height, frame.title, frame.alt), *head]
        if columns:
            parts += _track(axis, x_of, top, height - MARGIN)
        y = top
        for row in rows:
            if row.kind == "objective":
                parts.append(rect(MARGIN, y, width - 2 * MARGIN, row.height, "band"))
                parts.append(
                    text_lines(
                        row.name, MARGIN + 6, y + PAD + TEXT, TEXT, anchor="start", weight="bold", colour="heading"
                    )
                )
            elif row.bar is not None:
                parts.append(_action(row, y, axis, x_of, (gx0, gx1) if not columns else None, href_for))
            y += row.height
        parts.append("</svg>")
        return "".join(parts)

    return draw, height


def _action(
    row: _Row,
    y: float,
    axis: Axis,
    x_of: Callable[[dt.date], float],
    stacked_grid: tuple[float, float] | None,
    href_for: Callable[[str], str | None],
) -> str:
    """One action's name, status and bar; ``stacked_grid`` is the grid's (left, right) in the stacked layout."""
    bar = row.bar
    assert bar is not None
    action = bar.action
    lh = TEXT * LINE
    body: list[str] = []
    body.append(text_lines(row.name, MARGIN + 4, y + PAD + TEXT, TEXT, anchor="start"))
    if stacked_grid is None:
        body.append(text_lines(row.status, x_of(axis.end) + 8, y + PAD + TEXT, SMALL, anchor="start"))
        bar_y = y + PAD + (lh - BAR_H) / 2 + 1
    else:
        status_y = y + PAD + TEXT + len(row.name) * lh
        body.append(text_lines(row.status, MARGIN + 4, status_y, SMALL, anchor="start", colour="muted"))
        bar_y = y + PAD + (len(row.name) + len(row.status)) * lh + PAD
        left, right = stacked_grid
        body.append(rect(left, bar_y - 3, right - left, BAR_H + 6, "shade"))
        body += _track(axis, x_of, bar_y - 3, bar_y + BAR_H + 3, banded=False)
    x1, x2 = x_of(action.start), x_of(action.end + dt.timedelta(days=1))
    body.append(bar_rect(action.status, x1, bar_y, x2 - x1, BAR_H))
    for milestone in action.milestones:
        when = long_date(milestone.date)
        body.append(_diamond(x_of(milestone.date), bar_y + BAR_H / 2, f"{when}: {milestone.title}"))
    return link(href_for(action.id), f"{bar.name}: {bar.status.lower()}", "".join(body))
