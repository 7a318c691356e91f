"""The action timeline: one bar per action across the calendar, grouped by objective.

The chart covers every action's and milestone's dates and the publication date, which it
marks with a line. Objectives come in natural ID order (OBJ-2 before OBJ-10).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from generator.model import Action, View
from generator.resolve import Publication
from generator.views.blocks import Diagram, Drawing
from generator.views.plan_tables import filtered_actions
from generator.views.text import counted, long_date, natural_key, quarter, status_label
from generator.views.timeline_layout import SMALL, STATUS_STYLE, Axis, Bar, Frame, Group, draw_timeline
from generator.words import say

WIDE_W = 680.0
"""The full layout's width: Material's content column at a 1280 px window, drawn at 1:1."""
NARROW_W = 340.0
"""The phone layout's width (a 360 px screen less the page margins)."""


def _quarter_start(day: dt.date) -> dt.date:
    return dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)


def _next_quarter(day: dt.date) -> dt.date:
    start = _quarter_start(day)
    return dt.date(start.year + 1, 1, 1) if start.month >= 10 else dt.date(start.year, start.month + 3, 1)


def timeline_axis(actions: list[Action], published: dt.date) -> Axis:
    """Whole quarters from the earliest start to the latest end of the actions and their milestones."""
    days = [published]
    for action in actions:
        days += [action.start, action.end, *(m.date for m in action.milestones)]
    return Axis(_quarter_start(min(days)), _next_quarter(max(days)), published)


def timeline_groups(publication: Publication, actions: list[Action]) -> list[Group]:
    """The objectives with actions among ``actions``, in natural ID order, their actions likewise."""
    groups = []
    for objective in sorted(publication.objectives, key=lambda o: natural_key(o.id)):
        members = sorted((a for a in actions if a.objective == objective.id), key=lambda a: natural_key(a.id))
        if members:
            bars = [Bar(a, f"{a.id} {a.title}", status_label(publication, a.status), _period(a)) for a in members]
            groups.append(Group(objective, bars))
    return groups


def _period(action: Action) -> str:
    first, last = quarter(action.start), quarter(action.end)
    return first if first == last else say("{start} to {end}", start=first, end=last)


def timeline(publication: Publication, view: View) -> list[Diagram]:
    """The timeline of the actions a view selects."""
    actions = filtered_actions(publication, view)
    if not actions:
        return []
    axis = timeline_axis(actions, publication.settings.date)
    groups = timeline_groups(publication, actions)
    title = view.title or say("Action timeline")
    last_quarter = quarter(axis.end - dt.timedelta(days=1))
    alt = counted(
        len(actions),
        say(
            "Timeline of {count} action from {first} to {last}, grouped by objective; each bar runs from the "
            "action's start to its end, and a line marks the publication date, {date}."
        ),
        say(
            "Timeline of {count} actions from {first} to {last}, grouped by objective; each bar runs from the "
            "action's start to its end, and a line marks the publication date, {date}."
        ),
        first=quarter(axis.first),
        last=last_quarter,
        date=long_date(axis.published),
    )
    description = [
        f"{bar.name}: "
        + say("{start} to {end}", start=long_date(bar.action.start), end=long_date(bar.action.end))
        + f", {bar.status.lower()}"
        for group in groups
        for bar in group.bars
    ]
    used = {a.status for a in actions}
    order = [s for s in STATUS_STYLE if s in used] + sorted(used - set(STATUS_STYLE))
    frame = Frame(title, alt, axis, [(s, status_label(publication, s)) for s in order])

    def layout(width: float, part: list[Group], legend: bool = True) -> Drawing:
        draw, height = draw_timeline(frame if legend else _without_legend(frame), part, width)
        return Drawing(draw, width, height, SMALL)

    def pages(width: float, height: float) -> list[Drawing]:
        return _paginate(groups, lambda part, first: layout(width, part, first), height)

    wide, narrow = layout(WIDE_W, groups), layout(NARROW_W, groups)
    name = "timeline" + (f"-{view.options['objective']}" if "objective" in view.options else "")
    return [Diagram("timeline", title, name, alt, wide.svg, wide.width, wide.height, description, SMALL, narrow, pages)]


def _without_legend(frame: Frame) -> Frame:
    return Frame(frame.title, frame.alt, frame.axis, frame.statuses, legend=False)


def _paginate(groups: list[Group], draw: Callable[[list[Group], bool], Drawing], room: float) -> list[Drawing]:
    """Objectives packed into drawings no taller than ``room``; an objective too tall for one goes on in the next.

    ``draw`` lays out some groups, with the legend when its flag says this is the first piece.
    """
    pieces: list[Drawing] = []
    current: list[Group] = []
    for group in groups:
        bars = list(group.bars)
        continued = False
        while bars:
            taken = len(bars)
            while (
                taken > 1
                and draw([*current, Group(group.objective, bars[:taken], continued)], not pieces).height > room
            ):
                taken -= 1
            trial = [*current, Group(group.objective, bars[:taken], continued)]
            if current and draw(trial, not pieces).height > room:
                pieces.append(draw(current, not pieces))
                current = []
                continue
            current = trial
            bars = bars[taken:]
            continued = True
            if bars:
                pieces.append(draw(current, not pieces))
                current = []
    if current:
        pieces.append(draw(current, not pieces))
    return pieces
