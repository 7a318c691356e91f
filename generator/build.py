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
from generator.leakcheck import find_leaks, secrets
from generator.model import Edition
from generator.pipeline import read_publication
from generator.progress import Progress
from generator.resolve import Publication
from generator.resolve.editions import for_edition


def build(
    content: Path,
    *,
    project_dir: Path,
    site_dir: Path,
    build_dir: Path,
    with_print: bool = True,
    strict: bool = False,
    edition: str | None = None,
    progress: Progress | None = None,
) -> int:
    """Build every edition (or the one named) into ``site_dir/<edition>/``; returns the exit status.

    Each edition is cut from the resolved publication, printed, rendered, built with
    MkDocs into a staging folder and leak-checked. Only when every edition succeeded do
    the staging folders replace the published ones.
    """
    from generator.cli import print_report

    progress = progress or Progress()
    os.environ.setdefault("SOURCE_DATE_EPOCH", source_date_epoch(project_dir))
    report = Report()
    with progress.stage("check") as detail:
        publication = read_publication(content, report)
        detail.append(f"{len(publication.entities) if publication else 0} entities")
    if publication is not None and edition is not None:
        names = [e.id for e in publication.settings.editions]
        if edition not in names:
            print(
                f"charter: error: the publication has no edition '{edition}' (it has: {', '.join(names)})",
                file=sys.stderr,
            )
            return 2
    print_report(report, strict=strict)
    if publication is None or report.failed(strict=strict):
        return 1
    editions = [e for e in publication.settings.editions if edition in (None, e.id)]
    site_dir = site_dir.resolve()
    site_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".charter-new-", dir=site_dir))
    try:
        for each in editions:
            _build_edition(
                publication,
                each,
                staging / each.id,
                project_dir=project_dir,
                build_dir=build_dir / each.id,
                with_print=with_print,
                progress=progress,
            )
        for each in editions:
            _swap(staging / each.id, site_dir / each.id)
    except BuildError as exc:
        print(f"charter: error: {exc}", file=sys.stderr)
        print(f"charter: the previous {site_dir.name}/ is unchanged", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    progress.summary(", ".join(f"{site_dir.name}/{e.id}/" for e in editions))
    return 0


def _build_edition(
    whole: Publication,
    edition: Edition,
    out: Path,
    *,
    project_dir: Path,
    build_dir: Path,
    with_print: bool,
    progress: Progress,
) -> None:
    """Cut, print, render and build one edition into ``out``, then check it for leaks."""
    from generator.render_site import run_mkdocs, write_tree

    report = Report()
    publication = for_edition(whole, edition, report)
    tree_dir = build_dir / "site-src"
    if tree_dir.exists():
        shutil.rmtree(tree_dir)
    tree_dir.mkdir(parents=True)
    downloads: list[Download] = []
    if with_print:
        from generator.render_print import build_documents

        with progress.stage(f"{edition.id}: print") as detail:
            downloads = build_documents(
                publication, tree_dir / "downloads", project_dir=project_dir, work_dir=build_dir / "print"
            )
            detail.append(f"{len(downloads)} files")
    with progress.stage(f"{edition.id}: render") as detail:
        pages = write_tree(publication, tree_dir, downloads=downloads)
        detail.append(f"{pages} pages")
    with progress.stage(f"{edition.id}: mkdocs") as detail:
        run_mkdocs(tree_dir, out, project_dir=project_dir)
        detail.append(f"{sum(1 for _ in out.rglob('*.html'))} HTML files")
    with progress.stage(f"{edition.id}: leak check") as detail:
        hidden = secrets(whole, publication)
        leaks = find_leaks(out, hidden)
        detail.append(f"{len(hidden)} restricted texts, {len(leaks)} found")
    if leaks:
        shown = "\n  ".join(leak.format() for leak in leaks[:20])
        more = f"\n  (and {len(leaks) - 20} more)" if len(leaks) > 20 else ""
        raise BuildError(f"the {edition.id} edition carries text above {edition.level}:\n  {shown}{more}")


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
    if old.exists():
        shutil.rmtree(old)
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    if old.exists():
        shutil.rmtree(old, ignore_errors=True)
