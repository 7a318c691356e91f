"""Data files: entities in a plain YAML file under content/, checked, published and schema-checked like data blocks."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

from generator.cli import main
from generator.diagnostics import Report
from generator.pipeline import read_publication
from generator.schema.export import json_schemas

GENERAL = Path(__file__).parent / "roots" / "general" / "content"

DATA_FILE = """\
kind: risk
classification: RESTRICTED
entities:
  - id: R-DATA-01
    title: Επίθεση στο σύστημα λιμένα
    threat: TH-RANSOMWARE
    lead: AG-CERT
    inherent: {likelihood: 3, vulnerability: 3, impact: 3}
    residual: {likelihood: 2, vulnerability: 2, impact: 3}
    target: {likelihood: 1, vulnerability: 2, impact: 3}
    review: 2027-01-31
    public_summary: A cyber risk to a port system, assessed by the committee.
  - id: R-DATA-02
    title: Διαρροή δεδομένων πολιτών
    threat: TH-RANSOMWARE
    lead: AG-CERT
    inherent: {likelihood: 2, vulnerability: 2, impact: 2}
    residual: {likelihood: 2, vulnerability: 2, impact: 2}
    target: {likelihood: 1, vulnerability: 1, impact: 2}
    review: 2027-02-28
    classification: RESTRICTED
"""


def _content(tmp_path: Path, text: str = DATA_FILE, name: str = "registers/cyber-risks.yml") -> Path:
    content = tmp_path / "content"
    shutil.copytree(GENERAL, content)
    (content / name).parent.mkdir(parents=True, exist_ok=True)
    (content / name).write_text(text, encoding="utf-8")
    return content


def test_a_data_files_entities_are_entities_of_the_publication(tmp_path: Path) -> None:
    content = _content(tmp_path)
    report = Report()
    publication = read_publication(content, report)
    assert publication is not None
    assert [d.code for d in report.errors] == []
    risk = publication.entities["R-DATA-01"]
    assert (risk.classification, risk.location.path, risk.location.line) == (
        "RESTRICTED",
        f"{content}/registers/cyber-risks.yml",
        4,
    )
    assert "registers/cyber-risks.yml" not in {c.path for c in publication.chapters}  # no chapter, no page


def test_a_data_files_problems_are_at_its_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = DATA_FILE.replace("lead: AG-CERT", "lead: AG-CRET", 1).replace("review: 2027-02-28", "review: 28/02/2027")
    content = _content(tmp_path, text + "notes: none\n")
    assert main(["check", str(content)]) == 1
    err = capsys.readouterr().err
    where = f"{content}/registers/cyber-risks.yml"
    assert f"{where}:7:11: error[E-REF-UNKNOWN]: risk R-DATA-01.lead: unknown agency 'AG-CRET'" in err
    assert (
        f"{where}:20:13: error[E-FIELD-DATE]: risk R-DATA-02.review: '28/02/2027' is not a valid date"
        in err.replace("\n", " ")
    )
    assert f"{where}:22:1: error[E-DATA-FILE]: unknown key 'notes' in a data file" in err


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("entities: []\n", ":1:1: error[E-DATA-FILE]: the data file does not say which kind of entity it holds"),
        ("kind: riks\nentities:\n  - {id: X-1}\n", ":1:7: error[E-BLOCK-KIND]: unknown data block kind 'riks'"),
        ("- id: R-X\n", ":1:1: error[E-DATA-FILE]: a data file is a mapping with 'kind:' and 'entities:'"),
        ("kind: risk\n", ":1:1: error[E-BLOCK-EMPTY]: the risk block is empty"),
    ],
)
def test_a_data_file_that_cannot_be_read_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, expected: str
) -> None:
    content = _content(tmp_path, text, "odd.yaml")
    assert main(["check", str(content)]) == 1
    assert f"{content}/odd.yaml{expected}" in capsys.readouterr().err


def test_a_data_files_entities_are_published_by_edition(tmp_path: Path) -> None:
    content = _content(tmp_path)
    assert main(["build", str(content), "--no-print", "-q", "--out", str(tmp_path / "site")]) == 0
    public = tmp_path / "site" / "public"
    restricted = tmp_path / "site" / "restricted"
    assert (restricted / "risks" / "r-data-01" / "index.html").is_file()
    assert "Επίθεση στο σύστημα λιμένα" in (restricted / "risks" / "index.html").read_text()
    public_index = (public / "risks" / "index.html").read_text()
    assert "Επίθεση στο σύστημα λιμένα" not in public_index and "R-DATA-01" in public_index  # a withheld risk
    assert "A cyber risk to a port system" in (public / "risks" / "r-data-01" / "index.html").read_text()
    assert "R-DATA-02" not in public_index
    assert not list(public.rglob("cyber-risks*"))


def test_the_data_file_schema_checks_what_the_check_checks(tmp_path: Path) -> None:
    publication = read_publication(GENERAL, Report())
    assert publication is not None
    schema = json_schemas(publication.settings)["data-file.schema.json"]
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    good = json.loads(json.dumps(yaml.safe_load(DATA_FILE), default=str))
    assert list(validator.iter_errors(good)) == []
    bad = json.loads(json.dumps(good))
    bad["entities"][0]["bogus"] = 1
    bad["kind"] = "acronym"
    assert not validator.is_valid(bad)
    assert not validator.is_valid({"kind": "risk"})


def test_a_sheet_round_trips_through_a_data_file_and_adds_to_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import load_workbook

    content = _content(tmp_path)
    data_file = content / "registers" / "cyber-risks.yml"
    out = tmp_path / "risk.xlsx"
    assert main(["export", "risk", str(content), "--out", str(out)]) == 0
    assert main(["import", str(out), str(content)]) == 0
    assert data_file.read_text(encoding="utf-8") == DATA_FILE
    book = load_workbook(out)
    ws = book["risk"]
    header = {str(c.value): int(c.column or 0) for c in ws[1]}
    row = ws.max_row + 1
    values = {"id": "R-DATA-03", "title": "Κλοπή κωδικών", "threat": "TH-RANSOMWARE", "lead": "AG-CERT"}
    for stage in ("inherent", "residual", "target"):
        for factor in ("likelihood", "vulnerability", "impact"):
            values[f"{stage}.{factor}"] = "1"
    values.update({"review": "2027-03-31", "file": "registers/cyber-risks.yml"})
    for name, value in values.items():
        ws.cell(row, header[name]).value = value
    book.save(out)
    capsys.readouterr()
    assert main(["import", str(out), str(content)]) == 0
    assert data_file.read_text(encoding="utf-8") == DATA_FILE + (
        "  - id: R-DATA-03\n"
        "    title: Κλοπή κωδικών\n"
        "    threat: TH-RANSOMWARE\n"
        "    lead: AG-CERT\n"
        "    inherent: {likelihood: 1, vulnerability: 1, impact: 1}\n"
        "    residual: {likelihood: 1, vulnerability: 1, impact: 1}\n"
        "    target: {likelihood: 1, vulnerability: 1, impact: 1}\n"
        "    review: 2027-03-31\n"
    )
