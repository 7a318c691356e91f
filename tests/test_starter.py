"""``charter new``: the starter project is complete and correct, and an occupied folder is refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from generator import packaged
from generator.cli import main
from generator.starter import STARTER, project_files
from tests.print.conftest import build, figure_alts, plain

PROJECT_FILES = {
    ".github/workflows/publish.yml",
    ".gitignore",
    ".gitlab-ci.yml",
    ".pre-commit-config.yaml",
    ".vscode/settings.json",
    ".vscode/extensions.json",
    "README.md",
    "mkdocs.yml",
}


def test_the_starter_content_passes_the_strict_check(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--strict", str(STARTER / "content")]) == 0
    out = capsys.readouterr().out
    assert "1 agencies, 1 committees, 1 risks, 1 objectives, 1 actions, 1 indicators" in out


def test_new_writes_the_starter_with_its_dot_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "my-strategy"
    assert main(["new", str(target)]) == 0
    written = {p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file()}
    assert written >= PROJECT_FILES
    assert {"content/publication.yml", "content/register.md"} <= written
    assert not any(part.startswith("dot-") for name in written for part in name.split("/"))
    assert "cd " + str(target) + " && charter serve" in capsys.readouterr().out
    assert main(["check", "--strict", str(target / "content")]) == 0


def test_new_refuses_a_folder_that_is_not_empty_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.txt").write_text("ours\n", encoding="utf-8")
    with pytest.raises(SystemExit) as stopped:
        main(["new", str(tmp_path)])
    assert stopped.value.code == 2
    assert f"charter: error: '{tmp_path}' is not empty; name a new folder, or give --force" in capsys.readouterr().err
    assert not (tmp_path / "content").exists()
    assert main(["new", str(tmp_path), "--force"]) == 0
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "ours\n"
    assert (tmp_path / "content" / "publication.yml").is_file()


def test_new_refuses_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "taken").write_text("", encoding="utf-8")
    with pytest.raises(SystemExit) as stopped:
        main(["new", str(tmp_path / "taken"), "--force"])
    assert stopped.value.code == 2
    assert "is a file, not a folder" in capsys.readouterr().err


def test_new_sample_writes_the_whole_solmara_sample() -> None:
    files = project_files(sample=True)
    sample = packaged.sample_content()
    shipped = {f"content/{p.relative_to(sample).as_posix()}" for p in sample.rglob("*") if p.is_file()}
    content = {p.as_posix() for p in files if p.parts[0] == "content"}
    assert content == shipped
    assert {p.as_posix() for p in files} >= PROJECT_FILES


def test_the_workflows_publish_only_the_public_edition() -> None:
    github = yaml.safe_load((STARTER / "dot-github" / "workflows" / "publish.yml").read_text(encoding="utf-8"))
    uploads = [s for job in github["jobs"].values() for s in job["steps"] if "upload" in str(s.get("uses", ""))]
    assert [s["with"]["path"] for s in uploads] == ["site/public"]
    assert github["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert "charter check --strict --format github" in [s.get("run") for s in github["jobs"]["check"]["steps"]]
    gitlab = yaml.safe_load((STARTER / "dot-gitlab-ci.yml").read_text(encoding="utf-8"))
    kept = [job["artifacts"]["paths"] for job in gitlab.values() if isinstance(job, dict) and "artifacts" in job]
    assert kept == [["public"]]
    assert "mv site/public public" in gitlab["pages"]["script"]
    hooks = yaml.safe_load((STARTER / "dot-pre-commit-config.yaml").read_text(encoding="utf-8"))
    # a changes view compares with an earlier commit: both CIs check out the whole history, with git at hand
    checkouts = [s for job in github["jobs"].values() for s in job["steps"] if "checkout" in str(s.get("uses", ""))]
    assert [s["with"]["fetch-depth"] for s in checkouts] == [0, 0]
    assert gitlab["variables"]["GIT_DEPTH"] == "0"
    assert any("install -y -qq git" in line for line in gitlab["default"]["before_script"])
    assert [h["id"] for repo in hooks["repos"] for h in repo["hooks"]] == ["charter-check"]


def test_the_editor_settings_name_the_schemas_charter_schema_writes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    import jsonschema

    target = tmp_path / "project"
    assert main(["new", str(target)]) == 0
    (target / "content" / "more-risks.yml").write_text("kind: risk\nentities: [{id: R-X}]\n", encoding="utf-8")
    assert main(["schema", str(target / "content")]) == 0
    settings = json.loads((target / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapped = settings["yaml.schemas"]
    assert set(mapped) == {"schema/publication.schema.json", "schema/data-file.schema.json"}
    for schema_path in mapped:
        assert (target / schema_path).is_file()  # charter schema, run in the project, writes them there
    publication = json.loads((target / "schema" / "publication.schema.json").read_text(encoding="utf-8"))
    written = yaml.safe_load((target / "content" / "publication.yml").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(publication).validate(json.loads(json.dumps(written, default=str)))
    data_file = json.loads((target / "schema" / "data-file.schema.json").read_text(encoding="utf-8"))
    assert not jsonschema.Draft202012Validator(data_file).is_valid({"kind": "risk", "entities": [{"id": "R-X"}]})


def test_the_starters_marking_colours_example_is_valid_once_uncommented(tmp_path: Path) -> None:
    content = shutil.copytree(STARTER / "content", tmp_path / "content")
    settings = content / "publication.yml"
    text = settings.read_text(encoding="utf-8")
    assert '  # colours: {OFFICIAL: "#1b6e3a"}\n' in text
    settings.write_text(text.replace("  # colours: {", "  colours: {"), encoding="utf-8")
    assert main(["check", "--strict", str(content)]) == 0


@pytest.mark.slow
def test_the_starter_prints_its_identity_on_the_cover_and_the_imprint(tmp_path: Path) -> None:
    """A new publication builds with print, and shows its issuer, emblem and imprint as written."""
    built = build(STARTER / "content", tmp_path)
    settings = built.whole.settings
    imprint = settings.imprint
    assert settings.issuer and settings.emblem and imprint.reference and imprint.copyright and imprint.contact
    for edition in (None, "committee"):
        pdf = built.file("PDF", edition=edition)
        reader = PdfReader(pdf)
        cover, back = (plain(reader.pages[index].extract_text()) for index in (0, 1))
        assert settings.issuer in cover and imprint.reference in cover
        for line in (imprint.copyright, imprint.licence, imprint.contact, imprint.alternative_formats):
            assert plain(line) in back, line
        assert settings.emblem_alt in figure_alts(pdf)
