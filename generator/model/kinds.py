"""The registry of entity kinds: what every stage may know about a kind, declared once.

Each kind has one :class:`KindSpec`: its model class and ``KIND``, the plural and folder
of its pages, and the words headings and indexes use for it. Renderers keep their own
builders (a page, a summary) in tables keyed by ``KIND``, built once with
:func:`builders_for`, which refuses a table that misses a kind: a kind added here
without a page is an error when the renderer is imported, never an empty page.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from generator.model.entities import (
    Acronym,
    Action,
    Agency,
    Committee,
    Entity,
    Indicator,
    Objective,
    Phase,
    Risk,
    Threat,
)

B = TypeVar("B")


class KindRegistryError(Exception):
    """A renderer's table of builders does not fit the registry of kinds.

    A programming error of the engine, raised at start-up, never a content diagnostic.
    """


@dataclass(frozen=True, slots=True)
class KindLabel:
    """The words for a kind in running text, lower case: 'threat category', 'threat categories'."""

    singular: str
    plural: str

    @property
    def title(self) -> str:
        """The singular as a label or heading: 'Threat category'."""
        return _capitalised(self.singular)

    @property
    def plural_title(self) -> str:
        """The plural as a heading: 'Threat categories'."""
        return _capitalised(self.plural)


@dataclass(frozen=True, slots=True)
class KindSpec:
    """Everything kind-neutral about one entity kind."""

    model: type[Entity]
    plural: str
    """The kind's plural as a name: 'agencies', 'threats'."""
    label: KindLabel
    folder: str | None = None
    """The folder below the site root its pages live in, or None for a kind without pages of its own."""
    index_title: str = ""
    """The title of the kind's index page, when it is not the plural title ('Risk register')."""
    heading_with_id: bool = True
    """Whether a heading of one entity starts with its ID ('R-PIR-01 Armed robbery'), not its name alone."""
    cited_by_id: bool = False
    """Whether readers cite the entity by its ID, so a prose reference shows the ID beside the title."""

    @property
    def kind(self) -> str:
        """The kind's name, as data blocks write it: ``risk``."""
        return self.model.KIND

    @property
    def has_pages(self) -> bool:
        """Whether each entity of the kind has a page of its own."""
        return self.folder is not None

    @property
    def index(self) -> str:
        """The title of the kind's index page."""
        return self.index_title or self.label.plural_title


KINDS: dict[str, KindSpec] = {
    spec.kind: spec
    for spec in (
        KindSpec(
            Risk, "risks", KindLabel("risk", "risks"), folder="risks", index_title="Risk register", cited_by_id=True
        ),
        KindSpec(Agency, "agencies", KindLabel("agency", "agencies"), folder="agencies", heading_with_id=False),
        KindSpec(
            Committee, "committees", KindLabel("committee", "committees"), folder="committees", heading_with_id=False
        ),
        KindSpec(Objective, "objectives", KindLabel("objective", "objectives"), folder="objectives", cited_by_id=True),
        KindSpec(Action, "actions", KindLabel("action", "actions"), folder="actions", cited_by_id=True),
        KindSpec(Indicator, "indicators", KindLabel("indicator", "indicators"), folder="indicators", cited_by_id=True),
        KindSpec(
            Threat,
            "threats",
            KindLabel("threat category", "threat categories"),
            folder="threats",
            heading_with_id=False,
        ),
        KindSpec(Phase, "phases", KindLabel("phase", "phases"), cited_by_id=True),
        KindSpec(Acronym, "acronyms", KindLabel("acronym", "acronyms")),
    )
}
"""Every kind by its ``KIND``, in the order the site's reference section lists those with pages."""


def kind_of(entity: Entity) -> KindSpec:
    """The spec of an entity's kind."""
    return KINDS[entity.KIND]


def page_kinds(kinds: Mapping[str, KindSpec] = KINDS) -> list[KindSpec]:
    """The kinds whose entities have pages of their own, in registry order."""
    return [spec for spec in kinds.values() if spec.has_pages]


def builders_for(
    builders: Mapping[str, B],
    *,
    needed: Iterable[KindSpec],
    what: str,
    kinds: Mapping[str, KindSpec] = KINDS,
) -> dict[str, B]:
    """A renderer's table of builders by ``KIND``, checked against the kinds that need one.

    Raises :class:`KindRegistryError` when a needed kind has no builder, or a builder names
    a kind the registry does not know; the table comes back in the order of ``needed``.
    """
    wanted = [spec.kind for spec in needed]
    missing = [kind for kind in wanted if kind not in builders]
    if missing:
        raise KindRegistryError(f"no {what} for the kind(s) {', '.join(missing)}: register one for each")
    unknown = [kind for kind in builders if kind not in kinds]
    if unknown:
        raise KindRegistryError(f"{what} for unknown kind(s) {', '.join(unknown)}: add them to generator.model.kinds")
    extra = [kind for kind in builders if kind not in wanted]
    if extra:
        raise KindRegistryError(f"{what} for kind(s) that need none: {', '.join(extra)}")
    return {kind: builders[kind] for kind in wanted}


def _capitalised(words: str) -> str:
    return words[:1].upper() + words[1:]


def _check_complete() -> None:
    """Every entity class of the model has a spec: a kind added to ``entities.py`` alone fails at import."""
    classes = {cls.KIND for cls in Entity.__subclasses__()}
    missing = sorted(classes - set(KINDS))
    if missing:
        raise KindRegistryError(f"entity kind(s) {', '.join(missing)} have no KindSpec in generator.model.kinds")


_check_complete()
