"""Build progress: each stage as it starts and ends on a terminal, one summary line otherwise.

On a terminal a two-minute build never looks hung: each stage says when it starts and what
it made when it ends, and MkDocs' stage counts its pages as it renders them. Elsewhere (CI
logs, a pipe) only the closing summary is printed, and ``-q`` leaves out even that.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

Stage = tuple[str, str, float]
"""A finished stage: its name, what it made ('42 pages'), and its seconds."""


class Progress:
    """Reports the stages of a build as they start and finish."""

    def __init__(
        self,
        stream: TextIO | None = None,
        *,
        interactive: bool | None = None,
        quiet: bool = False,
        shared: bool = False,
        verbose: bool = False,
    ) -> None:
        self.stream = stream or sys.stderr
        terminal = self.stream.isatty() if interactive is None else interactive
        self.interactive = (terminal or verbose) and not quiet
        self.quiet = quiet
        self.shared = shared or (verbose and not terminal)
        """Whether other processes write to the same terminal: then every line is whole (no overwriting)."""
        self.stages: list[Stage] = []
        self.started = time.perf_counter()

    def for_process(self) -> Progress:
        """A progress for a process building one part while others build theirs, on the same terminal."""
        return Progress(self.stream, interactive=self.interactive, quiet=self.quiet, shared=True)

    @contextmanager
    def stage(self, name: str) -> Iterator[list[str]]:
        """Time a stage; the caller may append one detail, e.g. '42 pages', to the yielded list."""
        detail: list[str] = []
        begin = time.perf_counter()
        if self.interactive:
            end = "\n" if self.shared else "\r"
            print(f"  {name} ...", end=end, file=self.stream, flush=True)
        yield detail
        elapsed = time.perf_counter() - begin
        text = detail[0] if detail else ""
        self.stages.append((name, text, elapsed))
        if self.interactive:
            print(f"  {name:<16} {text:<36} {elapsed:6.2f} s", file=self.stream, flush=True)

    def counter(self, name: str, what: str = "pages") -> Callable[[int, int], None] | None:
        """A callback that shows ``done/total`` of a stage as it goes, at most ten times a second.

        None where nobody would see it: off a terminal, or where other processes share the line.
        """
        if not self.interactive or self.shared:
            return None
        shown = [0.0]

        def count(done: int, total: int) -> None:
            now = time.perf_counter()
            if now - shown[0] >= 0.1 or done == total:
                shown[0] = now
                print(f"  {name} ... {done}/{total} {what}", end="\r", file=self.stream, flush=True)

        return count

    def summary(self, what: str) -> None:
        """One closing line: what was built and how long it took (none with ``-q``)."""
        if self.quiet:
            return
        total = time.perf_counter() - self.started
        parts = ", ".join(f"{name} {elapsed:.1f}s" for name, _, elapsed in self.stages)
        print(f"charter: built {what} in {total:.1f} s ({parts})", file=self.stream, flush=True)
