"""charter export and charter import: the register as a spreadsheet and back, as a drafter would use them.

Round trips change no byte of any publication; an edited sheet gives exactly the expected
edits, or exactly the expected diagnostics at the sheet's cells (and writes nothing); an
edition's export holds nothing the edition withholds.
"""

from __future__ import annotations

import csv
import datetime as dt
import filecmp
import json
import shutil
import string
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from generator.cli import main
from generator.diagnostics import Report
from generator.pipeline import read_publication

REPO = Path(__file__).resolve().parent.parent
ROOTS = sorted(p.parent for p in (REPO / "tests" / "roots").glob("*/content"))
ALL_KINDS = ["risk", "action", "indicator", "agency", "committee", "threat", "objective", "phase", "acronym"]


def _copy(source: Path, tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(source, content)
    return content


def _same_tree(a: Path, b: Path) -> bool:
    compared = filecmp.dircmp(a, b)
    if compared.left_only or compared.right_only or compared.diff_files or compared.funny_files:
        return False
    files = [p.relative_to(a) for p in a.rglob("*") if p.is_file()]
    return all((a / f).read_bytes() == (b / f).read_bytes() for f in files)


def _run(*args: str) -> int:
    return main(list(args))


def _sheet_cells(path: Path, sheet: str) -> tuple[Any, dict[str, int], dict[str, int]]:
    book = load_workbook(path)
    ws = book[sheet]
    header = {str(c.value): int(c.column or 0) for c in ws[1]}
    rows = {str(ws.cell(r, 1).value): r for r in range(2, ws.max_row + 1)}
    return book, header, rows


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
@pytest.mark.parametrize("root", [REPO, *ROOTS], ids=lambda p: p.name)
def test_export_then_import_changes_no_byte(
    root: Path, fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = _copy(root / "content", tmp_path)
    out = tmp_path / ("sheets" if fmt == "csv" else "all.xlsx")
    assert _run("export", *ALL_KINDS, str(content), "--format", fmt, "--out", str(out)) == 0
    sheets = sorted(out.glob("*.csv")) if fmt == "csv" else [out]
    for sheet in sheets:
        assert _run("import", str(sheet), str(content)) == 0
        assert "changed 0 entities" in capsys.readouterr().out
    assert _same_tree(root / "content", content)


@pytest.mark.parametrize(("size", "seed"), [(400, 11), (150, 3), (60, 29)])
def test_a_generated_publication_round_trips(
    size: int, seed: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bench.synthetic import write_synthetic

    content = write_synthetic(tmp_path / "synthetic", size, seed=seed)
    original = tmp_path / "original"
    shutil.copytree(content, original)
    out = tmp_path / "all.xlsx"
    assert _run("export", *ALL_KINDS, str(content), "--out", str(out)) == 0
    assert _run("import", str(out), str(content)) == 0
    assert "changed 0 entities" in capsys.readouterr().out
    assert _same_tree(original, content)


def test_an_edited_sheet_changes_only_what_changed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = _copy(REPO / "content", tmp_path)
    out = tmp_path / "register.xlsx"
    assert _run("export", "register", str(content), "--out", str(out)) == 0
    book, col, rows = _sheet_cells(out, "risk")
    ws = book["risk"]
    ws.cell(rows["R-PIR-01"], col["residual.likelihood"]).value = 3
    new = ws.max_row + 1
    values = {
        "id": "R-PIR-03",
        "title": "Hijack of a harbour tug in the approach channel",
        "threat": "TH-PIRACY",
        "lead": "AG-COASTGUARD",
        "support": "AG-NAVY, AG-PORTS",
        "inherent.likelihood": 2,
        "inherent.impact": 3,
        "residual.likelihood": 2,
        "residual.impact": 3,
        "target.likelihood": 1,
        "target.impact": 3,
        "controls": "Tug escort rota | partial | AG-PORTS",
        "review": "2027-06-30",
        "file": "register/piracy.md",
    }
    for name, value in values.items():
        ws.cell(new, col[name]).value = value
    book.save(out)
    before = (content / "register" / "piracy.md").read_text()
    capsys.readouterr()
    assert _run("import", str(out), str(content)) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        "risk R-PIR-01 (register/piracy.md): residual.likelihood",
        "risk R-PIR-03 (register/piracy.md): new",
        f"{out}: changed 2 entities",
    ]
    unaddressed = f"{out}:risk!A{new}: warning[W-RISK-UNADDRESSED]: risk R-PIR-03: no objective addresses this risk"
    assert unaddressed in captured.err
    after = (content / "register" / "piracy.md").read_text()
    expected = before.replace("residual: {likelihood: 4, impact: 3}", "residual: {likelihood: 3, impact: 3}", 1)
    expected += (
        "\n```yaml risk\n"
        "id: R-PIR-03\n"
        "title: Hijack of a harbour tug in the approach channel\n"
        "threat: TH-PIRACY\n"
        "lead: AG-COASTGUARD\n"
        "support: [AG-NAVY, AG-PORTS]\n"
        "inherent: {likelihood: 2, impact: 3}\n"
        "residual: {likelihood: 2, impact: 3}\n"
        "target: {likelihood: 1, impact: 3}\n"
        "controls:\n"
        "  - {name: Tug escort rota, effectiveness: partial, owner: AG-PORTS}\n"
        "review: 2027-06-30\n"
        "```\n"
    )
    assert after == expected
    others = [p for p in (REPO / "content").rglob("*.md") if p.name != "piracy.md"]
    assert all(p.read_bytes() == (content / p.relative_to(REPO / "content")).read_bytes() for p in others)
    assert _run("check", str(content)) == 0  # the new risk is unaddressed: a warning only


def test_every_problem_of_a_sheet_at_its_cell_and_nothing_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = _copy(REPO / "content", tmp_path)
    out = tmp_path / "register.xlsx"
    assert _run("export", "risk", str(content), "--out", str(out)) == 0
    book, col, rows = _sheet_cells(out, "risk")
    ws = book["risk"]
    ws.cell(rows["R-PIR-01"], col["lead"]).value = "AG-COASTGARD"
    ws.cell(rows["R-PIR-02"], col["residual.likelihood"]).value = 7
    ws.cell(rows["R-PIR-02"], col["review"]).value = "31/03/2028"
    ws.cell(rows["R-SMG-01"], col["trend"]).value = "upwards"
    book.save(out)
    capsys.readouterr()
    assert _run("import", str(out), str(content)) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{out}:risk!G21: error[E-REF-UNKNOWN]: risk R-PIR-01.lead: unknown agency 'AG-COASTGARD'",
        "  hint: did you mean 'AG-COASTGUARD'?",
        f"{out}:risk!M22: error[E-SCORE-RANGE]: risk R-PIR-02.residual.likelihood: "
        "7 is not on the likelihood scale (1–5)",
        "  hint: use a whole number from 1 to 5",
        f"{out}:risk!AB22: error[E-SHEET-VALUE]: risk R-PIR-02.review: '31/03/2028' is not a date written YYYY-MM-DD",
        "  hint: write dates as YYYY-MM-DD: 2028-03-31?",
        f"{out}:risk!Y23: error[E-FIELD-CHOICE]: risk R-SMG-01.trend: 'upwards' is not one of increasing, stable, "
        "decreasing",
        "  hint: use one of: increasing, stable, decreasing",
        "charter: 4 errors, 0 warnings",
    ]
    assert _same_tree(REPO / "content", content)
    assert not list(tmp_path.glob(".charter-import-*"))


def test_a_csv_problem_at_its_line_and_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = _copy(REPO / "content", tmp_path)
    out = tmp_path / "risk.csv"
    assert _run("export", "risk", str(content), "--out", str(out)) == 0
    text = out.read_bytes().decode("utf-8")
    first, rest = text.split("\r\n", 1)
    assert first == "# OFFICIAL-SENSITIVE | charter export | kind: risk | edition: all"
    rows = list(csv.reader(rest.splitlines(keepends=True)))
    header = rows[0]
    for row in rows[1:]:
        if row[0] == "R-PIR-01":
            row[header.index("lead")] = "AG-COASTGARD"
    with out.open("w", encoding="utf-8", newline="") as handle:
        handle.write(first + "\r\n")
        csv.writer(handle, lineterminator="\r\n").writerows(rows)
    lines = out.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, start=1) if text.startswith("R-PIR-01,"))
    capsys.readouterr()
    assert _run("import", str(out), str(content)) == 1
    err = capsys.readouterr().err
    assert f"{out}:{line}:7: error[E-REF-UNKNOWN]: risk R-PIR-01.lead: unknown agency 'AG-COASTGARD'" in err
    assert _same_tree(REPO / "content", content)


def test_an_entity_missing_from_the_sheet_is_kept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = _copy(REPO / "content", tmp_path)
    out = tmp_path / "agency.xlsx"
    assert _run("export", "agency", str(content), "--out", str(out)) == 0
    book, _, rows = _sheet_cells(out, "agency")
    book["agency"].delete_rows(rows["AG-NAVY"])
    book.save(out)
    capsys.readouterr()
    assert _run("import", str(out), str(content)) == 0
    err = capsys.readouterr().err
    where = f"{content}/structure/agencies.md"
    assert (
        f"{out}:agency!A1: warning[W-SHEET-MISSING]: agency AG-NAVY ({where}:32) is not in the sheet: it is kept" in err
    )
    assert _same_tree(REPO / "content", content)


def test_an_editions_export_withholds_and_cannot_be_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = _copy(REPO / "tests" / "roots" / "canary" / "content", tmp_path)
    written: list[Path] = []
    for fmt in ("xlsx", "csv", "json"):
        out = tmp_path / f"public-{fmt}" / f"risk.{fmt}"
        out.parent.mkdir()
        assert (
            _run(
                "export",
                *ALL_KINDS,
                str(content),
                "--edition",
                "public",
                "--format",
                fmt,
                "--out",
                str(out.parent if fmt == "csv" else out),
            )
            == 0
        )
        written += [p for p in out.parent.iterdir() if p.is_file()]
    from generator.output_text import read_output

    for path in written:
        text = read_output(path).text
        for canary in (
            "CANARYFIELDASSET",
            "CANARYENTITYTITLE",
            "CANARYENTITYSCENARIO",
            "CANARYBLOCKNAME",
            "CANARYACRONYM",
        ):
            assert canary not in text, (path, canary)
    document = json.loads((tmp_path / "public-json" / "risk.json").read_text())
    assert document["classification"] == "PUBLIC"
    capsys.readouterr()
    sheet = tmp_path / "public-xlsx" / "risk.xlsx"
    assert _run("import", str(sheet), str(content)) == 1
    assert "error[E-SHEET-EDITION]: this sheet is the public edition's view" in capsys.readouterr().err


def test_the_workbook_helps_a_drafter(tmp_path: Path) -> None:
    out = tmp_path / "register.xlsx"
    assert _run("export", "risk", "action", str(REPO / "content"), "--out", str(out)) == 0
    book = load_workbook(out)
    assert book.sheetnames == ["about", "lists", "risk", "action"]
    assert book["lists"].sheet_state == "hidden"
    ws = book["risk"]
    assert ws.freeze_panes == "B2"
    header: dict[str, Any] = {str(c.value): c for c in ws[1]}
    assert header["lead"].comment.text == "the agency that leads on it (required)"
    assert header["lead"].font.bold
    lists = book["lists"]
    ranges = {str(dv.sqref).split(":")[0][:-1]: dv.formula1 for dv in ws.data_validations.dataValidation}
    lead = ranges[header["lead"].column_letter]
    column = lead.split("!")[1].split(":")[0].strip("$").rstrip("0123456789").strip("$")
    picks = [c.value for c in lists[column] if c.value]
    assert "AG-COASTGUARD" in picks and "AG-NAVY" in picks
    trend = ranges[header["trend"].column_letter]
    column = trend.split("!")[1].split(":")[0].strip("$").rstrip("0123456789").strip("$")
    assert [c.value for c in lists[column] if c.value] == ["increasing", "stable", "decreasing"]
    assert book["about"]["B1"].value == "OFFICIAL-SENSITIVE"
    assert ws.oddHeader is not None and ws.oddHeader.center.text == "OFFICIAL-SENSITIVE"
    rows = {str(ws.cell(r, 1).value): r for r in range(2, ws.max_row + 1)}
    assert ws.cell(rows["R-PIR-01"], header["review"].column).number_format == "yyyy-mm-dd"


def test_a_formula_in_content_stays_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = _copy(REPO / "tests" / "roots" / "minimal" / "content", tmp_path)
    source = content / "register.md"
    text = source.read_text()
    title_line = "title: Theft of containers from the quay"
    assert title_line in text
    source.write_text(text.replace(title_line, 'title: \'=HYPERLINK("http://x.example","click")\'', 1))
    original = source.read_bytes()
    for fmt in ("xlsx", "csv"):
        out = tmp_path / f"risk.{fmt}"
        assert _run("export", "risk", str(content), "--out", str(out)) == 0
        if fmt == "xlsx":
            cell = next(c for c in load_workbook(out)["risk"]["E"] if str(c.value).startswith("=HYPER"))
            assert cell.data_type == "s"
        else:
            assert "'=HYPERLINK(" in out.read_text()
        assert _run("import", str(out), str(content)) == 0
        assert source.read_bytes() == original


_TEXT = (
    st.text(
        alphabet=st.sampled_from(list(string.ascii_letters + string.digits + " :'\"#-,.!?&*|%@`/()+=~éΩ中")),
        min_size=1,
        max_size=160,
    )
    .map(str.strip)
    .filter(bool)
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    title=_TEXT,
    scenario=st.lists(_TEXT, min_size=1, max_size=8).map(" ".join),
    assets=st.lists(_TEXT, min_size=0, max_size=3),
    likelihood=st.integers(1, 3),  # the minimal publication scores on 3-point scales
    trend=st.sampled_from(["increasing", "stable", "decreasing"]),
    review=st.dates(dt.date(2026, 1, 1), dt.date(2035, 12, 31)),
)
def test_whatever_a_drafter_types_reads_back_as_typed(
    tmp_path_factory: pytest.TempPathFactory,
    title: str,
    scenario: str,
    assets: list[str],
    likelihood: int,
    trend: str,
    review: dt.date,
) -> None:
    tmp_path = tmp_path_factory.mktemp("typed")
    content = _copy(REPO / "tests" / "roots" / "minimal" / "content", tmp_path)
    out = tmp_path / "risk.xlsx"
    assert main(["export", "risk", str(content), "--out", str(out)]) == 0
    book, col, rows = _sheet_cells(out, "risk")
    ws = book["risk"]
    row = rows["R-THEFT-01"]
    typed = {
        "title": title,
        "scenario": scenario,
        "key_assets": "\n".join(assets) or None,
        "residual.likelihood": likelihood,
        "trend": trend,
        "review": review,
    }
    for name, value in typed.items():
        cell = ws.cell(row, col[name])
        cell.value = value
        if isinstance(value, str):
            cell.data_type = "s"  # typed as text, as a spreadsheet keeps text that starts with '='
    book.save(out)
    assert main(["import", str(out), str(content)]) == 0
    again = tmp_path / "again.xlsx"
    assert main(["export", "risk", str(content), "--out", str(again)]) == 0
    book, col, rows = _sheet_cells(again, "risk")
    read = {name: book["risk"].cell(rows["R-THEFT-01"], col[name]).value for name in typed}
    read["review"] = read["review"].date()
    assert read == typed
    report = Report()  # it checks as it did, but for a character no print font has (none ships a CJK font)
    read_publication(content, report)
    typed_text = " ".join(v for v in typed.values() if isinstance(v, str))
    assert {d.code for d in report.errors} == ({"E-PRINT-GLYPH"} if "中" in typed_text else set())


def test_a_formula_saved_without_its_value_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = _copy(REPO / "tests" / "roots" / "minimal" / "content", tmp_path)
    out = tmp_path / "risk.xlsx"
    assert _run("export", "risk", str(content), "--out", str(out)) == 0
    book, col, rows = _sheet_cells(out, "risk")
    book["risk"].cell(rows["R-THEFT-01"], col["scenario"]).value = '=CONCAT("A", "B")'  # a script's formula: no value
    book.save(out)
    capsys.readouterr()
    assert _run("import", str(out), str(content)) == 1
    letter = book["risk"].cell(1, col["scenario"]).column_letter
    assert capsys.readouterr().err.splitlines()[:2] == [
        f"{out}:risk!{letter}2: error[E-SHEET-VALUE]: "
        + """the cell holds the formula '=CONCAT("A", "B")' with no value saved""",
        "  hint: type the value itself, or open and save the file in a spreadsheet program",
    ]
    assert _same_tree(REPO / "tests" / "roots" / "minimal" / "content", content)


def test_a_csv_saved_with_semicolons_reads_the_same(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = _copy(REPO / "content", tmp_path)
    out = tmp_path / "risk.csv"
    assert _run("export", "risk", str(content), "--out", str(out)) == 0
    first, rest = out.read_bytes().decode("utf-8").split("\r\n", 1)
    rows = list(csv.reader(rest.splitlines(keepends=True)))
    with out.open("w", encoding="utf-8-sig", newline="") as handle:  # as Excel saves "CSV UTF-8" in French
        handle.write(first + "\r\n")
        csv.writer(handle, delimiter=";", lineterminator="\r\n").writerows(rows)
    capsys.readouterr()
    assert _run("import", str(out), str(content)) == 0
    assert "changed 0 entities" in capsys.readouterr().out
    assert _same_tree(REPO / "content", content)
