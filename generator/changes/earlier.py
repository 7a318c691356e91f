"""The earlier versions a publication's ``changes`` views compare with, each read once per commit.

For every ``since:`` a ``changes`` view names, the content at that revision is read out of git
(:mod:`generator.changes.revision`) by the same stages as the working tree and kept on the
publication (:attr:`Publication.earlier <generator.resolve.Publication.earlier>`), or, where it
cannot be read, the one sentence saying why. An unreadable revision never fails a build: the
check notes it in one line and the view says the comparison is unavailable. A commit never
changes, so what was read from it is kept for the next build of the same process (a preview
rebuilding as the drafter saves reads each earlier version once).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from generator.changes.revision import Found, Unavailable, extract, find, git_revision
from generator.diagnostics import Location, Report
from generator.model import Revision, View
from generator.resolve import Publication

Reader = Callable[[Path, Report], "Publication | None"]
"""Reads a content folder into a publication (the pipeline's own, without comparisons of its own)."""

CHANGES_VIEW = "changes"

_READ: dict[tuple[str, str, str], Publication | str] = {}
"""(repository, content folder, commit) → what was read there, or why it does not read."""


def changes_views(publication: Publication) -> list[View]:
    """Every ``changes`` view of the publication's chapters, in reading order."""
    return [
        segment
        for chapter in publication.chapters
        for segment in chapter.segments
        if isinstance(segment, View) and segment.show == CHANGES_VIEW
    ]


def attach_earlier(publication: Publication, root: Path, report: Report, read: Reader) -> None:
    """Read every earlier version the publication's ``changes`` views name into ``publication.earlier``."""
    for view in changes_views(publication):
        since = view.options.get("since", "")
        if not since or since in publication.earlier:
            continue
        where = view.option_locations.get("since", view.location)
        publication.earlier[since] = read_earlier(root, since, publication.settings.history, read, report, where)


def read_earlier(
    root: Path, since: str, history: list[Revision], read: Reader, report: Report, where: Location
) -> Publication | str:
    """The publication at ``since``, or why it cannot be read (also reported at ``where``, in one line)."""
    try:
        revision = git_revision(since, history)
    except Unavailable as missing:
        report.warning(where, "W-CHANGES-COMMIT", missing.reason, missing.hint)
        return missing.reason
    try:
        found = find(root, revision)
        key = (str(found.top), found.folder, found.commit)
        if key not in _READ:
            _READ[key] = _read_commit(found, since, read)
        earlier = _READ[key]
        if isinstance(earlier, str):
            raise Unavailable(earlier, f"run 'charter check' on a checkout of {since} to see why")
    except Unavailable as missing:
        report.note(where, "N-CHANGES-UNAVAILABLE", f"no comparison with {since}: {missing.reason}", missing.hint)
        return missing.reason
    return earlier


def _read_commit(found: Found, since: str, read: Reader) -> Publication | str:
    """The publication at the commit, or why it does not read."""
    with tempfile.TemporaryDirectory(prefix="charter-changes-") as folder:
        content = extract(found, Path(folder))
        report = Report()
        earlier = read(content, report)
    if earlier is None or report.errors:
        count = len(report.errors) or 1
        errors = f"{count} error{'s' * (count != 1)}"
        return f"the content at {since} does not read with this version of Charter ({errors})"
    return earlier
