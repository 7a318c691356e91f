"""Benchmark: the sample strategy's PDF through Charter's Typst route against pandoc's LaTeX route.

Both routes start from the same assembled Markdown (written once, before timing):

- **typst**: pandoc writes Typst with Charter's template and filter, then the ``typst``
  Python binding compiles a tagged PDF/UA-1 (what ``charter print`` does);
- **xelatex**: pandoc's default PDF route, ``--pdf-engine=xelatex`` with a table of
  contents, lists of tables and figures and numbered sections, so it does comparable work.

Each run is a fresh Python process (Typst caches within a process, and a user's build
is one cold process), alternating the routes, and only the conversion is timed. The
report gives the medians and spreads, the speed-up (target: at least 5x), each PDF's
page count and the peak memory of the Typst route.

Users never need LaTeX: this script installs Debian's texlive-xetex (and librsvg2-bin,
which pandoc needs to put SVG figures into LaTeX) with apt-get when xelatex is missing.

    python bench/print_bench.py [--content content] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.measure import Measure, Target, run_process, value_text  # noqa: E402

OUT = ROOT / "bench" / "out"
ROUTES = ("typst", "xelatex")
SPEEDUP_TARGET = Target(5, at_least=True)
"""The Typst route is at least five times faster than pandoc's xelatex route."""

LATEX_PACKAGES = (
    ("xelatex", "texlive-xetex"),
    ("lmodern.sty", "lmodern"),
    ("unicode-math.sty", "texlive-latex-extra"),
    ("rsvg-convert", "librsvg2-bin"),
    ("pzdr.tfm", "texlive-fonts-recommended"),  # ZapfDingbats, for the template's list markers
)
"""What pandoc's LaTeX route needs (a tool or a LaTeX file) and the Debian package that has it."""


@dataclass(frozen=True)
class PrintResult:
    """What :func:`measure` measured on one publication's first document."""

    wall: Measure
    """Wall-clock seconds: the Typst route against xelatex, as a speed-up."""
    cpu: Measure
    """CPU seconds of the same runs, for information (other work on the machine does not change them)."""
    pages: dict[str, int]
    """Pages of each route's PDF."""
    markdown_bytes: int
    """Size of the assembled Markdown both routes convert."""
    peak_rss: int
    """Bytes: the largest resident set of a Typst-route conversion (pandoc included)."""


def main() -> int:
    """Run the benchmark; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--content", default=str(ROOT / "content"), help="the content folder (default: the sample)")
    parser.add_argument("--runs", type=int, default=5, help="runs of each route (default: 5)")
    parser.add_argument("--once", nargs=3, metavar=("ROUTE", "MARKDOWN", "PDF"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.once:
        route, markdown, pdf = args.once
        wall, cpu = _convert(route, Path(markdown), Path(pdf))
        print(json.dumps({"seconds": wall, "cpu": cpu}))
        return 0

    if not ensure_xelatex():
        return 2
    result = measure(Path(args.content), args.runs, OUT)
    _report(result, OUT)
    return 0


def measure(content: Path, runs: int, out: Path) -> PrintResult:
    """Both routes on ``content``'s first document, alternating, each conversion a fresh process.

    The assembled Markdown, its diagrams and both PDFs go into ``out``.
    """
    markdown = _assemble(content, out / "work")
    wall: dict[str, list[float]] = {route: [] for route in ROUTES}
    cpu: dict[str, list[float]] = {route: [] for route in ROUTES}
    peak_rss = 0
    for run in range(1, runs + 1):
        for route in ROUTES:
            try:
                seconds, cpu_seconds, rss = _run_once(route, markdown, out / f"{route}.pdf")
            except SystemExit as exc:
                raise RouteFailed(route, _reason(str(exc)), wall["typst"]) from None
            wall[route].append(seconds)
            cpu[route].append(cpu_seconds)
            if route == "typst":
                peak_rss = max(peak_rss, rss)
            print(f"  run {run}: {route:8s} {seconds:6.2f} s wall, {cpu_seconds:6.2f} s CPU", flush=True)
    return PrintResult(
        wall=Measure(subject=wall["typst"], baseline=wall["xelatex"], target=SPEEDUP_TARGET, speedup=True),
        cpu=Measure(subject=cpu["typst"], baseline=cpu["xelatex"], target=None, speedup=True),
        pages={route: _pages(out / f"{route}.pdf") for route in ROUTES},
        markdown_bytes=markdown.stat().st_size,
        peak_rss=peak_rss,
    )


def _assemble(content: Path, work: Path) -> Path:
    """Write the publication's first document as assembled Markdown (and its diagrams) into ``work``."""
    from generator.diagnostics import Report
    from generator.pipeline import read_publication
    from generator.render_print import theme_dir
    from generator.render_print.pages import PageSetup
    from generator.render_print.paper import paper_for
    from generator.render_print.safety import RAW_CLASS
    from generator.render_print.sources import write_sources
    from generator.resolve.editions import for_edition

    report = Report()
    publication = read_publication(content, report)
    if publication is None or report.errors:
        raise SystemExit(f"bench: {content} has errors; run 'charter check {content}'")
    if publication.settings.editions:
        publication = for_edition(publication, publication.settings.editions[0], report)
    theme_dir(ROOT)
    document = publication.settings.documents[0]
    setup = PageSetup(paper_for("a4"))
    sources = write_sources(publication, document, work, stem="document", setup=setup)
    settings = {
        "language": publication.settings.language,
        "date": publication.settings.date.isoformat(),
        "emblem": sources.emblem,
        "images": sources.images,
        "metadata": str(sources.metadata),  # the title and marking: a PDF/UA document must have a title
        "raw_class": RAW_CLASS,  # this process's key for Charter's own raw markup (see _convert)
    }
    (work / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    return sources.markdown


class RouteFailed(Exception):
    """A route could not convert the document at all (xelatex runs out of TeX memory on very long tables)."""

    def __init__(self, route: str, reason: str, typst_seconds: list[float]) -> None:
        super().__init__(f"the {route} route failed: {reason}")
        self.route = route
        self.reason = reason
        self.typst_seconds = typst_seconds
        """What the Typst route took in the runs before the failure."""


def _reason(message: str) -> str:
    """The line of a failed conversion's output that says why (TeX's '! ...' line, else the last line)."""
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    return next((line.lstrip("! ") for line in lines if line.startswith("!")), lines[-1] if lines else "unknown")


def _run_once(route: str, markdown: Path, pdf: Path) -> tuple[float, float, int]:
    """One conversion in a fresh interpreter: the wall-clock and CPU seconds it reported, and its peak memory."""
    pdf.unlink(missing_ok=True)
    finished = run_process([sys.executable, str(Path(__file__).resolve()), "--once", route, str(markdown), str(pdf)])
    if not pdf.exists():
        raise SystemExit(f"bench: the {route} route wrote no PDF:\n{finished.stderr[-3000:]}")
    reported = json.loads(finished.stdout.strip().splitlines()[-1])
    return float(reported["seconds"]), float(reported["cpu"]), finished.peak_rss


def _cpu_seconds() -> float:
    """CPU time of this process (all threads) and of the processes it has waited for (pandoc, xelatex)."""
    import resource

    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _convert(route: str, markdown: Path, pdf: Path) -> tuple[float, float]:
    """Convert the Markdown to PDF by one route; returns the wall-clock and CPU seconds taken.

    The CPU time is reported too because this machine may be shared: other work slows
    the wall clock of both routes, but not their CPU time.
    """
    import datetime as dt

    from generator.render_print import theme_dir
    from generator.render_print.pandoc_ast import convert_markdown, read_document
    from generator.render_print.paper import paper_for
    from generator.render_print.safety import RAW_CLASS
    from generator.render_print.typst_out import markdown_to_pdf

    theme = theme_dir(ROOT)
    settings = json.loads((markdown.parent / "settings.json").read_text(encoding="utf-8"))
    # Charter's raw Typst (alt texts, tables) carries the assembling process's secret key, which
    # this fresh process's safety filter does not know: give the Markdown this process's key.
    text = markdown.read_text(encoding="utf-8")
    markdown.write_text(text.replace(settings["raw_class"], RAW_CLASS), encoding="utf-8")
    settings["raw_class"] = RAW_CLASS
    (markdown.parent / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    start, start_cpu = time.perf_counter(), _cpu_seconds()
    if route == "typst":
        markdown_to_pdf(
            read_document(markdown),
            pdf,
            theme=theme,
            paper=paper_for("a4"),
            language=settings["language"],
            emblem=settings["emblem"],
            day=dt.date.fromisoformat(settings["date"]),
            inline_images=settings["images"],
            metadata=Path(settings["metadata"]),
        )
    else:
        args = [
            "--pdf-engine=xelatex",
            "--standalone",
            "--toc",
            "--number-sections",
            "-V",
            "lot",
            "-V",
            "lof",
            "-V",
            "papersize=a4",
            "-V",
            "geometry:margin=22mm",
            f"--resource-path={markdown.parent}",
        ]
        convert_markdown(markdown, to="pdf", output=pdf, args=args)
    return time.perf_counter() - start, _cpu_seconds() - start_cpu


def ensure_xelatex() -> bool:
    """Install xelatex and what pandoc's LaTeX template needs from Debian when missing.

    Returns False when they are missing and cannot be installed (not root).
    """
    missing = [package for check, package in LATEX_PACKAGES if not _present(check)]
    if not missing:
        return True
    if os.geteuid() != 0:
        print(f"bench: please install {' '.join(missing)} (sudo apt-get install {' '.join(missing)})", file=sys.stderr)
        return False
    print(f"bench: installing {' '.join(missing)} with apt-get (benchmark only; users never need LaTeX)", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (
        ["apt-get", "update", "-qq"],
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
    ):
        subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
    return all(_present(check) for check, _ in LATEX_PACKAGES)


def _present(check: str) -> bool:
    """A tool on the PATH, or a LaTeX file ``kpsewhich`` finds."""
    if not check.endswith((".sty", ".tfm")):
        return shutil.which(check) is not None
    if not shutil.which("kpsewhich"):
        return False
    found = subprocess.run(["kpsewhich", check], capture_output=True, text=True, check=False)
    return bool(found.stdout.strip())


def _pages(pdf: Path) -> int:
    import pypdf

    return len(pypdf.PdfReader(pdf).pages)


def _report(result: PrintResult, out: Path) -> None:
    """Print the comparison and write every sample to ``out/results.json``."""
    print(
        f"\nAssembled Markdown: {result.markdown_bytes // 1024} KB; pages: typst {result.pages['typst']}, "
        f"xelatex {result.pages['xelatex']}"
    )
    print(result.wall.describe("Typst route", "xelatex") + " (speed-up by the wall clock)")
    print(result.cpu.describe("Typst route", "xelatex") + " (speed-up by CPU time)")
    print(f"Peak memory of a Typst-route conversion: {value_text(result.peak_rss, 'MiB')}")
    summary = {
        "wall_seconds": result.wall.as_json(),
        "cpu_seconds": result.cpu.as_json(),
        "pages": result.pages,
        "markdown_bytes": result.markdown_bytes,
        "typst_peak_rss_bytes": result.peak_rss,
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
    }
    (out / "results.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
