"""References: one entity naming another, as the validate stage records them for the resolver.

A reference keeps who refers and from which field as data (the referring entity's ID and
a field path such as ``("raci", "consulted", 0)``), so the stages that act on it never
read its message text back.
"""

from __future__ import annotations

from typing import NamedTuple

from generator.diagnostics import Location

FieldPath = tuple[str | int, ...]
"""A field below an entity: keys and list indexes, e.g. ``("support", 1)`` for ``support[1]``."""


def render_path(path: FieldPath) -> str:
    """A field path as messages write it: ``("controls", 0, "owner")`` → ``controls[0].owner``."""
    text = ""
    for part in path:
        if part == "":
            continue  # an empty key names nothing to add
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


def describe(source: str, path: FieldPath) -> str:
    """Who writes a field, as messages name it: ``risk R-PIR-01`` and ``("lead",)`` → ``risk R-PIR-01.lead``."""
    return f"{source}.{render_path(path)}" if path else source


class Ref(NamedTuple):
    """A reference written in YAML or prose, waiting for the resolver.

    A named tuple rather than a dataclass: the checker makes one for every ID a field names.
    """

    kinds: tuple[str, ...]
    """The entity kinds the reference may name (none: any kind, as in prose)."""
    target: str
    """The ID the reference names, as written."""
    location: Location
    """Where the ID was written."""
    source: str
    """Who refers, as messages name it: ``risk R-PIR-01``, ``view heatmap``, ``chapter risks.md``."""
    path: FieldPath = ()
    """The field of ``source`` the reference is written in, e.g. ``("support", 1)``; empty for prose."""
    source_id: str | None = None
    """The referring entity's ID, or None for prose and views."""
    source_chapter: str | None = None
    """The chapter the reference is written in."""
    text: str | None = None
    """The words of a prose reference ``[[ID|words]]``."""

    @property
    def origin(self) -> str:
        """Who refers and from which field, for messages: ``risk R-PIR-01.support[1]``."""
        return describe(self.source, self.path)

    @property
    def top_field(self) -> str | None:
        """The entity's own field the reference is written in (``raci`` for ``raci.consulted[0]``), if any."""
        first = self.path[0] if self.path else None
        return first if isinstance(first, str) else None
