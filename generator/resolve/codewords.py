"""Code words in what an edition shows: an error where a drafter wrote one.

The leak check looks for every code word in every byte an edition's build writes; this
check finds most of them earlier, in ``charter check``, at the ``file:line:col`` they
were written: in the prose, entity fields and narratives, view and chapter titles and
chapter paths the edition keeps (the edition's cut, :func:`generator.resolve.editions.for_edition`),
and in ``publication.yml``, which every edition shows.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields

from generator.diagnostics import Location, Report
from generator.model import Chapter, Entity, Passage, Risk, View
from generator.model.texts import texts_in
from generator.resolve.publication import Publication
from generator.validate.codewords import CodeWord, pattern

_NOT_SHOWN = {"location", "field_positions", "classification", "restricted", "narrative", "narrative_line", "withheld"}
"""Entity attributes that are no text a reader sees (the narrative is read as prose)."""
_STAND_INS = {"title": "public_name", "scenario": "public_summary"}
"""A withheld risk shows these fields from the public ones of the risk as written."""


def check_codewords(whole: Publication, cuts: list[Publication], report: Report) -> None:
    """An error at every code word in the text an edition below the word's level shows.

    Each place is reported once, for the lowest edition that shows it.
    """
    if not whole.codewords:
        return
    levels = whole.settings.levels
    seen: set[tuple[Location, str]] = set()
    for cut in sorted(cuts, key=lambda c: levels.index(c.marking)):
        rank = levels.index(cut.marking)
        words = [(w, pattern(w.term)) for w in whole.codewords if levels.index(w.level) > rank]
        if not words or cut.edition is None:
            continue
        for text, start, field in _shown_texts(whole, cut):
            for word, finder in words:
                for match in finder.finditer(text):
                    where = start if field else _position(text, match.start(), start)
                    if (where, word.term) in seen:
                        continue
                    seen.add((where, word.term))
                    _report(report, where, field, word, cut.edition.id)
                    if field:
                        break  # a field is reported once, at its key


def _report(report: Report, where: Location, field: str, word: CodeWord, edition: str) -> None:
    report.error(
        where,
        "E-CODEWORD",
        f"{field}{': ' if field else ''}the code word '{word.term}' ({word.level}) is in text the {edition} "
        "edition shows",
        f"write it another way, or mark this text {word.level} (the code word is listed at {word.location})",
    )


def _position(text: str, offset: int, start: Location) -> Location:
    """The line and column of ``offset`` in prose that starts at ``start``."""
    line_start = text.rfind("\n", 0, offset) + 1
    line = start.line + text.count("\n", 0, offset)
    col = offset - line_start + (start.col if line == start.line else 1)
    return Location(start.path, line, col)


Shown = Iterator[tuple[str, Location, str]]
"""A text an edition shows, where it was written, and the field it is (``''`` for prose, read line by line)."""


def _shown_texts(whole: Publication, cut: Publication) -> Shown:
    """Every text the edition shows."""
    settings = cut.settings
    settings_file = Location(str(settings.path), 1, 1)
    for f in fields(settings):
        if f.name not in ("path", "levels", "default_level"):
            for text in texts_in(getattr(settings, f.name), keys=True):
                yield text, settings_file, f.name
    for chapter in cut.chapters:
        yield from _chapter_texts(chapter)
    for entity in cut.entities.values():
        yield from _entity_texts(entity, whole.entities.get(entity.id, entity))
    groups = {group.name for group in cut.risk_groups}
    for risk in whole.entities.values():
        if isinstance(risk, Risk) and risk.public_group in groups:
            yield risk.public_group, risk.where("public_group"), f"risk {risk.id}.public_group"
    for entity_id, name in cut.public_names.items():  # what a [[ref]] to a left-out entity reads as
        entity = whole.entities[entity_id]
        yield name, entity.where("public_name"), f"{entity.KIND} {entity_id}.public_name"


def _chapter_texts(chapter: Chapter) -> Shown:
    yield chapter.path, chapter.location, "file name"  # the page's address
    yield chapter.title, chapter.location, "title"
    for segment in chapter.segments:
        if isinstance(segment, Passage):
            yield segment.text, Location(chapter.location.path, segment.line, 1), ""
        elif isinstance(segment, View) and segment.title:
            yield segment.title, segment.option_locations.get("title", segment.location), f"view {segment.show}.title"


def _entity_texts(entity: Entity, written: Entity) -> Shown:
    withheld = isinstance(entity, Risk) and entity.withheld
    for f in fields(entity):
        if f.name in _NOT_SHOWN:
            continue
        key = "title" if f.name == "title_text" else f.name
        if withheld:
            key = _STAND_INS.get(key, key)
        for text in texts_in(getattr(entity, f.name), keys=True):
            yield text, written.where(key), f"{entity.KIND} {entity.id}.{key}"
    if entity.narrative and not withheld:
        line = entity.narrative_line or entity.location.line
        yield entity.narrative, Location(entity.location.path, line, 1), ""


__all__ = ["check_codewords"]
