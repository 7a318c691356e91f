"""Benchmark: ``charter build`` of the website against a plain ``mkdocs build`` of the same tree.

On a publication (a synthetic one of 5,000 entities from ``bench/synthetic.py`` by
default, or a content folder), building its first edition:

- **charter**: ``charter build --no-print --edition E``, a fresh process: check, cut
  the edition, render the Markdown tree, run MkDocs, check the output for leaks (what a
  user runs);
- **mkdocs**: ``mkdocs build --strict`` of the tree that charter wrote, with the same
  generated configuration (``build/E/site-src.mkdocs.yml``), a fresh process.

The two alternate, and the report gives the medians and spreads, their ratio (target
≤ 1.15) and the generator's share of charter's time (every stage but MkDocs; < 15%),
and the peak memory of the charter builds.

It also reports the bytes per page of Charter's site against Material's defaults on the
same tree and navigation (no custom theme, no pruning), and, on a smaller publication,
against Material's default navigation (every page in the sidebar). Finally it measures
the time from saving a chapter under ``charter serve`` of the sample to the open page
showing the change (Chromium, if installed; otherwise by polling the served HTML).

    python bench/site_bench.py [--entities 5000 | --content DIR] [--runs 3] [--edits 5]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.measure import Finished, Measure, Target, run_process, run_process_tree, value_text  # noqa: E402
from bench.synthetic import write_synthetic  # noqa: E402

OUT = ROOT / "bench" / "out" / "site"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1790000000", "PYTHONPATH": str(ROOT)}
SUMMARY = re.compile(r"charter: built .* in ([\d.]+) s \((.*)\)")
CHROMIUM = "/usr/bin/chromium"
BUILD_TARGET = Target(1.15)
"""``charter build --no-print`` takes at most 15% longer than a plain ``mkdocs build`` of its tree."""
SHARE_TARGET = Target(0.15, strict=True)
"""The generator's own stages take less than 15% of the build."""
WEIGHT_TARGET = Target(1.0)
"""Charter's pages are no heavier than default Material's."""


@dataclass(frozen=True)
class SiteResult:
    """What :func:`bench_build` measured on one publication."""

    pages: int
    """HTML pages of the built edition."""
    build: Measure
    """Seconds: ``charter build --no-print`` against a plain ``mkdocs build`` of the generated tree."""
    generator_share: Measure
    """Seconds: the generator's stages (all but MkDocs) against the whole charter build."""
    page_weight: Measure
    """Bytes of HTML per page: Charter's site against default Material on the same tree and nav."""
    stages: list[dict[str, float]]
    """The stage times each timed charter build reported."""
    peak_rss: int
    """Bytes: the largest resident set of the timed charter builds."""


def first_edition(content: Path) -> str:
    """The publication's first edition, the one the benchmark builds (Charter's default: public)."""
    settings = yaml.safe_load((content / "publication.yml").read_text(encoding="utf-8")) or {}
    editions = settings.get("editions") or [{"id": "public"}]
    return str(editions[0]["id"])


def charter_build(
    project: Path,
    content: Path,
    site: str,
    *,
    edition: str | None,
    with_print: bool = False,
    jobs: int | None = None,
    tree: bool = False,
) -> Finished:
    """One ``charter build`` in a fresh process, run in ``project`` (its build/ and site folders).

    It builds the edition named (every edition when None), without the print editions
    unless ``with_print``, with ``--jobs`` when given. With ``tree`` its peak memory is that
    of the whole process tree at once (the editions' processes and their tools added up).
    """
    command = [sys.executable, "-m", "generator", "build", str(content.resolve()), "--site-dir", site]
    command += ["--edition", edition] if edition else []
    command += [] if with_print else ["--no-print"]
    command += ["--jobs", str(jobs)] if jobs else []
    return (run_process_tree if tree else run_process)(command, cwd=project, env=ENV)


def _stages(finished: Finished) -> dict[str, float]:
    """The time of each stage a charter build reported in its summary line."""
    match = SUMMARY.search(finished.stderr)
    stages = {}
    if match:
        for part in match.group(2).split(", "):
            name, seconds = part.rsplit(" ", 1)
            stages[name] = float(seconds.rstrip("s"))
    return stages


def _mkdocs_build(project: Path, config: Path, site: str) -> Finished:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config), "-d", site]
    return run_process(command, cwd=project, env=ENV)


def _html_bytes(site: Path) -> tuple[int, int]:
    """(pages, total bytes) of the HTML files of a built site."""
    sizes = [p.stat().st_size for p in site.rglob("*.html")]
    return len(sizes), sum(sizes)


def _default_material_config(project: Path, generated: Path, name: str, *, keep_nav: bool) -> Path:
    """Material with its defaults over the same tree: same Markdown extensions, no Charter theme."""
    ours = yaml.safe_load(generated.read_text(encoding="utf-8"))
    base = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config = {
        "site_name": ours["site_name"],
        "docs_dir": ours["docs_dir"],
        "theme": {"name": "material"},
        "markdown_extensions": base["markdown_extensions"],
        "plugins": ["search"],
    }
    if keep_nav:
        config["nav"] = ours["nav"]
        config["not_in_nav"] = ours["not_in_nav"]
    path = project / name
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def fresh_dir(path: Path) -> Path:
    """An empty folder at ``path`` (whatever was there is removed)."""
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    return path


def bench_build(content: Path, runs: int, project: Path) -> SiteResult:
    """Charter against plain MkDocs, alternating, each build a fresh process; ``project`` is the working folder."""
    edition = first_edition(content)
    # Warm the file cache; this build writes the tree and the configuration plain MkDocs builds.
    charter_build(project, content, "site-charter", edition=edition)
    generated = project / "build" / edition / "site-src.mkdocs.yml"
    charter: list[Finished] = []
    plain: list[float] = []
    for run in range(runs):
        charter.append(charter_build(project, content, "site-charter", edition=edition))
        plain.append(_mkdocs_build(project, generated, "site-plain").seconds)
        print(f"  run {run + 1}: charter {charter[-1].seconds:.1f} s; mkdocs {plain[-1]:.1f} s", flush=True)
    stages = [_stages(finished) for finished in charter]
    generator = [sum(t for name, t in s.items() if not name.endswith("mkdocs")) for s in stages]
    walls = [finished.seconds for finished in charter]
    pages, ours = _html_bytes(project / "site-charter" / edition)
    default_config = _default_material_config(project, generated, "material-default.yml", keep_nav=True)
    _mkdocs_build(project, default_config, "site-material")
    _, material = _html_bytes(project / "site-material")
    return SiteResult(
        pages=pages,
        build=Measure(subject=walls, baseline=plain, target=BUILD_TARGET),
        generator_share=Measure(subject=generator, baseline=walls, target=SHARE_TARGET, percent=True),
        page_weight=Measure(subject=[ours / pages], baseline=[material / pages], target=WEIGHT_TARGET, unit="B"),
        stages=stages,
        peak_rss=max(finished.peak_rss for finished in charter),
    )


def bench_default_nav(content: Path, project: Path) -> dict[str, Any]:
    """Bytes per page when every page is in Material's default navigation."""
    edition = first_edition(content)
    charter_build(project, content, "site-charter", edition=edition)
    generated = project / "build" / edition / "site-src.mkdocs.yml"
    auto = _default_material_config(project, generated, "material-autonav.yml", keep_nav=False)
    wall = _mkdocs_build(project, auto, "site-autonav").seconds
    pages, ours = _html_bytes(project / "site-charter" / edition)
    _, material = _html_bytes(project / "site-autonav")
    return {
        "pages": pages,
        "bytes_per_page_charter": ours // pages,
        "bytes_per_page_material_autonav": material // pages,
        "material_autonav_build_s": wall,
    }


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def bench_serve(edits: int) -> dict[str, Any]:
    """Seconds from saving a risk's title in the sample to the open page showing it."""
    project = OUT / "serve"
    if project.exists():
        shutil.rmtree(project)
    shutil.copytree(ROOT / "content", project / "content")
    chapter = next(p for p in sorted((project / "content").rglob("*.md")) if "```yaml risk" in p.read_text("utf-8"))
    text = chapter.read_text(encoding="utf-8")
    risk_id, title = re.search(r"```yaml risk\nid: (\S+)\ntitle: (.+)\n", text).groups()  # type: ignore[union-attr]
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "content", "--port", str(port)],
        cwd=project,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/risks/{risk_id.lower()}/"
    try:
        _wait_served(url, title)
        times = _edits_in_browser(url, chapter, title, edits) if Path(CHROMIUM).exists() else []
        how = "Chromium page update (livereload)"
        if not times:
            times = _edits_by_polling(url, chapter, title, edits)
            how = "served HTML polled every 20 ms"
    finally:
        server.send_signal(signal.SIGTERM)
        server.communicate(timeout=30)
    return {"measured_by": how, "edit_to_update_s": times, "median_s": statistics.median(times)}


def _wait_served(url: str, text: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8"):
                    return
        except OSError:
            pass
        time.sleep(0.02)
    raise SystemExit(f"charter serve did not serve {url} in {timeout} s")


def _retitle(chapter: Path, old: str, new: str) -> None:
    chapter.write_text(chapter.read_text(encoding="utf-8").replace(f"title: {old}\n", f"title: {new}\n"), "utf-8")


def _edits_by_polling(url: str, chapter: Path, title: str, edits: int) -> list[float]:
    times = []
    current = title
    for i in range(edits):
        new = f"{title} (edit {i + 1})"
        started = time.perf_counter()
        _retitle(chapter, current, new)
        _wait_served(url, new)
        times.append(time.perf_counter() - started)
        current = new
        time.sleep(1)
    return times


def _edits_in_browser(url: str, chapter: Path, title: str, edits: int) -> list[float]:
    from playwright.sync_api import sync_playwright

    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
    times = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=args)
        page = browser.new_page()
        page.goto(url)
        current = title
        for i in range(edits):
            new = f"{title} (edit {i + 1})"
            page.wait_for_timeout(1000)
            started = time.perf_counter()
            _retitle(chapter, current, new)
            page.wait_for_function(
                "t => document.querySelector('article h1').textContent.includes(t)",
                arg=new,
                timeout=120_000,
                polling=20,
            )
            times.append(time.perf_counter() - started)
            current = new
        browser.close()
    return times


def main() -> int:
    """Run the benchmark and print its report; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--entities", type=int, default=5000, help="size of the synthetic publication")
    parser.add_argument("--content", type=Path, help="build this content folder instead of a synthetic one")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each build (default: 3)")
    parser.add_argument("--nav-entities", type=int, default=500, help="size for the default-navigation comparison")
    parser.add_argument("--edits", type=int, default=5, help="edits timed under charter serve (default: 5)")
    args = parser.parse_args()
    project = fresh_dir(OUT / "build")
    content = args.content or write_synthetic(project / "content", args.entities)
    print(f"publication {content}, working in {project}", flush=True)
    build = bench_build(content, args.runs, project)
    nav_project = fresh_dir(OUT / "default-nav")
    default_nav = bench_default_nav(write_synthetic(nav_project / "content", args.nav_entities), nav_project)
    serve = bench_serve(args.edits)
    report = {
        "cpus": os.cpu_count(),
        "publication": str(content),
        "build": {
            "pages": build.pages,
            "charter_vs_mkdocs": build.build.as_json(),
            "generator_share": build.generator_share.as_json(),
            "bytes_per_page": build.page_weight.as_json(),
            "stages": build.stages,
            "peak_rss_bytes": build.peak_rss,
        },
        "default_nav": {"entities": args.nav_entities, **default_nav},
        "serve": serve,
    }
    (OUT / "site_bench.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    print()
    print(f"charter build --no-print, {content}, {build.pages} pages, {args.runs} runs:")
    print("  " + build.build.describe("charter", "plain mkdocs build"))
    print("  generator's share (every stage but MkDocs): " + build.generator_share.describe("generator", "charter"))
    print("  HTML per page: " + build.page_weight.describe("Charter", "Material defaults on the same tree and nav"))
    print(f"  peak memory of a charter build: {value_text(build.peak_rss, 'MiB')}")
    print(
        f"  with Material's default navigation ({args.nav_entities} entities, {default_nav['pages']} pages): "
        f"{default_nav['bytes_per_page_material_autonav'] / 1024:.1f} KB per page against Charter's "
        f"{default_nav['bytes_per_page_charter'] / 1024:.1f} KB"
    )
    print(
        f"charter serve, sample: edit to updated page, median {serve['median_s']:.2f} s "
        f"({', '.join(f'{t:.2f}' for t in serve['edit_to_update_s'])}; {serve['measured_by']})"
    )
    print(f"report: {OUT / 'site_bench.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
