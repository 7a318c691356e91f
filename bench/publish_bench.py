"""Benchmark: a whole publish of the sample (every edition, site and print) against today's sequential build.

Issue 12 asks that a full publish take at most 0.6 of "today's sequential build". Today's
build is kept as a fixed baseline: the Charter of commit :data:`BASELINE` (before the
document was read once for its three formats and the editions' work was shared out),
unpacked with ``git archive`` and run with ``--jobs 1``. Three builds alternate in each
round, each a fresh process in a fresh project folder:

- **baseline**: commit :data:`BASELINE`, ``charter build --jobs 1``;
- **sequential**: this Charter, ``charter build --jobs 1`` (for information: what the
  parallel build gains over its own sequential form);
- **parallel**: this Charter, ``charter build`` (the editions at once).

The report gives the medians and ranges (wall clock and CPU seconds) and both ratios.

All three build the same content: by default the sample as it was at :data:`BASELINE`,
the newest that commit's Charter reads (the sample has since gained a French translation,
which that Charter rejects).

    python bench/publish_bench.py [--content CONTENT_DIR] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.measure import Finished, Measure, Target, run_process  # noqa: E402

BASELINE = "718bb38"
"""The last commit of the build as issue 12 found it: each format read the Markdown again."""
TARGET = Target(0.6)
"""A whole publish takes at most 0.6 of today's sequential build (issue 12, item 4)."""
OUT = ROOT / "bench" / "out" / "publish"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1790000000"}


@dataclass(frozen=True)
class PublishResult:
    """The three builds' times, and the two ratios made of them."""

    against_baseline: Measure
    """The parallel build against today's sequential build (the issue's target)."""
    against_own: Measure
    """The parallel build against this Charter's ``--jobs 1``, for information."""
    cpu: dict[str, list[float]]
    """CPU seconds (process and the children it waited for) of each build, by name."""


def unpack_baseline(out: Path) -> Path:
    """Commit :data:`BASELINE`'s tree in ``out/baseline``, unpacked once."""
    folder = out / f"baseline-{BASELINE}"
    if (folder / "generator").is_dir():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", "archive", BASELINE], cwd=ROOT, capture_output=True, check=True).stdout
    with tempfile.TemporaryFile() as file:
        file.write(archive)
        file.seek(0)
        with tarfile.open(fileobj=file) as tar:
            tar.extractall(folder, filter="data")
    return folder


def baseline_sample(out: Path = OUT) -> Path:
    """The sample of commit :data:`BASELINE`: what all three builds publish unless told otherwise."""
    return unpack_baseline(out) / "content"


def _project(out: Path, content: Path, name: str, charter: Path) -> Path:
    """A fresh project folder holding a copy of the content and its mkdocs.yml.

    The shipped sample's is the ``mkdocs.yml`` of the Charter that builds it (each version's
    names its own Markdown extensions).
    """
    project = out / name
    shutil.rmtree(project, ignore_errors=True)
    shutil.copytree(content, project / "content")
    shipped = content.name == "content" and (content.parent / "generator").is_dir()  # a Charter's own sample
    config = charter / "mkdocs.yml" if shipped else content.parent / "mkdocs.yml"
    shutil.copy(config if config.is_file() else charter / "mkdocs.yml", project / "mkdocs.yml")
    return project


def _build(charter: Path, project: Path, *, jobs: int | None) -> Finished:
    command = [sys.executable, "-m", "generator", "build", "content", "-q"]
    command += ["--jobs", str(jobs)] if jobs else []
    finished = run_process(command, cwd=project, env={**ENV, "PYTHONPATH": str(charter)})
    if not (project / "site").is_dir():
        raise SystemExit(f"bench: the build in {project} wrote no site:\n{finished.stderr[-3000:]}")
    return finished


def measure(content: Path, runs: int, out: Path = OUT) -> PublishResult:
    """``runs`` rounds of the three builds, after one unmeasured round that warms the caches."""
    baseline = unpack_baseline(out)
    builds = {"baseline": (baseline, 1), "sequential": (ROOT, 1), "parallel": (ROOT, None)}
    seconds: dict[str, list[float]] = {name: [] for name in builds}
    cpu: dict[str, list[float]] = {name: [] for name in builds}
    for run in range(runs + 1):
        for name, (charter, jobs) in builds.items():
            finished = _build(charter, _project(out, content, name, charter), jobs=jobs)
            if run:
                seconds[name].append(finished.seconds)
                cpu[name].append(finished.cpu_seconds)
        if run:
            line = "; ".join(f"{name} {seconds[name][-1]:.1f} s" for name in builds)
            print(f"  run {run}: {line}", flush=True)
    return PublishResult(
        against_baseline=Measure(subject=seconds["parallel"], baseline=seconds["baseline"], target=TARGET),
        against_own=Measure(subject=seconds["parallel"], baseline=seconds["sequential"], target=TARGET),
        cpu=cpu,
    )


def report(content: Path | None, runs: int) -> int:
    """Measure, print the result and write it to ``bench/out/publish/publish.md``; returns 0.

    Without ``content``, the sample of commit :data:`BASELINE`.
    """
    load = os.getloadavg()
    content = content or baseline_sample()
    result = measure(content.resolve(), runs)
    after = os.getloadavg()
    lines = [
        f"Content: {content}.",
        f"{runs} rounds; load average {load[0]:.2f}, {load[1]:.2f}, {load[2]:.2f} at the start, "
        f"{after[0]:.2f}, {after[1]:.2f}, {after[2]:.2f} at the end.",
        "",
        "- " + result.against_baseline.describe("parallel", f"today's sequential build ({BASELINE}, --jobs 1)"),
        "- " + result.against_own.describe("parallel", "this Charter's --jobs 1"),
        *(f"- CPU seconds, {name}: " + ", ".join(f"{v:.1f}" for v in values) for name, values in result.cpu.items()),
    ]
    text = "\n".join(lines) + "\n"
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "publish.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


def main() -> int:
    """Command line: measure and print the result."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--content", type=Path, default=None, help=f"default: the sample of commit {BASELINE}")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    return report(args.content, args.runs)


if __name__ == "__main__":
    sys.exit(main())
