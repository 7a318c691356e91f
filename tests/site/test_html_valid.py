"""Every page of the built sample site, in both editions, is valid HTML to the W3C Nu HTML Checker.

The checker (vnu.jar, from the npm package vnu-jar) runs once, in one JVM, over every
page of every edition, 404.html included. The patches that make Material's base.html
valid (generator/render_site/material_patches.py) fail the build, loudly, once Material
no longer has the text they replace.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from mkdocs.exceptions import PluginError

from generator.render_site.material_patches import Patch
from tests.site.conftest import REPO, Built

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
EDITIONS = ("public", "restricted")


@pytest.fixture
def vnu() -> list[str]:
    """The command that runs the Nu HTML Checker; fails the test when Java or vnu.jar is missing."""
    java = shutil.which("java")
    if java is None:
        pytest.fail(
            "the HTML validity test needs Java to run the Nu HTML Checker (apt-get install default-jre-headless)"
        )
    if not VNU.is_file():
        pytest.fail(f"the HTML validity test needs the Nu HTML Checker at {VNU}; run 'npm ci' in {REPO}")
    return [java, "-jar", str(VNU)]


def _problems(messages: list[dict[str, Any]], sites: Path) -> list[str]:
    """The messages of a vnu JSON report, each as ``edition/page.html:line: type: message``."""
    problems = []
    for message in messages:
        path = Path(unquote(urlsplit(message.get("url", "")).path))
        where = path.relative_to(sites).as_posix() if path.is_relative_to(sites) else str(path)
        line = message.get("lastLine", message.get("firstLine", "?"))
        problems.append(f"{where}:{line}: {message.get('type', '?')}: {message.get('message', '')}")
    return problems


def test_every_page_of_both_editions_is_valid_html(vnu: list[str], sample_site: Built) -> None:
    sites = sample_site.site.parent
    pages = sorted(page for edition in EDITIONS for page in (sites / edition).rglob("*.html"))
    for edition in EDITIONS:
        assert (sites / edition / "404.html") in pages, f"the {edition} edition was not built"
    # vnu writes its report to stderr and exits 1 when it found an error
    result = subprocess.run(
        [*vnu, "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True,
        encoding="utf-8",
        errors="replace",
        timeout=300,
    )
    try:
        report = json.loads(result.stderr)
    except ValueError:
        pytest.fail(f"the Nu HTML Checker did not run (exit {result.returncode}):\n{result.stderr}{result.stdout}")
    problems = _problems(report.get("messages", []), sites)
    assert not problems, f"{len(problems)} HTML errors in {len(pages)} pages:\n" + "\n".join(problems)
    assert result.returncode == 0, f"the Nu HTML Checker exited {result.returncode}:\n{result.stderr}"


def test_a_patch_whose_text_material_no_longer_has_fails_the_build() -> None:
    patch = Patch("base.html", '<input autocomplete="off">', "<input>")
    assert patch.apply('<body><input autocomplete="off"></body>', "base.html") == "<body><input></body>"
    with pytest.raises(PluginError, match=r"base.html: expected once, found 0 times"):
        patch.apply("<body></body>", "base.html")
