"""The stages in order: load, validate, resolve. Renderers start from the result."""

from __future__ import annotations

from pathlib import Path

from generator.diagnostics import Report
from generator.load import load_content
from generator.resolve import Publication, resolve
from generator.validate import validate


def read_publication(root: Path, report: Report) -> Publication | None:
    """Load, validate and resolve a content folder.

    Returns None only when ``publication.yml`` is missing or unusable; otherwise the
    publication is returned even with errors, so the caller decides (with ``report``)
    whether it may be rendered.
    """
    content = load_content(root, report)
    validated = validate(content, report)
    if validated is None:
        return None
    return resolve(validated, report)
