"""``charter new``: write a new publication project from the starter (or the full sample).

The starter is package data under ``files/``, laid out as the project it becomes: a small
but complete ``content/``, a ``mkdocs.yml`` of the team's overrides only, a README for
drafters, the CI workflows and the pre-commit configuration. A path part written
``dot-NAME`` there becomes ``.NAME`` in the project (``dot-github/`` is ``.github/``), so
the repository's own tools never take the starter's dot-files for the repository's.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from generator import packaged

STARTER = Path(__file__).resolve().parent / "files"
"""The starter project, as package data."""
_DOT = "dot-"


class NewProjectError(Exception):
    """``charter new`` cannot write the project where it was asked to (a usage error)."""


def project_files(*, sample: bool) -> dict[Path, Path]:
    """What a new project holds: its path in the project → the shipped file it is copied from."""
    found: dict[Path, Path] = {}
    for source in sorted(STARTER.rglob("*")):
        relative = source.relative_to(STARTER)
        if not source.is_file() or "__pycache__" in relative.parts:
            continue
        if sample and relative.parts[0] == "content":
            continue
        found[Path(*(_undot(part) for part in relative.parts))] = source
    if sample:
        content = packaged.sample_content()
        for source in sorted(content.rglob("*")):
            if source.is_file() and "__pycache__" not in source.parts:
                found[Path("content") / source.relative_to(content)] = source
    return found


def _undot(part: str) -> str:
    return "." + part[len(_DOT) :] if part.startswith(_DOT) else part


def write_project(target: Path, *, sample: bool = False, force: bool = False) -> list[Path]:
    """Write a new project into ``target``; returns the files written, by their path in the project.

    Refuses (:class:`NewProjectError`) a ``target`` that is a file, or a folder that holds
    anything, unless ``force``: then the project's files replace those of the same name and
    everything else stays.
    """
    if target.exists() and not target.is_dir():
        raise NewProjectError(f"'{target}' is a file, not a folder; name a new folder")
    if target.is_dir() and any(target.iterdir()) and not force:
        raise NewProjectError(
            f"'{target}' is not empty; name a new folder, or give --force to write the project's files into it"
        )
    written: list[Path] = []
    for relative, source in project_files(sample=sample).items():
        dest = target / relative
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, dest)
        written.append(relative)
    return written
