"""Classification levels as written in content: what each folder, file, section, block and entity carries.

The most specific marking wins, but never downward: nothing can lower the level of what
contains it. A file marked below its folder, a section below its file or the section
around it, a block below its section, an entity below its block, a field below its
entity: each is an error at its marking, not a way out, and is read at its container's
level so that nothing above an edition reaches it.

A folder carries a level through the ``classification`` of its ``index.md`` front
matter: every file below it without a marking of its own gets that level.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from generator.diagnostics import Location, Report, did_you_mean
from generator.load.source import Marking, SourceFile
from generator.load.yamlnodes import YScalar
from generator.model import Settings


@dataclass(frozen=True, slots=True)
class Container:
    """What holds a piece of content, and the level it gives what it holds."""

    level: str
    what: str
    """How a diagnostic names it: 'the file', 'the section "Tasking" (line 12)'."""
    explicit: bool = True
    """False for the publication's default level, which a marking may go below."""


class Levels:
    """Reads the markings of one publication against its ordered levels."""

    def __init__(self, settings: Settings, report: Report) -> None:
        self.settings = settings
        self.report = report
        self.reported: set[Marking] = set()
        self.folders: dict[str, Container] = {}
        self.guessed: list[str] = []
        """Where a marking that names no level was read as the highest (reported)."""

    @property
    def default(self) -> Container:
        """The publication's default level: what an unmarked file outside marked folders carries."""
        return Container(self.settings.default_level, "the publication's default level", explicit=False)

    def rank(self, level: str) -> int:
        """A level's place in the order, lowest first; an unknown level ranks highest."""
        levels = self.settings.levels
        return levels.index(level) if level in levels else len(levels)

    def marking(self, marking: Marking | None) -> str | None:
        """The level a Markdown marking names, reported (once) when it is not one of the publication's."""
        if marking is None:
            return None
        levels = self.settings.levels
        if marking.level in levels:
            return marking.level
        if marking not in self.reported:
            self.reported.add(marking)
            self.report.error(
                marking.location,
                "E-CLASSIFICATION",
                f"unknown classification '{marking.level}'",
                did_you_mean(marking.level, levels) or "use one of: " + ", ".join(levels),
            )
        self.guessed.append(str(marking.location))
        return levels[-1]  # an unreadable marking is read as the most restricted

    def within(self, own: str, where: Location, what: str, container: Container) -> str:
        """``own``, the level ``what`` is marked with at ``where``, checked against its container.

        Returns the level it carries: its own, or its container's when it is marked lower.
        """
        if not container.explicit or self.rank(own) >= self.rank(container.level):
            return own
        self.report.error(
            where,
            "E-CLASSIFICATION-LOWER",
            f"{what} is marked {own} inside {container.what}, which carries {container.level}",
            f"nothing can lower the level of what holds it: mark it {container.level} or higher, or move it out",
        )
        return container.level

    def read_folders(self, files: list[SourceFile]) -> None:
        """The level each marked folder gives its files, from its ``index.md``."""
        marked: dict[str, tuple[str, Location]] = {}
        for file in files:
            folder, _, name = file.rel_path.rpartition("/")
            matter = file.front_matter
            if name != "index.md" or not folder or matter is None:
                continue
            node = matter.items.get("classification")
            if isinstance(node, YScalar) and node.text.strip() in self.settings.levels:
                line, col = matter.key_pos["classification"]
                marked[folder] = (node.text.strip(), file.at(line, col))
        for folder in sorted(marked):  # a folder sorts before the folders inside it
            level, where = marked[folder]
            parent = self.folder_of(folder)
            if parent is not None:
                level = self.within(level, where, f"the folder {folder}/", parent)
            self.folders[folder] = Container(level, f"the folder {folder}/ (its index.md)")

    def folder_of(self, folder: str) -> Container | None:
        """The marked folder nearest above ``folder``, excluding ``folder`` itself."""
        while folder:
            folder = posixpath.dirname(folder)
            if folder in self.folders:
                return self.folders[folder]
        return None

    def file_container(self, file: SourceFile) -> Container:
        """What holds a file: its nearest marked folder, or the publication's default."""
        folder = posixpath.dirname(file.rel_path)
        if posixpath.basename(file.rel_path) != "index.md" and folder in self.folders:
            return self.folders[folder]
        return self.folder_of(folder) or self.default

    def marks_folder(self, file: SourceFile) -> Container | None:
        """The level a folder's ``index.md`` gives its folder (already checked), or None for any other file."""
        folder, _, name = file.rel_path.rpartition("/")
        return self.folders.get(folder) if name == "index.md" and folder else None

    def sections(self, file: SourceFile, outer: Container) -> dict[Marking, Container]:
        """Each classified section of a file, with the level it carries (checked against what holds it)."""
        found: dict[Marking, Container] = {}
        spans = file.sections
        headings = {line - 1: text for _, text, line in file.headings}
        for index, (start, _end, marking) in enumerate(spans):
            parent = outer
            for p_start, p_end, p_marking in spans[:index]:
                if p_start <= start < p_end:
                    parent = found[p_marking]
            title = headings.get(start, "")
            what = f'the section "{title}"' if title else "the section"
            level = self.within(self.marking(marking) or outer.level, marking.location, what, parent)
            found[marking] = Container(level, f"{what} (line {start + 1})")
        return found

    def section_at(self, file: SourceFile, line_index: int, sections: dict[Marking, Container]) -> Container | None:
        """The innermost classified section holding a line, if any."""
        found = None
        for start, end, marking in file.sections:
            if start <= line_index < end:
                found = sections.get(marking)
        return found
