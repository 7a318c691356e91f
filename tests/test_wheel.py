"""The built wheel is all a team needs: installed outside the repository, it starts, checks and builds a project.

The wheel is built from a copy of the files the build reads (so nothing of the build is
left in the repository), installed in a fresh virtual environment, and then used as a
new team would: ``charter new``, ``charter check``, ``charter build`` with print, the
same with ``--sample``, and the GitHub workflow's build job run as a script.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
SOURCES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "mkdocs.yml", "generator", "themes", "content")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A fresh virtual environment with the wheel installed, and the wheel."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    for name in SOURCES:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            source.mkdir(exist_ok=True)
            shutil.copy2(REPO / name, source / name)
    dist = work / "dist"
    _run([sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "-q", "-w", str(dist)], cwd=work)
    (wheel,) = dist.glob("charter-*.whl")
    venv = work / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], cwd=work)
    _run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)], cwd=work)
    return venv, wheel


def _env(venv: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env.update(extra)
    return env


def _run(args: list[str], *, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, f"{' '.join(args)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _charter(venv: Path, *args: str, cwd: Path) -> str:
    return _run([str(venv / "bin" / "charter"), *args], cwd=cwd, env=_env(venv))


def _assert_published(project: Path, stem: str, version: str, *others: str) -> None:
    public = project / "site" / "public"
    assert (public / "index.html").is_file()
    assert (public / "register" / "index.html").is_file()
    assert (public / "assets" / "stylesheets" / "charter.css").is_file()
    assert sorted(p.name for p in (public / "downloads").iterdir()) == [
        f"{each}-{version}.{ext}" for each in sorted((stem, *others)) for ext in ("docx", "epub", "pdf")
    ]


def test_the_installed_package_is_charter_itself_outside_the_repository(installed: tuple[Path, Path]) -> None:
    venv, _ = installed
    found = _run([str(venv / "bin" / "python"), "-c", "import generator; print(generator.__file__)"], cwd=venv)
    assert Path(found.strip()).is_relative_to(venv)
    shipped = _run(
        [str(venv / "bin" / "python"), "-c", "from generator import packaged; print(packaged.shipped_root())"], cwd=venv
    )
    assert Path(shipped.strip()).is_relative_to(venv)
    fonts = Path(shipped.strip()) / "themes" / "print" / "fonts"  # the PDF's fonts and their licence
    assert {"NotoEmoji-Regular.ttf", "NotoSansArabic-Regular.ttf", "OFL.txt"} <= {p.name for p in fonts.iterdir()}


def test_a_new_project_checks_and_builds_with_print(installed: tuple[Path, Path], tmp_path: Path) -> None:
    venv, _ = installed
    _charter(venv, "new", "my-strategy", cwd=tmp_path)
    project = tmp_path / "my-strategy"
    assert (project / ".github" / "workflows" / "publish.yml").is_file()
    _charter(venv, "check", "--strict", cwd=project)
    _charter(venv, "build", cwd=project)
    _assert_published(project, "nss-strategy", "0.1.0")


def test_the_sample_checks_and_builds_with_print(installed: tuple[Path, Path], tmp_path: Path) -> None:
    venv, _ = installed
    _charter(venv, "new", "solmara", "--sample", cwd=tmp_path)
    project = tmp_path / "solmara"
    _charter(venv, "check", "--strict", cwd=project)
    _charter(venv, "build", cwd=project)
    _assert_published(project, "nmss-strategy", "1.1.0", "nmss-progress-2027")
    assert (project / "site" / "restricted" / "downloads" / "nmss-strategy-restricted-1.1.0.pdf").is_file()
    assert (project / "site" / "restricted" / "downloads" / "nmss-progress-2027-restricted-1.1.0.pdf").is_file()


def _job(venv: Path, tmp_path: Path, job: str) -> tuple[Path, list[dict[str, object]], str]:
    """A new project, the steps of one job of its GitHub workflow, and the job's ``run:`` lines as a script."""
    _charter(venv, "new", job, cwd=tmp_path)
    project = tmp_path / job
    workflow = yaml.safe_load((project / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"][job]["steps"]
    script = "\n".join(["set -euo pipefail", *(step["run"] for step in steps if "run" in step)])
    (project / f"{job}-job.sh").write_text(script + "\n", encoding="utf-8")
    return project, steps, script


def test_the_github_workflows_build_job_runs_as_a_script(installed: tuple[Path, Path], tmp_path: Path) -> None:
    venv, wheel = installed
    project, steps, script = _job(venv, tmp_path, "build")
    assert "charter build" in script
    assert all("run" not in step for step in steps if "deploy" in str(step.get("uses", "")))
    _run(["bash", "build-job.sh"], cwd=project, env=_env(venv, CHARTER_PACKAGE=str(wheel)))
    _assert_published(project, "nss-strategy", "0.1.0")
    uploaded = [step["with"]["path"] for step in steps if "upload-pages-artifact" in str(step.get("uses", ""))]
    assert uploaded == ["site/public"]


def test_the_github_workflows_check_job_annotates_a_problem(installed: tuple[Path, Path], tmp_path: Path) -> None:
    venv, wheel = installed
    project, _, script = _job(venv, tmp_path, "check")
    assert "--format github" in script
    register = project / "content" / "register.md"
    text = register.read_text(encoding="utf-8")
    lead = next(line for line in text.splitlines() if line.startswith("lead: AG-"))
    register.write_text(text.replace(lead, "lead: AG-NOBODY", 1), encoding="utf-8")
    line = next(n for n, t in enumerate(register.read_text().splitlines(), 1) if t == "lead: AG-NOBODY")
    result = subprocess.run(
        ["bash", "check-job.sh"],
        cwd=project,
        env=_env(venv, CHARTER_PACKAGE=str(wheel)),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert f"::error file=content/register.md,line={line},col=7,title=E-REF-UNKNOWN::" in result.stdout
