"""Benchmark: the site build at scale against a plain ``mkdocs build`` of the tree Charter generated before.

Issue 12, item 5: ``charter build --no-print --edition E`` takes at most 0.7 of a plain
``mkdocs build`` (Material and search, strict) of the Markdown tree *the renderer of
commit* :data:`BASELINE_COMMIT` generates for the same publication. The new renderer
changes the tree (its generated HTML no longer goes through Python-Markdown), so the
baseline tree comes from that commit, frozen: ``git archive`` of its ``generator/``,
``themes/`` and ``mkdocs.yml`` into a folder under ``bench/out``, whose ``charter build``
writes the tree and its configuration once; then every baseline run is a fresh
``mkdocs build`` of that tree, with that commit's hooks and extensions.

The subject runs and the baseline runs alternate; each is a fresh process. The peak
memory of the subject is the sum over its process tree (polled every 50 ms).

    python bench/site_scale.py [--sizes sample,1000,5000] [--runs 3]

or ``python bench/run.py --only site-scale``, which runs the same.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.measure import Finished, Measure, Target, run_process, run_process_tree, value_text  # noqa: E402
from bench.site_bench import ENV, first_edition, fresh_dir  # noqa: E402
from bench.synthetic import write_synthetic  # noqa: E402

BASELINE_COMMIT = "718bb38"
"""Main before issue 12, item 5: the renderer whose tree is the fixed baseline."""
TARGET = Target(0.7)
"""The site build takes at most 0.7 of a plain mkdocs build of the baseline tree."""
OUT = ROOT / "bench" / "out" / "site-scale"


def baseline_renderer(out: Path) -> Path:
    """The generator, themes and ``mkdocs.yml`` of :data:`BASELINE_COMMIT`, unpacked under ``out``."""
    target = out / f"renderer-{BASELINE_COMMIT}"
    if (target / "generator").is_dir():
        return target
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", BASELINE_COMMIT, "generator", "themes", "mkdocs.yml"],
        capture_output=True,
        check=True,
    ).stdout
    target.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    return target


def _env(pythonpath: Path) -> dict[str, str]:
    return {**ENV, "PYTHONPATH": str(pythonpath)}


def _charter(project: Path, content: Path, edition: str, *, code: Path, tree: bool = False) -> Finished:
    command = [sys.executable, "-m", "generator", "build", str(content.resolve()), "--site-dir", "site"]
    command += ["--edition", edition, "--no-print"]
    return (run_process_tree if tree else run_process)(command, cwd=project, env=_env(code))


def baseline_tree(content: Path, edition: str, out: Path) -> Path:
    """Write the baseline tree with the frozen renderer; returns the MkDocs configuration that builds it."""
    code = baseline_renderer(out)
    project = fresh_dir(out / "baseline")
    _charter(project, content, edition, code=code)
    return project / "build" / edition / "site-src.mkdocs.yml"


def _mkdocs(config: Path, site: Path, code: Path) -> Finished:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config), "-d", str(site)]
    return run_process(command, cwd=config.parent, env=_env(code))


def measure(content: Path, runs: int, out: Path) -> dict[str, Any]:
    """The site build of ``content`` against a plain mkdocs build of the baseline tree, and its peak memory."""
    edition = first_edition(content)
    code = baseline_renderer(out)
    config = baseline_tree(content, edition, out)
    project = fresh_dir(out / "charter")
    _charter(project, content, edition, code=ROOT)  # warm the caches, and a tree to replace, as a user's second build
    charter: list[Finished] = []
    plain: list[float] = []
    for run in range(runs):
        charter.append(_charter(project, content, edition, code=ROOT, tree=True))
        plain.append(_mkdocs(config, out / "baseline" / "site-plain", code).seconds)
        print(f"  run {run + 1}: charter {charter[-1].seconds:.1f} s; plain mkdocs {plain[-1]:.1f} s", flush=True)
    build = Measure(subject=[c.seconds for c in charter], baseline=plain, target=TARGET)
    return {
        "measure": build,
        "peak_rss": max(c.peak_rss for c in charter),
        "summary": [c.stderr.strip().splitlines()[-1] for c in charter],
    }


def content_of(size: str, out: Path) -> Path:
    """The publication of a size: a copy of the sample, or a synthetic one of that many entities."""
    folder = fresh_dir(out / f"content-{size}") / "content"
    if size == "sample":
        shutil.copytree(ROOT / "content", folder)
        return folder
    return write_synthetic(folder, int(size))


def main(argv: list[str] | None = None) -> int:
    """Run the measure at each size and print a Markdown table of it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", default="sample,1000,5000", help="comma-separated: sample and entity counts")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each build (default: 3)")
    args = parser.parse_args(argv)
    rows, report = [], {}
    for size in args.sizes.split(","):
        out = fresh_dir(OUT / size)
        print(f"== {size} (load average {', '.join(f'{x:.2f}' for x in os.getloadavg())})", flush=True)
        result = measure(content_of(size, out), args.runs, out)
        m: Measure = result["measure"]
        rows.append(
            f"| {size} | {m.samples_text(m.subject)} | {m.samples_text(m.baseline)} | {m.ratio_text()} | "
            f"{m.target_text()} | {m.met_text()} | {value_text(result['peak_rss'], 'MiB')} |"
        )
        report[size] = {**m.as_json(), "peak_rss_bytes": result["peak_rss"], "summary": result["summary"]}
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "site_scale.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    print()
    print(f"Load average at the end: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(
        "| size | charter build --no-print | plain mkdocs build of the baseline tree | ratio | target | met "
        "| peak memory (process tree) |"
    )
    print("|---|---|---|---|---|---|---|")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
