"""Run every benchmark at three sizes and write ``bench/RESULTS.md``.

    python bench/run.py [--sizes sample,1000,5000] [--runs N] [--quick] [--out FILE]
    python bench/run.py --only serve [--sizes sample,1000] [--runs 5]
    python bench/run.py --only site-scale [--sizes ...] [--runs N]
    python bench/run.py --only publish [--runs 3]

Each size is a publication: ``sample`` is the shipped ``content/``, a number is a
synthetic publication of that many entities (``bench/synthetic.py``) written under
``bench/out/``. At each size it measures, each subject against its baseline in the same
run, alternating:

- ``charter check`` against bare C-loader YAML of the same data blocks (``check_bench``);
- ``charter build --no-print`` against a plain ``mkdocs build`` of the tree it generated,
  the generator's share of that build, and bytes per page against default Material
  (``site_bench``);
- the first document's PDF by the Typst route against pandoc plus xelatex (``print_bench``);
- the peak memory of a whole ``charter build`` (site and print, every edition).

``--only serve`` measures edit-to-preview alone (``serve_bench``: ``charter serve`` against
``mkdocs serve`` of the same generated tree, one word appended to a chapter, 5 edits by
default) and writes its table to ``bench/out/serve.md`` for a dated section of the results.

Runs: 5 of the check, 3 of each site build, 3 of each PDF route; ``--runs`` sets them
all. ``--quick`` is a smoke run (the sample and 200 entities, one run each) written to
``bench/out/RESULTS-quick.md``, so it never replaces ``bench/RESULTS.md`` unless
``--out`` says so. The run is by hand, on a quiet machine; the tests never start it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import check_bench, print_bench, publish_bench, serve_bench, site_bench, site_scale  # noqa: E402
from bench.measure import MIB, Measure, value_text  # noqa: E402
from bench.synthetic import write_synthetic  # noqa: E402
from generator.diagnostics import Report  # noqa: E402
from generator.pipeline import read_publication  # noqa: E402

OUT = ROOT / "bench" / "out"
RESULTS = ROOT / "bench" / "RESULTS.md"
QUICK_RESULTS = OUT / "RESULTS-quick.md"
SIZES = "sample,1000,5000"
QUICK_SIZES = "sample,200"
SERVE_SIZES = "sample,1000"
MEMORY_LIMIT = 1024 * MIB
"""The 5,000-entity build stays under 1 GB (taken as 1 GiB) of memory."""
MEMORY_LIMIT_ENTITIES = 5000
"""The size the issue sets the memory limit for."""


@dataclass(frozen=True)
class Runs:
    """How many times each measure runs at each size."""

    check: int = 5
    site: int = 3
    print: int = 3


@dataclass(frozen=True)
class SizeResult:
    """Everything measured on one publication."""

    size: str
    """``sample`` or a number of entities."""
    entities: int
    blocks: int
    """Data blocks, plus publication.yml: what the YAML baseline parses."""
    check: Measure
    site: site_bench.SiteResult
    printed: print_bench.PrintResult | None
    """None when the publication has no document or xelatex is missing."""
    print_note: str
    """Why there is no print measure, when there is none."""
    publish: Measure | None
    """A whole publish with the editions built at once against ``--jobs 1``; at the sample only."""
    full_build_seconds: float
    full_build_rss: int
    """Bytes: the peak resident set of a whole ``charter build`` (site and print, every edition)."""
    seconds: float
    """How long this size took in the benchmark, every measure included."""

    @property
    def memory_limited(self) -> bool:
        """Whether the issue's memory limit applies at this size."""
        return self.size == str(MEMORY_LIMIT_ENTITIES)


@dataclass(frozen=True)
class Table:
    """One measure's table in the report: which figure, and how its columns are headed."""

    title: str
    note: str
    subject: str
    baseline: str
    ratio: str
    pick: Callable[[SizeResult], Measure | None]
    missing: Callable[[SizeResult], str] = lambda r: r.print_note
    """Why a size has no figure."""


def _pdf_wall(result: SizeResult) -> Measure | None:
    return result.printed.wall if result.printed else None


def _pdf_cpu(result: SizeResult) -> Measure | None:
    return result.printed.cpu if result.printed else None


TABLES = (
    Table(
        "`charter check` against bare C-loader YAML",
        "Load, validate and resolve (in process) against `yaml.load(..., CSafeLoader)` of the same data blocks.",
        "charter check",
        "YAML C loader",
        "ratio",
        lambda r: r.check,
    ),
    Table(
        "Site build against a plain `mkdocs build` of the generated tree",
        "`charter build --no-print --edition E` against `mkdocs build --strict` with the configuration it generated; "
        "each build a fresh process.",
        "charter build",
        "mkdocs build",
        "ratio",
        lambda r: r.site.build,
    ),
    Table(
        "Generator's share of the site build",
        "The stages charter reports other than MkDocs (check, render, leak check; to 0.1 s) against the whole "
        "`charter build --no-print` of the same runs.",
        "generator stages",
        "charter build",
        "share",
        lambda r: r.site.generator_share,
    ),
    Table(
        "PDF: the Typst route against pandoc plus xelatex",
        "The first document of the first edition, from the same assembled Markdown; each conversion a fresh "
        "process. The ratio is the speed-up.",
        "Typst route",
        "pandoc + xelatex",
        "speed-up",
        _pdf_wall,
    ),
    Table(
        "PDF by CPU time (for information)",
        "The same conversions by CPU time (process and children): other work on the machine does not change it.",
        "Typst route",
        "pandoc + xelatex",
        "speed-up",
        _pdf_cpu,
    ),
    Table(
        "Full publish: the editions built at once against today's sequential build",
        "`charter build` (every edition, site and print) against the build as issue 12 found it (commit "
        f"{publish_bench.BASELINE}, unpacked by `git archive`) with `--jobs 1`; each build a fresh process in a "
        "fresh project (`bench/publish_bench.py`, which also reports this Charter's own `--jobs 1`). All of them "
        f"publish the sample as it was at {publish_bench.BASELINE}, the newest that Charter reads.",
        "charter build",
        f"{publish_bench.BASELINE} --jobs 1",
        "ratio",
        lambda r: r.publish,
        lambda r: "measured on the sample only",
    ),
    Table(
        "Bytes per page against default Material",
        "HTML bytes per page of Charter's site against Material with its defaults (no Charter theme) on the same "
        "tree and navigation.",
        "Charter",
        "default Material",
        "ratio",
        lambda r: r.site.page_weight,
    ),
)


def main() -> int:
    """Run the suite and write the report; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", help=f"comma-separated: sample and entity counts (default: {SIZES})")
    parser.add_argument("--runs", type=int, help="runs of every measure (default: check 5, site 3, print 3)")
    parser.add_argument("--quick", action="store_true", help=f"smoke run: {QUICK_SIZES}, one run, own report file")
    parser.add_argument("--out", type=Path, help=f"the report (default: {RESULTS}; with --quick {QUICK_RESULTS})")
    parser.add_argument(
        "--only",
        choices=["serve", "site-scale", "publish"],
        help="run one measure alone: serve (edit to preview), site-scale (bench/site_scale.py) or publish "
        "(the sample's whole publish); each prints its table and never writes the report",
    )
    args = parser.parse_args()
    if args.only == "serve":
        return _serve_only((args.sizes or SERVE_SIZES).split(","), args.runs or 5)
    if args.only == "site-scale":
        return site_scale.main(["--sizes", args.sizes or SIZES, *(["--runs", str(args.runs)] if args.runs else [])])
    if args.only == "publish":
        return publish_bench.report(None, args.runs or 3)
    sizes = (args.sizes or (QUICK_SIZES if args.quick else SIZES)).split(",")
    if any(size != "sample" and not size.isdigit() for size in sizes):
        parser.error(f"--sizes: each size is 'sample' or a number of entities, not {args.sizes!r}")
    runs = _runs(args.runs or (1 if args.quick else None))
    out = args.out or (QUICK_RESULTS if args.quick else RESULTS)
    command = shlex.join(["python", "bench/run.py", *sys.argv[1:]])

    machine = _machine()
    started = time.perf_counter()
    with_print = print_bench.ensure_xelatex()
    results = [_bench_size(size, runs, with_print=with_print) for size in sizes]
    machine["Load average (1, 5, 15 min) at the end"] = _load()
    report = _report(results, machine, command, runs, time.perf_counter() - started)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report, encoding="utf-8")
    (OUT / "run.json").write_text(json.dumps([_as_json(r) for r in results], indent=2), encoding="utf-8")
    print()
    print(report)
    print(f"report: {out}; every sample: {OUT / 'run.json'}")
    return 0


def _serve_only(sizes: list[str], edits: int) -> int:
    """Edit to preview at each size, alone; its table goes to bench/out/serve.md."""
    load_before = _load()
    results = [serve_bench.measure(size, edits) for size in sizes]
    lines = [
        f"Measured on {dt.date.today().isoformat()} by `python bench/run.py --only serve` at commit {_commit()}; "
        f"load average {load_before} at the start, {_load()} at the end ({os.cpu_count()} cores). "
        f"Each figure is the median of {edits} edits (range in brackets).",
        "",
        "| size | charter serve: edit to page | mkdocs serve: edit to page | ratio | target | met "
        "| cold start: charter / mkdocs |",
        "|---|---|---|---|---|---|---|",
    ]
    for result in results:
        ratio = Measure(result["charter"]["edit_s"], result["mkdocs"]["edit_s"], serve_bench.target_of(result["size"]))
        lines.append(
            f"| {result['size']} | {ratio.samples_text(ratio.subject)} | {ratio.samples_text(ratio.baseline)} "
            f"| {ratio.ratio_text()} | {ratio.target_text()} | {ratio.met_text()} "
            f"| {value_text(result['charter']['cold_start_s'], 's')} "
            f"/ {value_text(result['mkdocs']['cold_start_s'], 's')} |"
        )
    table = "\n".join(lines) + "\n"
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "serve.md").write_text(table, encoding="utf-8")
    (OUT / "serve.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(table)
    print(f"table: {OUT / 'serve.md'}; every sample: {OUT / 'serve.json'}")
    return 0


def _runs(every: int | None) -> Runs:
    return Runs() if every is None else Runs(check=every, site=every, print=every)


def _bench_size(size: str, runs: Runs, *, with_print: bool) -> SizeResult:
    """Every measure on one publication, in its own working folder under bench/out."""
    started = time.perf_counter()
    project = site_bench.fresh_dir(OUT / f"size-{size}")
    if size == "sample":  # a copy in the benchmark's project: the sample's own outputs go beside content/
        content = project / "content"
        shutil.copytree(ROOT / "content", content)
    else:
        content = write_synthetic(project / "content", int(size))
    publication = read_publication(content, Report())
    if publication is None:
        raise SystemExit(f"bench: {content} has errors; run 'charter check {content}'")
    print(f"== {size}: {len(publication.entities)} entities in {content}", flush=True)
    print(f"charter check against C-loader YAML (runs: {runs.check})", flush=True)
    check = check_bench.measure(content, runs.check)
    print(f"charter build --no-print against mkdocs build (runs: {runs.site})", flush=True)
    site = site_bench.bench_build(content, runs.site, project)
    printed, note = None, ""
    if not publication.settings.documents:
        note = "the publication has no document"
    elif not with_print:
        note = "xelatex is not installed"
    else:
        print(f"PDF, Typst route against pandoc + xelatex (runs: {runs.print})", flush=True)
        try:
            printed = print_bench.measure(content, runs.print, project / "print")
        except print_bench.RouteFailed as failed:
            typst = ", ".join(value_text(t, "s") for t in failed.typst_seconds) or "not run"
            note = f"{failed} (Typst route before it: {typst})"
            print(f"  {note}", flush=True)
    publish = None
    if size == "sample":
        print(f"charter build (every edition, site and print) against --jobs 1 (runs: {runs.site})", flush=True)
        publish = publish_bench.measure(publish_bench.baseline_sample(), runs.site).against_baseline
    print("charter build (site and print, every edition) for its peak memory", flush=True)
    full = site_bench.charter_build(project, content, "site-full", edition=None, with_print=True, tree=True)
    return SizeResult(
        size=size,
        entities=len(publication.entities),
        blocks=len(check_bench.data_blocks(content)),
        check=check,
        site=site,
        printed=printed,
        print_note=note,
        publish=publish,
        full_build_seconds=full.seconds,
        full_build_rss=full.peak_rss,
        seconds=time.perf_counter() - started,
    )


def _machine() -> dict[str, str]:
    """What the numbers were measured on: hardware, tool versions, the commit."""
    return {
        "CPU": f"{_cpu_model()}, {os.cpu_count()} cores",
        "Memory": _mem_total(),
        "System": platform.platform(),
        "Python": platform.python_version(),
        "pandoc": _pandoc_version(),
        "typst (Python binding)": metadata.version("typst"),
        "MkDocs": metadata.version("mkdocs"),
        "Material for MkDocs": metadata.version("mkdocs-material"),
        "xelatex": _first_line(["xelatex", "--version"]),
        "Charter commit": _commit(),
        "Load average (1, 5, 15 min) at the start": _load(),
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _mem_total() -> str:
    try:
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) // 1024} MiB"
    except OSError:
        pass
    return "unknown"


def _pandoc_version() -> str:
    import pypandoc  # type: ignore[import-untyped]

    return str(pypandoc.get_pandoc_version())


def _first_line(command: list[str]) -> str:
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError:
        return "not installed"
    return result.stdout.strip().splitlines()[0] if result.stdout.strip() else "unknown"


def _commit() -> str:
    commit = _first_line(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"])
    changed = subprocess.run(
        ["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return f"{commit} (with uncommitted changes)" if changed else commit


def _load() -> str:
    return ", ".join(f"{load:.2f}" for load in os.getloadavg())


def _report(results: list[SizeResult], machine: dict[str, str], command: str, runs: Runs, seconds: float) -> str:
    """The whole report as Markdown."""
    lines = [
        "# Benchmark results",
        "",
        f"Measured on {dt.date.today().isoformat()} by `{command}`; the run took {seconds / 60:.0f} min.",
        "",
        f"Each figure is the median of its runs (the check: {runs.check}; each site build: {runs.site}; each PDF "
        f"route: {runs.print}), with the range (min–max) in brackets. Subject and baseline alternate "
        "within the run; every build is a fresh process.",
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
        *(f"| {name} | {value} |" for name, value in machine.items()),
        "",
        "## Publications",
        "",
        "| size | entities | data blocks | site pages | PDF pages (Typst / xelatex) | time taken |",
        "|---|---|---|---|---|---|",
    ]
    for r in results:
        pages = f"{r.printed.pages['typst']} / {r.printed.pages['xelatex']}" if r.printed else r.print_note
        lines.append(f"| {r.size} | {r.entities} | {r.blocks} | {r.site.pages} | {pages} | {r.seconds / 60:.1f} min |")
    for table in TABLES:
        lines += _measure_table(table, results)
    lines += _memory_table(results)
    lines += ["## Targets not met", "", *(_not_met(results) or ["Every target was met."]), ""]
    return "\n".join(lines)


def _measure_table(table: Table, results: list[SizeResult]) -> list[str]:
    lines = [
        "",
        f"## {table.title}",
        "",
        table.note,
        "",
        f"| size | {table.subject} | {table.baseline} | {table.ratio} | target | met |",
        "|---|---|---|---|---|---|",
    ]
    for r in results:
        m = table.pick(r)
        if m is None:
            lines.append(f"| {r.size} | not measured: {table.missing(r)} | | | | |")
            continue
        lines.append(
            f"| {r.size} | {m.samples_text(m.subject)} | {m.samples_text(m.baseline)} | {m.ratio_text()} | "
            f"{m.target_text()} | {m.met_text()} |"
        )
    return lines


def _memory_table(results: list[SizeResult]) -> list[str]:
    limit = value_text(MEMORY_LIMIT, "MiB")
    lines = [
        "",
        "## Peak memory",
        "",
        "Peak resident set. The whole `charter build`: the sum over its process tree at once (the editions' "
        "processes, pandoc and Typst), polled every 50 ms. The others: the largest single process "
        "(`os.wait4`). The limit "
        f"({limit} = 1 GB) is the issue's, for the {MEMORY_LIMIT_ENTITIES:,}-entity build, and applies to the whole "
        "`charter build`.",
        "",
        "| size | charter build (site and print, every edition) | charter build --no-print | Typst PDF route "
        "| limit | met |",
        "|---|---|---|---|---|---|",
    ]
    for r in results:
        typst = value_text(r.printed.peak_rss, "MiB") if r.printed else "—"
        if r.memory_limited:
            met = "yes" if r.full_build_rss < MEMORY_LIMIT else "**no**"
            limit_cell = f"< {limit}"
        else:
            met = limit_cell = "—"
        lines.append(
            f"| {r.size} | {value_text(r.full_build_rss, 'MiB')} ({r.full_build_seconds:.0f} s) | "
            f"{value_text(r.site.peak_rss, 'MiB')} | {typst} | {limit_cell} | {met} |"
        )
    return [*lines, ""]


def _not_met(results: list[SizeResult]) -> list[str]:
    """One line per target missed: which measure, at which size, by how much."""
    lines = []
    for table in TABLES:
        for r in results:
            m = table.pick(r)
            if m is None or m.target is None or m.met:
                continue
            if m.target.at_least:
                miss = f"{1 - m.ratio / m.target.limit:.0%} short"
            else:
                miss = f"{m.ratio / m.target.limit - 1:.0%} over"
            lines.append(
                f"- {table.title}, {r.size}: {table.ratio} {m.ratio_text()} against {m.target_text()} ({miss})."
            )
    for r in results:
        if r.memory_limited and r.full_build_rss >= MEMORY_LIMIT:
            lines.append(
                f"- Peak memory, {r.size}: the charter build reached {value_text(r.full_build_rss, 'MiB')} against "
                f"< {value_text(MEMORY_LIMIT, 'MiB')} ({r.full_build_rss / MEMORY_LIMIT - 1:.0%} over)."
            )
    return lines


def _as_json(result: SizeResult) -> dict[str, Any]:
    """Every sample of one size, for ``bench/out/run.json``."""
    printed = result.printed
    return {
        "size": result.size,
        "entities": result.entities,
        "blocks": result.blocks,
        "check": result.check.as_json(),
        "site_build": result.site.build.as_json(),
        "generator_share": result.site.generator_share.as_json(),
        "bytes_per_page": result.site.page_weight.as_json(),
        "site_stages": result.site.stages,
        "pdf_wall": printed.wall.as_json() if printed else result.print_note,
        "pdf_cpu": printed.cpu.as_json() if printed else result.print_note,
        "peak_rss_bytes": {
            "charter_build": result.full_build_rss,
            "charter_build_no_print": result.site.peak_rss,
            "typst_route": printed.peak_rss if printed else None,
        },
        "full_build_seconds": result.full_build_seconds,
        "seconds": result.seconds,
    }


if __name__ == "__main__":
    sys.exit(main())
