"""The validate stage: turn loaded YAML into typed entities, chapters and views.

Every problem with a single value is reported here, at its own ``file:line:col``.
References are only recorded; the resolve stage checks what they point at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.diagnostics import Location, Report, article, did_you_mean
from generator.load.source import DataBlock, LoadedContent, Marking, Prose, SourceFile
from generator.load.yamlnodes import YMap, YScalar, YSeq
from generator.model import Chapter, Entity, EntityBlock, Passage, Ref, Settings
from generator.schema import ENTITY_SCHEMAS, FrontMatterFields
from generator.schema.choices import Choices
from generator.validate import translations
from generator.validate.anchors import check_anchors
from generator.validate.chapter_order import check_chapter_orders
from generator.validate.codewords import CODEWORDS, CodeWord, read_codewords
from generator.validate.entities import check_restricted, read_entity
from generator.validate.ids import id_hint
from generator.validate.levels import Container, Levels
from generator.validate.schema_reader import SchemaReader
from generator.validate.settings import read_settings
from generator.validate.signature import SIGNATURE, read_signature
from generator.validate.translations import Translations
from generator.validate.views import read_view

BLOCK_KINDS = (*ENTITY_SCHEMAS, "view", SIGNATURE, CODEWORDS)
_ID_LINE = re.compile(r"^[ -]*id:[ ]*(\S+)[ ]*$", re.MULTILINE)


@dataclass
class Validated:
    """The output of the validate stage."""

    settings: Settings
    entities: list[Entity] = field(default_factory=list)
    chapters: list[Chapter] = field(default_factory=list)
    refs: list[Ref] = field(default_factory=list)
    """References written in YAML fields and view options."""
    prose_refs: list[Ref] = field(default_factory=list)
    """References written in prose as ``[[ID]]``."""
    broken: dict[str, str] = field(default_factory=dict)
    """IDs of entities that were written but could not be read (already reported) → their kind.
    References to them are not reported again."""
    guessed_levels: list[str] = field(default_factory=list)
    """Where a level could not be read and was read as the highest: the edition checks work on a guess."""
    unread: set[tuple[str, str]] = field(default_factory=set)
    """(entity ID, field) of each field read as a stand-in for a value that was reported unreadable."""
    codewords: list[CodeWord] = field(default_factory=list)
    """Terms no edition below their level may carry, from ``yaml codewords`` blocks."""
    translations: Translations = field(default_factory=Translations)
    """The chapters and entities' text in the publication's other languages."""


def validate(content: LoadedContent, report: Report) -> Validated | None:
    """Validate loaded content; None when ``publication.yml`` is unusable."""
    if content.publication is None:
        return None
    settings = read_settings(content.publication, content.publication_path, report, content.root)
    if settings is None:
        if content.files:
            report.note(
                Location(content.publication_path, 1, 1),
                "N-UNCHECKED",
                f"{_chapters(len(content.files))} not checked: without the publication's scales and date "
                "no data block can be read",
                "fix the errors in publication.yml, then check again",
            )
        return None
    result = Validated(settings=settings)
    choices = Choices.of(settings)  # the values the schemas' choice fields allow here, made once
    levels = Levels(settings, report)
    levels.read_folders(content.files)
    files, pending = translations.split(content.files, settings)
    read: dict[str, tuple[SourceFile, Chapter]] = {}
    for file in files:
        chapter, outer = _read_chapter(file, settings, choices, report, levels)
        sections = levels.sections(file, outer)
        for segment in file.segments:
            container = sections.get(segment.section, outer) if segment.section else outer
            if isinstance(segment, Prose):
                level = container.level
                owner = chapter.segments[-1] if segment.narrative_of and chapter.segments else None
                if isinstance(owner, EntityBlock) and len(owner.entities) == 1:
                    own = owner.entities[0].classification  # a narrative belongs to its entity
                    level = max(level, own, key=levels.rank)  # and never below what holds it
                chapter.segments.append(Passage(segment.text, segment.line, level))
            else:
                _read_block(segment, file, settings, choices, report, result, chapter, levels, container)
        read[file.rel_path] = (file, chapter)
        if file.data_only:
            continue  # its entities are read; a data file is no chapter
        _check_title(file, chapter, settings, report, levels, sections)
        for ref in file.refs:
            result.prose_refs.append(
                Ref(
                    kinds=(),
                    target=ref.target,
                    location=ref.location,
                    source=f"chapter {file.rel_path}",
                    source_chapter=file.rel_path,
                    text=ref.text,
                )
            )
        result.chapters.append(chapter)
    _read_translations(content, pending, read, choices, report, levels, result)
    chapter_files = [file for file in files if not file.data_only]
    check_anchors(chapter_files, report)
    check_chapter_orders(chapter_files, result.chapters, report)
    result.guessed_levels = [*levels.guessed, *choices.guessed_levels]
    result.chapters.sort(key=lambda c: (c.annex, c.order, c.path))
    return result


def _read_translations(
    content: LoadedContent,
    pending: list[translations.Pending],
    read: dict[str, tuple[SourceFile, Chapter]],
    choices: Choices,
    report: Report,
    levels: Levels,
    result: Validated,
) -> None:
    """The chapters' translations and the entities' text in other languages, checked against their sources."""

    def reader(refs: list[Ref]) -> translations.ReadBlock:
        into = Validated(settings=result.settings, refs=refs)  # a translation's references are its own
        return lambda block, file, chapter, container: _read_block(
            block, file, result.settings, choices, report, into, chapter, levels, container
        )

    result.translations = translations.read_all(content.texts, pending, read, result, choices, report, levels, reader)


def _chapters(count: int) -> str:
    return "the chapter was" if count == 1 else f"the {count} chapters were"


def _read_chapter(
    file: SourceFile, settings: Settings, choices: Choices, report: Report, levels: Levels
) -> tuple[Chapter, Container]:
    """The chapter a file makes, and the container its content stands in (the file's own level)."""
    title, order, annex, description, front_matter = "", 1000, False, "", False
    lang = direction = ""
    outer = levels.file_container(file)
    location = file.at(1)
    title_location = location
    if file.front_matter is not None:
        r = SchemaReader(file, report, "front matter", choices)
        front = r.read(FrontMatterFields, file.front_matter)
        if front is not None:
            title, order, annex, description = front.title, front.order, front.annex, front.description
            front_matter = front.front_matter
            if front.annex and front.front_matter:
                r.error(
                    r.key_location(file.front_matter, "front_matter"),
                    "E-FRONT-MATTER",
                    ("front_matter",),
                    "a chapter cannot be both front matter and an annex",
                    "front matter (a foreword, a summary) comes before chapter 1, an annex after the last: choose one",
                )
            if front.title:
                title_location = r.key_location(file.front_matter, "title")
            lang, direction = front.lang or "", front.dir or ""
            if "classification" in file.front_matter.items:
                own = front.classification or settings.levels[-1]  # unreadable: reported, and read as the highest
                folder = levels.marks_folder(file)
                where = r.key_location(file.front_matter, "classification")
                level = folder.level if folder else levels.within(own, where, "the file", outer)
                outer = Container(level, "the file (its front matter)")
    if not title:
        title, title_location = next(((t, file.at(line)) for lv, t, line in file.headings if lv == 1), ("", location))
    if not title:
        title = file.rel_path.rsplit("/", 1)[-1].removesuffix(".md").replace("-", " ").capitalize()
    chapter = Chapter(
        path=file.rel_path,
        title=title,
        order=order,
        location=location,
        title_location=title_location,
        annex=annex,
        front_matter=front_matter and not annex,
        classification=outer.level,
        description=description,
        lang=lang,
        dir=direction,
        links=list(file.links),
    )
    return chapter, outer


def _check_title(
    file: SourceFile,
    chapter: Chapter,
    settings: Settings,
    report: Report,
    levels: Levels,
    sections: dict[Marking, Container],
) -> None:
    """A chapter titled by a restricted heading would publish that heading in every edition that has the chapter."""
    titled_by = next((line for level, text, line in file.headings if level == 1 and text == chapter.title), None)
    if titled_by is None or (file.front_matter is not None and "title" in file.front_matter.items):
        return
    section = levels.section_at(file, titled_by - 1, sections)
    if section is None or levels.rank(section.level) <= levels.rank(chapter.classification):
        return
    shown_in = [
        e.id
        for e in settings.editions
        if levels.rank(chapter.classification) <= levels.rank(e.level) < levels.rank(section.level)
    ]
    if shown_in:
        report.error(
            file.at(titled_by),
            "E-TITLE-LEVEL",
            f"the chapter's title would be its first heading '{chapter.title}', which is marked {section.level}, "
            f"and the {', '.join(shown_in)} edition shows the chapter in its navigation, page titles and contents",
            "give the file a title every edition may show, in its front matter ('title: ...')",
        )


def _read_block(
    block: DataBlock,
    file: SourceFile,
    settings: Settings,
    choices: Choices,
    report: Report,
    result: Validated,
    chapter: Chapter,
    levels: Levels,
    container: Container,
) -> None:
    if block.failed:  # the YAML did not parse; already reported
        if block.kind in ENTITY_SCHEMAS:
            for entity_id in _ID_LINE.findall(block.text):
                result.broken[entity_id.strip("'\"")] = block.kind
        return
    if block.kind not in BLOCK_KINDS:
        report.error(
            file.at(block.location.line, block.kind_col),
            "E-BLOCK-KIND",
            f"unknown data block kind '{block.kind}'",
            did_you_mean(block.kind, BLOCK_KINDS) or "known kinds: " + ", ".join(BLOCK_KINDS),
        )
        return
    data = block.data
    if data is None:
        report.error(
            block.location,
            "E-BLOCK-EMPTY",
            f"the {block.kind} block is empty",
            f"write the {block.kind}'s fields, or delete the block",
        )
        return
    items = data.items if isinstance(data, YSeq) else [data]
    fence_level = levels.marking(block.classification)
    if fence_level is not None and block.classification is not None:
        level = levels.within(fence_level, block.classification.location, f"the {block.kind} block", container)
        container = Container(level, f"the {block.kind} block at line {block.location.line}")
    level = container.level
    if block.kind == CODEWORDS:  # a list to check against, never a segment to render
        result.codewords.extend(read_codewords(block, file, settings, level, report))
        return
    if block.kind == SIGNATURE:
        signature = read_signature(block, items, file, choices, report, level)
        if signature is not None:
            chapter.segments.append(signature)
        return
    if block.kind == "view":
        for node in items:
            if not isinstance(node, YMap):
                report.error(
                    file.at(node.line, node.col),
                    "E-BLOCK-SHAPE",
                    "a view block must be a mapping",
                    "write 'show: <view>' and its options",
                )
                continue
            source = f"view {_scalar(node, 'show') or '?'}"
            reader = SchemaReader(file, report, source, choices, result.refs)
            view = read_view(node, reader, settings, level)
            if view is not None:
                if "classification" in node.items:
                    view.classification = levels.within(
                        view.classification,
                        reader.key_location(node, "classification"),
                        f"the view {view.show}",
                        container,
                    )
                chapter.segments.append(view)
        return
    entities = []
    for node in items:
        entity = _read_entity(block.kind, node, file, settings, choices, report, result, level)
        if entity is not None and isinstance(node, YMap):
            _check_entity_levels(entity, node, levels, container, report)
            if len(items) == 1:
                entity.narrative, entity.narrative_line = block.narrative, block.narrative_line
            entities.append(entity)
    result.entities.extend(entities)
    chapter.segments.append(EntityBlock(block.kind, entities))


def _scalar(node: YMap, key: str) -> str | None:
    value = node.items.get(key)
    return value.text if isinstance(value, YScalar) and not value.is_null else None


def _check_entity_levels(entity: Entity, node: YMap, levels: Levels, container: Container, report: Report) -> None:
    """An entity may not be marked below its block, nor a restricted field below its entity."""
    if "classification" in node.items:
        entity.classification = levels.within(
            entity.classification,
            entity.where("classification"),
            f"{entity.KIND} {entity.id}",
            container,
        )
    if not entity.restricted:
        return
    restricted = node.items.get("restricted")
    own = Container(entity.classification, f"{entity.KIND} {entity.id}")
    for key, level in list(entity.restricted.items()):
        if levels.rank(level) < levels.rank(entity.classification):
            where = entity.location
            if isinstance(restricted, YMap) and key in restricted.key_pos:
                where = Location(entity.location.path, *restricted.key_pos[key])
            entity.restricted[key] = levels.within(level, where, f"{entity.KIND} {entity.id}.{key}", own)


def _read_entity(
    kind: str,
    node: object,
    file: SourceFile,
    settings: Settings,
    choices: Choices,
    report: Report,
    result: Validated,
    level: str,
) -> Entity | None:
    if not isinstance(node, YMap):
        where = file.at(getattr(node, "line", 1), getattr(node, "col", 1))
        report.error(
            where,
            "E-BLOCK-SHAPE",
            f"{article(kind)} {kind} must be a mapping of fields",
            f"write the {kind} as 'id: ...' and its other fields",
        )
        return None
    entity_id = _scalar(node, "id")
    if entity_id is None:
        report.error(
            file.at(node.line, node.col),
            "E-FIELD-MISSING",
            f"{kind}: the field 'id' is required",
            f"give every {kind} a unique 'id'",
        )
        return None
    hint = id_hint(kind, entity_id)
    if hint is not None:
        line, col = node.key_pos["id"]
        report.error(file.at(line, col), "E-ID-FORMAT", f"{kind} '{entity_id}': not a valid ID", hint)
        return None
    reader = SchemaReader(file, report, f"{kind} {entity_id}", choices, result.refs, entity_id)
    entity = read_entity(kind, node, reader, settings, level)
    if entity is None:
        result.broken[entity_id] = kind
        return None
    result.unread.update((entity_id, key) for key in reader.unread)
    if entity.restricted:
        check_restricted(entity, node, reader)
    return entity


__all__ = ["BLOCK_KINDS", "Location", "Validated", "validate"]
