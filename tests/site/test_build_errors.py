"""When MkDocs fails, the build says why in one message, leaves the last site alone, and never crashes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.site.conftest import MINIMAL, REPO, build_site, copy_content


def _project(tmp_path: Path, mkdocs_yml: str | None) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    if mkdocs_yml is not None:
        (project / "mkdocs.yml").write_text(mkdocs_yml, encoding="utf-8")
    return project


def test_a_broken_mkdocs_configuration_is_reported_and_the_old_site_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(tmp_path, "site_name: x\ntheme:\n  name: material\n  custom_dir: no-such-folder\n")
    old = tmp_path / "site" / "public" / "index.html"
    old.parent.mkdir(parents=True)
    old.write_text("the last good site", encoding="utf-8")
    built = build_site(MINIMAL, tmp_path, project_dir=project)
    err = capsys.readouterr().err
    assert built.status == 1
    assert "charter: error: MkDocs could not build the site" in err
    assert "custom_dir" in err
    assert "Traceback" not in err
    assert "charter: the previous site/ is unchanged" in err
    assert old.read_text(encoding="utf-8") == "the last good site"


def test_a_link_mkdocs_cannot_resolve_fails_the_strict_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = copy_content(MINIMAL, tmp_path / "content")
    plan = content / "plan.md"
    plan.write_text(plan.read_text(encoding="utf-8") + "\nSee [the annex](annex-that-is-not-there.md).\n")
    built = build_site(content, tmp_path)
    err = capsys.readouterr().err
    assert built.status == 1
    assert "annex-that-is-not-there.md" in err
    assert "Traceback" not in err
    assert not built.site.exists()


def test_a_project_without_mkdocs_yml_uses_the_one_charter_ships(tmp_path: Path) -> None:
    built = build_site(MINIMAL, tmp_path, project_dir=_project(tmp_path, None))
    assert built.status == 0, built.stderr
    generated = (built.build_dir / "site-src.mkdocs.yml").read_text(encoding="utf-8")
    assert f"INHERIT: {REPO / 'mkdocs.yml'}" in generated
    assert f"custom_dir: {REPO / 'themes' / 'site'}" in generated
    assert (built.site / "risks" / "r-theft-01" / "index.html").is_file()
    assert (built.site / "assets" / "stylesheets" / "charter.css").is_file()


def test_the_generated_configuration_builds_with_plain_mkdocs(tmp_path: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    built = build_site(MINIMAL, tmp_path)
    assert built.status == 0, built.stderr
    config = load_config(config_file=str(built.build_dir / "site-src.mkdocs.yml"), site_dir=str(tmp_path / "plain"))
    build(config)
    ours = (built.site / "risks" / "index.html").read_text(encoding="utf-8")
    plain = (tmp_path / "plain" / "risks" / "index.html").read_text(encoding="utf-8")
    assert ours == plain
