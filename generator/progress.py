"""Build progress: each stage with its count and time on a terminal, one summary line otherwise."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO


class Progress:
    """Reports the stages of a build as they finish."""

    def __init__(self, stream: TextIO | None = None, *, interactive: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.interactive = self.stream.isatty() if interactive is None else interactive
        self.stages: list[tuple[str, str, float]] = []
        self.started = time.perf_counter()

    @contextmanager
    def stage(self, name: str) -> Iterator[list[str]]:
        """Time a stage; the caller may append one detail, e.g. '42 pages', to the yielded list."""
        detail: list[str] = []
        begin = time.perf_counter()
        if self.interactive:
            print(f"  {name} ...", end="\r", file=self.stream, flush=True)
        yield detail
        elapsed = time.perf_counter() - begin
        text = detail[0] if detail else ""
        self.stages.append((name, text, elapsed))
        if self.interactive:
            print(f"  {name:<16} {text:<36} {elapsed:6.2f} s", file=self.stream, flush=True)

    def summary(self, what: str) -> None:
        """One closing line: what was built and how long it took."""
        total = time.perf_counter() - self.started
        parts = ", ".join(f"{name} {elapsed:.1f}s" for name, _, elapsed in self.stages)
        print(f"charter: built {what} in {total:.1f} s ({parts})", file=self.stream, flush=True)
