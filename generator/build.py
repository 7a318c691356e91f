"""``charter build``: check, print, render the site tree, run MkDocs, then swap in the new site.

Nothing is written into ``site/`` until every step has succeeded: each edition is built
in a staging folder beside ``site/`` (``.site.staging/``, outside what is published, on
the same file system) and replaces the old one only at the end, in one atomic exchange
where the system has one, so a failed or killed build leaves the last good site whole.
A lock beside ``site/`` (``.site.lock``) and one in the build folder keep two builds
from writing the same folders at once; a later build removes what a killed one left.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import functools
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from generator.build_edition import EditionJob, build_editions, default_jobs
from generator.diagnostics import Report, print_report
from generator.errors import BuildError
from generator.pipeline import read_publication
from generator.progress import Progress
from generator.project import mark_output
from generator.writes import writing


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
    jobs: int | None = None,
    report_style: str = "text",
) -> int:
    """Build every edition (or the one named) into ``site_dir/<edition>/``; returns the exit status.

    Each edition is cut from the resolved publication, printed, rendered, built with
    MkDocs into a staging folder and leak-checked. Only when every edition succeeded do
    the staging folders replace the published ones. While it runs the build holds a lock
    on ``site_dir`` and on ``build_dir``: a second build into either stops at once.
    """
    progress = progress or Progress()
    if not os.environ.get("SOURCE_DATE_EPOCH", "").strip():  # unset or empty: MkDocs cannot read an empty one
        os.environ["SOURCE_DATE_EPOCH"] = source_date_epoch(project_dir)
    site_dir, build_dir = site_dir.resolve(), build_dir.resolve()
    try:
        with writing(site_dir):
            site_dir.parent.mkdir(parents=True, exist_ok=True)
            build_dir.mkdir(parents=True, exist_ok=True)
            with (
                _exclusive(site_dir.with_name(f".{site_dir.name}.lock"), f"writing {site_dir.name}/"),
                _exclusive(build_dir / ".charter.lock", f"using {build_dir.name}/"),
            ):
                return _build_locked(
                    content,
                    project_dir=project_dir,
                    site_dir=site_dir,
                    build_dir=build_dir,
                    with_print=with_print,
                    strict=strict,
                    edition=edition,
                    progress=progress,
                    jobs=jobs,
                    report_style=report_style,
                )
    except Busy as exc:
        print(f"charter: error: {exc}", file=sys.stderr)
        return 1
    except BuildError as exc:
        print(f"charter: error: {exc}", file=sys.stderr)
        print(f"charter: the previous {site_dir.name}/ is unchanged", file=sys.stderr)
        return 1


def _build_locked(
    content: Path,
    *,
    project_dir: Path,
    site_dir: Path,
    build_dir: Path,
    with_print: bool,
    strict: bool,
    edition: str | None,
    progress: Progress,
    jobs: int | None,
    report_style: str,
) -> int:
    """The build itself, once the locks are held; raises BuildError when a step fails."""
    report = Report()
    with progress.stage("check") as detail:
        publication = read_publication(content, report, printed=with_print)
        detail.append(f"{len(publication.entities) if publication else 0} entities")
    if publication is not None and edition is not None:
        names = [e.id for e in publication.settings.editions]
        if edition not in names:
            print(
                f"charter: error: the publication has no edition '{edition}' (it has: {', '.join(names)})",
                file=sys.stderr,
            )
            return 2
    print_report(report, strict=strict, style=report_style)
    if publication is None or report.failed(strict=strict):
        return 1
    editions = [e for e in publication.settings.editions if edition in (None, e.id)]
    site_dir.mkdir(exist_ok=True)
    mark_output(site_dir)
    mark_output(build_dir)
    root, prefix = _staging_root(site_dir)
    _remove_leftovers(site_dir, root)
    staging = Path(tempfile.mkdtemp(prefix=prefix, dir=root))
    try:
        job = EditionJob(publication, staging, project_dir, build_dir, with_print)
        warnings = build_editions(
            job, editions, progress, jobs=jobs if jobs is not None else default_jobs(len(editions))
        )
        if warnings.diagnostics:
            print_report(warnings, strict=strict, style=report_style)
            if warnings.failed(strict=strict):
                print(f"charter: the previous {site_dir.name}/ is unchanged", file=sys.stderr)
                return 1
        for each in editions:
            _swap(staging / each.id, site_dir / each.id, spare=staging)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if root != site_dir:
            with suppress(OSError):
                root.rmdir()  # only when empty: nothing of a build stays beside the site
    progress.summary(", ".join(f"{site_dir.name}/{e.id}/" for e in editions))
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


# -- the swap: one atomic exchange where the system has one -----------------------------

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _swap(new: Path, published: Path, *, spare: Path) -> None:
    """Put the staged edition ``new`` where ``published`` is, so readers see the old site or the new, whole.

    On Linux the two folders trade places in one ``renameat2(RENAME_EXCHANGE)`` call, and
    the old copy, now at ``new``, is removed afterwards: a build killed at any point leaves
    a complete site. Where the call is missing (another system, an old kernel, a file system
    without it) the old copy is renamed into ``spare`` (the staging folder) and the new one
    renamed in, the only moment a published edition is missing.
    """
    if not os.path.lexists(published):
        new.rename(published)  # the first build: nothing to replace
        return
    if _exchange(new, published):
        old = new
    else:
        old = spare / f".{published.name}-old-{os.getpid()}"
        published.rename(old)
        new.rename(published)
    with suppress(OSError):  # the old copy is in staging, which the build removes anyway: free the space now
        _remove(old)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically; False (nothing done) where the system cannot."""
    call = _renameat2()
    if call is None:
        return False
    if call(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL):  # no such call, or the file system has no exchange
        return False
    raise OSError(code, os.strerror(code), str(first), None, str(second))


@functools.cache
def _renameat2() -> Callable[[int, bytes, int, bytes, int], int] | None:
    """libc's ``renameat2`` (glibc 2.28 and later), or None off Linux or without it."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        call = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    call.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    call.restype = ctypes.c_int
    return call


def _remove(path: Path) -> None:
    """Delete a folder tree, a file or a link (never what a link points to)."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif os.path.lexists(path):
        path.unlink()


# -- staging outside the published folder, and what killed builds left ------------------

_LEFTOVER = re.compile(r"\.charter-new-.+|\..+-old-\d+")
"""What older builds left inside ``site/``: staging folders and old copies from the two-rename swap."""


def _staging_root(site_dir: Path) -> tuple[Path, str]:
    """Where this build stages its editions, and the prefix of its folder there.

    Beside ``site_dir`` (``.site.staging/``), so a killed build never leaves pages, restricted
    ones included, inside the published folder. Renaming needs one file system: when
    ``site_dir`` is a mount point of its own, staging falls back to a hidden folder inside it.
    """
    root = site_dir.with_name(f".{site_dir.name}.staging")
    root.mkdir(mode=0o700, exist_ok=True)
    if root.stat().st_dev == site_dir.stat().st_dev:
        return root, ""
    with suppress(OSError):
        root.rmdir()
    return site_dir, ".charter-new-"


def _remove_leftovers(site_dir: Path, root: Path) -> None:
    """Remove what earlier builds, killed or failed, left in the staging folder and in ``site_dir``.

    Safe only under the lock: no other build is using any of it.
    """
    if root != site_dir:
        for entry in root.iterdir():
            _remove(entry)
    for entry in site_dir.iterdir():
        if _LEFTOVER.fullmatch(entry.name):
            _remove(entry)


# -- one build at a time ------------------------------------------------------------------


class Busy(Exception):
    """Another build holds the lock on a folder this build would write."""


@contextmanager
def _exclusive(lock: Path, doing: str) -> Iterator[None]:
    """Hold ``lock`` (``flock``, released by the kernel when the process ends, however it ends).

    The holder writes its process id into the file, so the build that finds it taken can
    say which process to wait for. ``doing`` completes the message: 'writing site/'.
    """
    fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
            who = f" (process {holder})" if holder.isdigit() else ""
            raise Busy(f"another charter build is {doing}{who}; wait for it to finish") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)  # still locked: no other build reads a stale id
    finally:
        os.close(fd)
