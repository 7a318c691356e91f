"""Hostile and huge input ends in a located diagnostic: never a traceback, a hang or a crash."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

MINIMAL = Path(__file__).parent / "roots" / "minimal"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(MINIMAL, tmp_path / "p")
    return tmp_path / "p"


def run_check(project: Path) -> subprocess.CompletedProcess[str]:
    """``charter check content`` in a fresh interpreter, so a crash would show as a crash."""
    return subprocess.run(
        [sys.executable, "-m", "generator", "check", "content"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _write_block(project: Path, yaml_text: str) -> None:
    (project / "content" / "hostile.md").write_text(
        f"# Hostile\n\n```yaml agency\n{yaml_text}\n```\n", encoding="utf-8"
    )


def test_billion_laughs(project: Path) -> None:
    rows = ['id: AG-X\nname: &a0 "lol"']
    rows += [f"k{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    _write_block(project, "\n".join(rows))
    result = run_check(project)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "content/hostile.md:5:7: error[E-YAML-ALIAS]: agency block: YAML anchors and aliases are not supported"
    )


@pytest.mark.parametrize(
    "nested",
    [
        "name: " + "[" * 10_000 + "]" * 10_000,
        "name:\n" + "\n".join(" " * (2 * i) + "- " for i in range(1, 200)),
        "name: " + "- " * 10_000 + "x",
        "name: " + "[" * 200_000 + "]" * 200_000,
    ],
)
def test_deep_nesting(project: Path, nested: str) -> None:
    _write_block(project, "id: AG-X\n" + nested)
    result = run_check(project)
    assert result.returncode == 1, result.stderr
    assert "error[E-YAML-" in result.stderr
    assert "Traceback" not in result.stderr


def test_fifty_megabyte_field(project: Path) -> None:
    _write_block(project, "id: AG-X\nname: " + "x" * (50 * 1024 * 1024))
    result = run_check(project)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "content/hostile.md:1:1: error[E-FILE-SIZE]: the file is larger than 20 MB"
    )


def test_empty_content_folder(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    result = run_check(tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "content/publication.yml:1:1: error[E-PUBLICATION-MISSING]: this content folder has no publication.yml"
    )


def test_publication_with_no_chapters(project: Path) -> None:
    for path in (project / "content").glob("*.md"):
        path.unlink()
    result = run_check(project)
    assert result.returncode == 0
    assert result.stdout.startswith("content: OK: 0 chapters")


@pytest.mark.parametrize("run", ["[", "![", "[a", "[[", "]("])
def test_a_line_of_brackets_is_read_in_linear_time(project: Path, run: str) -> None:
    line = run * (1_000_000 // len(run))
    (project / "content" / "brackets.md").write_text(f"# Brackets\n\n{line}\n", encoding="utf-8")
    result = run_check(project)  # scanned once per '[' it took hours; the limit is two minutes
    assert result.returncode == 0, result.stderr
