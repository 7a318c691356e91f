"""The command line as a user runs it: exit statuses, usage errors, no tracebacks."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import __version__

MINIMAL = Path(__file__).parent / "roots" / "minimal"


def charter(
    *args: str, cwd: Path | None = None, timeout: float = 120, memory: int | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the installed command line in a fresh interpreter, with ``memory`` bytes of address space at most."""
    env = {k: v for k, v in os.environ.items() if k != "CHARTER_DEBUG"}

    def limit() -> None:
        if memory is not None:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        preexec_fn=limit,
        check=False,
    )


def test_version() -> None:
    result = charter("--version")
    assert (result.returncode, result.stdout.strip()) == (0, f"charter {__version__}")


def test_help_lists_the_commands() -> None:
    result = charter("--help")
    assert result.returncode == 0
    for command in ("check", "build", "print", "serve"):
        assert command in result.stdout


def test_no_command_is_a_usage_error() -> None:
    result = charter()
    assert result.returncode == 2
    assert "usage: charter" in result.stderr


def test_missing_content_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = charter("check", str(tmp_path / "nowhere"))
    assert result.returncode == 2
    assert result.stderr == f"charter: error: the content folder '{tmp_path / 'nowhere'}' does not exist\n"


def test_unknown_option_is_a_usage_error() -> None:
    result = charter("check", "--frobnicate")
    assert result.returncode == 2
    assert "unrecognized arguments: --frobnicate" in result.stderr


def test_clean_check_prints_a_summary() -> None:
    result = charter("check", "content", "--strict", cwd=MINIMAL)
    assert result.returncode == 0
    assert result.stdout == (
        "content: OK: 3 chapters, 2 agencies, 1 committees, 2 risks, 1 objectives, 1 actions, 1 indicators\n"
    )
    assert result.stderr == ""


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file regardless of permissions")
def test_unreadable_file_is_a_diagnostic(tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(MINIMAL, project)
    locked = project / "content" / "plan.md"
    locked.chmod(0)
    result = charter("check", "content", cwd=project)
    assert result.returncode == 1
    assert "content/plan.md:1:1: error[E-FILE-UNREADABLE]" in result.stderr
    assert "Traceback" not in result.stderr


def test_content_folder_that_is_a_file(tmp_path: Path) -> None:
    target = tmp_path / "publication.yml"
    target.write_text("title: x\n", encoding="utf-8")
    result = charter("check", str(target))
    assert result.returncode == 2
    assert "is not a folder" in result.stderr
