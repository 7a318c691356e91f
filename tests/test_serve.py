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


def test_the_preview_says_it_makes_no_printed_documents(previews: dict[str, _Preview]) -> None:
    home = _page(previews["everything"].site_dir, "index.html")
    assert "The preview does not make the printed documents (PDF, DOCX, EPUB)" in home
    assert 'href="downloads/' not in home


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


@pytest.mark.slow  # nine builds of the sample's site
def test_a_preview_that_rebuilds_again_and_again_does_not_grow(tmp_path: Path) -> None:
    """Each rebuild frees the last one: a drafter's preview runs all day. (It grew 5.5 MiB a rebuild of the sample.)"""
    import subprocess
    import sys

    script = f"""
import os, sys
from pathlib import Path
from generator.render_site.serve import _Preview
preview = _Preview(Path({str(REPO / "content")!r}), Path({str(REPO)!r}), Path({str(tmp_path)!r}))
sys.stderr = open(os.devnull, "w")
def resident():
    return int(open("/proc/self/statm").read().split()[1]) * 4096 / 2**20
for _ in range(3):
    assert preview._build() is None
before = resident()
for _ in range(6):
    assert preview._build() is None
print(resident() - before)
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=300)
    assert float(result.stdout) < 8, f"the preview grew {float(result.stdout):.1f} MiB over 6 rebuilds"
