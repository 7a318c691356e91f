"""Read ``yaml view`` blocks: which generated table or diagram, filtered how.

The view schema (:class:`~generator.schema.chapters.ViewFields`) declares every option once;
:data:`~generator.schema.chapters.VIEW_OPTIONS` says which views take which. An option the
chosen view does not take is an unknown field of that view.
"""

from __future__ import annotations

import datetime as dt

from generator.diagnostics import did_you_mean
from generator.load.yamlnodes import YMap
from generator.model import Settings, View
from generator.schema import VIEW_OPTIONS, VIEWS, ViewFields
from generator.validate.schema_reader import SchemaReader

BASE = ("show", "title", "classification")
"""What every view takes."""
OPTIONS = tuple(key for key in ViewFields.model_fields if key not in BASE)
REQUIRED = ("changes",)
"""The views that cannot stand without their option (``since:``)."""


def read_view(node: YMap, reader: SchemaReader, settings: Settings, level: str) -> View | None:
    """A view block, with its options checked against what its view takes."""
    show = node.items.get("show")
    name = show.text.strip() if show is not None and hasattr(show, "text") else ""
    valid = name in VIEWS.values
    takes = VIEW_OPTIONS.get(name, ()) if valid else ()
    known = (*BASE, *takes) if valid else (*BASE, *sorted(OPTIONS))  # an unknown view: any option may be its
    for key in node.items:
        if key not in BASE and key not in takes and (valid or key not in OPTIONS):
            reader.error(
                reader.key_location(node, key),
                "E-FIELD-UNKNOWN",
                (key,),
                "unknown field",
                did_you_mean(key, known) or "known fields: " + ", ".join(known),
            )
    kept = YMap(  # what the view takes; the rest is reported above
        {k: v for k, v in node.items.items() if k in BASE or k in takes},
        {k: v for k, v in node.key_pos.items() if k in BASE or k in takes},
        node.line,
        node.col,
    )
    fields = reader.read(ViewFields, kept)
    if fields is None or not valid:
        return None  # reported
    if name in REQUIRED and fields.since is None:
        reader.error(
            reader.key_location(node, "show"),
            "E-FIELD-MISSING",
            ("since",),
            f"the {name} view needs the version to compare with",
            "add 'since: 1.0' (a version of publication.yml's history that gives its commit, or a git tag)",
        )
        return None
    view = View(
        show=fields.show,
        location=reader.key_location(node, "show"),
        title=fields.title,
        classification=fields.classification or level or settings.default_level,
    )
    for option in takes:
        value = getattr(fields, option)
        if option in node.items and value is not None:
            view.option_locations[option] = reader.key_location(node, option)
            view.options[option] = value.isoformat() if isinstance(value, dt.date) else value
    return view
