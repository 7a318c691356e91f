"""The shipped sample is the largest test: it passes --strict, and a drafter's slips are caught.

Each mutation below is one a drafter could plausibly make. The expected diagnostic is
computed from where the mutated line stands in the sample now, so the tests keep working
as the sample's prose is edited.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "content"


def test_sample_passes_strict(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["check", "content", "--strict"]) == 0
    out = capsys.readouterr()
    assert out.err == ""
    assert re.fullmatch(
        r"content: OK: \d+ chapters, 16 agencies, \d+ committees, \d+ risks, 5 objectives, "
        r"\d+ actions, \d+ indicators\n",
        out.out,
    )


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the sample to mutate, as the working directory."""
    shutil.copytree(SAMPLE, tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "content"


def _replace_line(path: Path, pattern: str, new: str) -> tuple[int, str]:
    """Replace the first line matching ``pattern``; return its 1-based number and old text."""
    lines = path.read_text(encoding="utf-8").split("\n")
    for index, line in enumerate(lines):
        if re.search(pattern, line):
            lines[index] = new
            path.write_text("\n".join(lines), encoding="utf-8")
            return index + 1, line
    raise AssertionError(f"{pattern!r} is not in {path}")


def _check(capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["check", "content"])
    return code, capsys.readouterr().err


def _risk_before(path: Path, line: int) -> str:
    ids = re.findall(r"^id: (\S+)$", "\n".join(path.read_text(encoding="utf-8").split("\n")[:line]), re.MULTILINE)
    return ids[-1]


def test_misspelt_agency(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = sample / "register" / "piracy.md"
    line, _ = _replace_line(path, r"^lead: AG-COASTGUARD$", "lead: AG-COASTGARD")
    code, err = _check(capsys)
    assert code == 1
    assert err.splitlines()[:2] == [
        f"content/register/piracy.md:{line}:7: error[E-REF-UNKNOWN]: risk {_risk_before(path, line)}.lead: "
        "unknown agency 'AG-COASTGARD'",
        "  hint: did you mean 'AG-COASTGUARD'?",
    ]


def test_score_off_the_scale(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = sample / "register" / "piracy.md"
    line, _ = _replace_line(path, r"^inherent: \{likelihood: \d, impact: \d\}$", "inherent: {likelihood: 9, impact: 3}")
    code, err = _check(capsys)
    assert code == 1
    assert (
        f"content/register/piracy.md:{line}:24: error[E-SCORE-RANGE]: risk {_risk_before(path, line)}"
        ".inherent.likelihood: 9 is not on the likelihood scale (1–5)" in err.splitlines()
    )
    assert "Traceback" not in err


def test_duplicated_risk_file(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(sample / "register" / "piracy.md", sample / "register" / "piracy-copy.md")
    code, err = _check(capsys)
    assert code == 1
    duplicates = [line for line in err.splitlines() if "E-ID-DUPLICATE" in line]
    risks = re.findall(r"^id: (R-\S+)$", (sample / "register" / "piracy.md").read_text(encoding="utf-8"), re.MULTILINE)
    assert len(duplicates) == len(risks) >= 2
    assert all(
        line.startswith("content/register/piracy.md:") and "content/register/piracy-copy.md:" in line
        for line in duplicates
    )


def test_broken_indentation(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = sample / "register" / "piracy.md"
    line, _ = _replace_line(path, r"^lead: AG-COASTGUARD$", "   lead: AG-COASTGUARD")
    code, err = _check(capsys)
    assert code == 1
    assert err.splitlines()[0].startswith(f"content/register/piracy.md:{line}:")
    assert "error[E-YAML-SYNTAX]: risk block: YAML syntax:" in err.splitlines()[0]
    assert err.splitlines()[-1] == "charter: 1 error, 0 warnings"


def test_dangling_reference(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = sample / "strategy" / "context.md"
    text = path.read_text(encoding="utf-8")
    line = text[: text.index("[[R-SMG-01]]")].count("\n") + 1
    col = text.split("\n")[line - 1].index("[[R-SMG-01]]") + 1
    path.write_text(text.replace("[[R-SMG-01]]", "[[R-SGM-01]]", 1), encoding="utf-8")
    code, err = _check(capsys)
    assert code == 1
    assert err.splitlines() == [
        f"content/strategy/context.md:{line}:{col}: error[E-REF-UNKNOWN]: chapter strategy/context.md: "
        "unknown entity 'R-SGM-01'",
        "  hint: did you mean 'R-SMG-01'?",
        # the copy is in no git repository, so the annual review's changes view cannot compare: one note
        f"content/strategy/annual-review.md:{_since_line(sample)}:1: note[N-CHANGES-UNAVAILABLE]: no comparison "
        "with 1.0.0: the content folder is not in a git repository",
        "  hint: keep the content in git to compare its versions",
        "charter: 1 error, 0 warnings",
    ]


def _since_line(sample: Path) -> int:
    text = (sample / "strategy" / "annual-review.md").read_text(encoding="utf-8")
    return text[: text.index("\nsince: 1.0.0")].count("\n") + 2
