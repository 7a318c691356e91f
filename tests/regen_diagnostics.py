"""Rewrite the ``## expect`` section of every diagnostic case with what Charter prints now.

Run ``python -m tests.regen_diagnostics`` after an intended change to messages, then
review the result with ``git diff tests/diagnostics`` before committing it.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from pathlib import Path

from generator.cli import main
from tests.casefile import parse_case

HERE = Path(__file__).parent


def regenerate(path: Path) -> None:
    """Run one case and write its current output into its expect section."""
    case = parse_case(path)
    with tempfile.TemporaryDirectory() as tmp:
        project = case.apply(HERE / "roots" / "minimal", Path(tmp) / "project")
        previous = os.getcwd()
        os.chdir(project)
        out, err = io.StringIO(), io.StringIO()
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main(case.args)
        finally:
            os.chdir(previous)
    text = path.read_text(encoding="utf-8")
    head = text.split("\n## expect", 1)[0]
    output = (err.getvalue() + out.getvalue()).strip("\n")
    path.write_text(f"{head}\n## expect {code}\n{output}\n", encoding="utf-8")


if __name__ == "__main__":
    for case_path in sorted((HERE / "diagnostics").glob("*.txt")):
        regenerate(case_path)
