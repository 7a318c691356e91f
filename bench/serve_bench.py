"""Benchmark: edit to preview under ``charter serve`` against ``mkdocs serve`` of the same generated tree.

On a copy of a publication (the sample, or a synthetic one of N entities):

- **charter**: ``charter serve content``; a word is appended to a chapter and the chapter's
  page is fetched every 20 ms until it carries the word;
- **mkdocs**: ``mkdocs serve`` of the tree ``charter build --no-print --edition E`` wrote
  (``build/E/site-src`` with its generated ``site-src.mkdocs.yml``); the same word is
  appended to the chapter's page in that tree, and its page polled the same way.

Each serve is started fresh; its cold start is the time from starting the process to the
chapter's page being served. Then ``edits`` edits, a second apart; the report gives the
medians and their ratio (targets: at most 0.15 of mkdocs serve at the sample, 0.1 at 1,000
entities). A page fetch waits while either server rebuilds, so polling adds at most 20 ms.

    python bench/serve_bench.py [--size sample|N] [--edits 5]
"""

from __future__ import annotations

import argparse
import json
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.measure import Measure, Target  # noqa: E402
from bench.site_bench import ENV, _free_port, charter_build, first_edition, fresh_dir  # noqa: E402
from bench.synthetic import write_synthetic  # noqa: E402

OUT = ROOT / "bench" / "out" / "serve"
TARGETS = {"sample": Target(0.15)}
"""At the sample the preview updates in at most 0.15 of mkdocs serve's time; at 1,000 entities 0.1."""
LARGE_TARGET = Target(0.1)


def target_of(size: str) -> Target:
    """The target for a size: 0.15 at the sample, 0.1 for a synthetic publication (1,000 entities)."""
    return TARGETS.get(size, LARGE_TARGET)


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def _wait(url: str, text: str, timeout: float = 600) -> float:
    """Seconds until the page at ``url`` carries ``text`` (polled every 20 ms)."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if text in _fetch(url):
            return time.perf_counter() - started
        time.sleep(0.02)
    raise SystemExit(f"serve bench: {url} did not show {text!r} in {timeout} s")


def _chapter(content: Path) -> tuple[Path, str]:
    """A chapter of prose to edit and its page's folder in the site."""
    from generator.diagnostics import Report
    from generator.pipeline import read_publication
    from generator.render_site.links import SiteMap

    publication = read_publication(content, Report(), printed=False)
    assert publication is not None
    sitemap = SiteMap(publication)
    chapter = next(c for c in publication.chapters if not c.annex and len(c.segments) > 1)
    return content / chapter.path, sitemap.chapter_folders[chapter.path]


def _session(command: list[str], cwd: Path, url: str, edited: Path, edits: int, tag: str) -> dict[str, Any]:
    """Start a server, time its cold start and ``edits`` appended words; stop it."""
    server = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        cold = _wait(url, "</html>")
        times = []
        for i in range(edits):
            time.sleep(1)
            word = f"{tag}word{i}x"
            text = edited.read_text(encoding="utf-8")
            before = time.perf_counter()
            edited.write_text(text.rstrip("\n") + f"\n\nAppended {word}.\n", encoding="utf-8")
            _wait(url, word)
            times.append(time.perf_counter() - before)
    finally:
        server.send_signal(signal.SIGTERM)
        _, err = server.communicate(timeout=60)
    return {"cold_start_s": cold, "edit_s": times, "median_s": statistics.median(times), "stderr_tail": err[-400:]}


def measure(size: str, edits: int) -> dict[str, Any]:
    """Both serves of one publication; the figures as a dict (seconds)."""
    project = fresh_dir(OUT / f"size-{size}")
    if size == "sample":
        content = project / "content"
        shutil.copytree(ROOT / "content", content)
    else:
        content = write_synthetic(project / "content", int(size))
    chapter, folder = _chapter(content)
    edition = first_edition(content)
    charter_build(project, content, "site", edition=edition)  # fails loudly
    tree = project / "build" / edition / "site-src"
    config = project / "build" / edition / "site-src.mkdocs.yml"
    page_md = tree / (f"{folder}/index.md" if folder else "index.md")
    assert page_md.is_file(), page_md

    port = _free_port()
    url = f"http://127.0.0.1:{port}/{folder}/"
    charter = _session(
        [sys.executable, "-m", "generator", "serve", str(content), "--port", str(port)],
        project,
        url,
        chapter,
        edits,
        "c",
    )
    port = _free_port()
    url = f"http://127.0.0.1:{port}/{folder}/"
    mkdocs = _session(
        [sys.executable, "-m", "mkdocs", "serve", "-q", "-f", str(config), "-a", f"127.0.0.1:{port}"],
        project,
        url,
        page_md,
        edits,
        "m",
    )
    target = target_of(size)
    ratio = Measure(charter["edit_s"], mkdocs["edit_s"], target)
    return {
        "size": size,
        "chapter": str(chapter.relative_to(content)),
        "charter": charter,
        "mkdocs": mkdocs,
        "ratio": ratio.as_json(),
        "target": target.limit,
    }


def main() -> int:
    """Run the benchmark at one size and print its figures; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--size", default="sample", help="sample, or a number of entities (default: sample)")
    parser.add_argument("--edits", type=int, default=5, help="timed edits under each serve (default: 5)")
    args = parser.parse_args()
    result = measure(args.size, args.edits)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
