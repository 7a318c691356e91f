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
from generator.views.open_data import DataTable, value_types
from generator.views.publication_schema import publication_schema
from generator.views.text import either
from generator.words import say


def data_page(site: Renderer, files: dict[str, str]) -> Page:
    """The page at ``data/``: the files, how they are written, and every column and key."""
    publication = site.publication
    page = site.context(DATA_FOLDER)
    tables = site.data_tables
    marking = publication.marking
    title = say("Open data")
    body = f"# {title}\n" + block(
        paragraph(
            say(
                "The register, the action plan, the indicators and the RACI matrix of this edition are published "
                "as data, each table as a CSV file and a JSON file, and the whole edition as one JSON file, so "
                "that other tools can read them without copying the pages. Every file carries this edition's "
                "marking, {marking}.",
                marking=marking,
            ),
            "charter-lead",
        ),
        render_table(_files_table(tables, files), page),
    )
    body += f"\n## {say('How the files are written')}\n" + block(
        _conventions(publication.marking, marking_line(publication))
    )
    for table in tables:
        body += f"\n## {md_inline(table.title)}: {table.name}.csv, {table.name}.json\n"
        rows = say(
            "{links}. One row per row of the {table} table, in the same order.",
            links=file_links(table.name, page),
            table=esc(table.title.lower()),
        )
        body += block(
            f"<p>{rows}</p>",
            render_table(_columns_table(table), page),
        )
    body += f"\n## {say('The whole edition: {file}', file=PUBLICATION_FILE)}\n" + block(*_publication_parts(site, page))
    description = say("The data files of {title}, and what each column holds.", title=publication.settings.title)
    return Page(DATA_FOLDER, title, body, description=description)


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
        (PUBLICATION_FILE, say("Every entity of the edition")),
        (SCHEMA_FILE, say("The JSON Schema of publication.json")),
    ):
        rows.append([cell(name, header=True), cell(what), cell(_size(files[data_path(name)]))])
    columns = [Column(say("File")), Column(say("What it holds")), Column(say("Size"), numeric=True)]
    return Table("data-files", say("Data files"), columns, rows)


def _conventions(marking: str, line: str) -> str:
    starts = " ".join(f"<code>{esc(s)}</code>" for s in FORMULA_STARTS if s.isprintable())
    csv_items = [
        say(
            "UTF-8 text, lines ending CRLF, quoted as RFC 4180 has it. The first line is the marking, "
            "<code>{line}</code>; the second holds the column keys; then one line per row. "
            "Skip the first line when you read a file (in pandas, <code>skiprows=1</code>).",
            line=esc(line),
        ),
        say(
            "A list of IDs is joined by <code>{separator}</code>. An empty cell has no value: "
            "the row has none, or this edition withholds it.",
            separator=esc(LIST_SEPARATOR),
        ),
        say(
            "A text that starts with {starts} (or a tab) is written with a <code>'</code> in front, so that a "
            "spreadsheet shows it as text and never runs it as a formula.",
            starts=starts,
        ),
    ]
    json_items = [
        say(
            "UTF-8. The key <code>classification</code> holds the marking (<code>{marking}</code>); "
            "<code>edition</code>, <code>publication</code>, <code>version</code> and <code>date</code> say which "
            "edition the file comes from.",
            marking=esc(marking),
        ),
        say(
            "<code>columns</code> lists each column's key, kind of value and meaning; <code>rows</code> holds one "
            "object per row, keyed by the columns' keys, with <code>null</code> where the CSV cell is empty and a "
            "list where it joins IDs."
        ),
    ]
    return (
        f"<p><strong>{say('CSV files')}</strong></p>"
        + item_list(csv_items, css="charter-list")
        + f"<p><strong>{say('JSON files')}</strong></p>"
        + item_list(json_items, css="charter-list")
    )


def _columns_table(table: DataTable) -> Table:
    types = value_types()
    rows = [[cell(c.key, header=True), cell(types[c.type]), cell(c.meaning)] for c in table.columns]
    caption = say("Columns of {csv} and {json}", csv=f"{table.name}.csv", json=f"{table.name}.json")
    return Table("data-columns", caption, [Column(say("Column")), Column(say("Value")), Column(say("Meaning"))], rows)


def _publication_parts(site: Renderer, page: PageContext) -> list[str]:
    schema = publication_schema(site.publication.settings)
    intro = say(
        "{file} holds every entity this edition shows, "
        "by kind, each with its fields under the keys the content writes them with, as this edition shows them "
        "(a withheld field is absent), the IDs it refers to and the entities that refer to it. Its shape is "
        "described by a JSON Schema (draft 2020-12), {schema}.",
        file=_link(data_path(PUBLICATION_FILE), PUBLICATION_FILE, page),
        schema=_link(data_path(SCHEMA_FILE), SCHEMA_FILE, page),
    )
    parts = [f"<p>{intro}</p>", render_table(_keys_table(say("The file's keys"), schema), page)]
    defs = schema["$defs"]
    kinds = schema["properties"]["entities"]["properties"]
    for kind in kinds:
        caption = say("Keys of each {kind} ({key})", kind=kind, key=f"entities.{kind}")
        parts.append(render_table(_keys_table(caption, defs[kind]), page))
    caption = say("Keys of a score (inherent, residual, target)")
    parts.append(render_table(_keys_table(caption, defs["assessment"]), page))
    return parts


def _keys_table(caption: str, schema: dict[str, Any]) -> Table:
    required = set(schema.get("required", ()))
    rows = [
        [
            cell(key, header=True),
            cell(_kind_of_value(prop) + ("" if key in required else ", " + say("optional"))),
            cell(prop.get("description", "")),
        ]
        for key, prop in schema["properties"].items()
        if key != "$schema"
    ]
    return Table("data-keys", caption, [Column(say("Key")), Column(say("Value")), Column(say("Meaning"))], rows)


def _kind_of_value(prop: dict[str, Any]) -> str:
    """A schema's value in words: 'text', 'list of texts', 'a score', 'one of: ...'."""
    if "$ref" in prop:
        return say("a score") if prop["$ref"].endswith("assessment") else say("an object")
    if "const" in prop:
        return say("always {value}", value=json_scalar(prop["const"]))
    if "enum" in prop:
        return say("one of {values}", values=", ".join(json_scalar(v) for v in prop["enum"]))
    kind = prop.get("type")
    if kind == "array":
        return _list_of(prop.get("items", {}))
    if kind == "object":
        return say("an object")
    names = {
        "string": say("text"),
        "integer": say("whole number"),
        "number": say("number"),
        "boolean": say("true or false"),
    }
    if prop.get("format") == "date":
        return say("date, YYYY-MM-DD")
    if "anyOf" in prop:
        return either([_kind_of_value(option) for option in prop["anyOf"]])
    return names.get(str(kind), "null" if kind == "null" else say("value"))


def _list_of(items: dict[str, Any]) -> str:
    """A list's value in words: 'list of texts', 'list of values, each one of ...'."""
    if "enum" in items:
        return say("list of values, each {kind}", kind=_kind_of_value(items))
    words = _kind_of_value(items)
    plurals = {say("text"): say("texts"), say("an object"): say("objects"), say("a score"): say("scores")}
    return say("list of {kind}", kind=plurals.get(words, words))


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
        f'<span class="charter-download__title">{say("The whole edition")}</span> '
        f"{_link(data_path(PUBLICATION_FILE), 'JSON', page)} "
        + say("(schema: {link})", link=_link(data_path(SCHEMA_FILE), SCHEMA_FILE, page))
    )
    about = f'<p><a href="{esc(page.page(DATA_FOLDER))}">{say("What the data files hold")}</a></p>'
    return item_list(items, css="charter-downloads") + about
