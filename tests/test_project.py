"""Outputs never become content: they go to the project folder, and the loader never reads them.

``charter build .`` run inside ``content/`` used to write ``site/`` and ``build/`` there, and
the next ``charter check`` read Charter's own generated pages as chapters.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.diagnostics import Report
from generator.load import load_content
from generator.project import OUTPUT_MARK, project_dir
from tests.test_swap import snapshot

MINIMAL = Path(__file__).parent / "roots" / "minimal" / "content"


def test_the_project_is_the_folder_that_holds_mkdocs_yml_beside_the_content(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: further up\n", encoding="utf-8")
    project = tmp_path / "strategy"
    content = project / "content"
    (content / "chapters").mkdir(parents=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert project_dir(content, cwd=elsewhere) == elsewhere  # a mkdocs.yml further up is not this project's
    (project / "mkdocs.yml").write_text("site_name: this one\n", encoding="utf-8")
    for cwd in (content, content / "chapters", elsewhere, tmp_path):
        assert project_dir(content, cwd=cwd) == project
    (content / "mkdocs.yml").write_text("site_name: the content is the project\n", encoding="utf-8")
    assert project_dir(content, cwd=elsewhere) == content


def test_without_mkdocs_yml_the_project_is_the_current_folder_unless_that_is_inside_the_content(
    tmp_path: Path,
) -> None:
    content = tmp_path / "project" / "content"
    (content / "chapters").mkdir(parents=True)
    assert project_dir(content, cwd=tmp_path / "project") == tmp_path / "project"
    assert project_dir(content, cwd=content) == tmp_path / "project"
    assert project_dir(content, cwd=content / "chapters") == tmp_path / "project"
    assert project_dir(content, cwd=tmp_path) == tmp_path


def test_the_loader_never_reads_a_folder_charter_wrote(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(MINIMAL, content)
    for name, mark in (("site", OUTPUT_MARK), ("build", ".charter.lock"), ("kept", None)):
        (content / name).mkdir()
        (content / name / "page.md").write_text("# A page\n\n```yaml risk\nnot: a risk\n```\n", encoding="utf-8")
        if mark:
            (content / name / mark).write_text("", encoding="utf-8")
    files = [f.rel_path for f in load_content(content, Report()).files]
    assert "kept/page.md" in files
    assert [f for f in files if f.startswith(("site/", "build/"))] == []


def test_build_run_inside_the_content_folder_leaves_it_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "project"
    shutil.copytree(MINIMAL, project / "content")
    before = snapshot(project / "content")
    monkeypatch.chdir(project / "content")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert main(["build", ".", "--no-print"]) == 0
    assert snapshot(project / "content") == before
    assert (project / "site" / "public" / "index.html").is_file()
    assert (project / "site" / OUTPUT_MARK).is_file() and (project / "build" / OUTPUT_MARK).is_file()
    capsys.readouterr()
    assert main(["check", ".", "--strict"]) == 0
    assert capsys.readouterr().err == ""


def test_a_project_whose_content_folder_is_its_root_never_reads_its_outputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content = tmp_path / "content"
    shutil.copytree(MINIMAL, content)
    repository = Path(__file__).resolve().parents[1]
    config = (repository / "mkdocs.yml").read_text(encoding="utf-8")  # its hook and theme found where they are
    config = config.replace("- generator/", f"- {repository}/generator/")
    config = config.replace("custom_dir: ", f"custom_dir: {repository}/")
    (content / "mkdocs.yml").write_text(config, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert main(["check", "content"]) == 0
    checked = capsys.readouterr()
    assert main(["build", "content", "--no-print"]) == 0
    assert (content / "site" / "public" / "index.html").is_file()  # the project is content/ itself
    assert list((content / "build").rglob("*.md"))  # the generated pages are there to be misread
    capsys.readouterr()
    assert main(["check", "content"]) == 0
    assert capsys.readouterr() == checked
