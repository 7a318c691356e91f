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


def test_version_names_the_tools_it_runs_with() -> None:
    result = charter("--version")
    lines = result.stdout.splitlines()
    assert (result.returncode, lines[0]) == (0, f"charter {__version__}")
    assert [line.split()[0] for line in lines[1:]] == ["mkdocs", "mkdocs-material", "pandoc", "typst"]
    assert all(line.startswith("  ") and line.split()[1][0].isdigit() for line in lines[1:])


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


def _broken_minimal(tmp_path: Path) -> Path:
    shutil.copytree(MINIMAL / "content", tmp_path / "content")
    register = tmp_path / "content" / "register.md"
    register.write_text(register.read_text().replace("lead: AG-POLICE", "lead: AG-POLIC", 1))
    return tmp_path


def test_check_prints_github_annotations(tmp_path: Path) -> None:
    project = _broken_minimal(tmp_path)
    result = charter("check", "--format", "github", cwd=project)
    line = next(
        n for n, t in enumerate((project / "content/register.md").read_text().splitlines(), 1) if "AG-POLIC" in t
    )
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"::error file=content/register.md,line={line},col=7,title=E-REF-UNKNOWN::"
        "risk R-THEFT-01.lead%3A unknown agency 'AG-POLIC'%0Ahint: did you mean 'AG-POLICE'?".replace("%3A", ":"),
    ]
    assert f"content/register.md:{line}:7: error[E-REF-UNKNOWN]" in result.stderr  # the usual lines too


def test_the_content_folder_is_found_from_inside_the_project(tmp_path: Path) -> None:
    shutil.copytree(MINIMAL / "content", tmp_path / "content")
    deep = tmp_path / "content" / "notes" / "drafts"
    deep.mkdir(parents=True)
    for where, shown in ((tmp_path, "content"), (deep, "../.."), (tmp_path / "content", ".")):
        result = charter("check", cwd=where)
        assert (result.returncode, result.stdout.split(":")[0]) == (0, shown), result.stderr


def test_quiet_and_verbose(tmp_path: Path) -> None:
    shutil.copytree(MINIMAL / "content", tmp_path / "content")
    assert charter("check", "-q", cwd=tmp_path).stdout == ""
    assert charter("check", "-v", cwd=tmp_path).stdout.rstrip().endswith(" s)")
    built = charter("build", "--no-print", "-v", "--out", "public-site", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    assert "  check " in built.stderr and "  public: mkdocs " in built.stderr  # each stage, even in a log
    assert (tmp_path / "public-site" / "public" / "index.html").is_file()
    assert charter("check", "-q", "-v", cwd=tmp_path).returncode == 2


def test_the_pre_commit_hooks_run_charter_check() -> None:
    import re

    import yaml

    hooks = yaml.safe_load((Path(__file__).parent.parent / ".pre-commit-hooks.yaml").read_text())
    assert [h["id"] for h in hooks] == ["charter-check", "charter-check-strict"]
    for hook in hooks:
        assert hook["language"] == "python" and hook["pass_filenames"] is False
        assert re.search(hook["files"], "content/register/piracy.md") and not re.search(hook["files"], "README.md")
        command, *args = hook["entry"].split()
        assert command == "charter"
        result = charter(*args, str(MINIMAL / "content"))
        assert result.returncode == 0, result.stderr


def test_a_site_configuration_of_any_name_with_f(tmp_path: Path) -> None:
    shutil.copytree(MINIMAL / "content", tmp_path / "content")
    (tmp_path / "web").mkdir()
    (tmp_path / "web" / "site-settings.yml").write_text("site_name: Harbour plan (web team)\n", encoding="utf-8")
    result = charter("build", "content", "--no-print", "-q", "-f", "web/site-settings.yml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "web" / "site" / "public" / "index.html").read_text(encoding="utf-8")  # the project is web/
    assert "Harbour plan (web team)" in page
    missing = charter("build", "content", "-f", "web/nothing.yml", cwd=tmp_path)
    assert (missing.returncode, missing.stderr) == (
        2,
        "charter: error: the site configuration 'web/nothing.yml' is not a file\n",
    )
