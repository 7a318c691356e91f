"""What a view renders to: format-neutral tables and diagrams.

The site and print renderers turn these into HTML/Markdown and pandoc/Typst, so the web
page and the printed page always carry the same rows. Text here is plain, unescaped
text: each renderer escapes it for its own format.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from generator.model import Band
from generator.words import say


@dataclass(frozen=True, slots=True)
class Link:
    """A link to an entity's page (site) or its place in the document (print)."""

    text: str
    target: str
    """The entity ID."""


@dataclass(frozen=True, slots=True)
class Marker:
    """A short text that stands for a value, e.g. a rating band's name or a RACI letter.

    Renderers may style it (a coloured chip), but the text is always shown, so colour is
    never the only signal.
    """

    text: str
    band: Band | None = None
    title: str = ""
    """A longer explanation, e.g. 'Responsible'."""
    short: str = ""
    """A shorter text where room is tight, e.g. a score's number without its band's name.

    A renderer that shows it keeps ``text`` as the marker's accessible name and explains
    the colours in the table's ``legend``.
    """


Inline = str | Link | Marker


@dataclass(slots=True)
class Cell:
    """One table cell: a run of inline parts, joined by ``separator``."""

    parts: list[Inline] = field(default_factory=list)
    separator: str = " "
    sort_key: str | None = None
    """A value to sort by when it differs from the text (numbers, dates)."""
    band: Band | None = None
    """Heat map cells: the band the cell's score falls in (shown with a text label too)."""
    header: bool = False
    """A row header (``<th scope="row">``)."""
    keep: bool = False
    """Never broken over two lines (a date)."""

    @property
    def text(self) -> str:
        """The cell as plain text."""
        return self.separator.join(p if isinstance(p, str) else p.text for p in self.parts)


def cell(
    *parts: Inline,
    separator: str = " ",
    sort_key: str | None = None,
    header: bool = False,
    band: Band | None = None,
    keep: bool = False,
) -> Cell:
    """A cell of the given parts; empty strings are dropped."""
    return Cell([p for p in parts if p != ""], separator, sort_key, band, header, keep)


@dataclass(slots=True)
class Column:
    """A column heading."""

    name: str
    abbr: str = ""
    """A short heading for narrow matrix columns; ``name`` is then its full title."""
    numeric: bool = False
    short: str = ""
    """A shorter heading where room is tight (the web), with ``name`` as its expansion."""


@dataclass(slots=True)
class Table:
    """A generated table."""

    view: str
    """The view that made it, e.g. ``register``; renderers use it for styling and ids."""
    caption: str
    columns: list[Column]
    rows: list[list[Cell]]
    wide: bool = False
    """Needs a landscape page in print (matrices with many columns)."""
    sortable: bool = False
    """Offer sorting and filtering on the web."""
    notes: list[str] = field(default_factory=list)
    """Plain-text notes shown under the table (keys, legends)."""
    empty: str = field(default_factory=lambda: say("Nothing to show."))
    """What to say when there are no rows."""
    legend: list[Marker] = field(default_factory=list)
    """What the colours of the table's markers mean, for renderers that show markers by ``short``."""
    cards: bool = False
    """On a narrow screen, show each row as a card of labelled fields instead of a table row."""
    summary_rows: int = 0
    """How many of the last rows summarise others (a register's public groups): they are not
    sorted among the rows above them, nor counted as rows."""
    noun: tuple[str, str] = ("row", "rows")
    """What one row is (singular, plural), e.g. a risk: for a filter's count."""


Draw = Callable[[Callable[[str], str | None]], str]
"""Draws an SVG, given a function from entity ID to link address (None: no link)."""


@dataclass(frozen=True, slots=True)
class Drawing:
    """One layout of a diagram, drawn at its own size (SVG px)."""

    svg: Draw
    width: float
    height: float
    smallest_text: float
    """The smallest font size it uses (px): how far it may be scaled down and stay legible."""


@dataclass(slots=True)
class Diagram:
    """A generated SVG diagram with its text alternative.

    ``svg`` is the full layout (the standalone file, a wide screen). A diagram may also have a
    ``narrow`` layout for a phone, and ``pages``, which cuts it into pieces for paper.
    """

    view: str
    caption: str
    name: str
    """A file name stem, unique in the publication, e.g. ``orgchart`` or ``timeline-OBJ-1``."""
    alt: str
    """A one-sentence text alternative."""
    svg: Draw
    """Draws the full layout."""
    width: float
    height: float
    description: list[str] = field(default_factory=list)
    """A longer text version (one line per node or bar), for readers who cannot see it."""
    smallest_text: float = 12.0
    """The smallest font size of the full layout (px)."""
    narrow: Drawing | None = None
    """A layout for a narrow box (a phone), e.g. a vertical tree: shown where the full one would shrink."""
    pages: Callable[[float, float], list[Drawing]] | None = None
    """Cuts the diagram into pieces that each fit a box of (width, height) SVG px at full size, for paper."""


Block = Table | Diagram
