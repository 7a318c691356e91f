"""Expanding figures: each replaced by its number, in a text and over a whole publication."""

from __future__ import annotations

import dataclasses

from generator.model import Chapter, Entity, EntityBlock, Passage, Segment, Settings
from generator.resolve.figures.count import Figures
from generator.resolve.figures.figure import OPEN, FigureProblem
from generator.resolve.figures.grammar import parse
from generator.resolve.figures.prose import figures_in, starts_sentence
from generator.resolve.publication import Publication


def expand(text: str, figures: Figures) -> str:
    """The text with each figure outside code replaced by its number; what cannot be read stays as written."""
    if OPEN not in text:
        return text
    lines = text.split("\n")
    changes: dict[int, list[tuple[int, int, str]]] = {}
    for index, line, start, end in list(figures_in(text)):
        if end < 0:
            continue
        try:
            figure, _ = parse(line, start, end)
        except FigureProblem:
            continue  # reported by the check; a build never gets here with it
        number = figures.written(figure, capital=starts_sentence(lines, index, start))
        changes.setdefault(index, []).append((start, end, number))
    for index, spans in changes.items():
        line = lines[index]
        for start, end, number in reversed(spans):
            line = line[:start] + number + line[end:]
        lines[index] = line
    return "\n".join(lines)


def expand_all(
    chapters: list[Chapter], entities: dict[str, Entity], settings: Settings
) -> tuple[list[Chapter], dict[str, Entity]] | None:
    """Chapters and entities with every figure computed from ``entities``; None when no prose has one.

    Nothing given is changed: a changed passage, chapter or entity is a new object, so the
    whole publication keeps its figures as written for each edition to compute its own.
    """
    figures = Figures(entities, settings)
    changed: dict[str, Entity] = {}
    for entity in entities.values():
        if OPEN in entity.narrative:
            narrative = expand(entity.narrative, figures)
            if narrative != entity.narrative:
                changed[entity.id] = dataclasses.replace(entity, narrative=narrative)
    new_chapters: list[Chapter] = []
    touched = bool(changed)
    for chapter in chapters:
        segments: list[Segment] = []
        for segment in chapter.segments:
            if isinstance(segment, Passage) and OPEN in segment.text:
                segment = dataclasses.replace(segment, text=expand(segment.text, figures))
            elif isinstance(segment, EntityBlock) and any(e.id in changed for e in segment.entities):
                segment = EntityBlock(segment.kind, [changed.get(e.id, e) for e in segment.entities])
            segments.append(segment)
        title = expand(chapter.title, figures)
        if title != chapter.title or any(a is not b for a, b in zip(segments, chapter.segments, strict=True)):
            chapter = dataclasses.replace(chapter, title=title, segments=segments)
            touched = True
        new_chapters.append(chapter)
    if not touched:
        return None
    return new_chapters, {key: changed.get(key, entity) for key, entity in entities.items()}


def with_figures(publication: Publication) -> Publication:
    """The publication with its prose's figures computed from its own entities.

    It keeps the prose as written (``unexpanded``) for whatever counts again from other
    entities: each edition (:func:`generator.resolve.editions.for_edition`) and a progress
    report as of its date (:mod:`generator.resolve.as_of`).
    """
    base = publication.unexpanded or publication
    expanded = expand_all(base.chapters, base.entities, base.settings)
    if expanded is None:
        return base
    chapters, entities = expanded
    return dataclasses.replace(base, chapters=chapters, entities=entities, unexpanded=base)
