"""Each case under tests/diagnostics/ mutates the minimal publication; the output must match exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from tests.casefile import parse_case

HERE = Path(__file__).parent
CASES = sorted((HERE / "diagnostics").glob("*.txt"))
MINIMAL = HERE / "roots" / "minimal"


@pytest.mark.parametrize("case_path", CASES, ids=[p.stem for p in CASES])
def test_diagnostic_case(
    case_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    case = parse_case(case_path)
    project = case.apply(MINIMAL, tmp_path / "project")
    monkeypatch.chdir(project)
    code = main(case.args)
    captured = capsys.readouterr()
    output = (captured.err + captured.out).strip("\n")
    assert output == case.expected
    assert code == case.exit_code


def test_there_are_enough_cases() -> None:
    codes = set()
    for path in CASES:
        for line in parse_case(path).expected.splitlines():
            if "error[" in line:
                codes.add(line.split("error[", 1)[1].split("]", 1)[0])
    assert len(CASES) >= 25
    assert len(codes) >= 20
