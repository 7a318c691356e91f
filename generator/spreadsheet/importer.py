"""``charter import``: a sheet's changes written into the data blocks its entities are written in.

1. The sheet is read, and every cell checked against its column (a date written 31/03/2028, a
   score that is not a number): each problem at its cell, all of them at once.
2. Each row is compared with its entity as written; only the fields whose value changed are
   written again (:mod:`generator.spreadsheet.edits`). A row with a new ID becomes a new data
   block at the end of the file its ``file`` cell names. An entity the sheet lacks is kept and
   reported, never deleted.
3. The changed content is checked in a copy beside the content folder, as ``charter check``
   would; a problem on a changed line is reported at the cell it came from.
4. Only when nothing is an error are the changed files written, each whole or not at all.
"""

from __future__ import annotations

import difflib
import os
import shutil
import tempfile
from pathlib import Path

from generator.diagnostics import Location, Report
from generator.load import PUBLICATION_FILE, SITE_CONFIGS
from generator.load.datafile import DATA_SUFFIXES, is_data_file
from generator.pipeline import read_content
from generator.spreadsheet.cells import CellError, Plain, from_cell, from_yaml
from generator.spreadsheet.columns import FILE_COLUMN, Column, columns
from generator.spreadsheet.edits import Edit, apply, entity_end, entity_lines, field_edits, file_lines, new_block
from generator.spreadsheet.sheet_read import Row, Table, Unread, read_sheet
from generator.spreadsheet.value_build import build_value
from generator.spreadsheet.verify import Planned, check_copy
from generator.spreadsheet.written import Written, written_entities


def import_sheet(sheet: Path, content: Path, report: Report, *, dry_run: bool = False) -> list[str] | None:
    """Apply the sheet to the content; the changes made (one line an entity), or None when any problem is an error."""
    tables = read_sheet(sheet, report)
    if not tables:
        return None
    before = Report()
    loaded, publication = read_content(content, before)
    if publication is None or before.errors:
        count = len(before.errors) or 1
        report.error(
            Location(str(sheet), 1, 1),
            "E-SHEET-CONTENT",
            f"the content has {count} error{'s' * (count != 1)}: nothing was imported",
            "run charter check, fix what it reports, then import again",
        )
        return None
    found = written_entities(loaded)
    plan = _Plan(content, {w.id: w for w in found})
    for table in tables:
        plan.table(table, columns(table.kind, publication.settings), found, report)
    # Checked even when a cell could not be read: the rest of the sheet's problems are found too.
    new_texts = {path: apply(plan.text(path), edits) for path, edits in plan.edits.items()}
    check_copy(content, new_texts, plan.rows, before, report)
    if report.errors:
        return None
    if not dry_run:
        for path, (text, _) in new_texts.items():
            _replace(content / path, text)
    return plan.changes


class _Plan:
    """What the sheet changes: the edits by file, and a line per entity to tell the user."""

    def __init__(self, content: Path, written: dict[str, Written]) -> None:
        self.content = content
        self.written = written
        self.edits: dict[str, list[Edit]] = {}
        self.changes: list[str] = []
        self.rows: dict[str, Planned] = {}
        """Each changed or new entity's row and its values, to check they read back so."""
        self._texts: dict[str, str] = {}

    def text(self, path: str) -> str:
        if path not in self._texts:
            self._texts[path] = (self.content / path).read_bytes().decode("utf-8")
        return self._texts[path]

    def table(self, table: Table, cols: list[Column], found: list[Written], report: Report) -> None:
        known = {c.name: c for c in cols}
        if table.edition is None:
            report.error(
                table.where,
                "E-SHEET-EDITION",
                f"the {table.kind} sheet does not say whether it holds everything or an edition's view",
                "import a sheet as charter export wrote it: keep a CSV's first line and a workbook's 'about' sheet",
            )
            return
        if table.edition != "all":
            report.error(
                table.where,
                "E-SHEET-EDITION",
                f"this sheet is the {table.edition} edition's view: what that edition withholds is empty in it",
                "export without --edition to get a sheet you can import",
            )
            return
        used: list[Column] = []
        for name, cell in zip(table.header, table.header_cells, strict=True):
            if name in known:
                used.append(known[name])
            elif name:
                close = difflib.get_close_matches(name, list(known), n=1)
                hint = f"did you mean '{close[0]}'?" if close else "use the column names charter export writes"
                report.error(cell, "E-SHEET-COLUMN", f"{table.kind} sheet: unknown column '{name}'", hint)
        if "id" not in table.header:
            report.error(table.where, "E-SHEET-COLUMN", f"{table.kind} sheet: no 'id' column", "keep the id column")
            return
        seen: dict[str, Location] = {}
        for row in table.rows:
            self._row(table, row, used, seen, report)
        for entry in found:
            if entry.kind == table.kind and entry.id not in seen:
                report.warning(
                    table.where,
                    "W-SHEET-MISSING",
                    f"{entry.kind} {entry.id} ({entry.file.display_path}:{entry.node.line}) is not in the sheet: "
                    "it is kept",
                    "to remove an entity, delete its data in its file",
                )

    def _row(self, table: Table, row: Row, used: list[Column], seen: dict[str, Location], report: Report) -> None:
        raw_id = row.values.get("id")
        if isinstance(raw_id, Unread):
            return  # reported where it was read
        entity_id = str(raw_id or "").strip()
        if not entity_id:
            report.error(row.cells.get("id", row.start), "E-SHEET-ID", f"{table.kind} sheet: a row without an ID")
            return
        if entity_id in seen:
            report.error(
                row.cells["id"], "E-SHEET-ID", f"{entity_id} is in the sheet twice", f"first at {seen[entity_id]}"
            )
            return
        seen[entity_id] = row.cells["id"]
        values: dict[str, Plain] = {}
        for column in used:
            if isinstance(row.values.get(column.name), Unread):
                continue
            try:
                values[column.name] = from_cell(column, row.values.get(column.name))
            except CellError as problem:
                at = f"{table.kind} {entity_id}.{column.name}"
                report.error(row.cells[column.name], "E-SHEET-VALUE", f"{at}: {problem}", problem.hint or None)
        read = [c for c in used if c.name in values]  # a cell that cannot be read is left as it is written
        existing = self.written.get(entity_id)
        if existing is not None and existing.kind != table.kind:
            where = f"{existing.file.display_path}:{existing.node.line}"
            report.error(
                row.cells["id"], "E-SHEET-ID", f"{entity_id} is a {existing.kind} ({where}), not a {table.kind}"
            )
        elif existing is not None:
            self._update(table, row, read, values, existing, report)
        else:
            self._add(table, row, read, values, report)

    def _update(
        self, table: Table, row: Row, used: list[Column], values: dict[str, Plain], existing: Written, report: Report
    ) -> None:
        changed: dict[str, list[Column]] = {}
        for column in used:
            if column.key == FILE_COLUMN:
                moved = values[column.name]
                if moved is not None and moved != existing.file.rel_path:
                    report.warning(
                        row.cells[column.name],
                        "W-SHEET-FILE",
                        f"{existing.id} is written in {existing.file.rel_path}: import does not move it to {moved}",
                        "move its data block by hand",
                    )
            elif values[column.name] != from_yaml(column, existing.data):
                changed.setdefault(column.key, []).append(column)
        if not changed:
            return
        new = {key: build_value(key, used, values, existing.data) for key in changed}
        cells = {key: {c.name: row.cells[c.name] for c in cols} for key, cols in changed.items()}
        lines = file_lines(self.text(existing.file.rel_path))
        self.edits.setdefault(existing.file.rel_path, []).extend(field_edits(existing, new, lines, cells))
        names = ", ".join(c.name for cols in changed.values() for c in cols)
        self.changes.append(f"{existing.kind} {existing.id} ({existing.file.rel_path}): {names}")
        self.rows[existing.id] = Planned(row, used, values)

    def _add(self, table: Table, row: Row, used: list[Column], values: dict[str, Plain], report: Report) -> None:
        entity_id = str(values["id"])
        file = values.get(FILE_COLUMN)
        at = row.cells.get(FILE_COLUMN, row.cells["id"])
        target = self.content / str(file) if file else None
        if file is None or target is None or not _inside(target, self.content) or not target.is_file():
            shown = f"'{file}' is not a chapter or data file of the content" if file else "no file is named"
            report.error(
                at,
                "E-SHEET-FILE",
                f"{table.kind} {entity_id} is new, and {shown}",
                "name the chapter to write it in, e.g. register/piracy.md, in its file column",
            )
            return
        keys = dict.fromkeys(c.key for c in used if c.key != FILE_COLUMN and values[c.name] is not None)
        data = {key: build_value(key, used, values, {}) for key in keys}
        path = Path(str(file)).as_posix()
        text_lines = file_lines(self.text(path))
        end = len(text_lines) + 1
        cells = {c.name: row.cells[c.name] for c in used}
        if is_data_file(path):  # one more item of the file's list, after its last
            here = [w for w in self.written.values() if w.file.rel_path == path]
            if not here or here[-1].kind != table.kind or not here[-1].in_list:
                holds = f"holds {here[-1].kind} entities" if here else "holds no entity to follow"
                report.error(
                    at,
                    "E-SHEET-FILE",
                    f"{table.kind} {entity_id} is new, and {path} {holds}",
                    f"name a chapter, or a data file listing {table.kind} entities (write its first one by hand)",
                )
                return
            last = here[-1]
            item_line = text_lines[last.node.line - 1]
            dash = item_line.index("-") if "-" in item_line else 2
            lines = entity_lines(table.kind, data, " " * dash, in_list=True)
            end = entity_end(last, text_lines)
        else:
            lines = new_block(table.kind, data)
        self.edits.setdefault(path, []).append(Edit(path, end, end, lines, cells))
        self.changes.append(f"{table.kind} {entity_id} ({path}): new")
        self.rows[entity_id] = Planned(row, used, values)


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    rel = path.relative_to(root)
    if rel.as_posix() in (PUBLICATION_FILE, *SITE_CONFIGS):
        return False
    return path.suffix in (".md", *DATA_SUFFIXES) and not any(
        part.startswith(".") for part in path.relative_to(root).parts
    )


def _replace(path: Path, text: str) -> None:
    """Write a file whole or not at all: beside it first, then in its place."""
    handle, aside = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        shutil.copymode(path, aside)
        os.replace(aside, path)
    except BaseException:
        Path(aside).unlink(missing_ok=True)
        raise
