"""pandoc's warnings reach the user as Charter's warnings, at the chapter's file and line.

A chapter gives two headings the same identifier, which the site tolerates but pandoc
warns about in each of the three formats and in both editions: the build shows it once,
at the second heading's line, and fails only with --strict.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.render_print.pandoc_warnings import warning_diagnostics
from tests.test_cli import MINIMAL, charter

SAMPLE = Path(__file__).resolve().parents[2] / "content"
NOTES = """---
title: Notes
order: 97
---

# Notes

Opening text.

## Scope {#notes-scope}

First.

## Other scope {#notes-scope}

Second.
"""
EXPECTED = "content/notes.md:14:1: warning[W-PANDOC]: pandoc: Duplicate identifier 'notes-scope'"


@pytest.mark.slow
def test_a_pandoc_warning_is_shown_once_at_its_line_for_every_format_and_edition(tmp_path: Path) -> None:
    shutil.copytree(SAMPLE, tmp_path / "content")
    (tmp_path / "content" / "notes.md").write_text(NOTES, encoding="utf-8")
    built = charter("build", "--out", "site", cwd=tmp_path, timeout=600)
    assert built.returncode == 0, built.stderr
    assert built.stderr.count(EXPECTED) == 1, built.stderr
    assert "W-PANDOC" not in built.stderr.replace(EXPECTED, ""), "no other warning: the sample prints cleanly"
    assert (tmp_path / "site" / "restricted" / "index.html").is_file()


@pytest.mark.slow
def test_a_pandoc_warning_fails_the_build_only_when_strict(tmp_path: Path) -> None:
    shutil.copytree(MINIMAL / "content", tmp_path / "content")
    (tmp_path / "content" / "notes.md").write_text(NOTES, encoding="utf-8")
    strict = charter("build", "--strict", "--out", "site", cwd=tmp_path)
    assert strict.returncode == 1
    assert EXPECTED in strict.stderr and "--strict" in strict.stderr
    assert not (tmp_path / "site" / "public" / "index.html").exists()


def test_a_warning_with_no_line_names_the_document(tmp_path: Path) -> None:
    markdown = tmp_path / "doc.md"
    markdown.write_text("# Title {#chapter-x .chapter}\n\nText.\n", encoding="utf-8")
    taken = {markdown: ["[WARNING] Could not fetch resource x.png: replacing image with description"]}
    (found,) = warning_diagnostics(
        taken, markdown, [], content_root=tmp_path, document="strategy", settings_path="content/publication.yml"
    )
    assert found.format().startswith(
        "content/publication.yml:1:1: warning[W-PANDOC]: pandoc: document 'strategy': Could not fetch resource x.png"
    )
