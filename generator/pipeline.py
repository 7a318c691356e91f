"""The stages in order: load, validate, resolve. Renderers start from the result."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.changes import attach_earlier
from generator.diagnostics import Location, Report
from generator.glyphs import check_glyphs, font_dir
from generator.load import load_content
from generator.load.source import LoadedContent
from generator.resolve import Publication, resolve
from generator.resolve.codewords import check_codewords
from generator.resolve.editions import for_edition
from generator.resolve.languages import for_language
from generator.validate import validate


def read_publication(root: Path, report: Report, *, printed: bool = True) -> Publication | None:
    """Load, validate and resolve a content folder.

    Returns None only when ``publication.yml`` is missing or unusable; otherwise the
    publication is returned even with errors, so the caller decides (with ``report``)
    whether it may be rendered. ``printed`` also reports the characters no print font has
    (:mod:`generator.glyphs`): for everything that checks or prints the content, not for a
    build of the website alone, a preview, or what writes the content back.
    """
    publication = read_content(root, report)[1]
    if publication is not None and printed:
        check_glyphs(publication, report, font_dir(root.resolve().parent / "themes" / "print"))
    return publication


def read_content(root: Path, report: Report, *, compare: bool = True) -> tuple[LoadedContent, Publication | None]:
    """The content as loaded (every file's text and YAML, with positions) and the publication made of it.

    For what writes the content back (``charter import``) or shows it as written (``charter
    export``); renderers need only :func:`read_publication`. With ``compare``, the earlier
    versions the ``changes`` views name are read too (:mod:`generator.changes`).
    """
    with _no_cycle_collection():
        content = load_content(root, report)
        validated = validate(content, report)
        if validated is None:
            return content, None
        # Absolute, so renderers find images and the emblem wherever they run from.
        publication = resolve(validated, report, content_root=content.root.resolve())
    # The editions are checked whatever else is wrong: one problem hides no other. Only where a level
    # could not be read (and reads as the highest) are their findings a guess, and only counted.
    found = report if not validated.guessed_levels else Report()
    levels = publication.settings.levels
    highest = max((levels.index(level) for level in _levels_used(publication)), default=0)
    cuts = [
        for_edition(copy, edition, found)  # reports what the edition cannot show, in every language
        for copy in [
            publication,
            *(for_language(publication, lang.code) for lang in publication.settings.translations()),
        ]
        for edition in copy.settings.editions  # each named in the copy's language
        if levels.index(edition.level) < highest  # an edition that holds everything cuts nothing
    ]
    check_codewords(publication, cuts, found)
    if found is not report and found.errors:
        count = len(found.errors)
        report.note(
            Location(publication.settings.path, 1, 1),
            "N-UNCHECKED",
            f"{count} edition problem{'s' * (count != 1)} held back: a level that cannot be read "
            f"({validated.guessed_levels[0]}) is read as the highest until it is fixed",
            "fix the level, then check again",
        )
    if compare:
        attach_earlier(publication, root, report, read_version)
    return content, publication


def read_version(root: Path, report: Report) -> Publication | None:
    """An earlier version's publication: read as the working tree is, with no comparisons of its own."""
    return read_content(root, report, compare=False)[1]


def _levels_used(publication: Publication) -> set[str]:
    """Every level something in the publication carries."""
    used = {e.classification for e in publication.entities.values()}
    used.update(level for e in publication.entities.values() for level in e.restricted.values())
    for chapter in publication.chapters:
        used.add(chapter.classification)
        used.update(getattr(s, "classification", chapter.classification) for s in chapter.segments)
    used.update(word.level for word in publication.codewords)
    return used


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector while the stages build the publication.

    They make millions of small objects and no garbage cycles, and the collector would
    walk every one of them again and again as they pile up: a fifth of the check's time.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # What the stages built lives as long as the publication. Re-enabled as it is, the
        # collector would walk all of it at once on its next allocation (an eighth of the
        # check's time at 5,000 entities); frozen, it is never walked. Frozen objects are still
        # freed by their reference counts, and nothing the stages build forms a cycle.
        gc.freeze()
        if was_enabled:
            gc.enable()
