"""The values a choice field allows in one publication: its levels, its vocabularies, or a fixed list."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.model.settings import Settings
from generator.model.vocabulary import Vocabularies
from generator.schema.publication import DEFAULT_LEVELS
from generator.schema.types import OneOf


@dataclass(frozen=True, slots=True)
class Choices:
    """The values a :class:`OneOf` field allows in this publication."""

    levels: tuple[str, ...]
    vocabulary: Vocabularies = field(default_factory=Vocabularies)
    _sets: dict[int, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)
    guessed_levels: list[str] = field(default_factory=list, compare=False, repr=False)
    """What held a level that could not be read (reported), read as the highest instead: the
    edition checks then work on a guess (see :func:`generator.pipeline.read_publication`)."""

    def allows(self, one_of: OneOf, value: str) -> bool:
        """Whether ``value`` is one of the allowed values."""
        allowed = self._sets.get(id(one_of))  # the schemas' markers live as long as the process
        if allowed is None:
            allowed = self._sets[id(one_of)] = frozenset(self.allowed(one_of))
        return value in allowed

    def allowed(self, one_of: OneOf) -> tuple[str, ...]:
        """The allowed values, in order."""
        if one_of.levels:
            return self.levels
        if one_of.vocabulary:
            return self.vocabulary.named(one_of.vocabulary).values
        return one_of.fixed.values if one_of.fixed is not None else ()

    @classmethod
    def of(cls, settings: Settings | None) -> Choices:
        """What a publication allows, or the engine's defaults without one."""
        if settings is None:
            return cls(DEFAULT_LEVELS)
        return cls(tuple(settings.levels), settings.vocabulary)
