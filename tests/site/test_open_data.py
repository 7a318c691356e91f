"""Open data: each edition's register, action plan, indicators and RACI as CSV and JSON, and
``publication.json`` with its schema, in ``data/`` of the edition's site tree."""

from __future__ import annotations

import csv
import json
import posixpath
import re
from pathlib import Path

import jsonschema
import pytest

from generator.diagnostics import Location, Report
from generator.leakcheck import Secret, find_leaks
from generator.model import Edition, Risk, View
from generator.output_text import normalise
from generator.render_site import write_tree
from generator.render_site.links import RESERVED, SiteMap
from generator.render_site.open_data import csv_cell
from generator.resolve import Publication
from generator.resolve.editions import for_edition
from generator.views.blocks import Link
from generator.views.open_data import DATA_TABLES
from generator.views.risk_tables import register
from tests.site.conftest import MINIMAL, REPO, copy_content, load

SAMPLE = REPO / "content"
GENERAL = REPO / "tests" / "roots" / "general" / "content"


def _edition(content: Path, edition_id: str) -> Publication:
    whole = load(content)
    edition = next(e for e in whole.settings.editions if e.id == edition_id)
    return for_edition(whole, edition, Report())


def _tree(publication: Publication, folder: Path) -> Path:
    write_tree(publication, folder, downloads=[])
    return folder


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Publication, Path]]:
    """The sample's public and restricted editions, each cut and written as a site tree, once."""
    work = tmp_path_factory.mktemp("open-data")
    return {
        edition: (cut := _edition(SAMPLE, edition), _tree(cut, work / edition)) for edition in ("public", "restricted")
    }


def _csv(tree: Path, name: str) -> tuple[str, list[dict[str, str]]]:
    """A CSV file's first line, and its rows read by a plain CSV reader after it."""
    with (tree / "data" / f"{name}.csv").open(encoding="utf-8", newline="") as f:
        first = f.readline().rstrip("\r\n")
        return first, list(csv.DictReader(f))


def _json(tree: Path, name: str) -> dict:  # type: ignore[type-arg]
    return json.loads((tree / "data" / name).read_text(encoding="utf-8"))


def test_the_register_csv_holds_the_register_tables_rows(sample: dict[str, tuple[Publication, Path]]) -> None:
    publication, tree = sample["public"]
    first, rows = _csv(tree, "register")
    table = register(publication, View(show="register", location=Location("test")))[0]
    shown = [r[0].parts[0].target for r in table.rows if isinstance(r[0].parts[0], Link)]
    assert first == "# PUBLIC"
    assert [row["ref"] for row in rows if row["entry"] != "group"] == shown
    assert len(rows) == len(table.rows) == len(publication.risks) + len(publication.risk_groups)
    pir = next(row for row in rows if row["ref"] == "R-PIR-01")
    risk = publication.get("R-PIR-01", Risk)
    assert (pir["residual_score"], pir["residual_band"]) == (str(risk.residual.score), risk.residual.band.name)
    assert (pir["residual_score"], pir["residual_band"], pir["lead"]) == ("12", "High", "AG-COASTGUARD")
    assert pir["support"].split("; ") == risk.support


def test_a_withheld_risk_is_its_summary_without_scores(sample: dict[str, tuple[Publication, Path]]) -> None:
    _, public = sample["public"]
    _, restricted = sample["restricted"]
    hidden = next(row for row in _csv(public, "register")[1] if row["ref"] == "R-TER-02")
    assert hidden["entry"] == "withheld"
    assert hidden["summary"].startswith("An attack on the national oil terminal")
    assert [hidden[k] for k in ("lead", "support", "inherent_score", "residual_score", "target_band", "review")] == [""] * 6
    shown = next(row for row in _csv(restricted, "register")[1] if row["ref"] == "R-TER-02")
    assert (shown["entry"], shown["lead"], shown["residual_score"]) == ("risk", "AG-POLICE", "5")
    assert shown["summary"] == ""  # a stand-in is shown only in place of the risk
    assert shown["classification"] == "OFFICIAL-SENSITIVE"
    data = _json(public, "publication.json")
    risk = next(r for r in data["entities"]["risk"] if r["id"] == "R-TER-02")
    assert risk["withheld"] is True and risk["refers_to"] == ["TH-TERRORISM"]
    assert not {"lead", "support", "scenario", "inherent", "residual", "controls", "trend"} & risk.keys()


def test_every_file_carries_the_editions_marking(sample: dict[str, tuple[Publication, Path]]) -> None:
    for edition, (publication, tree) in sample.items():
        for name in DATA_TABLES:
            assert _csv(tree, name)[0] == f"# {publication.marking}", (edition, name)
            data = _json(tree, f"{name}.json")
            assert data["classification"] == publication.marking
            assert len(data["rows"]) == len(_csv(tree, name)[1])
            assert [c["key"] for c in data["columns"]] == list(_csv(tree, name)[1][0])
        assert _json(tree, "publication.json")["classification"] == publication.marking
    assert sample["restricted"][0].marking != "PUBLIC"


def test_the_links_under_each_table_lead_to_its_files(sample: dict[str, tuple[Publication, Path]]) -> None:
    _, tree = sample["public"]
    pages = {
        "risks/index.md": "register",
        "register/index.md": "register",
        "strategy/action-plan/index.md": "actions",
        "strategy/monitoring/index.md": "indicators",
    }
    for page, name in pages.items():
        text = (tree / page).read_text(encoding="utf-8")
        line = next(line for line in text.splitlines() if f"/{name}.csv" in line)
        assert "Download this table: " in line
        for href in re.findall(r'href="([^"]+)"', line):
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), href))
            path = tree / target / "index.md" if href.endswith("/") else tree / target
            assert path.is_file(), (page, href)
    plan = (tree / "strategy/action-plan/index.md").read_text(encoding="utf-8")
    assert 'href="../../data/raci.csv"' in plan


def test_the_landing_page_and_the_columns_page_list_every_file(sample: dict[str, tuple[Publication, Path]]) -> None:
    publication, tree = sample["public"]
    landing = (tree / "index.md").read_text(encoding="utf-8")
    page = (tree / "data" / "index.md").read_text(encoding="utf-8")
    for name in [*(f"{n}.{fmt}" for n in DATA_TABLES for fmt in ("csv", "json")), "publication.json"]:
        assert f'href="data/{name}"' in landing
        assert (tree / "data" / name).is_file()
    for name in DATA_TABLES:
        data = _json(tree, f"{name}.json")
        for column in data["columns"]:
            assert re.search(f'<th scope="row"[^>]*>{column["key"]}</th>', page), (name, column["key"])
    schema = _json(tree, "publication.schema.json")
    for kind in schema["properties"]["entities"]["properties"]:
        for key in schema["$defs"][kind]["properties"]:
            assert re.search(f'<th scope="row"[^>]*>{re.escape(key)}</th>', page), (kind, key)


@pytest.mark.parametrize(("content", "edition"), [(SAMPLE, "public"), (SAMPLE, "restricted"), (GENERAL, "public")])
def test_publication_json_validates_against_its_schema(content: Path, edition: str, tmp_path: Path) -> None:
    tree = _tree(_edition(content, edition), tmp_path)
    schema = _json(tree, "publication.schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    data = _json(tree, "publication.json")
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    assert [e.message for e in validator.iter_errors(data)] == []
    assert data["$schema"] == "publication.schema.json"
    assert data["edition"]["id"] == edition


def test_publication_json_holds_every_entity_with_its_references(sample: dict[str, tuple[Publication, Path]]) -> None:
    publication, tree = sample["public"]
    data = _json(tree, "publication.json")
    listed = {e["id"] for items in data["entities"].values() for e in items}
    assert listed == set(publication.entities)
    by_id = {e["id"]: e for items in data["entities"].values() for e in items}
    objective = publication.objectives[0]
    assert set(objective.risks) <= set(by_id[objective.id]["refers_to"])
    for risk_id in objective.risks:
        assert objective.id in by_id[risk_id]["referred_by"]
    action = by_id[publication.actions[0].id]
    assert action["raci"]["responsible"] == publication.actions[0].raci.responsible
    assert action["start"] == publication.actions[0].start.isoformat()
    pir = by_id["R-PIR-01"]
    assert pir["residual"] == {"factors": {"likelihood": 4, "impact": 3}, "score": 12, "band": "High"}
    assert data["publication"]["version"] == publication.settings.version


def test_the_general_publication_has_its_data_in_both_editions(tmp_path: Path) -> None:
    for edition in ("public", "restricted"):
        cut = _edition(GENERAL, edition)
        tree = _tree(cut, tmp_path / edition)
        first, rows = _csv(tree, "register")
        assert first == f"# {cut.marking}"
        assert len(rows) == len(cut.risks) + len(cut.risk_groups)
        assert len(_csv(tree, "actions")[1]) == len(cut.actions)
        assert len(_csv(tree, "indicators")[1]) == len(cut.indicators)
        assert [row["action"] for row in _csv(tree, "raci")[1]] == [a.id for a in cut.actions]


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
        ("+1 555", "'+1 555"),
        ("-2 patrols", "'-2 patrols"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTab", "'\tTab"),
        ("Plain text", "Plain text"),
        (-5, "-5"),
        (2.5, "2.5"),
        (["AG-NAVY", "AG-POLICE"], "AG-NAVY; AG-POLICE"),
        (None, ""),
    ],
)
def test_a_cell_a_spreadsheet_would_run_is_written_as_text(value: object, written: str) -> None:
    assert csv_cell(value) == written  # type: ignore[arg-type]


def test_a_formula_in_content_reaches_the_csv_as_text(tmp_path: Path) -> None:
    content = copy_content(MINIMAL, tmp_path / "content")
    chapter = next(p for p in content.rglob("*.md") if "Theft of containers from the quay" in p.read_text("utf-8"))
    text = chapter.read_text(encoding="utf-8").replace(
        "title: Theft of containers from the quay", """title: '=HYPERLINK("http://x","Theft, quay")'""", 1
    )
    chapter.write_text(text, encoding="utf-8")
    tree = _tree(load(content), tmp_path / "tree")
    raw = (tree / "data" / "register.csv").read_text(encoding="utf-8")
    assert '"\'=HYPERLINK(""http://x"",""Theft, quay"")"' in raw
    row = next(r for r in _csv(tree, "register")[1] if r["ref"] == "R-THEFT-01")
    assert row["risk"] == "'=HYPERLINK(\"http://x\",\"Theft, quay\")"
    data = _json(tree, "register.json")  # JSON is read as data, never as a formula: as written
    assert next(r for r in data["rows"] if r["ref"] == "R-THEFT-01")["risk"] == '=HYPERLINK("http://x","Theft, quay")'


def test_no_chapter_takes_the_data_folder(tmp_path: Path) -> None:
    content = copy_content(MINIMAL, tmp_path / "content")
    (content / "data.md").write_text("---\ntitle: Data\norder: 900\n---\n\nOur data.\n", encoding="utf-8")
    publication = load(content)
    assert "data" in RESERVED
    assert SiteMap(publication).chapter_folders["data.md"] == "data-2"


def test_the_leak_check_reads_the_data_files(tmp_path: Path) -> None:
    secret = Secret(normalise("the north fence is weak at night"), Location("content/secret.md", 3, 1))
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "register.csv").write_text(
        "# PUBLIC\r\nref,risk\r\nR-1,\"The north fence is weak at night, say the guards\"\r\n", encoding="utf-8"
    )
    (tmp_path / "data" / "publication.json").write_text(
        json.dumps({"entities": {"risk": [{"id": "R-1", "scenario": "The north fence is weak at night."}]}}),
        encoding="utf-8",
    )
    (tmp_path / "data" / "register.json").write_text(json.dumps({"rows": [{"risk": "A quay"}]}), encoding="utf-8")
    leaks = find_leaks(tmp_path, [secret], prefix="public/")
    assert sorted(leak.path for leak in leaks) == ["public/data/publication.json", "public/data/register.csv"]


def test_an_edition_without_levels_above_it_lists_no_classification_column(tmp_path: Path) -> None:
    whole = load(MINIMAL)
    cut = for_edition(whole, Edition("public", "Public", whole.settings.levels[0]), Report())
    tree = _tree(cut, tmp_path)
    assert "classification" not in _csv(tree, "register")[1][0]
