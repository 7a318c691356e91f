"""The schema: every field of every kind Charter reads, declared once.

One pydantic model per kind of mapping: each entity kind (:mod:`.entities`),
``publication.yml`` (:mod:`.publication`), a chapter's front matter and a view block
(:mod:`.chapters`). The validate stage reads content against them; the README's field
tables (:mod:`.docs`), ``charter schema`` (:mod:`.export`), the leak check's fields and what
``restricted:`` may withhold are all read off them.
"""

from __future__ import annotations

from generator.schema.chapters import VIEW_OPTIONS, VIEWS, FrontMatterFields, ViewFields
from generator.schema.entities import ENTITY_SCHEMAS, EntityFields, Fields
from generator.schema.publication import DEFAULT_LEVELS, PublicationFields

COMMON_FIELDS = tuple(EntityFields.model_fields)
"""The fields every entity kind has (``id``, ``classification``, ``restricted``, ``public_name``)."""


__all__ = [
    "COMMON_FIELDS",
    "DEFAULT_LEVELS",
    "ENTITY_SCHEMAS",
    "VIEWS",
    "VIEW_OPTIONS",
    "EntityFields",
    "Fields",
    "FrontMatterFields",
    "PublicationFields",
    "ViewFields",
]
