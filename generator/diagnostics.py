"""Diagnostics: every problem Charter finds, with its place and what to do about it.

Validators raise or return plain messages; the stage that knows the location wraps them
into a :class:`Diagnostic`. A :class:`Report` collects them all so the user sees every
problem at once.
"""

from __future__ import annotations

import difflib
import enum
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple


class Severity(enum.Enum):
    """How bad a diagnostic is. Warnings become errors under ``--strict``; a note never fails a check."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"
    """A check that could not run because of an error reported elsewhere, said instead of kept silent."""


class Location(NamedTuple):
    """A place in the content: a path as the user should open it, a 1-based line and column.

    A named tuple rather than a dataclass: the checker makes tens of thousands of them.
    """

    path: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


_new_tuple = tuple.__new__


def location(path: str, line: int, col: int) -> Location:
    """A :class:`Location`, made without the named tuple's Python-level constructor (the check makes tens of
    thousands of them, one for every reference it records)."""
    return _new_tuple(Location, (path, line, col))


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem: where, how bad, a stable code, the message and an optional hint."""

    location: Location
    severity: Severity
    code: str
    message: str
    hint: str | None = None

    def format(self) -> str:
        """Render as ``path:line:col: error[CODE]: message`` plus an indented hint line."""
        text = f"{self.location}: {self.severity.value}[{self.code}]: {self.message}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text

    def github(self) -> str:
        """As a GitHub Actions workflow command: ``::error file=F,line=L,col=C,title=CODE::message``."""
        command = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "notice"}[self.severity]
        where = self.location
        message = self.message + (f"\nhint: {self.hint}" if self.hint else "")
        properties = f"file={_property(where.path)},line={where.line},col={where.col},title={_property(self.code)}"
        return f"::{command} {properties}::{_data(message)}"


@dataclass
class Report:
    """Collects diagnostics across all stages."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    _seen: set[Diagnostic] = field(default_factory=set, repr=False)

    def error(self, location: Location, code: str, message: str, hint: str | None = None) -> None:
        """Record an error."""
        self._add(Diagnostic(location, Severity.ERROR, code, message, hint))

    def warning(self, location: Location, code: str, message: str, hint: str | None = None) -> None:
        """Record a warning."""
        self._add(Diagnostic(location, Severity.WARNING, code, message, hint))

    def note(self, location: Location, code: str, message: str, hint: str | None = None) -> None:
        """Record that a check did not run, and why (an error reported elsewhere)."""
        self._add(Diagnostic(location, Severity.NOTE, code, message, hint))

    def add(self, diagnostic: Diagnostic) -> None:
        """Record a diagnostic made elsewhere (say, in an edition's process)."""
        self._add(diagnostic)

    def _add(self, diagnostic: Diagnostic) -> None:
        # The same problem found twice (say, by two editions) is reported once.
        if diagnostic not in self._seen:
            self._seen.add(diagnostic)
            self.diagnostics.append(diagnostic)

    @property
    def errors(self) -> list[Diagnostic]:
        """The diagnostics of error severity."""
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        """The diagnostics of warning severity."""
        return [d for d in self.diagnostics if d.severity is Severity.WARNING]

    def failed(self, *, strict: bool = False) -> bool:
        """Whether the publication must not be rendered."""
        return bool(self.errors) or (strict and bool(self.warnings))

    def sorted(self) -> list[Diagnostic]:
        """Diagnostics in file and line order, so output is stable; notes of what was not checked last."""
        return sorted(
            self.diagnostics,
            key=lambda d: (d.severity is Severity.NOTE, d.location.path, d.location.line, d.location.col, d.code),
        )


STYLES = ("text", "github")
"""How diagnostics are printed: Charter's own lines, or GitHub Actions' workflow commands."""


def print_report(report: Report, *, strict: bool, style: str = "text") -> None:
    """Print every diagnostic, then one summary line, to standard error.

    With ``style="github"`` each diagnostic is also a GitHub Actions workflow command on standard
    output (``::error file=F,line=L,col=C,title=CODE::message``), which GitHub shows as an
    annotation on the line in a pull request.
    """
    for diagnostic in report.sorted():
        print(diagnostic.format(), file=sys.stderr)
        if style == "github":
            print(diagnostic.github(), flush=True)
    errors, warnings = len(report.errors), len(report.warnings)
    if errors or warnings:
        parts = [f"{errors} error{'s' * (errors != 1)}", f"{warnings} warning{'s' * (warnings != 1)}"]
        note = " (--strict: warnings count as errors)" if strict and warnings else ""
        print(f"charter: {', '.join(parts)}{note}", file=sys.stderr)


def _data(text: str) -> str:
    """A workflow command's message, escaped as GitHub reads it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """A workflow command's property value, escaped as GitHub reads it."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def did_you_mean(word: str, candidates: Iterable[str]) -> str | None:
    """A "did you mean" hint naming the closest candidate, or None when none is close."""
    pool = list(candidates)
    close = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
    if not close:
        upper = {c.upper(): c for c in pool}
        if word.upper() in upper:
            close = [upper[word.upper()]]
    return f"did you mean '{close[0]}'?" if close else None


def article(word: str) -> str:
    """'a' or 'an' for a kind name: "an agency", "a risk"."""
    return "an" if word[:1] in "aeiou" else "a"


class ContentError(Exception):
    """A problem with one value, raised by a converter; the caller adds the location."""

    def __init__(self, code: str, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.hint = hint
