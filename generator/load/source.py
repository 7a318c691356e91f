"""What the load stage produces: the raw content of each file, with every position kept."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.diagnostics import Location, location
from generator.load.yamlnodes import YMap, YNode


@dataclass(frozen=True, slots=True)
class Marking:
    """A classification level as written in Markdown, with where it was written."""

    level: str
    location: Location


@dataclass(slots=True)
class DataBlock:
    """A fenced ```` ```yaml <kind> ```` block: its kind, its parsed YAML and where it stands."""

    kind: str
    data: YNode | None
    location: Location
    kind_col: int
    """The column of the kind word in the fence line, for "unknown kind" diagnostics."""
    end_line: int
    narrative: str = ""
    """The Markdown prose after the block up to the next block or heading."""
    failed: bool = False
    """The YAML did not parse (already reported); ``text`` is all there is."""
    text: str = ""
    classification: Marking | None = None
    """A level written on the fence line, e.g. ```` ```yaml risk classification=SECRET ````."""
    section: Marking | None = None
    """The level of the classified section the block stands in, if any."""
    narrative_line: int = 0


@dataclass(slots=True)
class ProseRef:
    """A ``[[ID]]`` or ``[[ID|text]]`` reference written in prose."""

    target: str
    text: str | None
    location: Location


@dataclass(slots=True)
class Prose:
    """A run of Markdown prose between data blocks, with its first line."""

    text: str
    line: int
    section: Marking | None = None
    """The level of the classified section this prose stands in, if any."""
    narrative_of: DataBlock | None = None
    """The data block whose narrative this prose is: it shares the block's entity's level."""


Segment = Prose | DataBlock


@dataclass(slots=True)
class SourceFile:
    """One Markdown file as read: front matter, the segments in order, and its references."""

    rel_path: str
    """The path below the content folder, with '/' separators (the page's address)."""
    display_path: str
    """The path as the user should open it, used in diagnostics."""
    front_matter: YMap | None = None
    front_matter_line: int = 1
    segments: list[Segment] = field(default_factory=list)
    refs: list[ProseRef] = field(default_factory=list)
    headings: list[tuple[int, str, int]] = field(default_factory=list)
    """(level, text, line) of each heading outside code."""
    sections: list[tuple[int, int, Marking]] = field(default_factory=list)
    """Each classified section in document order: its first line index, the index after its last, its marking."""
    images: list[tuple[str, Location]] = field(default_factory=list)
    """Local images the prose shows: the path as written and where."""
    links: list[tuple[str, Location]] = field(default_factory=list)
    """Links the prose makes to files rather than web addresses: the target as written and where."""
    data_only: bool = False
    """A YAML data file (``register/risks.yml``): entities only, no chapter of its own."""

    @property
    def blocks(self) -> list[DataBlock]:
        """The data blocks in file order."""
        return [s for s in self.segments if isinstance(s, DataBlock)]

    def at(self, line: int, col: int = 1) -> Location:
        """A location in this file."""
        return location(self.display_path, line, col)


@dataclass(slots=True)
class TextFile:
    """``translations/<lang>.yml``: the text of entities in another language, by entity ID and field."""

    lang: str
    """The file's name without its extension: the language it translates into."""
    file: SourceFile
    data: YNode | None = None
    """The parsed YAML (None when it did not parse: reported)."""


@dataclass(slots=True)
class LoadedContent:
    """Everything the load stage read from a content folder."""

    root: Path
    publication: YMap | None
    publication_path: str
    files: list[SourceFile]
    texts: list[TextFile] = field(default_factory=list)
    """The translation files of entities' text (``translations/*.yml``)."""
