"""Read ``vocabulary:`` of ``publication.yml``: the values a publication adds to the engine's enumerations.

::

    vocabulary:
      agency_types: [cyber, health-authority]
      action_statuses:
        - {id: suspended, label: Suspended}

Each item is a value, or ``{id, label}``; a value without a label is labelled by
:func:`~generator.model.vocabulary.default_label`.
"""

from __future__ import annotations

import re

from generator.diagnostics import Location
from generator.load.yamlnodes import YMap, YNode, YScalar, YSeq
from generator.model.vocabulary import VOCABULARY_KEYS, Vocabularies, Vocabulary, default_label
from generator.validate.fields import FieldReader

VALUE_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
"""A value is written as the engine's are: lowercase ASCII letters and digits, joined by single '-'."""
VALUE_HINT = "write a value in lowercase ASCII letters, digits and '-', e.g. health-authority"

_NAMES = {
    "agency_types": "agency types",
    "committee_tiers": "committee tiers",
    "indicator_levels": "indicator levels",
    "action_statuses": "action statuses",
}
"""How messages name each vocabulary."""


def read_vocabulary(r: FieldReader) -> Vocabularies:
    """The engine's vocabularies extended by ``vocabulary:``, every problem reported at its value."""
    node = r.mapping("vocabulary")
    if node is None:
        return Vocabularies()
    v = r.child(node, "vocabulary")
    engine = Vocabularies()
    extended = {key: engine.named(key).extended(_additions(v, key, engine.named(key))) for key in VOCABULARY_KEYS}
    v.finish(VOCABULARY_KEYS)
    return Vocabularies(**extended)


def _additions(v: FieldReader, key: str, engine: Vocabulary) -> dict[str, str]:
    """The values (value → label) one key of ``vocabulary:`` adds to the engine's."""
    node = v.raw(key)
    if node is None:
        return {}
    if not isinstance(node, YSeq):
        v.error(v.value_location(node), "E-FIELD-TYPE", key, f"expected a list, found {_shown(node)}")
        return {}
    added: dict[str, str] = {}
    for index, item in enumerate(node.items):
        path = f"{key}[{index}]"
        read = _item(v, item, key, index)
        if read is None:
            continue
        value, label, at = read
        if not VALUE_PATTERN.match(value):
            v.error(at, "E-ID-FORMAT", path, f"'{value}' is not a valid value", VALUE_HINT)
        elif engine.is_engine(value):
            v.warning(
                at,
                "W-VOCABULARY-ENGINE",
                path,
                f"'{value}' is already one of the engine's {_NAMES[key]}",
                "remove it; the engine's values need no listing",
            )
        elif value in added:
            v.warning(at, "W-VOCABULARY-ENGINE", path, f"'{value}' is listed twice", "remove one of them")
        else:
            added[value] = label or default_label(value)
    return added


def _item(v: FieldReader, item: YNode, key: str, index: int) -> tuple[str, str, Location] | None:
    """One item: its value, its label ('' for the default) and where the value was written."""
    if isinstance(item, YScalar) and not item.is_null:
        return item.text.strip(), "", v.value_location(item)
    if isinstance(item, YMap):
        c = v.child(item, (key, index))
        value_node = c.scalar("id", required=True, expected="a value")
        label = c.text("label")
        c.finish(("id", "label"))
        if value_node is None:
            return None
        return value_node.text.strip(), label, c.value_location(value_node)
    v.error(
        v.value_location(item),
        "E-FIELD-TYPE",
        f"{key}[{index}]",
        f"expected a value or {{id, label}}, found {_shown(item)}",
    )
    return None


def _shown(node: YNode) -> str:
    if isinstance(node, YMap):
        return "a mapping"
    if isinstance(node, YSeq):
        return "a list"
    return f"'{node.text}'" if isinstance(node, YScalar) else "a value"
