"""Fixtures for the site tests: small publications rendered to a tree, or built into a site."""

from __future__ import annotations

import io
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.build import build
from generator.diagnostics import Report
from generator.pipeline import read_publication
from generator.progress import Progress
from generator.resolve import Publication

REPO = Path(__file__).resolve().parents[2]
MINIMAL = REPO / "tests" / "roots" / "minimal" / "content"


@dataclass
class Built:
    """A content folder built into a site, with what the build printed."""

    content: Path
    build_dir: Path
    site: Path
    status: int
    stderr: str

    @property
    def tree(self) -> Path:
        """The Markdown tree the site was built from."""
        return self.build_dir / "site-src"


def load(content: Path) -> Publication:
    """A content folder read and resolved; it must have no error."""
    report = Report()
    publication = read_publication(content, report)
    assert publication is not None and not report.errors, "\n".join(d.format() for d in report.diagnostics)
    return publication


def build_site(content: Path, work: Path, *, project_dir: Path = REPO) -> Built:
    """Build a content folder's site (no print editions) into ``work``."""
    stream = io.StringIO()
    status = build(
        content,
        project_dir=project_dir,
        site_dir=work / "site",
        build_dir=work / "build",
        with_print=False,
        progress=Progress(stream, interactive=False),
    )
    # every fixture publication has a 'public' edition; build() puts each edition in a folder of its own
    return Built(content, work / "build" / "public", work / "site" / "public", status, stream.getvalue())


def copy_content(source: Path, target: Path) -> Path:
    """A private copy of a content folder, to change it in a test."""
    shutil.copytree(source, target)
    return target


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The shipped sample built once for the session."""
    built = build_site(REPO / "content", tmp_path_factory.mktemp("site-sample"))
    assert built.status == 0, built.stderr
    return built
