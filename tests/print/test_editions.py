"""Each edition prints its own files, marked with its level; the public files hold nothing above it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from generator.diagnostics import Report
from generator.leakcheck import find_leaks, secrets
from generator.resolve.editions import for_edition
from tests.print.conftest import Built

pytestmark = pytest.mark.slow  # reads the print editions of the sample


def test_every_edition_gets_its_own_files(sample: Built) -> None:
    editions = sample.whole.settings.editions
    documents = sample.whole.settings.documents  # the strategy and the progress report
    assert len(sample.downloads) == 3 * len(editions) * len(documents) == 12
    assert len({d.filename for d in sample.downloads}) == len(sample.downloads)


def test_public_files_leak_nothing_restricted(sample: Built, tmp_path: Path) -> None:
    public = sample.whole.settings.editions[0]
    hidden = secrets(sample.whole, sample.publication)
    assert hidden, "the sample should have restricted text for this test to mean anything"
    public_files = [d.filename for d in sample.downloads if "-restricted-" not in d.filename]
    assert len(public_files) == 6  # both documents, every format
    for name in public_files:
        shutil.copy(sample.out_dir / name, tmp_path)
    leaks = find_leaks(tmp_path, hidden)
    assert not leaks, [leak.format() for leak in leaks[:5]]
    assert public.level == sample.publication.marking


def test_a_restricted_edition_is_marked_with_its_level_on_every_page(sample: Built) -> None:
    editions = sample.whole.settings.editions
    if len(editions) < 2:
        pytest.skip("the sample has one edition")
    restricted = editions[1]
    cut = for_edition(sample.whole, restricted, Report())
    pdf = sample.file("PDF", edition=restricted.id)
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    for number, page in enumerate(p for p in pages.stdout.split("\f") if p.strip()):
        lines = [line for line in page.splitlines() if line.strip()]
        assert cut.marking in lines[0] and cut.marking in " ".join(lines[-2:]), f"page {number + 1}"
