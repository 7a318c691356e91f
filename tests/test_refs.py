"""References carry who refers and from which field as data; the publication carries its content folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import Location, Report
from generator.model import Edition, Ref
from generator.pipeline import read_publication
from generator.render_site.tree import write_tree
from generator.resolve import Publication
from generator.resolve.editions import for_edition
from tests.casefile import edited_copy

MINIMAL = Path(__file__).parent / "roots" / "minimal" / "content"
PUBLIC = Edition("public", "Public edition", "PUBLIC")
POLICE_SECRET = ("  type: police\n", "  type: police\n  classification: SECRET\n")


def _content(tmp_path: Path, edits: dict[str, list[tuple[str, str]]]) -> Path:
    return edited_copy(MINIMAL, tmp_path, edits)


def _publication(content: Path) -> Publication:
    report = Report()
    publication = read_publication(content, report)
    assert publication is not None and not report.errors, [d.format() for d in report.errors]
    return publication


@pytest.mark.parametrize(
    ("source", "path", "origin"),
    [
        ("risk R-PIR-01", ("lead",), "risk R-PIR-01.lead"),
        ("risk R-PIR-01", ("support", 1), "risk R-PIR-01.support[1]"),
        ("risk R-PIR-01", ("controls", 0, "owner"), "risk R-PIR-01.controls[0].owner"),
        ("action ACT-01", ("raci", "consulted", 0), "action ACT-01.raci.consulted[0]"),
        ("chapter plan.md", (), "chapter plan.md"),
    ],
)
def test_a_reference_names_its_origin_as_messages_always_did(
    source: str, path: tuple[str | int, ...], origin: str
) -> None:
    ref = Ref(kinds=("agency",), target="AG-PORT", location=Location("x.md"), source=source, path=path)
    assert ref.origin == origin


def test_the_validate_stage_records_each_reference_s_field_path(tmp_path: Path) -> None:
    publication = _publication(_content(tmp_path, {}))
    paths = {(ref.source_id, ref.path) for ref in publication.refs if ref.target == "AG-POLICE"}
    assert {
        ("R-THEFT-01", ("lead",)),
        ("R-THEFT-01", ("controls", 0, "owner")),
        ("ACT-01", ("raci", "consulted", 0)),
    } <= paths
    prose = [ref for ref in publication.refs if ref.source_id is None and ref.source.startswith("chapter ")]
    assert prose and all(ref.path == () and ref.origin == f"chapter {ref.source_chapter}" for ref in prose)


# A control's owner is no list: the edition cannot drop it, so it must be restricted with its field.
CONTROL_OWNER_ONLY = {
    "structure.md": [POLICE_SECRET],
    "register.md": [("lead: AG-POLICE\nsupport: [AG-PORT]", "lead: AG-PORT\nsupport: [AG-PORT]")],
    "plan.md": [("owner: AG-POLICE", "owner: AG-PORT"), ("consulted: [AG-POLICE]", "consulted: [AG-PORT]")],
}


def test_a_reference_inside_a_list_of_mappings_names_the_field_to_restrict(tmp_path: Path) -> None:
    report = Report()
    read_publication(_content(tmp_path, CONTROL_OWNER_ONLY), report)  # the check cuts every edition
    assert [d.format().removeprefix(f"{tmp_path}/") for d in report.diagnostics] == [
        "content/register.md:30:58: error[E-EDITION-REF]: risk R-THEFT-01.controls[0].owner: names agency "
        "AG-POLICE (SECRET), which the public edition cannot show\n"
        "  hint: restrict this field too (restricted: {controls: SECRET}), or lower the agency's classification"
    ]


def test_a_restricted_list_of_mappings_takes_its_references_with_it(tmp_path: Path) -> None:
    edits = dict(CONTROL_OWNER_ONLY)
    edits["register.md"] = [
        *CONTROL_OWNER_ONLY["register.md"],
        ("review: 2026-06-30\n", "review: 2026-06-30\nrestricted: {controls: SECRET}\n"),
    ]
    report = Report()
    public = for_edition(_publication(_content(tmp_path, edits)), PUBLIC, report)
    assert not report.diagnostics
    assert public.risks[0].controls == []


def test_the_content_root_is_absolute_and_renderers_use_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = _content(tmp_path, {"plan.md": [("# Plan", "# Plan\n\n![The quay](images/quay.png)")]})
    (content / "images").mkdir()
    (content / "images" / "quay.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    monkeypatch.chdir(tmp_path)
    publication = _publication(Path("content"))  # as the user typed it
    assert publication.content_root == content.resolve()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # renderers no longer depend on where the command started
    write_tree(publication, tmp_path / "tree", downloads=[])
    assert (tmp_path / "tree" / "media" / "images" / "quay.png").read_bytes() == b"\x89PNG\r\n\x1a\n"
