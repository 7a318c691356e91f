"""The publication in one of its languages: translated chapters and entities' text, the rest as written.

Renderers never pick a language's text: they render the copy :func:`for_language` returns,
as they render the copy an edition is cut to. A chapter with no translation keeps its
text, marked with the language it is in (``Chapter.untranslated``), so its page says so
and carries that language. The edition is cut from the language's copy, so a translation of
restricted text is withheld like its source.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from copy import copy as shallow_copy

from generator.model import Band, Chapter, Entity, Ref, Risk, Scales, Settings
from generator.model.entities import FIELD_ATTRIBUTES
from generator.model.settings import Imprint
from generator.resolve import figures
from generator.resolve.publication import Publication


def for_language(publication: Publication, lang: str) -> Publication:
    """The publication as readers of ``lang`` read it: the whole publication when it is its own language."""
    base = publication.unexpanded or publication  # figures: computed again from the language's prose
    settings = base.settings
    if lang == settings.source_language:
        return publication
    translations = base.translations
    chapters = [
        _chapter(chapter, translations.chapters.get((chapter.path, lang)), settings.language)
        for chapter in base.chapters
    ]
    texts = translations.entities.get(lang, {})
    named = _settings(settings, lang, translations.publication.get(lang, {}))
    bands = {id(old): new for old, new in zip(settings.scales.bands, named.scales.bands, strict=True) if old != new}
    entities = {
        entity_id: _rated(_entity(entity, texts.get(entity_id), settings.source_language), bands)
        for entity_id, entity in base.entities.items()
    }
    translated = {path for path, language in translations.chapters if language == lang}
    refs = [ref for ref in base.refs if ref.source_id is not None or ref.source_chapter not in translated]
    for (path, language), written in translations.refs.items():
        if language == lang and path in translated:
            refs.extend(ref for ref in written if ref.target in entities)
    backlinks: dict[str, list[Ref]] = defaultdict(list)
    for ref in refs:
        backlinks[ref.target].append(ref)
    localised = dataclasses.replace(
        base,
        settings=named,
        chapters=chapters,
        entities=entities,
        refs=refs,
        backlinks=backlinks,
        unexpanded=None,
    )
    return figures.with_figures(localised)


def _settings(settings: Settings, lang: str, texts: dict[str, dict[str, str]]) -> Settings:
    """The publication's settings in the language: its title, imprint, editions' and documents' names."""
    own = texts.get("publication", {})
    imprint_keys = {f.name for f in dataclasses.fields(Imprint)}
    fields = {k: v for k, v in own.items() if k not in imprint_keys}
    imprint = dataclasses.replace(settings.imprint, **{k: v for k, v in own.items() if k in imprint_keys})
    editions, documents = texts.get("editions", {}), texts.get("documents", {})
    short = settings.short_title
    if settings.short_title == settings.title:  # a short title that was the title is the translated title
        short = own.get("title", short)
    copy = dataclasses.replace(
        settings,
        scales=_scales(settings.scales, texts.get("labels", {})),
        short_title=own.get("short_title", short),
        imprint=imprint,
        editions=[dataclasses.replace(e, title=editions.get(e.id, e.title)) for e in settings.editions],
        documents=[dataclasses.replace(d, title=documents.get(d.id, d.title)) for d in settings.documents],
        language=lang,
        default_language=settings.source_language,
    )
    for key, text in fields.items():
        if key != "short_title":
            setattr(copy, key, text)
    return copy


def _scales(scales: Scales, labels: dict[str, str]) -> Scales:
    """The scales with their bands' names, steps' labels and definitions and dimensions' names in the language."""
    if not labels:
        return scales
    return dataclasses.replace(
        scales,
        bands=[
            dataclasses.replace(band, name=labels[band.name], key=band.key or band.name)
            if band.name in labels
            else band
            for band in scales.bands
        ],
        levels={
            factor: [
                dataclasses.replace(
                    step,
                    label=labels.get(step.label, step.label),
                    definition=labels.get(step.definition, step.definition),
                )
                for step in steps
            ]
            for factor, steps in scales.levels.items()
        },
        impact_dimensions={key: labels.get(name, name) for key, name in scales.impact_dimensions.items()},
        factor_names={f: labels[f.capitalize()] for f in scales.factors if f.capitalize() in labels},
    )


def _rated(entity: Entity, bands: dict[int, Band]) -> Entity:
    """A risk whose scores are rated in the language's bands (the same bands, named in it)."""
    if not bands or not isinstance(entity, Risk):
        return entity
    copy = shallow_copy(entity)
    for stage in Risk.STAGES:
        assessment = getattr(entity, stage)
        if id(assessment.band) in bands:
            setattr(copy, stage, dataclasses.replace(assessment, band=bands[id(assessment.band)]))
    return copy


def _chapter(chapter: Chapter, translation: Chapter | None, source_language: str) -> Chapter:
    """A chapter in the language: its translation's text in its own place, or its text marked untranslated."""
    if translation is None:
        return dataclasses.replace(chapter, untranslated=chapter.lang or source_language)
    return dataclasses.replace(
        chapter,
        location=translation.location,  # its passages' lines are the translation's: diagnostics point there
        title=translation.title,
        description=translation.description,
        segments=translation.segments,
        links=translation.links,
        lang="",
        dir="",
    )


def _entity(entity: Entity, texts: dict[str, str] | None, source_language: str) -> Entity:
    """An entity with its fields in the language where they are given (the entity itself is never changed).

    A narrative not translated keeps its text, marked with the language it is written in.
    """
    texts = texts or {}
    untranslated = bool(entity.narrative.strip()) and "narrative" not in texts
    if not texts and not untranslated:
        return entity
    copy = shallow_copy(entity)  # fields are replaced, never edited in place, so the original stays whole
    if untranslated:
        copy.narrative_lang = source_language
    for key, text in texts.items():
        setattr(copy, FIELD_ATTRIBUTES.get(key, key), text)
    return copy


__all__ = ["for_language"]
