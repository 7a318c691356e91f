"""``charter serve``: edits show up in the served pages, problems are shown, the server keeps running."""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from tests.site.conftest import MINIMAL, REPO, copy_content


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        return str(error.read().decode("utf-8"))
    except OSError:
        return ""


def _wait_for(url: str, check: Callable[[str], bool], what: str, timeout: float = 40) -> str:
    deadline = time.monotonic() + timeout
    body = ""
    while time.monotonic() < deadline:
        body = _get(url)
        if check(body):
            return body
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}; the page read:\n{body[:2000]}")


def _serve(content: Path, port: int) -> subprocess.Popen[str]:
    """``charter serve`` of a content folder on a port, its errors kept for the test to read."""
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", str(content), "--port", str(port)],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def _edit(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_serve_rebuilds_on_edit_and_shows_problems_without_stopping(tmp_path: Path) -> None:
    content = copy_content(MINIMAL, tmp_path / "content")
    register = content / "register.md"
    _edit(register, "lead: AG-POLICE", "lead: AG-POLISE")  # start broken: there is no site yet
    port = _free_port()
    server = _serve(content, port)
    page = f"http://127.0.0.1:{port}/risks/r-theft-01/"
    try:
        body = _wait_for(page, lambda b: "charter-problems" in b, "the problems of the first build")
        assert "unknown agency &#x27;AG-POLISE&#x27;" in body
        assert "livereload(" in body, "the problems page reloads by itself once they are fixed"

        _edit(register, "lead: AG-POLISE", "lead: AG-POLICE")
        body = _wait_for(page, lambda b: "Theft of containers from the quay" in b, "the fixed site")
        assert "charter-problems" not in body

        _edit(register, "title: Theft of containers from the quay", "title: Theft of boxes from the quay")
        _wait_for(page, lambda b: "Theft of boxes from the quay" in b, "the edited title")

        _edit(register, "lead: AG-POLICE", "lead: AG-POLISE")
        body = _wait_for(page, lambda b: "charter-problems" in b, "the problems over the last good page")
        assert "Theft of boxes from the quay" in body, "the last good page stays under the problems"
        assert server.poll() is None, "the server keeps running"
    finally:
        server.send_signal(signal.SIGTERM)
        _, err = server.communicate(timeout=20)
    assert server.returncode == 0
    assert "did you mean 'AG-POLICE'?" in err
    assert "Traceback" not in err


def _poll(base: str, page: str, epoch: int, request: int, answers: dict[str, int]) -> None:
    try:
        with urllib.request.urlopen(f"{base}livereload/{epoch}/{request}?page={page}", timeout=60) as response:
            answers[page] = int(response.read())
    except OSError:
        pass


def test_the_browser_reloads_only_when_its_page_changed(tmp_path: Path) -> None:
    """Each page's script asks about its own path: a save that rewrote another page leaves it alone."""
    import threading

    content = copy_content(MINIMAL, tmp_path / "content")
    port = _free_port()
    server = _serve(content, port)
    base = f"http://127.0.0.1:{port}/"
    try:
        scripts = {}
        for page in ("/plan/", "/structure/"):
            body = _wait_for(base + page.lstrip("/"), lambda b: "livereload(" in b, f"the page {page}")
            assert "?page=" in body, "the script asks about its own page"
            found = re.search(r"livereload\((\d+), (\d+)\)", body)
            assert found is not None
            scripts[page] = (int(found[1]), int(found[2]))
        answers: dict[str, int] = {}
        polls = [
            threading.Thread(target=_poll, args=(base, page, *scripts[page], answers), daemon=True) for page in scripts
        ]
        for poll in polls:
            poll.start()
        time.sleep(0.5)
        plan = content / "plan.md"
        plan.write_text(plan.read_text(encoding="utf-8") + "\nA zanzibarish sentence.\n", encoding="utf-8")
        polls[0].join(timeout=40)
        assert answers.get("/plan/", 0) > scripts["/plan/"][0], "the edited page's script is told to reload"
        assert "zanzibarish" in _get(base + "plan/")
        polls[1].join(timeout=3)
        assert "/structure/" not in answers, "a page the save did not change is not reloaded"
        # A problem shows over every page, so every page reloads.
        _edit(content / "structure.md", "id: AG-PORT", "id: AG-PORT\n  bogus: 1")
        polls[1].join(timeout=40)
        assert answers.get("/structure/", 0) > scripts["/structure/"][0]
    finally:
        server.send_signal(signal.SIGTERM)
        _, err = server.communicate(timeout=20)
    assert server.returncode == 0
    assert "Traceback" not in err
