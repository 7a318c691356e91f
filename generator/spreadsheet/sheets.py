"""The rows of each kind's sheet, from the entities as written, in one edition's view.

The whole publication (no edition) holds every entity and every field: it is the sheet a
drafter edits and imports again. An edition's sheet holds what the edition's readers may see:
an entity above its level is left out, and a field ``restricted:`` above it is left empty.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.model import Edition
from generator.resolve import Publication
from generator.resolve.editions import rank
from generator.spreadsheet.cells import Plain, from_yaml
from generator.spreadsheet.columns import FILE_COLUMN, Column, columns
from generator.spreadsheet.written import Written

MARKING_PREFIX = "# "
"""A CSV's first line: ``# <marking> | charter export | kind: <kind> | edition: <edition>``."""


@dataclass(slots=True)
class Sheet:
    """One kind's table: its columns and one row per entity (each a column name → plain value)."""

    kind: str
    columns: list[Column]
    rows: list[dict[str, Plain]] = field(default_factory=list)
    written: list[Written] = field(default_factory=list)
    """Where each row's entity is written, in the rows' order."""


@dataclass(frozen=True, slots=True)
class Scope:
    """Which view a sheet is in: the whole publication, or an edition."""

    marking: str
    edition: Edition | None = None

    @property
    def name(self) -> str:
        """The edition's ID, or ``all`` for the whole publication."""
        return self.edition.id if self.edition else "all"

    def header_line(self, kind: str) -> str:
        """The comment line a CSV starts with: the marking first, as every output carries it."""
        return f"{MARKING_PREFIX}{self.marking} | charter export | kind: {kind} | edition: {self.name}"


def scope_of(publication: Publication, edition: Edition | None) -> Scope:
    """The marking a sheet carries: the edition's level, or the highest level an entity carries."""
    if edition is not None:
        return Scope(edition.level, edition)
    levels = publication.settings.levels
    used = {e.classification for e in publication.entities.values()}
    used.update(level for e in publication.entities.values() for level in e.restricted.values())
    return Scope(max(used & set(levels), key=levels.index, default=publication.settings.default_level))


def build_sheets(publication: Publication, written: list[Written], kinds: list[str], scope: Scope) -> list[Sheet]:
    """Each kind's sheet, rows in the order the content writes the entities."""
    settings = publication.settings
    sheets = {kind: Sheet(kind, columns(kind, settings)) for kind in kinds}
    top = rank(settings, scope.edition.level) if scope.edition else len(settings.levels)
    shown = {e.id for e in publication.entities.values() if rank(settings, e.classification) <= top}
    for entry in written:
        sheet = sheets.get(entry.kind)
        entity = publication.entities.get(entry.id)
        if sheet is None or entity is None:
            continue
        if entity.id not in shown:
            continue
        hidden = {key for key, level in entity.restricted.items() if rank(settings, level) > top}
        if scope.edition is not None:
            hidden.add(
                "restricted"
            )  # which fields an edition withholds, and at what level, is not its readers' to know
        row: dict[str, Plain] = {}
        for column in sheet.columns:
            if column.key == FILE_COLUMN:
                row[column.name] = entry.file.rel_path
            elif column.key not in hidden:
                row[column.name] = _shown_refs(column, from_yaml(column, entry.data), shown)
            else:
                row[column.name] = None
        sheet.rows.append(row)
        sheet.written.append(entry)
    return [sheets[kind] for kind in kinds]


def _shown_refs(column: Column, value: Plain, shown: set[str]) -> Plain:
    """A reference column without the IDs of entities the view leaves out: an edition names none of them."""
    if not column.refers or value is None:
        return value
    if isinstance(value, tuple):
        return tuple(v for v in value if v in shown) or None
    return value if value in shown else None


def known_ids(publication: Publication, sheets: list[Sheet], scope: Scope) -> dict[str, list[str]]:
    """The IDs of each kind a drafter may pick in a reference column: what the sheet's view shows."""
    settings = publication.settings
    top = rank(settings, scope.edition.level) if scope.edition else len(settings.levels)
    ids: dict[str, list[str]] = {}
    for entity in publication.entities.values():
        if rank(settings, entity.classification) <= top:
            ids.setdefault(entity.KIND, []).append(entity.id)
    for sheet in sheets:  # what the sheets themselves hold, in their order
        ids[sheet.kind] = [str(row["id"]) for row in sheet.rows if row.get("id")]
    return ids
