"""A team's own ``mkdocs.yml`` changes the look and adds pages, but never breaks the register or the offline rule."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.cli import main

MINIMAL = Path(__file__).parents[1] / "roots" / "minimal" / "content"
_ASSET = re.compile(r"<(?:link|script|img|source|iframe)\b[^>]*\b(?:href|src)=\"([^\"]*)\"", re.IGNORECASE)


def _project(tmp_path: Path, config: str) -> Path:
    project = tmp_path / "project"
    shutil.copytree(MINIMAL, project / "content")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return project


def _build(content: Path) -> int:
    return main(["build", str(content), "--no-print", "-q"])


def _assets(html: str) -> list[str]:
    return _ASSET.findall(html)


def test_a_teams_site_name_palette_and_page_with_charters_register(tmp_path: Path) -> None:
    project = _project(
        tmp_path,
        "site_name: Harbour Security Online\n"
        "theme:\n  palette:\n    scheme: default\n    primary: teal\n    accent: amber\n"
        "extra_css:\n  - assets/team.css\n",
    )
    (project / "docs" / "assets").mkdir(parents=True)
    (project / "docs" / "contact.md").write_text("# Contact us\n\nWrite to the secretariat.\n", encoding="utf-8")
    (project / "docs" / "assets" / "team.css").write_text(".md-header { border-bottom: 2px solid; }\n")
    assert _build(project / "content") == 0
    site = project / "site" / "public"
    register = (site / "register" / "index.html").read_text(encoding="utf-8")
    assets = _assets(register)
    css = [a for a in assets if a.endswith(".css")]
    assert [a.rsplit("/", 1)[-1] for a in css if "charter" in a or "team" in a] == ["charter.css", "team.css"]
    assert any(a.endswith("charter.js") for a in assets)
    assert any(a.endswith("assets/javascripts/charter.js") for a in assets)
    assert "<title>Register - Harbour Security Online</title>" in register
    assert 'data-md-color-primary="teal"' in register
    assert (site / "contact" / "index.html").is_file()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="contact/" class="md-nav__link">\s*<span class="md-ellipsis">\s*Contact us', home)
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in html, page
        outside = [a for a in _assets(html) if re.match(r"(?:[a-z]+:)?//", a, re.IGNORECASE)]
        assert outside == [], page


def test_a_mkdocs_yml_inside_the_content_with_its_own_theme_folder_and_hook(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(MINIMAL, content)
    (content / "mkdocs.yml").write_text("theme:\n  custom_dir: overrides\nhooks:\n  - hooks/stamp.py\n")
    (content / "overrides" / "partials").mkdir(parents=True)
    (content / "overrides" / "partials" / "copyright.html").write_text('<p class="team-copyright">Ours</p>\n')
    (content / "hooks").mkdir()
    (content / "hooks" / "stamp.py").write_text(
        "def on_post_page(output, page, config):\n    return output.replace('</body>', '<!-- team hook --></body>')\n"
    )
    assert _build(content) == 0
    register = (content / "site" / "public" / "register" / "index.html").read_text(encoding="utf-8")
    assert '<p class="team-copyright">Ours</p>' in register  # the team's theme folder
    assert "<!-- team hook -->" in register
    assert any(a.endswith("charter.css") for a in _assets(register))  # Charter's theme folder, after the team's
    assert (content / "site" / "public" / "assets" / "stylesheets" / "charter.css").is_file()
    assert any(a.endswith("charter.js") for a in _assets(register))


def test_a_setting_that_loads_from_outside_the_site_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(
        tmp_path,
        "extra_javascript:\n  - https://cdn.example.org/widget.js\n"
        "extra:\n  analytics:\n    provider: google\n    property: G-XXXX\n",
    )
    assert _build(project / "content") == 1
    err = capsys.readouterr().err
    assert "the site must make no request outside itself, but extra_javascript loads" in err
    assert "https://cdn.example.org/widget.js; extra.analytics loads an analytics script" in err
    assert not (project / "site" / "public").exists()
