"""Benchmark: ``charter build`` of the website against a plain ``mkdocs build`` of the same tree.

On a synthetic publication (5,000 entities by default, from ``bench/synthetic.py``):

- **charter**: ``charter build --no-print``, a fresh process: check, cut the public
  edition, render the Markdown tree, run MkDocs, check the output for leaks (what a user
  runs);
- **mkdocs**: ``mkdocs build --strict`` of the tree that charter wrote, with the same
  generated configuration (``build/public/site-src.mkdocs.yml``), a fresh process.

The two alternate, and the report gives every time, the medians, their ratio (target
≤ 1.15) and the generator's share of charter's time (every stage but MkDocs; < 15%).

It also reports the bytes per page of Charter's site against Material's defaults on the
same tree and navigation (no custom theme, no pruning), and, on a smaller publication,
against Material's default navigation (every page in the sidebar). Finally it measures
the time from saving a chapter under ``charter serve`` of the sample to the open page
showing the change (Chromium, if installed; otherwise by polling the served HTML).

    python bench/site_bench.py [--entities 5000] [--runs 3] [--edits 5]
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic import write_synthetic  # noqa: E402

OUT = ROOT / "bench" / "out" / "site"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1790000000", "PYTHONPATH": str(ROOT)}
SUMMARY = re.compile(r"charter: built .* in ([\d.]+) s \((.*)\)")
CHROMIUM = "/usr/bin/chromium"
EDITION = "public"
"""The synthetic publication's one edition: charter build writes it to <site>/public/."""


def _run(command: list[str], cwd: Path) -> float:
    """Run a command to completion; returns its wall time. Fails loudly."""
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr[-4000:]}")
    return elapsed


def _charter_build(project: Path, site: str) -> tuple[float, dict[str, float]]:
    """One ``charter build --no-print``: wall time and the time of each stage it reports."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "content", "--no-print", "--site-dir", site],
        cwd=project,
        env=ENV,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"charter build failed:\n{result.stderr[-4000:]}")
    match = SUMMARY.search(result.stderr)
    stages = {}
    if match:
        for part in match.group(2).split(", "):
            name, seconds = part.rsplit(" ", 1)
            stages[name] = float(seconds.rstrip("s"))
    return elapsed, stages


def _mkdocs_build(project: Path, config: Path, site: str) -> float:
    return _run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config), "-d", site], project)


def _html_bytes(site: Path) -> tuple[int, int]:
    """(pages, total bytes) of the HTML files of a built site."""
    sizes = [p.stat().st_size for p in site.rglob("*.html")]
    return len(sizes), sum(sizes)


def _default_material_config(project: Path, generated: Path, name: str, *, keep_nav: bool) -> Path:
    """Material with its defaults over the same tree: same Markdown extensions, no Charter theme."""
    import yaml

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


def _project(name: str, entities: int) -> Path:
    project = OUT / name
    if project.exists():
        shutil.rmtree(project)
    project.mkdir(parents=True)
    write_synthetic(project / "content", entities)
    return project


def bench_build(entities: int, runs: int) -> dict[str, object]:
    """Charter against plain MkDocs, alternating, on a synthetic publication."""
    project = _project("synthetic", entities)
    print(f"synthetic publication of {entities} entities in {project}", flush=True)
    _charter_build(project, "site-charter")  # warm the file cache; writes the tree and its config
    generated = project / "build" / EDITION / "site-src.mkdocs.yml"
    charter: list[float] = []
    plain: list[float] = []
    stages: list[dict[str, float]] = []
    for run in range(runs):
        wall, stage = _charter_build(project, "site-charter")
        charter.append(wall)
        stages.append(stage)
        plain.append(_mkdocs_build(project, generated, "site-plain"))
        print(f"  run {run + 1}: charter {wall:.1f} s {stage}; mkdocs {plain[-1]:.1f} s", flush=True)
    generator = [sum(t for name, t in s.items() if not name.endswith("mkdocs")) for s in stages]
    pages, ours = _html_bytes(project / "site-charter" / EDITION)
    default_config = _default_material_config(project, generated, "material-default.yml", keep_nav=True)
    _mkdocs_build(project, default_config, "site-material")
    _, material = _html_bytes(project / "site-material")
    return {
        "entities": entities,
        "pages": pages,
        "charter_s": charter,
        "mkdocs_s": plain,
        "stages": stages,
        "charter_median_s": statistics.median(charter),
        "mkdocs_median_s": statistics.median(plain),
        "ratio": statistics.median(charter) / statistics.median(plain),
        "generator_share": statistics.median(g / c for g, c in zip(generator, charter, strict=True)),
        "generator_s": generator,
        "bytes_per_page_charter": ours // pages,
        "bytes_per_page_material_default": material // pages,
    }


def bench_default_nav(entities: int) -> dict[str, object]:
    """Bytes per page when every page is in Material's default navigation, on a smaller publication."""
    project = _project("default-nav", entities)
    _charter_build(project, "site-charter")
    generated = project / "build" / EDITION / "site-src.mkdocs.yml"
    auto = _default_material_config(project, generated, "material-autonav.yml", keep_nav=False)
    wall = _mkdocs_build(project, auto, "site-autonav")
    pages, ours = _html_bytes(project / "site-charter" / EDITION)
    _, material = _html_bytes(project / "site-autonav")
    return {
        "entities": entities,
        "pages": pages,
        "bytes_per_page_charter": ours // pages,
        "bytes_per_page_material_autonav": material // pages,
        "material_autonav_build_s": wall,
    }


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def bench_serve(edits: int) -> dict[str, object]:
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
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each build (default: 3)")
    parser.add_argument("--nav-entities", type=int, default=500, help="size for the default-navigation comparison")
    parser.add_argument("--edits", type=int, default=5, help="edits timed under charter serve (default: 5)")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    report = {
        "cpus": os.cpu_count(),
        "build": bench_build(args.entities, args.runs),
        "default_nav": bench_default_nav(args.nav_entities),
        "serve": bench_serve(args.edits),
    }
    (OUT / "site_bench.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    b, n, s = report["build"], report["default_nav"], report["serve"]
    assert isinstance(b, dict) and isinstance(n, dict) and isinstance(s, dict)
    print()
    print(f"charter build --no-print, {b['entities']} entities, {b['pages']} pages, median of {args.runs}:")
    print(
        f"  charter {b['charter_median_s']:.1f} s, plain mkdocs build {b['mkdocs_median_s']:.1f} s, "
        f"ratio {b['ratio']:.3f} (target <= 1.15)"
    )
    print(f"  generator's share (every stage but MkDocs) {b['generator_share']:.1%} (target < 15%)")
    print(
        f"  HTML per page: Charter {b['bytes_per_page_charter'] / 1024:.1f} KB, "
        f"Material defaults on the same tree and nav {b['bytes_per_page_material_default'] / 1024:.1f} KB"
    )
    print(
        f"  with Material's default navigation ({n['entities']} entities, {n['pages']} pages): "
        f"{n['bytes_per_page_material_autonav'] / 1024:.1f} KB per page against Charter's "
        f"{n['bytes_per_page_charter'] / 1024:.1f} KB"
    )
    print(
        f"charter serve, sample: edit to updated page, median {s['median_s']:.2f} s "
        f"({', '.join(f'{t:.2f}' for t in s['edit_to_update_s'])}; {s['measured_by']})"
    )
    print(f"report: {OUT / 'site_bench.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
