"""The heat map: the risks of one stage in a matrix of the publication's two axes.

Each axis shows one factor, or the product of several (likelihood = threat ×
vulnerability), as ``scales.heatmap`` says. With every factor of the formula on one axis
each cell has one score, so it names its rating band (in words, and by its colour).
"""

from __future__ import annotations

from generator.model import HeatmapAxes, Risk, Scales, View
from generator.model.entities import Assessment
from generator.resolve import Publication
from generator.views.blocks import Cell, Column, Link, Marker, Table, cell
from generator.views.text import both, counted, id_links, stage_title, stage_word
from generator.words import say

WIDE_FROM = 6
"""A heat map with more columns of values than this is printed on a landscape page."""


def axis_name(factors: list[str], label: str) -> str:
    """An axis's name as a heading says it: its label, or its factors ('Threat × vulnerability')."""
    return label or " × ".join(factors).capitalize() or say("All risks")


def score_note(scales: Scales) -> str:
    """How the heat map's axes make a score, when an axis combines factors, else ''.

    'Likelihood = threat × vulnerability; score = likelihood × impact.'
    """
    axes = scales.axes()
    sides = [(axes.across, axes.across_label), (axes.up, axes.up_label)]
    if all(len(factors) < 2 for factors, _ in sides):
        return ""
    definitions = [f"{label} = {' × '.join(factors)}" for factors, label in sides if len(factors) > 1 and label]
    names = [axis_name(factors, label).lower() if label else " × ".join(factors) for factors, label in sides if factors]
    sentence = "; ".join([*definitions, say("score = {factors}", factors=" × ".join(names))])
    return sentence[0].upper() + sentence[1:] + "."


def heatmap(publication: Publication, view: View, risks: list[Risk]) -> list[Table]:
    """The heat map of ``risks`` (the view's filtered risks) at the view's stage; each cell lists its risks."""
    scales = publication.settings.scales
    stage = view.options.get("stage", "residual")
    axes = scales.axes()
    across, up = scales.axis_values(axes.across), scales.axis_values(axes.up)
    groups = publication.risk_groups if not view.options.keys() - {"stage"} else []
    exact = sorted(axes.across + axes.up) == sorted(scales.formula)
    corner = f"{axis_name(axes.up, axes.up_label)} ↓ / {axis_name(axes.across, axes.across_label)} →"
    columns = [Column(corner)] + [Column(_step(scales, axes.across, value)) for value in across]
    rows: list[list[Cell]] = []
    for y in reversed(up):
        row = [cell(_step(scales, axes.up, y), header=True)]
        for x in across:
            here = sorted(r.id for r in risks if _place(r.stage(stage), axes) == (x, y))
            band = scales.band_for(x * y) if exact else None
            parts: list[Link | Marker | str] = [Marker(band.name, band)] if band else []
            parts += id_links(here)
            parts += [
                Marker(
                    say("{name} (group of {count})", name=g.name, count=g.count),
                    title=say("Risks shown as their public group"),
                )
                for g in groups
                if _place(g.stage(stage), axes) == (x, y)
            ]
            row.append(Cell(parts, separator=" ", band=band))
        rows.append(row)
    return [
        Table(
            "heatmap",
            view.title or _caption(stage),
            columns,
            rows,
            wide=len(across) > WIDE_FROM,
            notes=[_placed_note(risks, stage, axes) + " " + _cells_note(scales, exact)],
        )
    ]


def _place(assessment: Assessment, axes: HeatmapAxes) -> tuple[int, int]:
    """A stage's cell: the product of its across factors, and of its up factors."""
    x = y = 1
    for factor in axes.across:
        x *= assessment.values.get(factor, 0)
    for factor in axes.up:
        y *= assessment.values.get(factor, 0)
    return x, y


def _step(scales: Scales, factors: list[str], value: int) -> str:
    """An axis step's heading: a single factor's score and label ('3 Likely'), a product's value ('12')."""
    if len(factors) == 1:
        return f"{value} {scales.label(factors[0], value)}"
    return str(value) if factors else say("All")


def _placed_note(risks: list[Risk], stage: str, axes: HeatmapAxes) -> str:
    """'31 risks placed by their residual likelihood and impact.'"""
    names = [_words(axes.across, axes.across_label), _words(axes.up, axes.up_label)]
    one = say("{count} risk placed by their {stage} {axes}.")
    many = say("{count} risks placed by their {stage} {axes}.")
    return counted(len(risks), one, many, stage=stage_word(stage), axes=both([n for n in names if n]))


def _words(factors: list[str], label: str) -> str:
    """An axis in a sentence: 'impact', 'likelihood (threat × vulnerability)'."""
    if label and len(factors) > 1:
        return f"{label.lower()} ({' × '.join(factors)})"
    return label.lower() or " × ".join(factors)


def _cells_note(scales: Scales, exact: bool) -> str:
    """What the cells say: their rating band, or (axes that leave out a factor of the formula) not."""
    if exact:
        named = say("Each cell names its rating band; the IDs link to the risks.")
        return " ".join(filter(None, [score_note(scales), named]))
    axes = scales.axes()
    others = [f for f in scales.formula if f not in axes.across + axes.up]
    if others:
        return say(
            "A risk's score also counts its {factors}, so the risks of one cell can differ in rating band; "
            "the IDs link to the risks.",
            factors=both(others),
        )
    return say(
        "A risk's score is not the product of these two, so the risks of one cell can differ in rating band; "
        "the IDs link to the risks."
    )


def _caption(stage: str) -> str:
    """'Residual risk heat map'."""
    captions = {
        "inherent": say("Inherent risk heat map"),
        "residual": say("Residual risk heat map"),
        "target": say("Target risk heat map"),
    }
    return captions.get(stage) or say("{stage} risk heat map", stage=stage_title(stage))
