"""Computing figures: how many entities of an edition a figure counts, and how the number is written."""

from __future__ import annotations

from generator.model import Entity, Objective, Risk, Settings
from generator.resolve.figures.counted import KINDS
from generator.resolve.figures.figure import Figure

SMALL = [
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"),
    "twenty",
]
"""The numbers ``words`` spells: zero to twenty."""
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def is_english(settings: Settings) -> bool:
    """Whether the publication is written in English, the one language whose numbers are spelt out."""
    return settings.language.lower().split("-")[0] == "en"


class Figures:
    """The figures of one publication or edition, each computed once."""

    def __init__(self, entities: dict[str, Entity], settings: Settings) -> None:
        self.entities = entities
        self.english = is_english(settings)
        self._of_kind: dict[str, list[Entity]] = {}
        self._counts: dict[Figure, int] = {}
        self._assessed: set[str] | None = None

    def count(self, figure: Figure) -> int:
        """How many entities of the edition the figure counts."""
        found = self._counts.get(figure)
        if found is None:
            spec = KINDS[figure.kind]
            chosen = self._of_kind.get(figure.kind)
            if chosen is None:
                chosen = self._of_kind[figure.kind] = [e for e in self.entities.values() if isinstance(e, spec.entity)]
            for key, values in figure.filters:
                test = spec.keys[key].test
                chosen = [e for e in chosen if any(test(e, value, self, figure) for value in values)]
            found = self._counts[figure] = len(chosen)
        return found

    def addressed(self, objective_id: str) -> set[str]:
        """The risks an objective of the edition addresses."""
        objective = self.entities.get(objective_id)
        return set(objective.risks) if isinstance(objective, Objective) else set()

    def assessed(self) -> set[str]:
        """The threat categories a risk of the edition assesses (as the coverage view counts them)."""
        if self._assessed is None:
            self._assessed = {e.threat for e in self.entities.values() if isinstance(e, Risk)}
        return self._assessed

    def written(self, figure: Figure, *, capital: bool) -> str:
        """The number as the prose shows it."""
        number = self.count(figure)
        if not (figure.words and self.english and number <= 20):
            return str(number)
        word = SMALL[number]
        return word.capitalize() if capital else word
