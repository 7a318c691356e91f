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
