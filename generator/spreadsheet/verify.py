"""Checking an import before it is written: the changed content, checked whole, in a copy beside it.

The copy links the content's files (no bytes copied) and holds the changed files in full. A
problem the check finds on a line the import wrote is reported at the sheet cell the line came
from; any other problem the import caused is reported where it stands in the content. Every
changed value must read back from the new YAML as the cell says.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import NamedTuple

from generator.diagnostics import Diagnostic, Location, Report
from generator.load.images import FORMATS as IMAGE_FORMATS
from generator.load.source import LoadedContent
from generator.pipeline import read_content
from generator.spreadsheet.cells import Plain, from_yaml
from generator.spreadsheet.columns import FILE_COLUMN, Column
from generator.spreadsheet.edits import Edit, file_lines
from generator.spreadsheet.sheet_read import Row
from generator.spreadsheet.written import written_entities


class Planned(NamedTuple):
    """A row the import writes: the row, the columns read from it, and their values."""

    row: Row
    columns: list[Column]
    values: dict[str, Plain]


_KEYS = re.compile(r"([\w-]+):")
_KEY_LINE = re.compile(r"^(\s*(?:- )?)([\w-]+):")


def check_copy(
    content: Path,
    new_texts: dict[str, tuple[str, list[tuple[Edit, int, int]]]],
    rows: dict[str, Planned],
    before: Report,
    report: Report,
) -> None:
    """Check the content with ``new_texts`` in place of its files; problems go to ``report``."""
    if not new_texts:
        return
    aside = Path(tempfile.mkdtemp(prefix=".charter-import-", dir=content.resolve().parent))
    try:
        copy = aside / content.resolve().name
        shutil.copytree(content, copy, copy_function=_link, symlinks=True)
        for path, (text, _) in new_texts.items():
            target = copy / path
            target.unlink()  # a link to the content's own file: never write through it
            target.write_text(text, encoding="utf-8", newline="")
        after = Report()
        loaded, _ = read_content(copy, after)
        shown = (os.path.normpath(str(copy)), os.path.normpath(str(content)))
        known = {(d.code, d.message) for d in before.diagnostics}
        for diagnostic in after.sorted():
            _report(diagnostic, shown, new_texts, rows, known, report)
        if not report.errors:
            _read_back(loaded, rows, report)
    finally:
        shutil.rmtree(aside, ignore_errors=True)


def _link(source: str, target: str) -> None:
    if Path(source).suffix.lower() in IMAGE_FORMATS:  # an image that is a hard link is refused: copy it
        shutil.copy2(source, target)
        return
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _report(
    diagnostic: Diagnostic,
    shown: tuple[str, str],
    new_texts: dict[str, tuple[str, list[tuple[Edit, int, int]]]],
    rows: dict[str, Planned],
    known: set[tuple[str, str]],
    report: Report,
) -> None:
    """Report a problem of the changed copy where the user can fix it: at its cell, or in the content as it is."""
    copy_root, content_root = shown
    path = diagnostic.location.path
    rel = path[len(copy_root) + 1 :] if path.startswith(copy_root + os.sep) else None
    message = diagnostic.message.replace(copy_root + os.sep, "" if content_root == "." else content_root + os.sep)
    if (diagnostic.code, message) in known:
        return  # there before the import: not the sheet's doing
    cell = _named_cell(message, rows)
    if cell is None and rel is not None and rel in new_texts:
        text, placed = new_texts[rel]
        for edit, start, end in placed:
            if start <= diagnostic.location.line < end and edit.cells:
                written = file_lines(text)[diagnostic.location.line - 1]
                cell = _cell_of(edit, written, diagnostic.location.line - start, diagnostic.location.col)
    if cell is not None:
        _add(report, diagnostic, cell, message)
        return
    where = diagnostic.location
    if rel is not None:  # at its line in the content as it is: the changed copy is gone
        line = _original_line(where.line, new_texts[rel][1]) if rel in new_texts else where.line
        shown_path = rel if content_root == "." else os.path.join(content_root, rel)
        where = Location(shown_path, line, where.col)
    _add(report, diagnostic, where, message)


_ABOUT = re.compile(r"^[\w-]+ (?P<id>[^\s.:]+(?:\.[^\s.:]+)*?)(?:\.(?P<path>[\w.\[\]-]+))?: ")


def _named_cell(message: str, rows: dict[str, Planned]) -> Location | None:
    """The cell of the field a message names (``risk R-PIR-01.residual.likelihood: ...``) in a row the sheet changed."""
    found = _ABOUT.match(message)
    if found is None:
        return None
    entity_id, path = found.group("id"), re.sub(r"\[\d+\]", "", found.group("path") or "")
    if entity_id not in rows and "." in entity_id:  # an ID with a dot in it is rare; a path is not
        entity_id, _, rest = entity_id.partition(".")
        path = f"{rest}.{path}" if path else rest
    planned = rows.get(entity_id)
    if planned is None:
        return None
    names = [c.name for c in planned.columns if c.key != FILE_COLUMN]
    fitting = [n for n in names if path == n or path.startswith(n + ".")]
    best = max(fitting, key=len, default="id")
    return planned.row.cells.get(best) or planned.row.cells.get("id")


def _original_line(line: int, placed: list[tuple[Edit, int, int]]) -> int:
    """Where a line of the changed text stood before the import's edits (one below every edit it follows)."""
    shift = 0
    for edit, _, end in placed:
        if end <= line:
            shift = end - edit.end
    return line - shift


def _cell_of(edit: Edit, line: str, index: int, col: int) -> Location:
    """The cell a problem on one of an edit's lines comes from: the column whose field names it."""
    words = set(_KEYS.findall(line[: col - 1]))
    at_col = _KEYS.match(line, col - 1)
    if at_col:
        words.add(at_col.group(1))
    keyed = [(_indent(above), above) for above in edit.lines if _KEY_LINE.match(above)]
    base = min((indent for indent, _ in keyed), default=0)
    for above in reversed(edit.lines[: index + 1]):  # the field the line is part of
        found = _KEY_LINE.match(above)
        if found and _indent(above) <= base:
            words.add(found.group(2))
            break
    best = sorted((name for name in edit.cells if set(name.split(".")) <= words), key=lambda n: -n.count("."))
    return edit.cells[best[0]] if best else next(iter(edit.cells.values()))


def _indent(line: str) -> int:
    found = _KEY_LINE.match(line)
    return len(found.group(1)) if found else 0


def _add(report: Report, diagnostic: Diagnostic, where: Location, message: str) -> None:
    add = {"error": report.error, "warning": report.warning, "note": report.note}[diagnostic.severity.value]
    add(where, diagnostic.code, message, diagnostic.hint)


def _read_back(loaded: LoadedContent, rows: dict[str, Planned], report: Report) -> None:
    written = {w.id: w for w in written_entities(loaded)}
    for entity_id, (row, used, values) in rows.items():
        entry = written.get(entity_id)
        for column in used:
            if column.key == FILE_COLUMN:
                continue
            read = from_yaml(column, entry.data) if entry is not None else None
            if read != values[column.name]:
                report.error(
                    row.cells[column.name],
                    "E-SHEET-WRITE",
                    f"{entity_id}.{column.name}: written as YAML, the value reads back as {read!r}",
                    "this is a bug in Charter: please report it with the cell's value",
                )
