"""Print editions: PDF (pandoc -> Typst -> tagged PDF/UA-1), DOCX and EPUB 3."""

from __future__ import annotations

from pathlib import Path

from generator.downloads import Download
from generator.resolve import Publication


def build_documents(
    publication: Publication, out_dir: Path, *, project_dir: Path, work_dir: Path, paper: str = "a4"
) -> list[Download]:
    """Build every document of the publication into ``out_dir``; returns the files written."""
    return []


def run_print(content: Path, *, out_dir: Path, project_dir: Path, paper: str) -> int:
    """``charter print``: check the content, then build every document; returns the exit status."""
    return 0
