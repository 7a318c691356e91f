"""Two clean builds of the same source give byte-identical sites and downloads."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest

from generator.build import build
from generator.progress import Progress

pytestmark = pytest.mark.slow  # two full builds, print editions included

REPO = Path(__file__).resolve().parent.parent
MINIMAL = Path(__file__).parent / "roots" / "minimal" / "content"
EPOCH = 1_780_000_000  # 2026-05-28, an arbitrary fixed build time


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_two_clean_builds_are_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    trees = []
    for run in (1, 2):
        status = build(
            MINIMAL,
            project_dir=REPO,
            site_dir=tmp_path / f"site{run}",
            build_dir=tmp_path / f"build{run}",
            progress=Progress(io.StringIO(), interactive=False),
        )
        assert status == 0
        trees.append(_tree(tmp_path / f"site{run}"))
        time.sleep(1.1)  # a clock-dependent stamp would now differ by a second
    first, second = trees
    assert sorted(first) == sorted(second)
    assert any(name.endswith(".pdf") for name in first) and any(name.endswith(".epub") for name in first)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []
    # the gzip header of the sitemap carries the build time: it is SOURCE_DATE_EPOCH, not the clock
    assert int.from_bytes(first["public/sitemap.xml.gz"][4:8], "little") == EPOCH - EPOCH % 86400  # its day


@pytest.mark.parametrize("value", ["", "  "])
def test_an_empty_source_date_epoch_is_taken_as_unset(
    value: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A CI that exports the variable empty gets the project's own date, not MkDocs failing on ``int('')``."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    stream = io.StringIO()
    status = build(
        MINIMAL,
        project_dir=REPO,
        site_dir=tmp_path / "site",
        build_dir=tmp_path / "build",
        with_print=False,
        progress=Progress(stream, interactive=False),
    )
    assert status == 0, stream.getvalue()
    assert (tmp_path / "site" / "public" / "index.html").is_file()
