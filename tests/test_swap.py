"""The site swap, staging and the build lock: a build that dies, fails or runs twice never loses ``site/``.

A build killed at the swap (SIGKILL, in a child process) leaves each edition whole, old or
new, byte for byte; a killed build leaves nothing inside ``site/`` and the next build
removes what it left beside it; a second build at the same time stops with one line
naming the first; a full disk or a file-size limit is an error naming the file, not a bug.
"""

from __future__ import annotations

import ctypes
import errno
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import generator.build as building
from generator.cli import main
from tests.test_cli import charter

MINIMAL = Path(__file__).parent / "roots" / "minimal"
EXCHANGE = building._renameat2() is not None
"""Whether this system swaps two folders in one call (Linux with glibc 2.28 or later)."""

DRIVER = """
import os, signal, sys, time
from pathlib import Path
import generator.build as building
from generator.cli import main

mode = sys.argv[1]
exchange, swap = building._exchange, building._swap

def killing_exchange(first, second):
    if mode == "kill-before-exchange":
        os.kill(os.getpid(), signal.SIGKILL)
    done = exchange(first, second)
    if mode == "kill-after-exchange":
        os.kill(os.getpid(), signal.SIGKILL)
    return done

def waiting_swap(*args, **kwargs):
    Path("ready").touch()
    while not Path("go").exists():
        time.sleep(0.02)
    return swap(*args, **kwargs)

building._exchange = killing_exchange
if mode == "wait-at-swap":
    building._swap = waiting_swap
sys.exit(main(["build", "content", "--no-print", *sys.argv[2:]]))
"""
"""A ``charter build`` in a child process that stops at the swap: killed there, or waiting for a file 'go'."""


def _driver(project: Path, mode: str, *args: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k != "CHARTER_DEBUG"}
    return subprocess.Popen(
        [sys.executable, "-c", DRIVER, mode, *args],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_until_ready(project: Path, build: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while not (project / "ready").exists():
        assert build.poll() is None, build.communicate()
        assert time.monotonic() < deadline, "the build never reached the swap"
        time.sleep(0.02)


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every file's bytes and every folder, by relative path: what 'byte-identical' compares."""
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes() if p.is_file() else "folder")
        for p in sorted(folder.rglob("*"))
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal publication with its site built once."""
    project = tmp_path_factory.mktemp("built") / "project"
    shutil.copytree(MINIMAL, project)
    result = charter("build", "content", "--no-print", cwd=project)
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture
def project(built: Path, tmp_path: Path) -> Path:
    """A copy of the built project for one test to build over, kill and lock."""
    copy = tmp_path / "project"
    shutil.copytree(built, copy, symlinks=True)
    return copy


def _edit(project: Path) -> None:
    """Change the content, so the next site differs from the one published."""
    plan = project / "content" / "plan.md"
    plan.write_text(plan.read_text(encoding="utf-8").replace("first, and", "first of all, and"), encoding="utf-8")


def _beside(project: Path) -> list[str]:
    """What lies in the project folder besides the content, the site and the build folder."""
    return sorted(p.name for p in project.iterdir() if p.name not in {"content", "site", "build"})


# -- the swap ------------------------------------------------------------------------------


@pytest.mark.skipif(not EXCHANGE, reason="no renameat2 here: the two-rename fallback is not atomic")
@pytest.mark.parametrize("when", ["kill-before-exchange", "kill-after-exchange"])
def test_a_build_killed_at_the_swap_leaves_a_whole_site(project: Path, when: str) -> None:
    old = snapshot(project / "site" / "public")
    _edit(project)
    killed = _driver(project, when)
    killed.communicate(timeout=120)
    assert killed.returncode == -signal.SIGKILL
    after_kill = snapshot(project / "site" / "public")
    assert sorted(p.name for p in (project / "site").iterdir()) == [".charter-output", "public"]  # nothing staged
    assert (project / ".site.staging").is_dir()  # what the killed build left lies outside it
    rebuilt = charter("build", "content", "--no-print", cwd=project)
    assert rebuilt.returncode == 0, rebuilt.stderr
    new = snapshot(project / "site" / "public")
    assert old != new
    assert after_kill == (old if when == "kill-before-exchange" else new)
    assert _beside(project) == [".site.lock"]  # the next build removed the leftovers


def test_a_first_build_renames_the_new_edition_in(tmp_path: Path) -> None:
    new, published, spare = tmp_path / "new", tmp_path / "site" / "public", tmp_path / "spare"
    new.mkdir()
    (new / "index.html").write_text("new")
    published.parent.mkdir()
    spare.mkdir()
    building._swap(new, published, spare=spare)
    assert snapshot(published) == {"index.html": b"new"}
    assert not new.exists()
    assert list(spare.iterdir()) == []


def _staged(tmp_path: Path) -> tuple[Path, Path, Path]:
    new, published, spare = tmp_path / "spare" / "public", tmp_path / "site" / "public", tmp_path / "spare"
    new.mkdir(parents=True)
    (new / "index.html").write_text("new")
    published.mkdir(parents=True)
    (published / "index.html").write_text("old")
    (published / "gone.html").write_text("old")
    return new, published, spare


@pytest.mark.skipif(not EXCHANGE, reason="no renameat2 here")
def test_the_swap_exchanges_and_removes_the_old_copy(tmp_path: Path) -> None:
    new, published, spare = _staged(tmp_path)
    building._swap(new, published, spare=spare)
    assert snapshot(published) == {"index.html": b"new"}
    assert list(spare.iterdir()) == []


def test_without_renameat2_the_swap_falls_back_to_two_renames(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(building, "_renameat2", lambda: None)
    new, published, spare = _staged(tmp_path)
    building._swap(new, published, spare=spare)
    assert snapshot(published) == {"index.html": b"new"}
    assert list(spare.iterdir()) == []


def _failing(code: int) -> object:
    def call(*args: object) -> int:
        ctypes.set_errno(code)
        return -1

    return call


@pytest.mark.parametrize("code", [errno.ENOSYS, errno.EINVAL])
def test_a_kernel_or_file_system_without_the_exchange_means_the_fallback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    monkeypatch.setattr(building, "_renameat2", lambda: _failing(code))
    assert building._exchange(tmp_path / "a", tmp_path / "b") is False
    new, published, spare = _staged(tmp_path)
    building._swap(new, published, spare=spare)
    assert snapshot(published) == {"index.html": b"new"}


def test_any_other_exchange_failure_is_raised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(building, "_renameat2", lambda: _failing(errno.EXDEV))
    with pytest.raises(OSError) as raised:
        building._exchange(tmp_path / "a", tmp_path / "b")
    assert (raised.value.errno, raised.value.filename, raised.value.filename2) == (
        errno.EXDEV,
        str(tmp_path / "a"),
        str(tmp_path / "b"),
    )


def test_a_published_link_is_replaced_and_its_target_left_alone(tmp_path: Path) -> None:
    new, published, spare = _staged(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    published.rename(elsewhere)
    published.symlink_to(elsewhere)
    building._swap(new, published, spare=spare)
    assert not published.is_symlink()
    assert snapshot(published) == {"index.html": b"new"}
    assert snapshot(elsewhere) == {"gone.html": b"old", "index.html": b"old"}


# -- staging outside site/, and what earlier builds left ------------------------------------


def test_a_build_stages_outside_the_site_and_leaves_nothing_behind(project: Path) -> None:
    _edit(project)
    waiting = _driver(project, "wait-at-swap")
    _wait_until_ready(project, waiting)
    try:
        assert sorted(p.name for p in (project / "site").iterdir()) == [".charter-output", "public"]
        (staged,) = (project / ".site.staging").iterdir()
        assert (staged / "public" / "index.html").is_file()
        assert (staged.stat().st_mode & 0o077) == 0  # the staged pages are the builder's alone
    finally:
        (project / "go").touch()
        waiting.communicate(timeout=120)
    assert waiting.returncode == 0
    assert _beside(project) == [".site.lock", "go", "ready"]


def test_a_later_build_removes_what_earlier_builds_left(project: Path) -> None:
    site = project / "site"
    (site / ".charter-new-k2j4h1" / "restricted").mkdir(parents=True)
    (site / ".charter-new-k2j4h1" / "restricted" / "index.html").write_text("SECRET")
    (site / ".public-old-4242").mkdir()
    (site / ".public-old-4242" / "index.html").write_text("old")
    (site / "robots.txt").write_text("User-agent: *\n")  # the user's own: kept
    leftover = project / ".site.staging" / "x8f0p2ab" / "public"
    leftover.mkdir(parents=True)
    (leftover / "index.html").write_text("SECRET")
    result = charter("build", "content", "--no-print", cwd=project)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in site.iterdir()) == [".charter-output", "public", "robots.txt"]
    assert _beside(project) == [".site.lock"]


# -- one build at a time -------------------------------------------------------------------


def test_a_second_build_is_told_that_another_is_running(project: Path) -> None:
    first = _driver(project, "wait-at-swap")
    _wait_until_ready(project, first)
    try:
        before = snapshot(project / "site")
        second = charter("build", "content", "--no-print", cwd=project)
        other_site = charter("build", "content", "--no-print", "--site-dir", "elsewhere", cwd=project)
        assert (second.returncode, second.stdout, second.stderr) == (
            1,
            "",
            f"charter: error: another charter build is writing site/ (process {first.pid}); wait for it to finish\n",
        )
        assert (other_site.returncode, other_site.stderr) == (
            1,
            f"charter: error: another charter build is using build/ (process {first.pid}); wait for it to finish\n",
        )
        assert snapshot(project / "site") == before
    finally:
        (project / "go").touch()
        first.communicate(timeout=120)
    assert first.returncode == 0
    assert charter("build", "content", "--no-print", cwd=project).returncode == 0


def test_the_lock_dies_with_its_build(project: Path) -> None:
    _edit(project)
    first = _driver(project, "wait-at-swap")
    _wait_until_ready(project, first)
    first.kill()
    first.communicate(timeout=60)
    second = charter("build", "content", "--no-print", cwd=project)
    assert second.returncode == 0, second.stderr
    assert "first of all" in (project / "site" / "public" / "plan" / "index.html").read_text(encoding="utf-8")
    assert _beside(project) == [".site.lock", "ready"]


# -- usage errors, and a disk that refuses the write ---------------------------------------


def test_a_site_dir_that_is_a_file_is_a_usage_error(project: Path) -> None:
    (project / "notes.txt").write_text("not a folder\n")
    result = charter("build", "content", "--site-dir", "notes.txt", cwd=project)
    assert (result.returncode, result.stderr) == (
        2,
        "charter: error: --site-dir 'notes.txt' is a file, not a folder; name a folder\n",
    )
    under = charter("build", "content", "--site-dir", "notes.txt/site", cwd=project)
    assert (under.returncode, under.stderr) == (
        2,
        "charter: error: --site-dir 'notes.txt/site' lies under 'notes.txt', which is a file, not a folder; "
        "name a folder\n",
    )


def _limited(size: int) -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))


REFUSED = re.compile(r"charter: error: cannot write (\S+): File too large\ncharter: the previous site/ is unchanged\n")


@pytest.mark.parametrize(
    ("limit", "printing", "written"),
    [
        (300, False, r"build/public/site-src"),  # the site tree's first file (a build with no tree yet)
        (60_000, False, r"\.site\.staging/[^/]+/public/assets/.+"),  # MkDocs copying the theme
        (14_000, True, r"build/public/.+"),  # pandoc (killed by SIGXFSZ)
        (20_000, True, r"build/public/.+"),  # Typst writing the PDF
    ],
)
def test_a_file_size_limit_is_an_error_and_the_site_is_untouched(
    project: Path, limit: int, printing: bool, written: str
) -> None:
    before = snapshot(project / "site")
    if written.startswith("build/public/site-src"):  # the last build's tree, already right, would not be written
        shutil.rmtree(project / "build")
    env = {k: v for k, v in os.environ.items() if k != "CHARTER_DEBUG"}
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "content", *([] if printing else ["--no-print"])],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        preexec_fn=lambda: _limited(limit),
        check=False,
    )
    assert result.returncode == 1
    match = REFUSED.fullmatch(result.stderr)
    assert match, result.stderr
    assert re.fullmatch(written, match.group(1)), match.group(1)
    assert snapshot(project / "site") == before


def test_a_full_disk_is_an_error_naming_what_could_not_be_written(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import generator.render_site as render_site

    def full(*args: object, **kwargs: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    before = snapshot(project / "site")
    monkeypatch.chdir(project)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    monkeypatch.setattr(render_site, "write_tree", full)
    assert main(["build", "content", "--no-print"]) == 1
    assert capsys.readouterr().err == (
        "charter: error: cannot write build/public/site-src: No space left on device\n"
        "charter: the previous site/ is unchanged\n"
    )
    assert snapshot(project / "site") == before


def test_a_real_bug_is_still_an_internal_error(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import generator.render_site as render_site

    def broken(*args: object, **kwargs: object) -> int:
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), "templates/page.html")

    monkeypatch.chdir(project)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    monkeypatch.setattr(render_site, "write_tree", broken)
    assert main(["build", "content", "--no-print"]) == 3
    assert capsys.readouterr().err.startswith("charter: internal error: FileNotFoundError: ")
    assert _beside(project) == [".site.lock"]  # the failed build's staging is gone
