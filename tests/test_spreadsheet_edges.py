"""Import and export on content written in ways the sample is not: each case a drafter's file that once went wrong."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.cli import main

MINIMAL = Path(__file__).parent / "roots" / "minimal" / "content"
SPILL = """```yaml risk
id: R-SPILL-01
title: Bunker spill at the oil berth
threat: TH-SPILL
lead: AG-PORT
inherent: {likelihood: 2, impact: 3}
residual: {likelihood: 1, impact: 3}
target: {likelihood: 1, impact: 2}
review: 2026-09-30
```"""


def _content(tmp_path: Path, change: Callable[[str], str] = lambda text: text) -> Path:
    content = tmp_path / "content"
    shutil.copytree(MINIMAL, content)
    register = content / "register.md"
    register.write_text(change(register.read_text(encoding="utf-8")), encoding="utf-8")
    return content


def _edit(tmp_path: Path, content: Path, kind: str, cells: dict[tuple[str, str], object]) -> Path:
    """Export ``kind``, set cells by (ID, column), save; the workbook's path."""
    out = tmp_path / f"{kind}.xlsx"
    assert main(["export", kind, str(content), "--out", str(out), "-q"]) == 0
    book = load_workbook(out)
    ws = book[kind]
    header = {str(c.value): int(c.column or 0) for c in ws[1]}
    rows = {str(ws.cell(r, 1).value): r for r in range(2, ws.max_row + 1)}
    for (entity_id, column), value in cells.items():
        row = rows.get(entity_id, ws.max_row + 1)
        rows[entity_id] = row
        ws.cell(row, header[column]).value = value
    book.save(out)
    return out


def test_a_data_files_own_keys_after_its_list_are_kept(tmp_path: Path) -> None:
    content = _content(tmp_path)
    data = content / "more.yml"
    text = (
        "kind: risk\nentities:\n  - id: R-D-01\n    title: Fire at the fuel depot\n    threat: TH-SPILL\n"
        "    lead: AG-PORT\n    inherent: {likelihood: 1, impact: 2}\n    residual: {likelihood: 1, impact: 2}\n"
        "    target: {likelihood: 1, impact: 2}\n    review: 2027-01-31\n    public_group: Port accidents\n"
        "classification: OFFICIAL\n"
    )
    data.write_text(text, encoding="utf-8")
    out = _edit(tmp_path, content, "risk", {("R-D-01", "public_group"): "Accidents in port"})
    assert main(["import", str(out), str(content), "-q"]) == 0
    assert data.read_text(encoding="utf-8") == text.replace("Port accidents", "Accidents in port")
    new = {("R-D-02", c): v for c, v in {"title": "Flood", "threat": "TH-SPILL", "lead": "AG-PORT"}.items()}
    new.update(
        {("R-D-02", f"{s}.{f}"): 1 for s in ("inherent", "residual", "target") for f in ("likelihood", "impact")}
    )
    new.update({("R-D-02", "id"): "R-D-02", ("R-D-02", "review"): "2027-02-01", ("R-D-02", "file"): "more.yml"})
    out = _edit(tmp_path, content, "risk", new)
    assert main(["import", str(out), str(content), "-q"]) == 0
    written = data.read_text(encoding="utf-8")
    assert written.endswith("    review: 2027-02-01\nclassification: OFFICIAL\n")  # the new item in the list
    assert "  - id: R-D-02\n    title: Flood\n" in written


def test_a_sheet_that_does_not_say_its_view_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = _content(tmp_path)
    out = tmp_path / "risk.csv"
    assert main(["export", "risk", str(content), "--out", str(out), "-q"]) == 0
    out.write_bytes(out.read_bytes().split(b"\r\n", 1)[1])  # the marking line cut off, as pandas users skip it
    capsys.readouterr()
    assert main(["import", str(out), str(content)]) == 1
    assert capsys.readouterr().err.startswith(
        f"{out}:1:1: error[E-SHEET-EDITION]: the risk sheet does not say whether it holds everything or an "
        "edition's view"
    )


def test_a_bar_in_a_controls_name_round_trips(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = _content(tmp_path, lambda t: t.replace("{name: Night patrols,", '{name: "24|7 patrols \\\\ dogs",'))
    original = (content / "register.md").read_bytes()
    for fmt in ("xlsx", "csv"):
        out = tmp_path / f"risk.{fmt}"
        assert main(["export", "risk", str(content), "--out", str(out), "-q"]) == 0
        assert main(["import", str(out), str(content), "-q"]) == 0
        assert (content / "register.md").read_bytes() == original
    cell = r"24\|7 patrols \\ dogs | partial | AG-POLICE"
    out = _edit(tmp_path, content, "risk", {("R-THEFT-01", "controls"): cell.replace("partial", "effective")})
    assert main(["import", str(out), str(content), "-q"]) == 0
    assert "{name: 24|7 patrols \\ dogs, effectiveness: effective" in (content / "register.md").read_text()


def test_an_empty_list_block_exports_and_imports(tmp_path: Path) -> None:
    content = _content(tmp_path, lambda t: t + "\n```yaml risk\n[]\n```\n")
    (content / "none.yml").write_text("kind: agency\nentities: []\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in content.rglob("*") if p.is_file()}
    out = tmp_path / "all.xlsx"
    assert main(["export", "risk", "agency", str(content), "--out", str(out), "-q"]) == 0
    assert main(["import", str(out), str(content), "-q"]) == 0
    assert {p: p.read_bytes() for p in content.rglob("*") if p.is_file()} == before


def test_a_control_character_is_reported_not_a_crash(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = _content(tmp_path, lambda t: t.replace("title: Theft of containers", 'title: "Theft\\vof containers'))
    content.joinpath("register.md").write_text(
        content.joinpath("register.md").read_text().replace("from the quay\n", 'from the quay"\n', 1)
    )
    assert main(["check", str(content), "-q"]) == 0
    capsys.readouterr()
    assert main(["export", "risk", str(content), "--out", str(tmp_path / "r.xlsx")]) == 1
    assert "error[E-EXPORT-CHARACTER]: risk R-THEFT-01.title: the control character U+000B" in capsys.readouterr().err
    assert main(["export", "risk", str(content), "--out", str(tmp_path / "r.csv"), "-q"]) == 0


def test_a_formula_in_the_id_cell_is_reported_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = _content(tmp_path)
    out = _edit(tmp_path, content, "risk", {("R-THEFT-01", "id"): '=CONCAT("R-", "X")'})
    capsys.readouterr()
    assert main(["import", str(out), str(content)]) == 1
    err = capsys.readouterr().err
    assert err.count("error[") == 1 and "risk!A2: error[E-SHEET-VALUE]: the cell holds the formula" in err


def test_a_value_outside_the_columns_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = _content(tmp_path)
    out = tmp_path / "risk.csv"
    assert main(["export", "risk", str(content), "--out", str(out), "-q"]) == 0
    first, rest = out.read_bytes().decode("utf-8").split("\r\n", 1)
    rows = list(csv.reader(rest.splitlines(keepends=True)))
    rows[1].append("instability")  # a comma left unquoted: one field too many
    with out.open("w", encoding="utf-8", newline="") as handle:
        handle.write(first + "\r\n")
        csv.writer(handle, lineterminator="\r\n").writerows(rows)
    capsys.readouterr()
    assert main(["import", str(out), str(content)]) == 1
    assert f"{out}:3:{len(rows[0]) + 1}: error[E-SHEET-VALUE]: risk sheet: 'instability' stands in a column" in (
        capsys.readouterr().err
    )


def test_emptying_a_required_field_is_reported_at_its_cell(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = _content(tmp_path)
    out = _edit(tmp_path, content, "risk", {("R-SPILL-01", "title"): None, ("R-THEFT-01", "lead"): "AG-NONE"})
    capsys.readouterr()
    assert main(["import", str(out), str(content)]) == 1
    err = capsys.readouterr().err
    assert f"{out}:risk!E3: error[E-FIELD-MISSING]" in err
    assert f"{out}:risk!G2: error[E-REF-UNKNOWN]: risk R-THEFT-01.lead: unknown agency 'AG-NONE'" in err


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        (  # an entity written as one flow mapping over several lines
            "```yaml risk\n{id: R-SPILL-01, title: Bunker spill at the oil berth,\n threat: TH-SPILL, lead: AG-PORT,\n"
            " inherent: {likelihood: 2, impact: 3}, residual: {likelihood: 1, impact: 3},\n"
            " target: {likelihood: 1, impact: 2}, review: 2026-09-30}\n```",
            "trend: decreasing\n",
        ),
        (  # scores and a literal block in block form, a comment line inside the text
            SPILL.replace(
                "inherent: {likelihood: 2, impact: 3}", "inherent:\n  likelihood: 2  # a guess\n  impact: 3"
            ).replace("review: 2026-09-30", "review: 2026-09-30\nscenario: |\n  A bunker hose parts.\n  # at night"),
            "trend: decreasing\n",
        ),
        (  # Unicode line and paragraph separators in the prose above: not line ends to the loader
            "A note\u2028on the berth\u0085 and its hoses.\n\n" + SPILL,
            "trend: decreasing\n",
        ),
    ],
    ids=["flow-entity", "block-styles", "unicode-separators"],
)
def test_a_field_edits_in_every_style(tmp_path: Path, written: str, expected: str) -> None:
    content = _content(tmp_path, lambda t: t.replace(SPILL, written))
    assert main(["check", str(content), "-q"]) == 0
    out = _edit(tmp_path, content, "risk", {("R-SPILL-01", "trend"): "decreasing"})
    assert main(["import", str(out), str(content), "-q"]) == 0
    assert expected in (content / "register.md").read_text(encoding="utf-8")
    assert main(["check", str(content), "-q"]) == 0
    again = tmp_path / "again.xlsx"
    assert main(["export", "risk", str(content), "--out", str(again), "-q"]) == 0
    ws = load_workbook(again)["risk"]
    header = {str(c.value): int(c.column or 0) for c in ws[1]}
    assert ws.cell(3, header["trend"]).value == "decreasing"
    if "# at night" in written:
        assert "  A bunker hose parts.\n  # at night\n" in (content / "register.md").read_text(encoding="utf-8")


def test_publication_yml_is_no_place_for_a_new_entity(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = _content(tmp_path)
    out = _edit(
        tmp_path,
        content,
        "agency",
        {("AG-NEW", "id"): "AG-NEW", ("AG-NEW", "name"): "New", ("AG-NEW", "file"): "publication.yml"},
    )
    capsys.readouterr()
    assert main(["import", str(out), str(content)]) == 1
    assert "error[E-SHEET-FILE]: agency AG-NEW is new, and 'publication.yml' is not a chapter or data file" in (
        capsys.readouterr().err
    )


def test_an_editions_export_does_not_say_what_it_withholds(tmp_path: Path) -> None:
    content = _content(
        tmp_path,
        lambda t: t.replace(
            "key_assets: [Container quay]", "key_assets: [Container quay]\nrestricted: {key_assets: OFFICIAL}"
        ),
    )
    out = tmp_path / "risk.csv"
    assert main(["export", "risk", str(content), "--edition", "public", "--out", str(out), "-q"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "Container quay" not in text and "key_assets: OFFICIAL" not in text
