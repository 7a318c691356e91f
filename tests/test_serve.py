"""``charter serve``'s rebuilds: everything by default, or one edition as its readers see it."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.render_site.serve import _Preview

REPO = Path(__file__).resolve().parents[1]
RESTRICTED_TITLE = "Vehicle-borne IED attack on a ro-ro passenger ferry sailing from Veyra"
"""R-TER-01's title: OFFICIAL-SENSITIVE, so the public edition shows its public name instead."""


def _page(site: Path, relative: str) -> str:
    return (site / relative).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def previews(tmp_path_factory: pytest.TempPathFactory) -> dict[str, _Preview]:
    built = {}
    for name, edition in (("everything", None), ("public", "public")):
        preview = _Preview(REPO / "content", REPO, tmp_path_factory.mktemp(name), edition)
        assert preview._build() is None
        built[name] = preview
    return built


def test_by_default_the_preview_shows_everything(previews: dict[str, _Preview]) -> None:
    page = _page(previews["everything"].site_dir, "risks/r-ter-01/index.html")
    assert RESTRICTED_TITLE in page


def test_an_edition_preview_shows_what_its_readers_see(previews: dict[str, _Preview]) -> None:
    site = previews["public"].site_dir
    page = _page(site, "risks/r-ter-01/index.html")
    assert RESTRICTED_TITLE not in page
    assert "Terrorist attack on a passenger ferry" in page  # its public name
    home = _page(site, "index.html")
    assert "PUBLIC" in home and "OFFICIAL-SENSITIVE" not in home


def test_an_unknown_edition_is_a_problem_shown_in_the_preview(tmp_path: Path) -> None:
    problems = _Preview(REPO / "content", REPO, tmp_path, "draft")._build()
    assert problems is not None
    assert "error[E-EDITION-UNKNOWN]: the publication has no edition 'draft' (it has: public, restricted)" in problems
    assert "hint: name one of its editions with --edition" in problems
