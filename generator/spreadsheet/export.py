"""``charter export``: the register, the action plan and the rest as a spreadsheet, CSV or JSON.

The content must check without errors first. An edition's export is leak-checked like an
edition's site: written aside, searched for every text the edition leaves out, and only then
put where it was asked for. A failed export writes nothing.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from generator.diagnostics import Location, Report
from generator.leakcheck import codeword_secrets, find_leaks, secrets
from generator.model import Edition
from generator.pipeline import read_content
from generator.resolve import Publication
from generator.resolve.editions import for_edition
from generator.spreadsheet.cells import to_text
from generator.spreadsheet.sheets import Sheet, build_sheets, known_ids, scope_of
from generator.spreadsheet.text_formats import csv_text, json_text, write_text
from generator.spreadsheet.workbook import write_workbook
from generator.spreadsheet.written import written_entities

FORMATS = ("xlsx", "csv", "json")


class UsageError(Exception):
    """A request the command line should refuse (an unknown edition, a CSV of two kinds into one file)."""


def format_for(out: Path, given: str | None) -> str:
    """The format asked for, or the one the file name says (``register.csv``)."""
    if given:
        return given
    suffix = out.suffix.lower().lstrip(".")
    if suffix in FORMATS:
        return suffix
    raise UsageError(f"say --format xlsx, csv or json: '{out.name}' does not say which")


def export(content: Path, kinds: list[str], fmt: str, out: Path, edition_id: str | None, report: Report) -> list[Path]:
    """Write the sheets of ``kinds``; the files written, or none when the content or the export has errors."""
    loaded, publication = read_content(content, report)
    if publication is None or report.errors:
        return []
    edition = _edition(publication.settings.editions, edition_id)
    scope = scope_of(publication, edition)
    sheets = build_sheets(publication, written_entities(loaded), kinds, scope)
    title = publication.settings.title
    if fmt == "xlsx" and not _storable(sheets, report):
        return []
    targets = _targets(out, fmt, kinds)
    out_parent = targets[0].parent
    out_parent.mkdir(parents=True, exist_ok=True)
    aside = Path(tempfile.mkdtemp(prefix=".charter-export-", dir=out_parent))
    try:
        written = [aside / target.name for target in targets]
        if fmt == "xlsx":
            write_workbook(written[0], sheets, scope, known_ids(publication, sheets, scope), title)
        elif fmt == "json":
            write_text(written[0], json_text(sheets, scope, title))
        else:
            for path, sheet in zip(written, sheets, strict=True):
                write_text(path, csv_text(sheet, scope))
        if edition is not None and not _leak_free(publication, edition, aside, report):
            return []
        for path, target in zip(written, targets, strict=True):
            os.replace(path, target)
        return targets
    finally:
        shutil.rmtree(aside, ignore_errors=True)


def _storable(sheets: list[Sheet], report: Report) -> bool:
    """Whether a workbook can store every text (it refuses control characters); each one it cannot, reported."""
    fine = True
    for sheet in sheets:
        for row, entry in zip(sheet.rows, sheet.written, strict=True):
            for column in sheet.columns:
                text = to_text(column, row.get(column.name))
                found = ILLEGAL_CHARACTERS_RE.search(text)
                if found:
                    fine = False
                    report.error(
                        entry.file.at(*entry.node.key_pos.get(column.key, (entry.node.line, entry.node.col))),
                        "E-EXPORT-CHARACTER",
                        f"{sheet.kind} {entry.id}.{column.name}: the control character U+{ord(found.group()):04X} "
                        "cannot be stored in a spreadsheet",
                        "delete it from the text (it is invisible), or export as CSV or JSON",
                    )
    return fine


def _edition(editions: list[Edition], wanted: str | None) -> Edition | None:
    if wanted is None:
        return None
    for edition in editions:
        if edition.id == wanted:
            return edition
    names = ", ".join(e.id for e in editions)
    raise UsageError(f"no edition '{wanted}' in publication.yml (editions: {names})")


def _targets(out: Path, fmt: str, kinds: list[str]) -> list[Path]:
    """Where each file goes: one file, or for CSV of several kinds one file per kind in the folder ``out``."""
    if fmt != "csv" or len(kinds) == 1:
        if out.is_dir():
            raise UsageError(f"--out '{out}' is a folder; name the file to write")
        return [out]
    if out.exists() and not out.is_dir():
        raise UsageError(f"a CSV holds one kind: name a folder for {len(kinds)} kinds, not the file '{out}'")
    return [out / f"{kind}.csv" for kind in kinds]


def _leak_free(publication: Publication, edition: Edition, folder: Path, report: Report) -> bool:
    cut = for_edition(publication, edition, Report())
    hidden = secrets(publication, cut) + codeword_secrets(publication.codewords, cut)
    leaks = find_leaks(folder, hidden)
    for leak in leaks:
        origin: Location = leak.secret.origin
        report.error(origin, "E-EXPORT-LEAK", f"the {edition.id} export {leak.format()}", "nothing was written")
    return not leaks
