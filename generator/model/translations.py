"""A publication's text in its other languages: chapters translated beside their source, entities' fields by ID."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.model.entities import Chapter
from generator.model.refs import Ref


@dataclass(slots=True)
class Translations:
    """Everything written in a language other than the one the content is written in."""

    chapters: dict[tuple[str, str], Chapter] = field(default_factory=dict)
    """(the source chapter's path, language) → the chapter in that language: its title and
    prose, with the source's entity blocks standing in the sections they stand in there."""
    refs: dict[tuple[str, str], list[Ref]] = field(default_factory=dict)
    """(the source chapter's path, language) → the references its translation's prose and views make."""
    entities: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)
    """Language → entity ID → field → the field's text in that language."""
    publication: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)
    """Language → ``publication``, ``editions`` or ``documents`` → a setting (or an edition's or a
    document's ID) → its text in that language: the title, the editions' and documents' names."""


PUBLICATION_TEXTS = {
    "publication": (
        "title",
        "short_title",
        "subtitle",
        "country",
        "issuer",
        "edition",
        "emblem_alt",
        "copyright",
        "licence",
        "contact",
        "alternative_formats",
    ),
    "editions": (),
    "documents": (),
    "labels": (),
}
"""What ``translations/<lang>.yml`` may give besides entities, under these keys: the publication's
own text (its fields), each edition's and document's title (by its ID), and ``labels``: the
rating bands' names, the scales' labels and definitions and the impact dimensions' names, each
by its text in ``publication.yml``."""
