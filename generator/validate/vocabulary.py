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

from generator.load.yamlnodes import YMap, YNode, YSeq
from generator.model.vocabulary import VOCABULARY_KEYS, Vocabularies, Vocabulary, default_label
from generator.schema.publication import VocabularyFields, VocabularyItemFields
from generator.validate.schema_reader import SchemaReader

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


def read_vocabulary(fields: VocabularyFields, node: YNode | None, r: SchemaReader) -> Vocabularies:
    """The engine's vocabularies extended by ``vocabulary:``, every problem reported at its value."""
    engine = Vocabularies()
    extended = {
        key: engine.named(key).extended(_additions(getattr(fields, key), node, key, engine.named(key), r))
        for key in VOCABULARY_KEYS
    }
    return Vocabularies(**extended)


def _additions(
    items: list[VocabularyItemFields], node: YNode | None, key: str, engine: Vocabulary, r: SchemaReader
) -> dict[str, str]:
    """The values (value → label) one key of ``vocabulary:`` adds to the engine's."""
    written = node.items.get(key) if isinstance(node, YMap) else None
    nodes = written.items if isinstance(written, YSeq) else []
    added: dict[str, str] = {}
    for kept, item in enumerate(items):
        index = r.original(("vocabulary", key), kept)
        item_node = nodes[index] if index < len(nodes) else written
        path = ("vocabulary", key, index)
        value_node = item_node.items.get("id") if isinstance(item_node, YMap) else item_node
        shown = value_node if value_node is not None else item_node
        at = r.at(shown) if shown is not None else r.file.at(1)
        value = item.id
        if not VALUE_PATTERN.match(value):
            r.error(at, "E-ID-FORMAT", path, f"'{value}' is not a valid value", VALUE_HINT)
        elif engine.is_engine(value):
            r.warning(
                at,
                "W-VOCABULARY-ENGINE",
                path,
                f"'{value}' is already one of the engine's {_NAMES[key]}",
                "remove it; the engine's values need no listing",
            )
        elif value in added:
            r.warning(at, "W-VOCABULARY-ENGINE", path, f"'{value}' is listed twice", "remove one of them")
        else:
            added[value] = item.label or default_label(value)
    return added
