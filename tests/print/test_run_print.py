"""``charter print`` as a user runs it: one line per file, content errors listed, no tracebacks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.render_print import run_print, typst_out
from tests.print.conftest import MINIMAL

pytestmark = pytest.mark.slow  # prints every format


def test_prints_every_format_and_names_the_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "downloads"
    assert run_print(MINIMAL, out_dir=out, project_dir=tmp_path, paper="a4") == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == [
        str(out / f"hsp-plan-0.1.0.{ext}") for ext in ("pdf", "docx", "epub")
    ]
    assert all((out / f"hsp-plan-0.1.0.{ext}").stat().st_size > 1000 for ext in ("pdf", "docx", "epub"))


def test_content_errors_are_listed_and_nothing_is_printed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = tmp_path / "content"
    shutil.copytree(MINIMAL, content)
    plan = content / "plan.md"
    plan.write_text(plan.read_text(encoding="utf-8").replace("[[R-THEFT-01]]", "[[R-THEFT-99]]"), encoding="utf-8")
    assert run_print(content, out_dir=tmp_path / "out", project_dir=tmp_path, paper="a4") == 1
    err = capsys.readouterr().err
    assert "plan.md:" in err and "R-THEFT-99" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_a_typst_failure_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    class Failing:
        def __init__(self, *args: object, **kwargs: object) -> None:
            pass

        def compile(self, *args: object, **kwargs: object) -> None:
            raise RuntimeError("font database unavailable")

    monkeypatch.setattr(typst_out.typst, "Compiler", Failing)
    assert run_print(MINIMAL, out_dir=tmp_path / "out", project_dir=tmp_path, paper="a4") == 1
    err = capsys.readouterr().err
    assert err.startswith("charter: error: Typst could not compile hsp-plan-0.1.0.typ: font database unavailable")
    assert "Traceback" not in err
