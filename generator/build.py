"""``charter build``: check, print, render the site tree, run MkDocs, then swap in the new site.

Nothing is written into ``site/`` until every step has succeeded: the new site is built
in a staging folder beside it and replaces the old one only at the end, so a failed
build leaves the last good site untouched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from generator.diagnostics import Report
from generator.downloads import Download
from generator.errors import BuildError
from generator.pipeline import read_publication
from generator.progress import Progress


def build(
    content: Path,
    *,
    project_dir: Path,
    site_dir: Path,
    build_dir: Path,
    with_print: bool = True,
    strict: bool = False,
    progress: Progress | None = None,
) -> int:
    """Build the site (and the print editions) from ``content``; returns the exit status."""
    from generator.cli import print_report
    from generator.render_site import run_mkdocs, write_tree

    progress = progress or Progress()
    os.environ.setdefault("SOURCE_DATE_EPOCH", source_date_epoch(project_dir))
    report = Report()
    with progress.stage("check") as detail:
        publication = read_publication(content, report)
        detail.append(f"{len(publication.entities) if publication else 0} entities")
    print_report(report, strict=strict)
    if publication is None or report.failed(strict=strict):
        return 1

    tree_dir = build_dir / "site-src"
    if tree_dir.exists():
        shutil.rmtree(tree_dir)
    tree_dir.mkdir(parents=True)
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    try:
        downloads: list[Download] = []
        if with_print:
            from generator.render_print import build_documents

            with progress.stage("print") as detail:
                downloads = build_documents(
                    publication, tree_dir / "downloads", project_dir=project_dir, work_dir=build_dir / "print"
                )
                detail.append(f"{len(downloads)} files")
        with progress.stage("render") as detail:
            pages = write_tree(publication, tree_dir, downloads=downloads)
            detail.append(f"{pages} pages")
        with progress.stage("mkdocs") as detail:
            run_mkdocs(tree_dir, staging, project_dir=project_dir)
            detail.append(f"{sum(1 for _ in staging.rglob('*.html'))} HTML files")
        _swap(staging, site_dir)
    except BuildError as exc:
        print(f"charter: error: {exc}", file=sys.stderr)
        print(f"charter: the previous {site_dir.name}/ is unchanged", file=sys.stderr)
        return 1
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    progress.summary(f"{site_dir.name}/")
    return 0


def source_date_epoch(project_dir: Path) -> str:
    """The time every date in the output is stamped with: the last commit's, so builds are reproducible.

    ``SOURCE_DATE_EPOCH`` set by the caller wins; outside a git checkout it is 0 (1970),
    which still gives identical bytes from identical sources.
    """
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%ct"],
            cwd=project_dir,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return "0"
    stamp = result.stdout.strip()
    return stamp if result.returncode == 0 and stamp.isdigit() else "0"


def _swap(staging: Path, site_dir: Path) -> None:
    """Replace ``site_dir`` with ``staging`` in two renames, so it is never half-written."""
    old = site_dir.with_name(f".{site_dir.name}-old-{os.getpid()}")
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    if old.exists():
        shutil.rmtree(old, ignore_errors=True)
