"""Where a project's files are: its folder, and the folders Charter writes.

A project is the folder that holds ``mkdocs.yml`` (the site configuration) beside its
content folder. Charter's outputs (``site/`` and ``build/``, the schemas) go there whatever
the current directory is, so running ``charter build .`` inside ``content/`` never writes into
the content. Every folder Charter writes holds a mark (:data:`OUTPUT_MARK`), and the loader
never reads a folder that has one: Charter's own output is never read back as chapters.
"""

from __future__ import annotations

import os
from pathlib import Path

SITE_CONFIG = "mkdocs.yml"
CONTENT_DIR = "content"
PUBLICATION = "publication.yml"
OUTPUT_MARK = ".charter-output"
"""The file in every folder Charter writes its outputs to."""
OUTPUT_MARKS = (OUTPUT_MARK, ".charter.lock")
"""A folder holding either is Charter's: ``.charter.lock`` marks a ``build/`` made before the mark existed."""
_MARK_TEXT = "Charter writes this folder; charter check and charter build never read it as content.\n"


def project_dir(content: Path, cwd: Path | None = None) -> Path:
    """The project folder of ``content``: the one holding ``mkdocs.yml``, the content folder or the one above it.

    A project without a ``mkdocs.yml`` of its own (Charter then uses the one it ships) is the
    current folder, or, when that lies inside the content folder, the folder above the content.
    """
    cwd = (cwd or Path.cwd()).resolve()
    content = content.resolve()
    for folder in (content, content.parent):
        if (folder / SITE_CONFIG).is_file():
            return folder
    if cwd == content or cwd.is_relative_to(content):
        return content.parent
    return cwd


_CHOSEN: dict[Path, Path] = {}
"""Project folder → the site configuration ``-f/--config`` named for it (any file name)."""


def choose_site_config(path: Path) -> Path:
    """Use ``path`` as the site configuration of its folder's project; returns that project folder."""
    path = path.resolve()
    _CHOSEN[path.parent] = path
    return path.parent


def site_config_file(project: Path) -> Path:
    """The project's site configuration: the one ``-f/--config`` named, or ``mkdocs.yml`` in its folder."""
    return _CHOSEN.get(project.resolve(), project / SITE_CONFIG)


def find_content(start: Path) -> Path | None:
    """The content folder of the project ``start`` lies in: ``content/`` here or in the nearest folder above.

    A folder counts when it holds ``content/publication.yml``, or is itself a content folder
    (holds ``publication.yml``) inside a project. The path is given from ``start`` when it can be,
    so diagnostics name files as the user sees them.
    """
    start = start.resolve()
    for folder in (start, *start.parents):
        found = folder / CONTENT_DIR
        if (found / PUBLICATION).is_file():
            return Path(os.path.relpath(found, start))
        if (folder / PUBLICATION).is_file() and folder.name == CONTENT_DIR:
            return Path(os.path.relpath(folder, start))
    return None


def mark_output(folder: Path) -> None:
    """Mark ``folder`` (which exists) as Charter's output, so the loader never reads it."""
    mark = folder / OUTPUT_MARK
    if not mark.is_file():
        mark.write_text(_MARK_TEXT, encoding="utf-8")


def is_output(folder: Path) -> bool:
    """Whether ``folder`` is one Charter wrote its outputs to."""
    return any((folder / name).is_file() for name in OUTPUT_MARKS)
