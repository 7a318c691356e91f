"""Entities' text in other languages: ``translations/<lang>.yml``, entity ID → field → text.

Only the fields the schema marks :class:`~generator.schema.types.Translates` are given there;
IDs, scores, dates, choices and references are never translated. What is not translated is
reported here too, for the chapters as for the entities, at the source's line.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterable

from generator.diagnostics import Location, Report, did_you_mean
from generator.load.source import SourceFile, TextFile
from generator.load.yamlnodes import YMap, YScalar
from generator.model import Chapter, Entity, EntityBlock, Settings
from generator.model.catalogue import default_threats
from generator.model.translations import PUBLICATION_TEXTS, Translations
from generator.schema import ENTITY_SCHEMAS
from generator.schema.slots import slots
from generator.schema.types import Translates


def language_name(code: str) -> str:
    """A language's name in English, for diagnostics: 'French' for fr (the code when unknown)."""
    try:
        from babel import Locale

        return Locale.parse(code.replace("-", "_")).english_name or code
    except (ValueError, LookupError, TypeError):
        return code


def read_entity_texts(
    texts: list[TextFile],
    settings: Settings,
    entities: list[Entity],
    report: Report,
    into: Translations,
    broken: Collection[str] = (),
) -> None:
    """Entities' and the publication's text by language, from ``translations/<lang>.yml``; problems at their lines."""
    by_id = _entities(settings, entities)  # the built-in categories are named in every language too
    languages = {lang.code for lang in settings.translations()}
    found = into.entities
    for text in texts:
        file, data = text.file, text.data
        if text.lang not in languages:
            report.error(
                file.at(1),
                "E-TRANSLATION-LANGUAGE",
                f"translations/{file.rel_path.rsplit('/', 1)[1]} translates into {text.lang}, "
                "which is not one of the publication's other languages",
                "add the language to 'languages:' in publication.yml, or name the file after one of them",
            )
            continue
        if data is None:
            continue
        if not isinstance(data, YMap):
            report.error(
                file.at(1), "E-TRANSLATION-SHAPE", "a translation file maps entity IDs to their fields", _SHAPE_HINT
            )
            continue
        own = found.setdefault(text.lang, {})
        unmarked: list[str] = []
        for entity_id, node in data.items.items():
            where = file.at(*data.key_pos[entity_id])
            if entity_id in PUBLICATION_TEXTS:
                into.publication.setdefault(text.lang, {})[entity_id] = _read_settings(
                    entity_id, node, settings, file, report
                )
                continue
            entity = by_id.get(entity_id)
            if entity is None and entity_id in broken:
                continue  # written, but it could not be read: reported at the entity already
            if entity is None:
                report.error(
                    where,
                    "E-TRANSLATION-ID",
                    f"no entity has the ID '{entity_id}'",
                    did_you_mean(entity_id, by_id) or "translate the entities the publication defines, by their IDs",
                )
                continue
            if not isinstance(node, YMap):
                report.error(where, "E-TRANSLATION-SHAPE", f"{entity_id}: write its fields below it", _SHAPE_HINT)
                continue
            own[entity_id] = _read_fields(entity, node, file, report)
            marked = node.items.get(TRANSLATES)
            if own[entity_id] and not isinstance(marked, YScalar):
                unmarked.append(entity_id)
            elif isinstance(marked, YScalar) and marked.text.strip() != entity_version(entity, own[entity_id]):
                report.warning(
                    file.at(*node.key_pos[TRANSLATES]),
                    "W-TRANSLATION-STALE",
                    f"{entity.KIND} {entity_id}: its {language_name(text.lang)} text translates an earlier "
                    f"version of its {', '.join(sorted(own[entity_id]))}, which has changed since",
                    "bring the text up to date, then run `charter translate --mark-current`",
                )
        if unmarked:
            listed = ", ".join(unmarked[:6]) + (f" and {len(unmarked) - 6} more" if len(unmarked) > 6 else "")
            report.warning(
                file.at(1),
                "W-TRANSLATION-STALE",
                f"the {language_name(text.lang)} text of {len(unmarked)} "
                f"{'entity' if len(unmarked) == 1 else 'entities'} is not marked with the version of the "
                f"source it translates ({listed})",
                "once it is up to date, run `charter translate --mark-current`",
            )


def entity_marks(text: TextFile, settings: Settings, entities: list[Entity]) -> list[tuple[YMap, int, str]]:
    """Each translated entity of a translation file: its node, the line of its ID and its current version."""
    by_id = _entities(settings, entities)
    found: list[tuple[YMap, int, str]] = []
    data = text.data
    if not isinstance(data, YMap):
        return found
    for entity_id, node in data.items.items():
        entity = by_id.get(entity_id)
        if entity is None or not isinstance(node, YMap):
            continue
        allowed = {*translatable(entity.KIND), NARRATIVE}
        keys = [k for k, v in node.items.items() if k in allowed and isinstance(v, YScalar) and v.text.strip()]
        if keys:
            found.append((node, data.key_pos[entity_id][0], entity_version(entity, keys)))
    return found


def _entities(settings: Settings, entities: list[Entity]) -> dict[str, Entity]:
    """The entities a translation may name: the built-in threat categories, then the publication's own."""
    by_id: dict[str, Entity] = {}
    if settings.threat_catalogue == "extend":
        by_id |= {threat.id: threat for threat in default_threats(settings.path, settings.levels[0])}
    return by_id | {entity.id: entity for entity in entities}


def _read_settings(key: str, node: object, settings: Settings, file: SourceFile, report: Report) -> dict[str, str]:
    """``publication:``, ``editions:`` or ``documents:``: their text in the language, by field or by ID."""
    if key == "labels":
        scales = settings.scales
        allowed = [band.name for band in scales.bands] + list(scales.impact_dimensions.values())
        allowed += [factor.capitalize() for factor in scales.factors]
        allowed += [
            text for levels in scales.levels.values() for step in levels for text in (step.label, step.definition)
        ]
        allowed = [text for text in dict.fromkeys(allowed) if text]
    else:
        allowed = list(PUBLICATION_TEXTS[key]) or [
            item.id for item in (settings.editions if key == "editions" else settings.documents)
        ]
    what = {
        "publication": "a setting of the publication",
        "editions": "an edition",
        "documents": "a document",
        "labels": "a factor, a band, a scale's label or definition or an impact dimension",
    }[key]
    if not isinstance(node, YMap):
        report.error(
            file.at(getattr(node, "line", 1), getattr(node, "col", 1)),
            "E-TRANSLATION-SHAPE",
            f"{key}: write its texts below it, each by its name",
            f"{key} holds {', '.join(allowed)}",
        )
        return {}
    found: dict[str, str] = {}
    for name, value in node.items.items():
        where = file.at(*node.key_pos[name])
        if name not in allowed:
            report.error(
                where,
                "E-TRANSLATION-FIELD",
                f"{key}.{name}: not {what} that translates",
                did_you_mean(name, allowed) or f"{key} holds {', '.join(allowed[:8])}{'...' * (len(allowed) > 8)}",
            )
        elif not isinstance(value, YScalar) or value.is_null:
            report.error(
                file.at(value.line, value.col), "E-TRANSLATION-VALUE", f"{key}.{name}: a translation is text", None
            )
        elif value.text.strip():
            found[name] = value.text.strip()
    return found


_SHAPE_HINT = "write each entity's ID, and below it 'title: ...' (or name, scenario, ...) in the language"


NARRATIVE = "narrative"
"""The prose after an entity's block, as its own page shows it: translated here too, where wanted
(the chapter's translation carries it in place; untranslated, the page marks it with its language)."""


TRANSLATES = "translates"
"""The version of an entity's text a translation translates (:func:`entity_version`), which
``charter translate --mark-current`` writes below the entity's ID."""


def entity_version(entity: Entity, keys: Iterable[str]) -> str:
    """A short hash of an entity's text in the fields a translation gives, as the source has it now."""
    parts = [f"{key}={getattr(entity, key, '') or ''}" for key in sorted(keys)]
    return hashlib.sha256("\n\x00".join(parts).encode("utf-8")).hexdigest()[:12]


def translatable(kind: str) -> list[str]:
    """The fields of a kind that may be given in other languages."""
    return [key for key, slot in slots(ENTITY_SCHEMAS[kind]).items() if slot.marker(Translates) is not None]


def _read_fields(entity: Entity, node: YMap, file: SourceFile, report: Report) -> dict[str, str]:
    fields: dict[str, str] = {}
    allowed = [*translatable(entity.KIND), NARRATIVE]
    for key, value in node.items.items():
        where = file.at(*node.key_pos[key])
        if key == TRANSLATES:
            continue  # the version it translates: read with the others' (see stale)
        if key not in allowed:
            report.error(
                where,
                "E-TRANSLATION-FIELD",
                f"{entity.KIND} {entity.id}.{key}: the field is never translated",
                did_you_mean(key, allowed) or f"the fields of {entity.KIND} that translate: {', '.join(allowed)}",
            )
        elif not isinstance(value, YScalar) or value.is_null:
            report.error(
                file.at(value.line, value.col),
                "E-TRANSLATION-VALUE",
                f"{entity.KIND} {entity.id}.{key}: a translation is text",
                "write the text on the line, after the field's name",
            )
        elif value.text.strip():
            fields[key] = value.text.strip()
    return fields


def check_missing(
    settings: Settings,
    translations: Translations,
    sources: list[tuple[SourceFile, Chapter]],
    written: set[tuple[str, str]],
    report: Report,
) -> None:
    """A warning at each chapter, and each file of entities, not translated into a language (required: an error)."""
    for language in settings.translations():
        name = language_name(language.code)
        tell = report.error if language.required else report.warning
        code = "E-TRANSLATION-MISSING" if language.required else "W-TRANSLATION-MISSING"
        for file, chapter in sources:
            if file.data_only or (chapter.path, language.code) in written:
                continue
            stem = chapter.path.removesuffix(".md")
            tell(
                file.at(1),
                code,
                f"the chapter has no {name} translation: its {name} pages show it in "
                f"{language_name(settings.language)}, with a notice",
                f"translate it in {stem}.{language.code}.md, beside it",
            )
        own = translations.publication.get(language.code, {}).get("publication", {})
        if "title" not in own:
            tell(
                Location(settings.path, 1, 1),
                code,
                f"the publication's title has no {name} translation",
                f"give it in translations/{language.code}.yml, under 'publication: {{title: ...}}'",
            )
        texts = translations.entities.get(language.code, {})
        gaps: dict[str, list[tuple[Entity, list[str]]]] = {}
        for file, chapter in sources:
            for segment in chapter.segments:
                if not isinstance(segment, EntityBlock):
                    continue
                for entity in segment.entities:
                    given = texts.get(entity.id, {})
                    missing = [k for k in translatable(entity.KIND) if getattr(entity, k, "") and k not in given]
                    if missing:
                        gaps.setdefault(file.display_path, []).append((entity, missing))
        for path, found in gaps.items():
            first = found[0][0]
            listed = "; ".join(f"{e.id} ({', '.join(keys)})" for e, keys in found[:6])
            more = f"; and {len(found) - 6} more" if len(found) > 6 else ""
            tell(
                Location(path, first.location.line, first.location.col),
                code,
                f"{len(found)} {'entity' if len(found) == 1 else 'entities'} written here "
                f"{'has' if len(found) == 1 else 'have'} text with no {name} translation: {listed}{more}",
                f"give their text in translations/{language.code}.yml; until then the {name} pages show it in "
                f"{language_name(settings.language)}",
            )
