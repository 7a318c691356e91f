"""The editions built at once, each in a process of its own, and what a build says while it runs."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from generator.cli import main
from generator.progress import Progress
from tests.test_swap import snapshot

CANARY = Path(__file__).parent / "roots" / "canary" / "content"  # two editions: public and restricted


DRIVER = """
import os, sys
from pathlib import Path
import generator.render_site as render_site
from generator.cli import main

real_write_tree = render_site.write_tree

def noting_write_tree(publication, tree_dir, **kwargs):
    pages = real_write_tree(publication, tree_dir, **kwargs)
    edition = tree_dir.parent.name
    Path(f"pid-{edition}").write_text(str(os.getpid()), encoding="utf-8")  # which process built it
    if sys.argv[1] == "leak" and edition == "public":
        index = tree_dir / "index.md"
        leak = "\\n\\nThe north fence is weak at CANARYSECTIONTEXT.\\n"  # a restricted section's text
        index.write_text(index.read_text(encoding="utf-8") + leak, encoding="utf-8")
    return pages

render_site.write_tree = noting_write_tree  # the forked processes inherit it
Path("pid-build").write_text(str(os.getpid()), encoding="utf-8")
sys.exit(main(["build", "content", "--no-print", *sys.argv[2:]]))
"""


def _charter_build(project: Path, mode: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``charter build`` in a fresh interpreter (a single thread, as the command starts), in ``project``."""
    env = {k: v for k, v in os.environ.items() if k != "CHARTER_DEBUG"}
    env["SOURCE_DATE_EPOCH"] = "1780000000"
    return subprocess.run(
        [sys.executable, "-c", DRIVER, mode, *args], cwd=project, env=env, capture_output=True, text=True, timeout=300
    )


def _pids(project: Path) -> dict[str, int]:
    return {p.name.removeprefix("pid-"): int(p.read_text(encoding="utf-8")) for p in project.glob("pid-*")}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(CANARY, tmp_path / "project" / "content")
    return tmp_path / "project"


def test_editions_built_at_once_make_the_same_sites_as_one_at_a_time(project: Path) -> None:
    together = _charter_build(project, "plain", "--site-dir", "together", "--jobs", "2")
    assert together.returncode == 0, together.stderr
    pids = _pids(project)
    assert len({pids["build"], pids["public"], pids["restricted"]}) == 3  # each edition in a process of its own
    alone = _charter_build(project, "plain", "--site-dir", "alone", "--jobs", "1")
    assert alone.returncode == 0, alone.stderr
    pids = _pids(project)
    assert pids["build"] == pids["public"] == pids["restricted"]
    built_together, built_alone = snapshot(project / "together"), snapshot(project / "alone")
    assert "public/index.html" in built_together and "restricted/index.html" in built_together
    assert built_together == built_alone


def test_an_edition_that_fails_in_its_own_process_fails_the_build_and_keeps_the_last_site(project: Path) -> None:
    last = project / "site" / "public" / "index.html"
    last.parent.mkdir(parents=True)
    last.write_text("the last good site", encoding="utf-8")
    failed = _charter_build(project, "leak", "--jobs", "2")
    assert failed.returncode == 1
    pids = _pids(project)
    assert pids["public"] != pids["build"]
    assert "charter: error: the public edition carries text above PUBLIC:" in failed.stderr
    assert failed.stderr.endswith("charter: the previous site/ is unchanged\n")
    assert last.read_text(encoding="utf-8") == "the last good site"
    assert not (project / "site" / "restricted").exists()


def test_a_process_running_other_threads_builds_one_edition_at_a_time() -> None:
    from generator.build_edition import _safe_to_fork

    assert _safe_to_fork() == (len(os.listdir("/proc/self/task")) == 1)
    ready, release = threading.Event(), threading.Event()
    waiting = threading.Thread(target=lambda: (ready.set(), release.wait()))
    waiting.start()
    ready.wait()
    try:
        assert not _safe_to_fork()  # its fork would lack the waiting thread and any lock it holds
    finally:
        release.set()
        waiting.join()


def test_a_terminal_sees_each_stage_start_and_end_and_the_pages_counted() -> None:
    stream = io.StringIO()
    progress = Progress(stream, interactive=True)
    with progress.stage("public: mkdocs") as detail:
        count = progress.counter("public: mkdocs")
        assert count is not None
        for done in range(1, 4):
            count(done, 3)
        detail.append("3 HTML files")
    shown = stream.getvalue()
    assert shown.startswith("  public: mkdocs ...\r  public: mkdocs ... 1/3 pages\r")
    assert "  public: mkdocs ... 3/3 pages\r" in shown  # the last count is always shown
    assert shown.endswith("s\n") and "public: mkdocs   3 HTML files" in shown


def test_processes_that_share_a_terminal_write_whole_lines_and_no_counts() -> None:
    stream = io.StringIO()
    progress = Progress(stream, interactive=True).for_process()
    with progress.stage("restricted: render") as detail:
        assert progress.counter("restricted: render") is None
        detail.append("12 pages")
    lines = stream.getvalue().split("\n")
    assert lines[0] == "  restricted: render ..."
    assert lines[1].startswith("  restricted: render 12 pages") and "\r" not in stream.getvalue()


def test_quiet_prints_no_stage_and_no_summary() -> None:
    stream = io.StringIO()
    progress = Progress(stream, interactive=True, quiet=True)
    with progress.stage("check"):
        pass
    progress.summary("site/public/")
    assert stream.getvalue() == ""


def test_jobs_must_be_a_number_of_processes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["build", str(CANARY), "--jobs", "0"])
    assert exit_.value.code == 2
    assert "argument --jobs: '0' is not a number of processes (1 or more)" in capsys.readouterr().err
