"""The edition's open data on the site: each data table as CSV and JSON, and ``publication.json``.

The files go in ``data/`` below the edition's site (a folder no chapter or entity may take),
beside the page that documents them. Every file carries the edition's marking: a CSV file
as its first line, ``# <marking>``; a JSON file as its ``classification`` key.

CSV files are UTF-8 (no byte order mark) with CRLF line ends and RFC 4180 quoting, the
marking line, then one header row of column keys. A list (of IDs) is joined by ``'; '``; an
empty cell has no value. A text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return is written with a ``'`` in front, so a spreadsheet shows it as text instead
of running it as a formula.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from generator.csv_cells import text_cell
from generator.render_site.context import PageContext
from generator.render_site.escape import esc
from generator.render_site.links import DATA_FOLDER
from generator.resolve import Publication
from generator.views.open_data import DataTable, Value
from generator.views.publication_data import publication_data
from generator.views.publication_schema import publication_schema
from generator.words import say

PUBLICATION_FILE = "publication.json"
SCHEMA_FILE = "publication.schema.json"
LIST_SEPARATOR = "; "
MEDIA_TYPES = {"CSV": "text/csv", "JSON": "application/json"}


def data_path(name: str) -> str:
    """A data file's path below the site root: ``data/register.csv``."""
    return f"{DATA_FOLDER}/{name}"


def marking_line(publication: Publication) -> str:
    """The first line of every CSV file: ``# PUBLIC``."""
    return "# " + " ".join(publication.marking.split())


def csv_cell(value: Value) -> str:
    """One CSV cell: lists joined, numbers as written, a text a spreadsheet would run made text."""
    if value is None:
        return ""
    if isinstance(value, list):
        text = LIST_SEPARATOR.join(value)
    elif isinstance(value, (int, float)):
        return str(value)
    else:
        text = value
    return text_cell(text)


def csv_text(table: DataTable, publication: Publication) -> str:
    """A data table as a CSV file: the marking line, the header row, then the rows."""
    out = io.StringIO()
    out.write(marking_line(publication) + "\r\n")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([column.key for column in table.columns])
    for row in table.rows:
        writer.writerow([csv_cell(row[column.key]) for column in table.columns])
    return out.getvalue()


def _head(publication: Publication) -> dict[str, Any]:
    settings = publication.settings
    edition = publication.edition
    return {
        "classification": publication.marking,
        "edition": edition.id if edition else None,
        "publication": settings.title,
        "version": settings.version,
        "date": settings.date.isoformat(),
    }


def json_text(table: DataTable, publication: Publication) -> str:
    """A data table as a JSON file: the marking and the publication, the columns, then one object per row."""
    document = {
        **_head(publication),
        "table": table.name,
        "title": table.title,
        "columns": [{"key": c.key, "type": c.type, "meaning": c.meaning} for c in table.columns],
        "rows": table.rows,
    }
    return _dumps(document)


HTML_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})
"""JSON's own escapes for the characters of markup: the text reads the same, and a page or a
tool that drops it into HTML unescaped still shows text, never markup (as Go's encoder does)."""


def _dumps(document: Any) -> str:
    """A JSON file: UTF-8 text, indented, with no character of markup written as itself."""
    return json.dumps(document, ensure_ascii=False, indent=1).translate(HTML_SAFE) + "\n"


def data_files(publication: Publication, tables: list[DataTable]) -> dict[str, str]:
    """Every data file of the edition (its data ``tables`` and ``publication.json``), by path below the site root."""
    files: dict[str, str] = {}
    for table in tables:
        files[data_path(f"{table.name}.csv")] = csv_text(table, publication)
        files[data_path(f"{table.name}.json")] = json_text(table, publication)
    files[data_path(PUBLICATION_FILE)] = _dumps(publication_data(publication, schema=SCHEMA_FILE))
    files[data_path(SCHEMA_FILE)] = _dumps(publication_schema(publication.settings))
    return files


def file_links(name: str, page: PageContext) -> str:
    """Links to a data table's CSV and JSON files, from ``page``."""
    return ", ".join(
        f'<a href="{esc(page.file(data_path(f"{name}.{fmt.lower()}")))}" type="{MEDIA_TYPES[fmt]}">{fmt}</a>'
        for fmt in ("CSV", "JSON")
    )


def download_line(name: str, page: PageContext, *, whole: bool) -> str:
    """The line under a view's table: 'Download this table: CSV, JSON', and what the columns hold.

    A filtered view shows part of the table, and the files hold all of it (``whole`` False).
    """
    about = f'<a href="{esc(page.page(DATA_FOLDER))}">{say("what each column holds")}</a>'
    links = file_links(name, page)
    if whole:
        line = say("Download this table: {links} ({about})", links=links, about=about)
    else:
        line = say("Download the whole table: {links} ({about})", links=links, about=about)
    return f'<p class="charter-data-download">{line}</p>'
