"""The open data page: every data file of the edition, and what each column and key holds.

Written from the same column declarations (:mod:`generator.views.open_data`) and the same
JSON Schema (:mod:`generator.views.publication_schema`) the files are written from, so the
page never drifts from the files.
"""

from __future__ import annotations

from typing import Any

from generator.csv_cells import FORMULA_STARTS
from generator.render_site.context import PageContext
from generator.render_site.escape import esc, md_inline
from generator.render_site.fragments import block, item_list, paragraph
from generator.render_site.open_data import (
    DATA_FOLDER,
    LIST_SEPARATOR,
    PUBLICATION_FILE,
    SCHEMA_FILE,
    data_path,
    file_links,
    marking_line,
)
from generator.render_site.render import Page, Renderer
from generator.render_site.tables import render_table
from generator.views.blocks import Column, Table, cell
from generator.views.open_data import TYPES, DataTable
from generator.views.publication_schema import publication_schema

TITLE = "Open data"


def data_page(site: Renderer, files: dict[str, str]) -> Page:
    """The page at ``data/``: the files, how they are written, and every column and key."""
    publication = site.publication
    page = site.context(DATA_FOLDER)
    tables = site.data_tables
    marking = publication.marking
    body = f"# {TITLE}\n" + block(
        paragraph(
            "The register, the action plan, the indicators and the RACI matrix of this edition are published "
            "as data, each table as a CSV file and a JSON file, and the whole edition as one JSON file, so "
            "that other tools can read them without copying the pages. Every file carries this edition's "
            f"marking, {marking}.",
            "charter-lead",
        ),
        render_table(_files_table(tables, files), page),
    )
    body += "\n## How the files are written\n" + block(_conventions(publication.marking, marking_line(publication)))
    for table in tables:
        body += f"\n## {md_inline(table.title)}: {table.name}.csv, {table.name}.json\n"
        body += block(
            f"<p>{file_links(table.name, page)}. One row per row of the {esc(table.title.lower())} table, "
            "in the same order.</p>",
            render_table(_columns_table(table), page),
        )
    body += f"\n## The whole edition: {PUBLICATION_FILE}\n" + block(*_publication_parts(site, page))
    description = f"The data files of {publication.settings.title}, and what each column holds."
    return Page(DATA_FOLDER, TITLE, body, description=description)


def _size(text: str) -> str:
    return f"{max(1, round(len(text.encode('utf-8')) / 1024))} KB"


def _link(path: str, name: str, page: PageContext) -> str:
    return f'<a href="{esc(page.file(path))}">{esc(name)}</a>'


def _files_table(tables: list[DataTable], files: dict[str, str]) -> Table:
    rows = []
    for table in tables:
        for fmt in ("csv", "json"):
            path = data_path(f"{table.name}.{fmt}")
            rows.append([cell(path.rsplit("/", 1)[-1], header=True), cell(table.title), cell(_size(files[path]))])
    for name, what in (
        (PUBLICATION_FILE, "Every entity of the edition"),
        (SCHEMA_FILE, "The JSON Schema of publication.json"),
    ):
        rows.append([cell(name, header=True), cell(what), cell(_size(files[data_path(name)]))])
    columns = [Column("File"), Column("What it holds"), Column("Size", numeric=True)]
    return Table("data-files", "Data files", columns, rows)


def _conventions(marking: str, line: str) -> str:
    starts = " ".join(f"<code>{esc(s)}</code>" for s in FORMULA_STARTS if s.isprintable())
    csv_items = [
        f"UTF-8 text, lines ending CRLF, quoted as RFC 4180 has it. The first line is the marking, "
        f"<code>{esc(line)}</code>; the second holds the column keys; then one line per row. "
        "Skip the first line when you read a file (in pandas, <code>skiprows=1</code>).",
        f"A list of IDs is joined by <code>{esc(LIST_SEPARATOR)}</code>. An empty cell has no value: "
        "the row has none, or this edition withholds it.",
        f"A text that starts with {starts} (or a tab) is written with a <code>'</code> in front, so that a "
        "spreadsheet shows it as text and never runs it as a formula.",
    ]
    json_items = [
        f"UTF-8. The key <code>classification</code> holds the marking (<code>{esc(marking)}</code>); "
        "<code>edition</code>, <code>publication</code>, <code>version</code> and <code>date</code> say which "
        "edition the file comes from.",
        "<code>columns</code> lists each column's key, kind of value and meaning; <code>rows</code> holds one "
        "object per row, keyed by the columns' keys, with <code>null</code> where the CSV cell is empty and a "
        "list where it joins IDs.",
    ]
    return (
        "<p><strong>CSV files</strong></p>"
        + item_list(csv_items, css="charter-list")
        + "<p><strong>JSON files</strong></p>"
        + item_list(json_items, css="charter-list")
    )


def _columns_table(table: DataTable) -> Table:
    rows = [[cell(c.key, header=True), cell(TYPES[c.type]), cell(c.meaning)] for c in table.columns]
    caption = f"Columns of {table.name}.csv and {table.name}.json"
    return Table("data-columns", caption, [Column("Column"), Column("Value"), Column("Meaning")], rows)


def _publication_parts(site: Renderer, page: PageContext) -> list[str]:
    schema = publication_schema(site.publication.settings)
    intro = (
        f"<p>{_link(data_path(PUBLICATION_FILE), PUBLICATION_FILE, page)} holds every entity this edition shows, "
        "by kind, each with its fields under the keys the content writes them with, as this edition shows them "
        "(a withheld field is absent), the IDs it refers to and the entities that refer to it. Its shape is "
        f"described by a JSON Schema (draft 2020-12), {_link(data_path(SCHEMA_FILE), SCHEMA_FILE, page)}.</p>"
    )
    parts = [intro, render_table(_keys_table("The file's keys", schema), page)]
    defs = schema["$defs"]
    kinds = schema["properties"]["entities"]["properties"]
    for kind in kinds:
        parts.append(render_table(_keys_table(f"Keys of each {kind} (entities.{kind})", defs[kind]), page))
    parts.append(render_table(_keys_table("Keys of a score (inherent, residual, target)", defs["assessment"]), page))
    return parts


def _keys_table(caption: str, schema: dict[str, Any]) -> Table:
    required = set(schema.get("required", ()))
    rows = [
        [
            cell(key, header=True),
            cell(_kind_of_value(prop) + ("" if key in required else ", optional")),
            cell(prop.get("description", "")),
        ]
        for key, prop in schema["properties"].items()
        if key != "$schema"
    ]
    return Table("data-keys", caption, [Column("Key"), Column("Value"), Column("Meaning")], rows)


def _kind_of_value(prop: dict[str, Any]) -> str:
    """A schema's value in words: 'text', 'list of texts', 'a score', 'one of: ...'."""
    if "$ref" in prop:
        return "a score" if prop["$ref"].endswith("assessment") else "an object"
    if "const" in prop:
        return f"always {json_scalar(prop['const'])}"
    if "enum" in prop:
        return "one of " + ", ".join(json_scalar(v) for v in prop["enum"])
    kind = prop.get("type")
    if kind == "array":
        return "list of " + _plural(_kind_of_value(prop.get("items", {})))
    if kind == "object":
        return "an object"
    names = {"string": "text", "integer": "whole number", "number": "number", "boolean": "true or false"}
    if prop.get("format") == "date":
        return "date, YYYY-MM-DD"
    if "anyOf" in prop:
        return " or ".join(_kind_of_value(option) for option in prop["anyOf"])
    return names.get(str(kind), "null" if kind == "null" else "value")


def _plural(words: str) -> str:
    if words.startswith("one of "):
        return "values, each " + words
    return {"text": "texts", "an object": "objects", "a score": "scores"}.get(words, words)


def json_scalar(value: Any) -> str:
    """A JSON value as the page shows it."""
    return f"'{value}'" if isinstance(value, str) else str(value).lower() if isinstance(value, bool) else str(value)


def open_data_section(site: Renderer, page: PageContext) -> str:
    """The landing page's list of data files, and a link to the page that explains them."""
    items = [
        f'<span class="charter-download__title">{esc(table.title)}</span> {file_links(table.name, page)}'
        for table in site.data_tables
    ]
    items.append(
        '<span class="charter-download__title">The whole edition</span> '
        f"{_link(data_path(PUBLICATION_FILE), 'JSON', page)} "
        f"(schema: {_link(data_path(SCHEMA_FILE), SCHEMA_FILE, page)})"
    )
    about = f'<p><a href="{esc(page.page(DATA_FOLDER))}">What the data files hold</a></p>'
    return item_list(items, css="charter-downloads") + about
