"""The assembled Markdown: what pandoc reads must say exactly what the content says."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pypandoc
import pytest

from generator.model import Document
from generator.render_print.assemble import assemble
from generator.render_print.links import Anchors, id_markdown
from generator.render_print.markdown_escape import escape_markdown, raw_typst_inline, typst_string
from generator.render_print.names import file_stem
from generator.render_print.pages import PageSetup
from generator.render_print.pandoc_ast import split_point
from generator.render_print.pandoc_run import MARKDOWN_FORMAT
from generator.render_print.paper import paper_for
from generator.render_print.prose import HeadingLevels, render_prose
from generator.render_print.safety import RAW_CLASS
from generator.render_print.tables import column_widths
from generator.views import Cell, Column, Link, Table
from tests.print.conftest import MINIMAL, read

NASTY = [
    "Theft | of <containers> *now* #1",
    "# not a heading",
    "- not a list",
    "1. not a list either",
    "a_b_c and __init__ and `code` and [brackets](x)",
    "$5 million @agency ~sub~ ^sup^ <b>bold</b> &amp; \\backslash",
    "::: not a div",
    "R-PIR-01: 50% | 2/3 {#id .class}",
]


def _ast(markdown: str) -> dict[str, Any]:
    return json.loads(pypandoc.convert_text(markdown, "json", format=MARKDOWN_FORMAT))  # type: ignore[no-any-return]


def _text(node: Any) -> str:
    """The plain text of a pandoc JSON node, as a reader would read it."""
    if isinstance(node, list):
        return "".join(_text(n) for n in node)
    if not isinstance(node, dict):
        return ""
    kind, content = node.get("t"), node.get("c")
    if kind == "Str":
        return str(content)
    if kind in ("Space", "SoftBreak"):
        return " "
    if kind == "Code":  # Charter's raw Typst is code of RAW_CLASS until the safety filter makes it raw
        return "" if RAW_CLASS in content[0][1] else str(content[1])
    if kind in ("Link", "Span", "Image"):
        return _text(content[1])
    if kind == "RawInline":
        return ""
    return _text(content)


def _tables(ast: dict[str, Any]) -> list[list[list[str]]]:
    """Every table's body rows as lists of cell texts."""
    found: list[list[list[str]]] = []

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            if node.get("t") == "Table":
                bodies = node["c"][4]
                rows = [row for body in bodies for row in body[3]]
                found.append([[_text(cell[4]) for cell in row[1]] for row in rows])
                return
            walk(node.get("c"))

    walk(ast["blocks"])
    return found


@pytest.mark.parametrize("text", NASTY)
def test_escaped_text_reads_back_exactly(text: str) -> None:
    ast = _ast(escape_markdown(text))
    assert len(ast["blocks"]) == 1 and ast["blocks"][0]["t"] == "Para"
    assert _text(ast["blocks"][0]).replace("\u00a0", " ") == text


@pytest.mark.parametrize("text", NASTY)
def test_escaped_text_survives_a_table_cell(text: str) -> None:
    markdown = f"| A | B |\n|---|---|\n| {escape_markdown(text)} | x |\n"
    assert _tables(_ast(markdown)) == [[[text, "x"]]]


def _minimal_with(tmp_path: Path, replacements: list[tuple[str, str, str]]) -> Path:
    content = tmp_path / "content"
    shutil.copytree(MINIMAL, content)
    for name, old, new in replacements:
        path = content / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new), encoding="utf-8")
    return content


def test_titles_with_markup_characters_stay_plain_text(tmp_path: Path) -> None:
    title = "Theft | of <containers> *at night* #1"
    content = _minimal_with(
        tmp_path,
        [
            ("register.md", "title: Theft of containers from the quay", f'title: "{title}"'),
            ("plan.md", "title: Plan\n", 'title: "Plan #2 | *Quay* <draft>"\n'),
        ],
    )
    publication = read(content)
    document = publication.settings.documents[0]
    assembled = assemble(publication, document, setup=PageSetup(paper_for("a4")))
    ast = _ast(assembled.markdown)
    register = next(t for t in _tables(ast) if t and t[0][0] in {"R-THEFT-01", "R-SPILL-01"} and len(t[0]) == 10)
    assert [row[1] for row in register if row[0] == "R-THEFT-01"] == [title]
    headings = [_text(b["c"][2]) for b in ast["blocks"] if b["t"] == "Header" and b["c"][0] == 1]
    assert "Plan #2 | *Quay* <draft>" in headings


def test_references_link_to_one_anchor_and_carry_a_page_number() -> None:
    publication = read(MINIMAL)
    markdown = assemble(publication, publication.settings.documents[0], setup=PageSetup(paper_for("a4"))).markdown
    assert "[Theft of containers from the quay](#E-R-THEFT-01) (" + id_markdown("R-THEFT-01") in markdown
    assert raw_typst_inline(", p.~#charter-page-of(<E-R-THEFT-01>)") in markdown
    assert "[the spill risk](#E-R-SPILL-01)" + raw_typst_inline("~(p.~#charter-page-of(<E-R-SPILL-01>))") in (markdown)
    for entity_id in publication.entities:
        if entity_id.startswith("TH-") and not publication.entities[entity_id].chapter:
            continue
        assert markdown.count(f"[]{{#E-{entity_id}}}") <= 1


def test_a_document_without_the_defining_chapter_anchors_risks_at_their_register_row() -> None:
    publication = read(MINIMAL)
    plan_only = Document("plan-only", "Plan only", ["plan.md"])
    markdown = assemble(publication, plan_only, setup=PageSetup(paper_for("a4"))).markdown
    anchor = raw_typst_inline("#metadata(none)") + "[]{#E-R-THEFT-01}"
    assert markdown.count(anchor) == 1
    anchor_at = markdown.index(anchor)
    assert markdown.rfind("Risk register {#annex-register", 0, anchor_at) > markdown.rfind("# Plan", 0, anchor_at)
    assert "](#E-R-THEFT-01)" in markdown
    # the committee's block is not printed and no table row is about it: its name is plain text
    assert "](#E-CM-HSC)" not in markdown


def test_prose_keeps_code_and_fits_heading_levels() -> None:
    anchors = Anchors(read(MINIMAL).entities, defined={"R-THEFT-01"})
    levels = HeadingLevels(last=1)
    prose = (
        "## Intro\n\n#### Deep\n\nSee `[[R-THEFT-01]]` and [[R-THEFT-01|it]].\n\n"
        "```\n[[R-THEFT-01]]\n# not a heading\n```"
    )
    out = render_prose(prose, anchors.prose_ref, levels).splitlines()
    assert out[0] == "## Intro" and out[2] == "### Deep"
    assert out[4].startswith("See `[[R-THEFT-01]]` and [it](#E-R-THEFT-01)")
    assert out[-3:] == ["[[R-THEFT-01]]", "# not a heading", "```"]


def test_column_widths_leave_room_for_ids() -> None:
    rows = [[Cell([Link("R-SMG-01", "R-SMG-01")]), Cell(["word " * 60])] for _ in range(3)]
    table = Table("register", "Register", [Column("Ref"), Column("Risk")], rows)
    widths = column_widths(table, 470.0)
    assert sum(widths) == pytest.approx(1.0)
    assert widths[0] * 470.0 >= len("R-SMG-01") * 5.5
    assert widths[1] > widths[0]


def test_typst_strings_escape_quotes_and_backslashes() -> None:
    assert typst_string('Say "hi" \\ bye\n') == '"Say \\"hi\\" \\\\ bye\\n"'


def test_file_names_carry_the_version() -> None:
    settings = read(MINIMAL).settings
    assert file_stem(settings, settings.documents[0]) == "hsp-plan-0.1.0"
    assert file_stem(settings, Document("hsp", "HSP", None)) == "hsp-0.1.0"


def test_split_point_is_a_chapter_heading_outside_code_and_divs() -> None:
    filler = "word " * 20_000
    text = (
        f"---\ntitle: x\n---\n\n# One\n\n{filler}\n\n::: {{.summary}}\n# not here\n:::\n\n"
        f"```\n# nor here\n```\n\n# Two\n\n{filler}\n"
    )
    cut = split_point(text)
    assert cut is not None and text[cut:].startswith("# Two\n")
    assert split_point("# Short\n\ntext\n") is None
