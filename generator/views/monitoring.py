"""Monitoring views: an indicator's chart and table, ``indicator-progress`` and ``implementation``.

``indicator-progress`` draws every indicator of an objective (its own, and its actions') as a
small chart, each marked on track or off track against the straight line from its baseline to
its target, with a table of the same figures. ``implementation`` counts each objective's actions
by status (:mod:`generator.views.implementation`).
"""

from __future__ import annotations

from collections.abc import Callable

from generator.model import Indicator, Objective, View
from generator.resolve import Publication
from generator.views.blocks import Block, Cell, Column, Diagram, Drawing, Link, Marker, Table, cell
from generator.views.indicator_chart import (
    NO_PATH,
    NOT_MEASURED,
    SIZE,
    TRACK_STYLE,
    Frame,
    axis_room,
    chart_alt,
    draw_plot,
    drawable,
    expected_text,
    indicator_svg,
    planned_path,
    track,
    unit_text,
    verdict_text,
    verdict_title,
)
from generator.views.svg import open_svg, text_lines, wrap
from generator.views.text import counted, long_date, natural_key
from generator.words import say

WIDE_W, NARROW_W = 680.0, 340.0
"""The full and the phone layouts' widths, as the timeline's."""


# -- one indicator -----------------------------------------------------------------------------


def indicator_blocks(publication: Publication, indicator: Indicator) -> list[Block]:
    """An indicator's chart and the table of its figures (its page); the table alone when nothing is drawable."""
    table = _figures_table(indicator)
    if not drawable(indicator):
        return [table]
    wide, wide_h = indicator_svg(indicator, WIDE_W)
    narrow, narrow_h = indicator_svg(indicator, NARROW_W)
    description = [
        say("Baseline: {value}", value=_baseline_text(indicator)),
        say("Target: {value}", value=_target_text(indicator)),
    ] + [
        f"{long_date(m.date)}: {unit_text(m.value, indicator.unit)}" + (f" ({m.note})" if m.note else "")
        for m in indicator.values
    ]
    diagram = Diagram(
        "indicator-chart",
        say("{id}: baseline, measurements and target", id=indicator.id),
        f"indicator-{indicator.id}",
        chart_alt(indicator),
        wide,
        WIDE_W,
        wide_h,
        description,
        SIZE,
        Drawing(narrow, NARROW_W, narrow_h, SIZE),
    )
    return [diagram, table]


def _figures_table(indicator: Indicator) -> Table:
    """The baseline, every measurement (with where the planned path stood that day) and the target."""
    path = planned_path(indicator)
    rows: list[list[Cell]] = [
        [
            cell(say("Baseline"), header=True),
            cell(str(indicator.baseline_year or "")),
            _value(indicator.baseline, indicator),
        ]
        + [cell("")] * 2
    ]
    for m in indicator.values:
        expected = cell(expected_text(path, m.date, indicator.unit)) if path else cell("")
        rows.append(
            [
                cell(say("Measured"), header=True),
                cell(long_date(m.date)),
                _value(m.value, indicator),
                expected,
                cell(m.note),
            ]
        )
    rows.append(
        [cell(say("Target"), header=True), cell(str(indicator.target_year or "")), _value(indicator.target, indicator)]
        + [cell("")] * 2
    )
    columns = [
        Column(say("Figure")),
        Column(say("Date")),
        Column(say("Value"), numeric=True),
        Column(say("On the planned path"), numeric=True),
        Column(say("Note")),
    ]
    caption = say("Figures of {id}", id=indicator.id)
    return Table("indicator-values", caption, columns, rows, notes=[_verdict_note(indicator)])


def _value(value: float, indicator: Indicator) -> Cell:
    return cell(unit_text(value, indicator.unit), sort_key=f"{value:015.3f}")


def _baseline_text(indicator: Indicator) -> str:
    year = f" ({indicator.baseline_year})" if indicator.baseline_year else ""
    return unit_text(indicator.baseline, indicator.unit) + year


def _target_text(indicator: Indicator) -> str:
    year = f" ({indicator.target_year})" if indicator.target_year else ""
    return unit_text(indicator.target, indicator.unit) + year


def _verdict_note(indicator: Indicator) -> str:
    verdict = track(indicator)
    if verdict == NOT_MEASURED:
        return say("Not yet measured.")
    if verdict == NO_PATH:
        return say("No planned path: the indicator gives no baseline year or no target year.")
    return say(
        "The latest measurement is {verdict}: the planned path runs in a straight line from the baseline "
        "at the start of its year to the target at the end of its year.",
        verdict=verdict_text(verdict),
    )


# -- indicator-progress ------------------------------------------------------------------------


def objective_indicators(publication: Publication, objective: Objective) -> list[Indicator]:
    """The indicators of an objective and of its actions, in natural ID order."""
    actions = {a.id for a in publication.actions if a.objective == objective.id}
    chosen = [i for i in publication.indicators if i.objective == objective.id or i.action in actions]
    return sorted(chosen, key=lambda i: natural_key(i.id))


def objectives_of_view(publication: Publication, view: View) -> list[Objective]:
    """The objectives a view's ``objective`` option lets through, in natural ID order."""
    wanted = view.options.get("objective")
    chosen = [o for o in publication.objectives if not wanted or o.id == wanted]
    return sorted(chosen, key=lambda o: natural_key(o.id))


CELL_GAP = 16.0


def _cell(indicator: Indicator, width: float) -> tuple[Callable[[float, float], str], float]:
    """One small multiple at ``width``: a function drawing it at (x, y), and its height."""
    title = wrap(f"{indicator.id} {indicator.name}", SIZE, width, bold=True)
    verdict = track(indicator)
    verdict_y = len(title) * SIZE * 1.25 + SIZE * 0.4
    plot_top = verdict_y + SIZE * 1.8
    left = axis_room(indicator)
    plot_h = 96.0
    height = plot_top + plot_h + SIZE * 2.2

    def draw(x: float, y: float) -> str:
        out = text_lines(title, x, y + SIZE, SIZE, anchor="start", weight="bold", colour="heading")
        vy = y + verdict_y + SIZE
        style = TRACK_STYLE.get(verdict)
        text_x = x
        if style is not None:
            fill, css = style
            box = f'x="{x:.1f}" y="{vy - SIZE * 0.8:.1f}" width="10" height="10"'
            out += f'<rect {box} class="cd-bar {css}" fill="{fill}"/>'
            text_x = x + 16
        out += text_lines([verdict_title(verdict)], text_x, vy, SIZE, anchor="start", colour="ink")
        if not drawable(indicator):
            nothing = say("Nothing to draw yet: no years for its baseline and target, and no measurement.")
            lines = wrap(nothing, SIZE, width)
            return out + text_lines(lines, x, y + plot_top + SIZE * 1.6, SIZE, anchor="start", colour="muted")
        frame = Frame(x + left, y + plot_top + SIZE * 0.4, width - left - 8, plot_h - SIZE * 0.4)
        return out + draw_plot(indicator, frame)

    return draw, height


def _grid(indicators: list[Indicator], width: float, title: str, alt: str) -> Drawing:
    """The small multiples in as many columns as fit ``width`` (two on a wide page, one on a phone)."""
    columns = 2 if width >= 600 else 1
    cell_w = (width - CELL_GAP * (columns + 1)) / columns
    cells = [_cell(i, cell_w) for i in indicators]
    placed: list[tuple[Callable[[float, float], str], float, float]] = []
    y = CELL_GAP
    for start in range(0, len(cells), columns):
        row = cells[start : start + columns]
        for offset, (draw, _height) in enumerate(row):
            placed.append((draw, CELL_GAP + offset * (cell_w + CELL_GAP), y))
        y += max(h for _, h in row) + CELL_GAP
    height = y

    def svg(_href: Callable[[str], str | None]) -> str:
        return open_svg(width, height, title, alt) + "".join(d(x, cy) for d, x, cy in placed) + "</svg>"

    return Drawing(svg, width, height, SIZE)


def indicator_progress(publication: Publication, view: View) -> list[Block]:
    """Per objective, its indicators as small charts marked on or off track, and the table of their figures."""
    blocks: list[Block] = []
    for objective in objectives_of_view(publication, view):
        indicators = objective_indicators(publication, objective)
        if not indicators:
            continue
        title = (view.title or say("Indicator progress")) + f": {objective.id} {objective.title}"
        counts = {verdict: sum(1 for i in indicators if track(i) == verdict) for verdict in TRACK_STYLE}
        alt = counted(
            len(indicators),
            say(
                "Small charts of the {count} indicator of {objective}, each with its baseline, measurements and "
                "target: {on} on track, {off} off track."
            ),
            say(
                "Small charts of the {count} indicators of {objective}, each with its baseline, measurements and "
                "target: {on} on track, {off} off track."
            ),
            objective=objective.id,
            on=counts["on track"],
            off=counts["off track"],
        )
        wide, narrow = _grid(indicators, WIDE_W, title, alt), _grid(indicators, NARROW_W, title, alt)

        def pieces(
            width: float, height: float, chosen: list[Indicator] = indicators, t: str = title, a: str = alt
        ) -> list[Drawing]:
            return _paginate(chosen, width, height, t, a)

        description = [f"{i.id} {i.name}: {_progress_line(i)}" for i in indicators]
        name = f"indicator-progress-{objective.id}"
        blocks.append(
            Diagram(
                "indicator-progress",
                title,
                name,
                alt,
                wide.svg,
                wide.width,
                wide.height,
                description,
                SIZE,
                narrow,
                pieces,
            )
        )
        blocks.append(_progress_table(publication, objective, indicators, view))
    return blocks


def _paginate(indicators: list[Indicator], width: float, room: float, title: str, alt: str) -> list[Drawing]:
    """The small multiples cut into drawings no taller than ``room`` (whole rows each)."""
    pieces: list[Drawing] = []
    current: list[Indicator] = []
    for indicator in indicators:
        trial = _grid([*current, indicator], width, title, alt)
        if current and trial.height > room:
            pieces.append(_grid(current, width, title, alt))
            current = [indicator]
        else:
            current.append(indicator)
    if current:
        pieces.append(_grid(current, width, title, alt))
    return pieces


def _progress_line(indicator: Indicator) -> str:
    latest = indicator.latest
    now = (
        say("latest {value} on {date}", value=unit_text(latest.value, indicator.unit), date=long_date(latest.date))
        if latest
        else say("not yet measured")
    )
    return say(
        "baseline {baseline}, {latest}, target {target}; {verdict}",
        baseline=_baseline_text(indicator),
        latest=now,
        target=_target_text(indicator),
        verdict=verdict_text(track(indicator)),
    )


def _progress_table(publication: Publication, objective: Objective, indicators: list[Indicator], view: View) -> Table:
    rows = []
    for i in indicators:
        latest = i.latest
        path = planned_path(i)
        verdict = track(i)
        rows.append(
            [
                cell(Link(i.id, i.id), header=True),
                cell(Link(i.name, i.id)),
                cell(_baseline_text(i)),
                cell(f"{unit_text(latest.value, i.unit)} ({long_date(latest.date)})" if latest else ""),
                cell(expected_text(path, latest.date, i.unit) if latest and path else ""),
                cell(_target_text(i)),
                cell(Marker(verdict_title(verdict))),
            ]
        )
    columns = [
        Column(say("Ref")),
        Column(say("Indicator")),
        Column(say("Baseline"), numeric=True),
        Column(say("Latest"), numeric=True),
        Column(say("On the planned path"), numeric=True),
        Column(say("Target"), numeric=True),
        Column(say("Progress")),
    ]
    caption = say("Indicator figures: {objective}", objective=f"{objective.id} {objective.title}")
    return Table("indicator-progress", caption, columns, rows, noun=(say("indicator"), say("indicators")))
