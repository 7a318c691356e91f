"""The load stage: literal YAML, positions, front matter, blocks, narratives and references."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import Report
from generator.load import load_content
from generator.load.markdown import parse_markdown
from generator.load.source import DataBlock, Prose, SourceFile
from generator.load.yamlnodes import YamlProblem, YMap, YScalar, YSeq, parse


def test_yaml_values_stay_literal() -> None:
    node = parse("country: NO\nflag: yes\nsize: 1e3\nday: 2027-03-31\nempty:\n", first_line=5)
    assert isinstance(node, YMap)
    assert [(k, v.text) for k, v in node.items.items() if isinstance(v, YScalar)] == [
        ("country", "NO"),
        ("flag", "yes"),
        ("size", "1e3"),
        ("day", "2027-03-31"),
        ("empty", ""),
    ]
    assert node.key_pos["day"] == (8, 1)
    empty = node.items["empty"]
    assert isinstance(empty, YScalar) and empty.is_null


def test_quoted_null_is_text() -> None:
    node = parse("a: 'null'\nb: null\n")
    assert isinstance(node, YMap)
    a, b = node.items["a"], node.items["b"]
    assert isinstance(a, YScalar) and not a.is_null
    assert isinstance(b, YScalar) and b.is_null


def test_positions_of_list_items() -> None:
    node = parse("members:\n  - AG-A\n  - AG-B\n", first_line=10)
    assert isinstance(node, YMap)
    members = node.items["members"]
    assert isinstance(members, YSeq)
    assert [(m.line, m.col) for m in members.items] == [(11, 5), (12, 5)]


def test_alias_bomb_is_refused_without_expanding() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8)
    )
    with pytest.raises(YamlProblem) as problem:
        parse(bomb)
    assert problem.value.code == "E-YAML-ALIAS"
    assert problem.value.line == 1  # the anchored value; an alias shares its node


@pytest.mark.parametrize("text", ["a: 1\n<<: {b: 2}\n", "a:\n  c: 1\n  <<: x\n"])
def test_a_merge_key_is_refused(text: str) -> None:
    with pytest.raises(YamlProblem) as problem:
        parse(text)
    assert (problem.value.code, problem.value.message) == ("E-YAML-ALIAS", "YAML merge keys ('<<') are not supported")


def test_a_quoted_merge_key_is_an_ordinary_key() -> None:
    node = parse("'<<': x\n")
    assert isinstance(node, YMap) and list(node.items) == ["<<"]


def test_deep_nesting_is_refused() -> None:
    with pytest.raises(YamlProblem) as problem:
        parse("a: " + "[" * 200 + "]" * 200)
    assert problem.value.code in {"E-YAML-DEPTH"}


def _parse_md(text: str) -> tuple[SourceFile, Report]:
    file = SourceFile(rel_path="ch.md", display_path="content/ch.md")
    report = Report()
    parse_markdown(text, file, report)
    return file, report


def test_blocks_narratives_and_prose_segments() -> None:
    text = (
        "---\ntitle: T\n---\n# Heading\n\nIntro.\n\n```yaml risk\nid: R-1\n```\n\nNarrative of R-1.\n\n"
        "## Next\n\nOther prose.\n\n```python\nnot = 'a block'\n```\n"
    )
    file, report = _parse_md(text)
    assert not report.diagnostics
    assert file.front_matter is not None
    kinds = [type(s).__name__ for s in file.segments]
    assert kinds == ["Prose", "DataBlock", "Prose", "Prose"]
    block = file.segments[1]
    assert isinstance(block, DataBlock)
    assert block.kind == "risk" and block.location.line == 8
    assert block.narrative == "\nNarrative of R-1.\n".strip("\n") or block.narrative.strip() == "Narrative of R-1."
    prose, narrative, rest = file.segments[0], file.segments[2], file.segments[3]
    assert isinstance(prose, Prose) and prose.line == 4
    assert isinstance(narrative, Prose) and narrative.narrative_of is block and "Narrative of R-1." in narrative.text
    assert isinstance(rest, Prose) and rest.narrative_of is None and rest.text.startswith("## Next")


def test_references_skip_code() -> None:
    text = "See [[R-1]] and [[AG-2|the agency]] but not `[[X-1]]`.\n\n```\n[[Y-1]]\n```\n\n    [[Z-1]]\n"
    file, _ = _parse_md(text)
    assert [(r.target, r.text, r.location.line, r.location.col) for r in file.refs] == [
        ("R-1", None, 1, 5),
        ("AG-2", "the agency", 1, 17),
    ]


def test_content_folder_reads_in_path_order(tmp_path: Path) -> None:
    (tmp_path / "publication.yml").write_text("title: X\n", encoding="utf-8")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.md").write_text("# Z\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("# A\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("ignored", encoding="utf-8")
    loaded = load_content(tmp_path, Report())
    assert [f.rel_path for f in loaded.files] == ["a.md", "b/z.md"]


def test_link_outside_content_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "secret.md"
    outside.write_text("# Secret\n", encoding="utf-8")
    content = tmp_path / "content"
    content.mkdir()
    (content / "publication.yml").write_text("title: X\n", encoding="utf-8")
    (content / "leak.md").symlink_to(outside)
    report = Report()
    loaded = load_content(content, report)
    assert loaded.files == []
    assert [d.format() for d in report.diagnostics] == [
        f"{content}/leak.md:1:1: error[E-PATH-OUTSIDE]: this link points outside the content folder\n"
        "  hint: copy the file into content/ instead of linking to it"
    ]


def test_the_safety_checks_read_exactly_the_lines_that_hold_a_trigger() -> None:
    import re

    from generator.load.markdown import _lines_holding

    text = "plain\n<b>\n\na = b and c]\nnone\n{x} {y}\nend<"
    assert _lines_holding(text, re.compile(r"[<=\]{]")) == [1, 3, 5, 6]
    assert _lines_holding("", re.compile(r"[<]")) == []
