"""What every benchmark returns, and how it runs a timed process.

A :class:`Measure` holds the samples of a subject (what Charter does) and of its
baseline (the same work done by the plain tool), taken in the same run, and the target
their ratio must meet. :func:`run_process` runs one fresh process and returns its wall
time and its peak memory.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MIB = 1024 * 1024


@dataclass(frozen=True)
class Target:
    """A bound on a ratio: at most ``limit`` (or below it, when ``strict``), or at least it."""

    limit: float
    at_least: bool = False
    """The ratio must reach the limit (a speed-up) rather than stay under it (a cost)."""
    strict: bool = False
    """The bound excludes the limit itself (``<`` rather than ``≤``)."""

    def met(self, ratio: float) -> bool:
        """Whether a ratio meets the target."""
        if self.at_least:
            return ratio > self.limit if self.strict else ratio >= self.limit
        return ratio < self.limit if self.strict else ratio <= self.limit

    def text(self, *, percent: bool = False) -> str:
        """The target as written in the issue, e.g. ``≤ 2`` or ``< 15%``."""
        sign = (">" if self.strict else "≥") if self.at_least else ("<" if self.strict else "≤")
        return f"{sign} {self.limit:.0%}" if percent else f"{sign} {self.limit:g}"


@dataclass(frozen=True)
class Measure:
    """Samples of a subject and of its baseline from one run, and the ratio of their medians."""

    subject: list[float]
    baseline: list[float]
    target: Target | None
    """None for a figure reported for information only."""
    unit: str = "s"
    """``s`` for seconds, ``B`` for bytes."""
    speedup: bool = False
    """The ratio is baseline / subject: how many times faster the subject is."""
    percent: bool = False
    """Show the ratio as a percentage (a share of the baseline)."""

    @property
    def subject_median(self) -> float:
        """The subject's median sample."""
        return statistics.median(self.subject)

    @property
    def baseline_median(self) -> float:
        """The baseline's median sample."""
        return statistics.median(self.baseline)

    @property
    def ratio(self) -> float:
        """Subject over baseline medians (baseline over subject for a speed-up)."""
        if self.speedup:
            return self.baseline_median / self.subject_median
        return self.subject_median / self.baseline_median

    @property
    def met(self) -> bool | None:
        """Whether the ratio meets the target; None when there is none."""
        return None if self.target is None else self.target.met(self.ratio)

    def ratio_text(self) -> str:
        """The ratio as shown in a report: ``1.42``, ``5.3x`` or ``8.1%``."""
        if self.percent:
            return f"{self.ratio:.1%}"
        return f"{self.ratio:.1f}x" if self.speedup else f"{self.ratio:.2f}"

    def target_text(self) -> str:
        """The target as shown in a report, ``—`` when there is none."""
        if self.target is None:
            return "—"
        return self.target.text(percent=self.percent) + ("x" if self.speedup else "")

    def met_text(self) -> str:
        """``yes``, ``**no**`` or ``—``."""
        return {True: "yes", False: "**no**", None: "—"}[self.met]

    def samples_text(self, samples: Sequence[float]) -> str:
        """Median and spread of some samples, e.g. ``1.23 s (1.20–1.31)``."""
        median = statistics.median(samples)
        if len(samples) == 1:
            return value_text(median, self.unit)
        low, high = (value_text(value, self.unit, bare=True) for value in (min(samples), max(samples)))
        return f"{value_text(median, self.unit)} ({low}–{high})"

    def describe(self, subject: str, baseline: str) -> str:
        """One line for a terminal: both medians and spreads, the ratio and the target."""
        target = f" (target {self.target_text()}: {'met' if self.met else 'not met'})" if self.target else ""
        return (
            f"{subject} {self.samples_text(self.subject)}, {baseline} {self.samples_text(self.baseline)}, "
            f"ratio {self.ratio_text()}{target}"
        )

    def as_json(self) -> dict[str, Any]:
        """Every sample and the derived figures, for a JSON report."""
        return {
            "subject": self.subject,
            "baseline": self.baseline,
            "unit": self.unit,
            "subject_median": self.subject_median,
            "baseline_median": self.baseline_median,
            "ratio": self.ratio,
            "target": self.target_text(),
            "met": self.met,
        }


def value_text(value: float, unit: str, *, bare: bool = False) -> str:
    """A value with its unit: seconds to three significant digits, bytes in KB or MiB; ``bare`` leaves the unit off."""
    if unit == "B":
        number, suffix = f"{value / 1024:.1f}", "KB"
    elif unit == "MiB":
        number, suffix = f"{value / MIB:.0f}", "MiB"
    else:
        number, suffix = (f"{value:.0f}" if value >= 100 else f"{value:#.3g}"), unit
    return number if bare else f"{number} {suffix}"


@dataclass(frozen=True)
class Finished:
    """A process that ran to completion."""

    seconds: float
    """Wall-clock time from start to exit."""
    peak_rss: int
    """Bytes: the largest resident set of the process or of any child it waited for."""
    stdout: str
    stderr: str
    cpu_seconds: float = 0.0
    """User and system time of the process and the children it waited for (:func:`run_process` only)."""


def run_process(command: Sequence[str], *, cwd: Path | None = None, env: Mapping[str, str] | None = None) -> Finished:
    """Run a fresh process to completion and return its time and peak memory; fails loudly.

    The output goes to temporary files rather than pipes so the process is reaped with
    ``os.wait4``, whose resource usage covers the process and the children it waited
    for (pandoc, xelatex).
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(list(command), cwd=cwd, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{stderr[-4000:]}")
    cpu = usage.ru_utime + usage.ru_stime
    return Finished(seconds=seconds, peak_rss=usage.ru_maxrss * 1024, stdout=stdout, stderr=stderr, cpu_seconds=cpu)


def tree_rss(pid: int) -> int:
    """Bytes: the resident set of a process and all its descendants now (Linux ``/proc``; 0 elsewhere)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
    try:
        entries = os.listdir("/proc")
    except OSError:
        return 0
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text(encoding="ascii")
            statm = Path(f"/proc/{entry}/statm").read_text(encoding="ascii")
        except OSError:
            continue  # the process ended meanwhile
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry))
        rss[int(entry)] = int(statm.split()[1]) * page
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += rss.get(current, 0)
        todo += children.get(current, [])
    return total


def run_process_tree(
    command: Sequence[str], *, cwd: Path | None = None, env: Mapping[str, str] | None = None, every: float = 0.05
) -> Finished:
    """As :func:`run_process`, but ``peak_rss`` is the largest sum over the process tree, polled ``every`` seconds.

    ``os.wait4`` gives the peak of the largest single process; processes that run at once
    (an edition each, pandoc beside Typst) add up, and this is what a machine must hold.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(list(command), cwd=cwd, env=env, stdout=out, stderr=err)
        peak = 0
        while process.poll() is None:
            peak = max(peak, tree_rss(process.pid))
            time.sleep(every)
        seconds = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{stderr[-4000:]}")
    return Finished(seconds=seconds, peak_rss=peak, stdout=stdout, stderr=stderr)
