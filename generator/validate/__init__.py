"""The validate stage: turn loaded YAML into typed entities, chapters and views.

Every problem with a single value is reported here, at its own ``file:line:col``.
References are only recorded; the resolve stage checks what they point at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.diagnostics import Location, Report, article, did_you_mean
from generator.load.source import DataBlock, LoadedContent, Prose, SourceFile
from generator.load.yamlnodes import YMap, YScalar, YSeq
from generator.model import Chapter, Entity, EntityBlock, Passage, Settings
from generator.validate.fields import ID_PATTERN, FieldReader, Ref
from generator.validate.kinds import READERS
from generator.validate.settings import read_settings
from generator.validate.views import read_view

BLOCK_KINDS = (*READERS, "view")
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


def validate(content: LoadedContent, report: Report) -> Validated | None:
    """Validate loaded content; None when ``publication.yml`` is unusable."""
    if content.publication is None:
        return None
    settings = read_settings(content.publication, content.publication_path, report)
    if settings is None:
        return None
    result = Validated(settings=settings)
    for file in content.files:
        chapter = _read_chapter(file, settings, report)
        for segment in file.segments:
            if isinstance(segment, Prose):
                chapter.segments.append(Passage(segment.text, segment.line))
            else:
                _read_block(segment, file, settings, report, result, chapter)
        for ref in file.refs:
            result.prose_refs.append(
                Ref(
                    kinds=(),
                    target=ref.target,
                    location=ref.location,
                    origin=f"chapter {file.rel_path}",
                    source_chapter=file.rel_path,
                    text=ref.text,
                )
            )
        result.chapters.append(chapter)
    result.chapters.sort(key=lambda c: (c.annex, c.order, c.path))
    return result


def _read_chapter(file: SourceFile, settings: Settings, report: Report) -> Chapter:
    title, order, annex, classification = "", 1000, False, None
    location = file.at(1)
    if file.front_matter is not None:
        r = FieldReader(file.front_matter, file, report, "front matter")
        title = r.text("title")
        order = r.integer("order", default=1000, low=-100000, high=100000) or 0
        annex = r.boolean("annex", default=False)
        if "classification" in file.front_matter.items:
            classification = r.choice("classification", settings.levels, default=settings.levels[-1])
        r.finish(("title", "order", "annex", "classification", "description"))
    if not title:
        title = next((text for level, text, _ in file.headings if level == 1), "")
    if not title:
        title = file.rel_path.rsplit("/", 1)[-1].removesuffix(".md").replace("-", " ").capitalize()
    return Chapter(
        path=file.rel_path, title=title, order=order, location=location, annex=annex, classification=classification
    )


def _read_block(
    block: DataBlock, file: SourceFile, settings: Settings, report: Report, result: Validated, chapter: Chapter
) -> None:
    if block.failed:  # the YAML did not parse; already reported
        if block.kind in READERS:
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
            view = read_view(
                FieldReader(node, file, report, f"view {_scalar(node, 'show') or '?'}", result.refs), settings
            )
            if view is not None:
                chapter.segments.append(view)
        return
    entities = []
    for node in items:
        entity = _read_entity(block.kind, node, file, settings, report, result)
        if entity is not None:
            entity.narrative = block.narrative if len(items) == 1 else ""
            entities.append(entity)
    result.entities.extend(entities)
    chapter.segments.append(EntityBlock(block.kind, entities))


def _scalar(node: YMap, key: str) -> str | None:
    value = node.items.get(key)
    return value.text if isinstance(value, YScalar) and not value.is_null else None


def _read_entity(
    kind: str, node: object, file: SourceFile, settings: Settings, report: Report, result: Validated
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
    if not ID_PATTERN.match(entity_id):
        line, col = node.key_pos["id"]
        report.error(
            file.at(line, col),
            "E-ID-FORMAT",
            f"{kind} '{entity_id}': not a valid ID",
            "use letters, digits, '-' and '_', starting with a letter",
        )
        return None
    reader = FieldReader(node, file, report, f"{kind} {entity_id}", result.refs, source_id=entity_id)
    entity = READERS[kind](reader, entity_id, settings)
    if entity is None:
        result.broken[entity_id] = kind
    return entity


__all__ = ["BLOCK_KINDS", "Location", "Validated", "validate"]
