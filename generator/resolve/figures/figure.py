"""What a figure is: ``{{count <kind> [key=value ...]}}`` as written, and the problem one can have."""

from __future__ import annotations

from dataclasses import dataclass

OPEN, CLOSE = "{{", "}}"


class FigureProblem(Exception):
    """A figure that cannot be read or computed; ``offset`` is where in the line it is."""

    def __init__(self, offset: int, code: str, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.offset = offset
        self.code = code
        self.message = message
        self.hint = hint


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure as written: what to count and how to write the number."""

    kind: str
    filters: tuple[tuple[str, tuple[str, ...]], ...]
    words: bool = False

    @property
    def stage(self) -> str:
        """The stage whose bands ``band`` reads."""
        return next((values[0] for key, values in self.filters if key == "stage"), "residual")


@dataclass(frozen=True, slots=True)
class Written:
    """A filter value as written, with its offset in the line, for the checks that need the publication."""

    kind: str
    key: str
    value: str
    offset: int
