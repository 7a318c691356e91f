"""An indicator's chart: its baseline, its measurements and its target over time, drawn as SVG.

The planned path is a straight line from the baseline (at the start of its year) to the target
(at the end of its year). An indicator is *on track* when its latest measurement is at least as
far along that line as the date it was taken says it should be, in the direction the target
lies; *off track* otherwise. Without a baseline and a target year there is no path, and so no
verdict. The chart draws no text it has not measured: every label is placed by its width
(:func:`generator.views.svg.text_width`) so that none overlaps another.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass

from generator.model import Indicator
from generator.views.svg import PALETTE, esc, line, open_svg, text_lines, text_width
from generator.views.text import counted, long_date, number_text
from generator.words import say

ON_TRACK, OFF_TRACK, NO_PATH, NOT_MEASURED = "on track", "off track", "no planned path", "not yet measured"
TRACK_STYLE = {ON_TRACK: ("#3d7a3d", "cd-bar-finished"), OFF_TRACK: ("#b3541e", "cd-bar-delayed")}
"""The marker colour (and its dark-scheme class) of each verdict; the verdict is always written out too."""


def verdict_text(verdict: str) -> str:
    """A verdict in running text, in the current language: 'on track'."""
    words = {
        ON_TRACK: say("on track"),
        OFF_TRACK: say("off track"),
        NO_PATH: say("no planned path"),
        NOT_MEASURED: say("not yet measured"),
    }
    return words.get(verdict, verdict)


def verdict_title(verdict: str) -> str:
    """A verdict as a label, in the current language: 'On track'."""
    words = {
        ON_TRACK: say("On track"),
        OFF_TRACK: say("Off track"),
        NO_PATH: say("No planned path"),
        NOT_MEASURED: say("Not yet measured"),
    }
    return words.get(verdict, verdict.capitalize())


SIZE = 12.0
"""The charts' text size (px): the smallest the site shows."""


@dataclass(frozen=True, slots=True)
class Path:
    """The straight line from baseline to target, in time."""

    start: dt.date
    end: dt.date
    baseline: float
    target: float

    def expected(self, day: dt.date) -> float:
        """The value the line gives on ``day`` (held at the ends outside the path)."""
        span = (self.end - self.start).days or 1
        share = min(1.0, max(0.0, (day - self.start).days / span))
        return self.baseline + (self.target - self.baseline) * share


def planned_path(indicator: Indicator) -> Path | None:
    """The indicator's planned path, when it has a baseline year and a target year."""
    if indicator.baseline_year is None or indicator.target_year is None:
        return None
    start = dt.date(indicator.baseline_year, 1, 1)
    end = dt.date(indicator.target_year, 12, 31)
    return Path(start, end, indicator.baseline, indicator.target)


def track(indicator: Indicator) -> str:
    """Whether the latest measurement is on the planned path: one of the four verdicts."""
    latest = indicator.latest
    path = planned_path(indicator)
    if latest is None:
        return NOT_MEASURED
    if path is None:
        return NO_PATH
    expected = path.expected(latest.date)
    rising = indicator.target >= indicator.baseline
    ahead = latest.value >= expected if rising else latest.value <= expected
    return ON_TRACK if ahead else OFF_TRACK


def unit_text(value: float, unit: str) -> str:
    """A value with its unit: 12 %, 40 containers."""
    return number_text(value) + (f" {unit}" if unit else "")


def expected_text(path: Path, day: dt.date, unit: str) -> str:
    """The planned path's value on ``day``, to one decimal place (a computed figure, not a measured one)."""
    return unit_text(round(path.expected(day), 1), unit)


def _nice_ticks(low: float, high: float, count: int = 4) -> list[float]:
    """Round tick values covering ``low`` to ``high``, about ``count`` of them."""
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.floor(low / step) * step
    ticks = []
    value = first
    while value < high + step * 0.999:
        ticks.append(round(value, 10))
        value += step
    return ticks


@dataclass(frozen=True, slots=True)
class Frame:
    """The chart's box in the drawing, in px."""

    x: float
    y: float
    width: float
    height: float


def drawable(indicator: Indicator) -> bool:
    """Whether the indicator has anything to draw over time: a planned path or a measurement.

    A baseline and a target without their years place nothing on a time axis, so such an
    indicator gets its table of figures and no chart (never an axis of invented years).
    """
    return planned_path(indicator) is not None or bool(indicator.values)


def chart_days(indicator: Indicator) -> tuple[dt.date, dt.date]:
    """The time the chart covers: the planned path and every measurement, in whole years.

    Only for an indicator that is :func:`drawable`.
    """
    path = planned_path(indicator)
    days = [m.date for m in indicator.values]
    if path is not None:
        days += [path.start, path.end]
    if indicator.baseline_year is not None:
        days.append(dt.date(indicator.baseline_year, 1, 1))
    if not days:
        raise ValueError(f"{indicator.id} has nothing to draw over time")
    first, last = min(days), max(days)
    return dt.date(first.year, 1, 1), dt.date(last.year + 1, 1, 1)


def draw_plot(indicator: Indicator, frame: Frame) -> str:
    """The plot of one indicator inside ``frame``: axes, planned path, measurements, baseline and target marks.

    The value ticks are written left of the frame and the years below it (the caller leaves
    room: :func:`axis_room`). Only for an indicator that is :func:`drawable`.
    """
    first, end = chart_days(indicator)
    values = [indicator.baseline, indicator.target, *(m.value for m in indicator.values)]
    ticks = _nice_ticks(min(values), max(values))
    low, high = ticks[0], ticks[-1]
    span_days = (end - first).days or 1

    def x_of(day: dt.date) -> float:
        return frame.x + frame.width * (day - first).days / span_days

    def y_of(value: float) -> float:
        return frame.y + frame.height * (1 - (value - low) / ((high - low) or 1))

    out = [line(frame.x, frame.y + frame.height, frame.x + frame.width, frame.y + frame.height, "rule")]
    out.append(line(frame.x, frame.y, frame.x, frame.y + frame.height, "rule"))
    for tick in ticks:
        y = y_of(tick)
        out.append(line(frame.x - 4, y, frame.x, y, "rule"))
        out.append(text_lines([number_text(tick)], frame.x - 6, y + SIZE * 0.35, SIZE, anchor="end", colour="muted"))
    years = list(range(first.year, end.year))
    every = max(1, math.ceil(len(years) * text_width("2000", SIZE) * 1.6 / frame.width))
    for year in years[::every]:
        x = x_of(dt.date(year, 7, 1))
        out.append(text_lines([str(year)], x, frame.y + frame.height + SIZE * 1.4, SIZE, colour="muted"))
    path = planned_path(indicator)
    if path is not None:
        out.append(
            f'<line x1="{x_of(path.start):.1f}" y1="{y_of(path.baseline):.1f}" x2="{x_of(path.end):.1f}" '
            f'y2="{y_of(path.target):.1f}" class="cd-rule-line" stroke="{PALETTE["rule"]}" stroke-width="1.5" '
            'stroke-dasharray="5 4"/>'
        )
        bx, by = x_of(path.start), y_of(path.baseline)
        baseline = say("Baseline {value}", value=unit_text(indicator.baseline, indicator.unit))
        out.append(_square(bx, by, baseline))
        target = say("Target {value}", value=unit_text(indicator.target, indicator.unit))
        out.append(_diamond(x_of(path.end), y_of(path.target), target))
    points = [(x_of(m.date), y_of(m.value), m) for m in indicator.values]
    if len(points) > 1:
        joined = " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in points)
        out.append(
            f'<polyline points="{joined}" fill="none" class="cd-heading-line" '
            f'stroke="{PALETTE["heading"]}" stroke-width="2"/>'
        )
    for x, y, m in points:
        label = f"{long_date(m.date)}: {unit_text(m.value, indicator.unit)}"
        out.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" class="cd-heading" fill="{PALETTE["heading"]}">'
            f"<title>{esc(label)}</title></circle>"
        )
    return "".join(out)


def axis_room(indicator: Indicator) -> float:
    """The width the value ticks need left of a plot."""
    values = [indicator.baseline, indicator.target, *(m.value for m in indicator.values)]
    widest = max(text_width(number_text(t), SIZE) for t in _nice_ticks(min(values), max(values)))
    return widest + 12


def _square(x: float, y: float, title: str) -> str:
    return (
        f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" class="cd-paper cd-box" '
        f'fill="{PALETTE["paper"]}" stroke="{PALETTE["heading"]}" stroke-width="1.5"><title>{esc(title)}</title></rect>'
    )


def _diamond(x: float, y: float, title: str) -> str:
    points = f"{x:.1f},{y - 6:.1f} {x + 6:.1f},{y:.1f} {x:.1f},{y + 6:.1f} {x - 6:.1f},{y:.1f}"
    return (
        f'<polygon points="{points}" class="cd-paper cd-box" fill="{PALETTE["paper"]}" '
        f'stroke="{PALETTE["heading"]}" stroke-width="1.5"><title>{esc(title)}</title></polygon>'
    )


def legend_keys() -> list[tuple[str, str]]:
    """The chart's legend: each key and its label."""
    return [
        ("measured", say("Measured")),
        ("baseline", say("Baseline")),
        ("path", say("Planned path, baseline to target")),
        ("target", say("Target")),
    ]


def draw_legend(x: float, y: float, width: float) -> tuple[str, float]:
    """The legend's keys from ``x``, wrapping to a new row where a key would pass ``width``; its SVG and height."""
    out, cx, cy = [], x, y
    for key, label in legend_keys():
        need = 30 + text_width(label, SIZE) + 16
        if cx > x and cx + need > x + width:
            cx, cy = x, cy + SIZE * 1.8
        mid = cy - SIZE * 0.35
        if key == "measured":
            out.append(line(cx, mid, cx + 24, mid, "heading", 2))
        elif key == "path":
            out.append(
                f'<line x1="{cx:.1f}" y1="{mid:.1f}" x2="{cx + 24:.1f}" y2="{mid:.1f}" class="cd-rule-line" '
                f'stroke="{PALETTE["rule"]}" stroke-width="1.5" stroke-dasharray="5 4"/>'
            )
        elif key == "baseline":
            out.append(_square(cx + 12, mid, label))
        else:
            out.append(_diamond(cx + 12, mid, label))
        out.append(text_lines([label], cx + 30, cy, SIZE, anchor="start"))
        cx += need
    return "".join(out), cy - y + SIZE


def indicator_svg(indicator: Indicator, width: float) -> tuple[Callable[[Callable[[str], str | None]], str], float]:
    """One indicator's chart at ``width``: its drawing and height."""
    legend_top = SIZE * 1.4
    legend, legend_height = draw_legend(8, legend_top, width - 16)
    left = 8 + axis_room(indicator)
    top = legend_top + legend_height + 16
    frame = Frame(left, top, width - left - 20, 170 if width > 400 else 140)
    height = top + frame.height + SIZE * 2.6
    title = f"{indicator.id} {indicator.name}"

    def draw(_href: Callable[[str], str | None]) -> str:
        return open_svg(width, height, title, chart_alt(indicator)) + legend + draw_plot(indicator, frame) + "</svg>"

    return draw, height


def chart_alt(indicator: Indicator) -> str:
    """The chart's text alternative: what it shows and where the indicator stands."""
    unit = indicator.unit
    name = f"{indicator.id} {indicator.name}"
    baseline, target = unit_text(indicator.baseline, unit), unit_text(indicator.target, unit)
    if indicator.baseline_year:
        first = say(
            "Chart of {name}: baseline {value} in {year}", name=name, value=baseline, year=indicator.baseline_year
        )
    else:
        first = say("Chart of {name}: baseline {value}", name=name, value=baseline)
    parts = [first]
    if indicator.target_year:
        parts.append(say("target {value} by {year}", value=target, year=indicator.target_year))
    else:
        parts.append(say("target {value}", value=target))
    latest = indicator.latest
    if latest is None:
        parts.append(say("no measurement yet"))
    else:
        parts.append(
            counted(
                len(indicator.values),
                say("{count} measurement, the latest {value} on {date}"),
                say("{count} measurements, the latest {value} on {date}"),
                value=unit_text(latest.value, unit),
                date=long_date(latest.date),
            )
        )
    return ", ".join(parts) + f"; {verdict_text(track(indicator))}."
