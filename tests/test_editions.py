"""Cutting the publication for an edition: nothing above its level survives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.diagnostics import Report
from generator.model import Chapter, Edition, Passage, Risk
from generator.pipeline import read_publication
from generator.resolve import Publication
from generator.resolve.editions import for_edition
from tests.casefile import edited_copy

MINIMAL = Path(__file__).parent / "roots" / "minimal" / "content"
PUBLIC = Edition("public", "Public edition", "PUBLIC")
RESTRICTED = Edition("restricted", "Restricted edition", "SECRET")


def _publication(tmp_path: Path, edits: dict[str, list[tuple[str, str]]]) -> Publication:
    content = edited_copy(MINIMAL, tmp_path, edits)
    report = Report()
    publication = read_publication(content, report)
    errors = [d.format() for d in report.errors if d.code != "E-EDITION-REF"]  # each test cuts for itself
    assert publication is not None and not errors, errors
    return publication


SECRET_SPILL = {
    "register.md": [
        (
            "title: Bunker spill at the oil berth\n",
            "title: Bunker spill at the oil berth\nclassification: SECRET\n"
            "public_summary: A spill at a berth.\npublic_group: Pollution\n",
        )
    ],
    "plan.md": [("[[R-SPILL-01|the spill risk]]", "[[R-SPILL-01]]")],
}


def test_a_restricted_risk_shows_only_its_public_summary(tmp_path: Path) -> None:
    whole = _publication(tmp_path, SECRET_SPILL)
    report = Report()
    public = for_edition(whole, PUBLIC, report)
    risk = public.get("R-SPILL-01", Risk)
    assert (risk.withheld, risk.title, risk.scenario, risk.lead) == (True, "Withheld risk", "A spill at a berth.", "")
    assert risk.residual.withheld and risk.residual.band.name == "Withheld"
    assert public.risk_groups == []  # a risk with public text of its own is not shown by its group too
    # the whole publication is untouched
    assert whole.get("R-SPILL-01", Risk).title == "Bunker spill at the oil berth"
    assert [d.format().removeprefix(f"{tmp_path}/") for d in report.diagnostics] == [
        "content/plan.md:8:38: error[E-EDITION-REF]: [[R-SPILL-01]] names risk R-SPILL-01 (SECRET), which the "
        "public edition cannot show\n"
        "  hint: give the risk a 'public_name' to show instead, or mark this prose {classification=SECRET}"
    ]


def test_a_public_name_stands_in_for_a_reference(tmp_path: Path) -> None:
    edits = dict(SECRET_SPILL)
    edits["register.md"] = [
        (SECRET_SPILL["register.md"][0][0], SECRET_SPILL["register.md"][0][1] + "public_name: A pollution risk\n")
    ]
    whole = _publication(tmp_path, edits)
    report = Report()
    public = for_edition(whole, PUBLIC, report)
    assert not report.diagnostics
    passage = next(s for s in public.chapters[2].segments if isinstance(s, Passage))
    assert "and [[R-SPILL-01]] next." in passage.text
    assert public.get("R-SPILL-01", Risk).title == "A pollution risk"


def test_restricted_fields_are_cleared_and_sections_dropped(tmp_path: Path) -> None:
    whole = _publication(
        tmp_path,
        {
            "register.md": [
                (
                    "key_assets: [Container quay]\n",
                    "key_assets: [Container quay]\nrestricted: {key_assets: OFFICIAL, residual: OFFICIAL}\n",
                )
            ],
            "plan.md": [
                ("# Plan\n", "# Plan\n\n## Weak points {classification=OFFICIAL}\n\nThe north gate.\n\n## Aims\n")
            ],
        },
    )
    public = for_edition(whole, PUBLIC, Report())
    risk = public.get("R-THEFT-01", Risk)
    assert risk.key_assets == [] and risk.residual.withheld
    assert whole.get("R-THEFT-01", Risk).key_assets == ["Container quay"]
    texts = [s.text for c in public.chapters for s in c.segments if isinstance(s, Passage)]
    assert not any("north gate" in t for t in texts)
    assert any("## Aims" in t for t in texts)
    restricted = for_edition(whole, RESTRICTED, Report())
    assert restricted.get("R-THEFT-01", Risk).key_assets == ["Container quay"]
    texts = [s.text for c in restricted.chapters for s in c.segments if isinstance(s, Passage)]
    assert any("## Weak points\n\nThe north gate." in t for t in texts)


def test_list_references_to_left_out_entities_are_dropped(tmp_path: Path) -> None:
    whole = _publication(
        tmp_path,
        {
            "structure.md": [("  type: police\n", "  type: police\n  classification: SECRET\n")],
            "register.md": [
                ("lead: AG-POLICE\nsupport: [AG-PORT]", "lead: AG-PORT\nsupport: [AG-PORT]"),
                ("owner: AG-POLICE", "owner: AG-PORT"),
            ],
            "plan.md": [("owner: AG-POLICE", "owner: AG-PORT")],
        },
    )
    report = Report()
    public = for_edition(whole, PUBLIC, report)
    assert "AG-POLICE" not in public.entities
    committee = public.committees[0]
    assert committee.members == []
    assert public.actions[0].raci.consulted == []
    assert whole.actions[0].raci.consulted == ["AG-POLICE"]
    assert not report.errors


@pytest.mark.parametrize("edition", [PUBLIC, RESTRICTED])
def test_marking_is_the_edition_level(tmp_path: Path, edition: Edition) -> None:
    whole = _publication(tmp_path, {})
    assert for_edition(whole, edition, Report()).marking == edition.level


def test_leak_check_finds_restricted_text_in_any_output(tmp_path: Path) -> None:
    from generator.leakcheck import find_leaks, secrets

    whole = _publication(
        tmp_path,
        {
            "register.md": [
                (
                    "scenario: A gang removes two containers overnight.",
                    "scenario: A gang removes two containers overnight.\nrestricted: {key_assets: OFFICIAL}",
                ),
                ("key_assets: [Container quay]", "key_assets: [Gate seven CANARYKEYASSET]"),
            ],
        },
    )
    public = for_edition(whole, PUBLIC, Report())
    hidden = secrets(whole, public)
    assert [s.text for s in hidden] == ["gate seven canarykeyasset"]
    out = tmp_path / "site"
    (out / "risks").mkdir(parents=True)
    (out / "risks" / "index.html").write_text("<p>Quay</p>", encoding="utf-8")
    assert find_leaks(out, hidden) == []
    (out / "search_index.json").write_text('{"text": "Gate  seven <b>CANARYKEYASSET</b>"}', encoding="utf-8")
    leaks = find_leaks(out, hidden)
    assert [leak.format().removeprefix("") for leak in leaks] == [
        f"search_index.json: carries restricted text 'gate seven canarykeyasset' in text "
        f"(written at {tmp_path}/content/register.md:25:1)"
    ]


def test_a_restricted_entity_takes_its_narrative_with_it(tmp_path: Path) -> None:
    whole = _publication(
        tmp_path,
        {
            "register.md": [("id: R-THEFT-01\n", "id: R-THEFT-01\nclassification: SECRET\n")],
            "plan.md": [("We address [[R-THEFT-01]] first, and", "We address")],
        },
    )
    public = for_edition(whole, PUBLIC, Report())
    texts = " ".join(s.text for c in public.chapters for s in c.segments if isinstance(s, Passage))
    assert "Theft is the most frequent crime" not in texts
    restricted = for_edition(whole, RESTRICTED, Report())
    texts = " ".join(s.text for c in restricted.chapters for s in c.segments if isinstance(s, Passage))
    assert "Theft is the most frequent crime on the quay." in texts


def test_a_link_to_a_chapter_the_edition_leaves_out_is_an_error_at_the_link(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(MINIMAL, content)
    response = "---\ntitle: Response plan\nclassification: SECRET\n---\n\n# Response plan\n\nWho does what.\n"
    (content / "response.md").write_text(response, encoding="utf-8")
    plan = content / "plan.md"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace(
            "[[R-SPILL-01|the spill risk]] next.\n",
            "[[R-SPILL-01|the spill risk]] next.\nThe [response plan](response.md) is held apart.\n\n"
            "## Detail {classification=SECRET}\n\nIts [annex](response.md#teams) names the teams.\n",
        ),
        encoding="utf-8",
    )
    whole = read_publication(content, Report())
    assert whole is not None
    report = Report()
    public = for_edition(whole, PUBLIC, report)
    assert "response.md" not in [c.path for c in public.chapters]
    # the second link stands in a SECRET section, which the public edition leaves out with it
    assert [d.format().removeprefix(f"{tmp_path}/") for d in report.diagnostics] == [
        "content/plan.md:9:21: error[E-EDITION-LINK]: the link 'response.md' leads to the chapter response.md "
        "(SECRET), which the public edition leaves out\n"
        "  hint: mark the prose around the link {classification=SECRET}, or link a chapter every edition has"
    ]
    restricted = Report()
    for_edition(whole, RESTRICTED, restricted)
    assert not restricted.diagnostics


def _secret_spill(*fields: str) -> dict[str, list[tuple[str, str]]]:
    return {
        "register.md": [
            (
                "title: Bunker spill at the oil berth\n",
                "title: Bunker spill at the oil berth\nclassification: SECRET\n" + "".join(f + "\n" for f in fields),
            )
        ],
        "plan.md": [("[[R-SPILL-01|the spill risk]]", "the spill risk")],
    }


def test_a_group_of_one_shows_no_scores(tmp_path: Path) -> None:
    whole = _publication(tmp_path, _secret_spill("public_group: Pollution"))
    public = for_edition(whole, PUBLIC, Report())
    assert "R-SPILL-01" not in public.entities
    assert [(g.name, g.count, g.residual.withheld, g.inherent.withheld) for g in public.risk_groups] == [
        ("Pollution", 1, True, True)
    ]


def test_a_group_of_two_stands_where_its_highest_member_stands(tmp_path: Path) -> None:
    edits = _secret_spill("public_group: Harbour risks")
    edits["register.md"].append(
        (
            "title: Theft of containers from the quay\n",
            "title: Theft of containers from the quay\nclassification: SECRET\npublic_group: Harbour risks\n",
        )
    )
    whole = _publication(tmp_path, edits)
    public = for_edition(whole, PUBLIC, Report())
    (group,) = public.risk_groups
    top = max((r.residual for r in whole.risks), key=lambda a: a.score)
    assert (group.name, group.count, group.residual.score) == ("Harbour risks", 2, top.score)


@pytest.mark.parametrize("field", ["public_summary", "public_name", "public_group"])
def test_a_restricted_public_field_is_not_public_text(tmp_path: Path, field: str) -> None:
    values = {"public_summary": "A spill at a berth.", "public_name": "A pollution risk", "public_group": "Pollution"}
    edits = _secret_spill(f"{field}: {values[field]}", f"restricted: {{{field}: SECRET}}")
    whole = _publication(tmp_path, edits)
    public = for_edition(whole, PUBLIC, Report())
    assert "R-SPILL-01" not in public.entities
    assert public.risk_groups == []
    restricted = for_edition(whole, RESTRICTED, Report())
    assert getattr(restricted.get("R-SPILL-01", Risk), field) == values[field]


def test_a_restricted_public_name_of_a_shown_entity_is_cleared(tmp_path: Path) -> None:
    edits = {
        "register.md": [
            (
                "title: Bunker spill at the oil berth\n",
                "title: Bunker spill at the oil berth\npublic_name: Oil risk\n"
                "restricted: {public_name: SECRET, title: SECRET}\n",
            )
        ]
    }
    whole = _publication(tmp_path, edits)
    public = for_edition(whole, PUBLIC, Report())
    risk = public.get("R-SPILL-01", Risk)
    assert (risk.title, risk.public_name) == ("Withheld", "")


@pytest.mark.parametrize("written", ["classification: ~", "classification:", "classification: SECRT"])
def test_a_level_written_empty_or_unreadable_is_the_highest(tmp_path: Path, written: str) -> None:
    """Content whose marking Charter cannot read is never taken for public (an unreadable one is also an error)."""
    edits = {
        "structure.md": [
            ("  name: Harbour Police\n", f"  name: Harbour Police\n  {written}\n"),
            ("  ministry: Ministry of Transport\n", "  ministry: Ministry of Transport\n  restricted: {ministry: ~}\n"),
        ]
    }
    content = edited_copy(MINIMAL, tmp_path, edits)
    report = Report()
    whole = read_publication(content, report)
    assert whole is not None
    assert whole.entities["AG-POLICE"].classification == "SECRET"
    assert whole.entities["AG-PORT"].restricted == {"ministry": "SECRET"}
    public = for_edition(whole, PUBLIC, Report())
    assert "AG-POLICE" not in public.entities
    assert public.entities["AG-PORT"].ministry == ""  # type: ignore[attr-defined]
    codes = [d.code for d in report.errors if d.code != "E-EDITION-REF"]  # the committee names AG-POLICE
    assert codes == (["E-FIELD-CHOICE"] if "SECRT" in written else [])


def test_prose_the_edition_keeps_still_lists_its_chapter_under_referenced_by(tmp_path: Path) -> None:
    whole = _publication(
        tmp_path,
        {
            "plan.md": [
                (
                    "# Plan\n",
                    "# Plan\n\n## Weak points {classification=OFFICIAL}\n\n[[AG-POLICE]] guards the gate.\n\n## Aims\n",
                )
            ]
        },
    )
    public = for_edition(whole, PUBLIC, Report())
    restricted = for_edition(whole, RESTRICTED, Report())

    def chapters(edition: Publication, entity_id: str) -> list[str]:
        return [c.path for c in edition.referrers(entity_id) if isinstance(c, Chapter)]

    # plan.md names R-THEFT-01 in prose both editions keep
    assert chapters(public, "R-THEFT-01") == chapters(restricted, "R-THEFT-01") == ["plan.md"]
    # and AG-POLICE in prose only the restricted edition keeps
    assert chapters(public, "AG-POLICE") == []
    assert chapters(restricted, "AG-POLICE") == ["plan.md"]
