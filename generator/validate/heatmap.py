"""Check ``scales.heatmap``: which factors the heat maps show across and up.

Every factor of the formula must stand on exactly one axis, and no other factor on
either, so that each cell of the matrix has one score and so one rating band.
"""

from __future__ import annotations

from generator.diagnostics import Location, did_you_mean
from generator.load.yamlnodes import YMap
from generator.model import HeatmapAxes
from generator.schema.publication import HeatmapFields
from generator.validate.schema_reader import SchemaReader, node_at

HINT_ONE_AXIS = "put each factor of the formula on one axis: 'across' or 'up'"


def read_heatmap(
    fields: HeatmapFields | None, factors: list[str], formula: list[str], scales: YMap, r: SchemaReader
) -> HeatmapAxes | None:
    """The axes ``publication.yml`` sets, or None for the default (also when they are wrong: reported)."""
    if fields is None:
        return None
    node = node_at(scales, ("heatmap",))
    where = node if isinstance(node, YMap) else None
    across, up = list(fields.across), list(fields.up)
    if not across and not up:
        return None
    if not up:
        up = [f for f in formula if f not in across]
    if not across:
        across = [f for f in formula if f not in up]
    ok = _known(across, "across", factors, formula, where, r) & _known(up, "up", factors, formula, where, r)
    for index, factor in enumerate(up):
        if factor in across:
            r.error(
                _item(where, "up", index, r),
                "E-SCALE",
                ("scales", "heatmap", "up"),
                f"the factor '{factor}' is on both axes",
                HINT_ONE_AXIS,
            )
            ok = False
    for factor in formula:
        if factor not in across and factor not in up and factor in factors:
            r.error(
                r.key_location(scales, "heatmap"),
                "E-SCALE",
                ("scales", "heatmap"),
                f"the formula's factor '{factor}' is on neither axis, so a cell would hold more than one score",
                f"add '{factor}' to 'across' or 'up'",
            )
            ok = False
    for axis, names in (("across", across), ("up", up)):
        if len(set(names)) < len(names):
            twice = next(f for f in names if names.count(f) > 1)
            r.error(
                _item(where, axis, names.index(twice, names.index(twice) + 1), r),
                "E-SCALE",
                ("scales", "heatmap", axis),
                f"the factor '{twice}' is listed twice",
                HINT_ONE_AXIS,
            )
            ok = False
    if not ok:
        return None
    return HeatmapAxes(across=across, up=up, across_label=fields.across_label, up_label=fields.up_label)


def _known(
    names: list[str], axis: str, factors: list[str], formula: list[str], where: YMap | None, r: SchemaReader
) -> bool:
    """Report an axis's factors that are no factor, or not in the formula; True when there are none."""
    ok = True
    for index, factor in enumerate(names):
        if factor not in factors:
            hint = did_you_mean(factor, factors) or f"the factors are {', '.join(factors)}"
            message = f"'{factor}' is not one of the factors ({', '.join(factors)})"
        elif factor not in formula:
            hint = "an axis shows factors of the formula, whose product is the score"
            message = f"'{factor}' is not in the formula ({' * '.join(formula)})"
        else:
            continue
        r.error(_item(where, axis, index, r), "E-SCALE", ("scales", "heatmap", axis), message, hint)
        ok = False
    return ok


def _item(where: YMap | None, axis: str, index: int, r: SchemaReader) -> Location:
    """Where an axis's item was written; the axis's key when it cannot be told."""
    if where is None:
        return r.file.at(1)
    item = node_at(where, (axis, index))
    return r.at(item) if item is not None else r.key_location(where, axis)
