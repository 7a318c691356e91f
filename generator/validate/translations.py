"""Translations: a chapter's text in another language beside it, and entities' text by ID.

A chapter's translation is ``foreword.fr.md`` next to ``foreword.md``, for a language the
publication lists. It carries the prose, the headings, the views and the signature in that
language; the entities stay in the source, and the translated chapter shows them in the
section they stand in there. The two must have the same outline (headings and their levels
and markings, views, signature): a translation that no longer matches is reported and not
used, so a section can never lose its marking in one language. A translation records which
version of its source it translates (``translates:``, a hash ``charter translate
--mark-current`` writes); a source changed since is reported.

Entities' text is in ``translations/<lang>.yml``: entity ID → field → text, for the fields
the schema marks :class:`~generator.schema.types.Translates`.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from generator.diagnostics import Report
from generator.load.source import DataBlock, Prose, SourceFile, TextFile
from generator.model import Chapter, Entity, EntityBlock, Passage, Ref, Segment, Settings, Signature, View
from generator.model.translations import Translations
from generator.schema.chapters import TranslationFrontFields
from generator.schema.choices import Choices
from generator.validate.entity_texts import check_missing, language_name, read_entity_texts
from generator.validate.levels import Container, Levels
from generator.validate.schema_reader import SchemaReader

_TRANSLATION = re.compile(r"^(?P<stem>.+)\.(?P<lang>[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)\.md$")
ALLOWED_BLOCKS = ("view", "signature")
"""What a translation's data blocks may be: the entities are the source's."""

ReadBlock = Callable[[DataBlock, SourceFile, Chapter, Container], None]
"""Reads a view or signature block into a chapter (the validate stage's own reader)."""


@dataclass(slots=True)
class Pending:
    """A chapter's translation file, before it is read: its source's path and its language."""

    file: SourceFile
    source: str
    lang: str


@dataclass(slots=True)
class Outline:
    """What a chapter and its translation must share: headings with their levels and markings, views, signature."""

    headings: list[tuple[int, str]] = field(default_factory=list)
    """(heading level, the level it is marked, or '') of each heading."""
    views: list[str] = field(default_factory=list)
    signed: bool = False


def split(files: list[SourceFile], settings: Settings) -> tuple[list[SourceFile], list[Pending]]:
    """The content's chapters and data files, and apart from them the translations of chapters."""
    languages = {lang.code for lang in settings.translations()}
    sources: list[SourceFile] = []
    pending: list[Pending] = []
    for file in files:
        match = None if file.data_only else _TRANSLATION.match(file.rel_path)
        if match and match["lang"] in languages:
            pending.append(Pending(file, f"{match['stem']}.md", match["lang"]))
        else:
            sources.append(file)
    return sources, pending


def source_version(file: SourceFile, chapter: Chapter) -> str:
    """A short hash of what a translation translates: the title, the description and every part but the entities."""
    parts = [chapter.title, chapter.description]
    for segment in file.segments:
        prose = isinstance(segment, Prose) and segment.narrative_of is None
        if prose or (isinstance(segment, DataBlock) and segment.kind in ALLOWED_BLOCKS):
            parts.append(segment.text.strip())
    return hashlib.sha256("\n\x00".join(parts).encode("utf-8")).hexdigest()[:12]


def outline(file: SourceFile, chapter: Chapter) -> Outline:
    """The outline of a read chapter."""
    marked = {start: marking.level for start, _end, marking in file.sections}
    found = Outline(headings=[(level, marked.get(line - 1, "")) for level, _text, line in file.headings])
    for segment in chapter.segments:
        if isinstance(segment, View):
            found.views.append(segment.show)
        elif isinstance(segment, Signature):
            found.signed = True
    return found


def read_translation(
    pending: Pending,
    source: tuple[SourceFile, Chapter],
    choices: Choices,
    report: Report,
    levels: Levels,
    read_block: ReadBlock,
) -> Chapter | None:
    """The translated chapter, with the source's entities in place; None when it is not to be used (reported)."""
    file, (source_file, original) = pending.file, source
    front = TranslationFrontFields(title="", description="", translates="")
    if file.front_matter is not None:
        reader = SchemaReader(file, report, "translation", choices)
        front = reader.read(TranslationFrontFields, file.front_matter) or front
    outer = Container(original.classification, "the file (its source's level)")
    sections = levels.sections(file, outer)
    title = front.title or next((t for lv, t, _line in file.headings if lv == 1), "") or original.title
    chapter = Chapter(
        path=original.path,
        title=title,
        order=original.order,
        location=file.at(1),
        title_location=file.at(1),
        annex=original.annex,
        front_matter=original.front_matter,
        letter=original.letter,
        classification=original.classification,
        description=front.description or original.description,
        links=list(file.links),
    )
    for segment in file.segments:
        container = sections.get(segment.section, outer) if segment.section else outer
        if isinstance(segment, Prose):
            chapter.segments.append(Passage(segment.text, segment.line, container.level))
        elif segment.kind in ALLOWED_BLOCKS:
            read_block(segment, file, chapter, container)
        else:
            report.error(
                file.at(segment.location.line, segment.kind_col),
                "E-TRANSLATION-BLOCK",
                f"a translation holds no {segment.kind} block: its entities are written in {source_file.display_path}",
                f"translate their text in translations/{pending.lang}.yml, and delete the block here",
            )
    if not _same_outline(pending, source_file, original, chapter, report):
        return None
    version = source_version(source_file, original)
    if front.translates != version:
        where = file.at(file.front_matter_line) if file.front_matter is not None else file.at(1)
        since = "is not marked with the version of its source it translates"
        if front.translates:
            since = f"translates an earlier version of {source_file.display_path}, which has changed since"
        report.warning(
            where,
            "W-TRANSLATION-STALE",
            f"the {language_name(pending.lang)} translation {since}",
            "bring the translation up to date, then run `charter translate --mark-current`",
        )
    chapter.segments = _with_entities(chapter.segments, file, original.segments, source_file)
    return chapter


def _same_outline(
    pending: Pending, source_file: SourceFile, original: Chapter, chapter: Chapter, report: Report
) -> bool:
    """Whether a translation has its source's outline; a warning at the first difference when not."""
    want, have = outline(source_file, original), outline(pending.file, chapter)
    problem = ""
    if len(want.headings) != len(have.headings):
        problem = f"has {len(have.headings)} headings where its source has {len(want.headings)}"
    else:
        for index, (a, b) in enumerate(zip(want.headings, have.headings, strict=True)):
            if a != b:
                line = pending.file.headings[index][2]
                marked = f" marked {b[1]}" if b[1] else " unmarked"
                problem = f"heading {index + 1} (line {line}) is level {b[0]}{marked}, its source's is level {a[0]}"
                problem += f" marked {a[1]}" if a[1] else " unmarked"
                break
    if not problem and want.views != have.views:
        shown, wanted = ", ".join(have.views) or "none", ", ".join(want.views) or "none"
        problem = f"shows the views {shown} where its source shows {wanted}"
    if not problem and want.signed != have.signed:
        problem = "has no signature where its source has one" if want.signed else "has a signature its source has not"
    if problem:
        name = language_name(pending.lang)
        report.warning(
            pending.file.at(1),
            "W-TRANSLATION-STRUCTURE",
            f"the {name} translation no longer matches {source_file.display_path}: it {problem}; "
            f"the {name} pages show the chapter untranslated",
            "give the translation its source's headings, markings, views and signature, in the same order",
        )
    return not problem


def _with_entities(
    segments: list[Segment], file: SourceFile, source_segments: list[Segment], source_file: SourceFile
) -> list[Segment]:
    """The translation's segments with each of the source's entity blocks where it stands there.

    A block stands in a section (the headings before it) and after some of the views: the two
    outlines match, so it goes before the first segment of a later section, or the first view
    the source shows after it, and otherwise at its section's end.
    """
    source_heads = [line for _lv, _t, line in source_file.headings]
    blocks: list[tuple[int, int, EntityBlock]] = []
    views = 0
    for segment in source_segments:
        if isinstance(segment, View):
            views += 1
        elif isinstance(segment, EntityBlock) and segment.entities:
            line = segment.entities[0].location.line
            blocks.append((sum(1 for head in source_heads if head < line), views, segment))
    heads = [line for _lv, _t, line in file.headings]
    merged: list[Segment] = []
    views = 0

    def place(section: int, view: int | None) -> None:
        while blocks and (blocks[0][0] < section or (view is not None and blocks[0][1] <= view)):
            merged.append(blocks.pop(0)[2])

    for segment in segments:
        if isinstance(segment, Passage) and not isinstance(segment, Signature):
            for piece in _split_at(segment, heads):
                place(sum(1 for head in heads if head <= piece.line), None)
                merged.append(piece)
        elif isinstance(segment, Passage | View):
            at = segment.location.line if isinstance(segment, View) else segment.line
            place(sum(1 for head in heads if head <= at), views if isinstance(segment, View) else None)
            views += isinstance(segment, View)
            merged.append(segment)
    merged.extend(block for _section, _view, block in blocks)
    return merged


def _split_at(passage: Passage, heads: list[int]) -> list[Passage]:
    """A passage cut before each heading it holds, so an entity block can stand at a section's end."""
    lines = passage.text.split("\n")
    cuts = [0, *(head - passage.line for head in heads if 0 < head - passage.line < len(lines)), len(lines)]
    return [
        Passage("\n".join(lines[a:b]), passage.line + a, passage.classification)
        for a, b in itertools.pairwise(cuts)
        if "\n".join(lines[a:b]).strip()
    ]


def read_all(
    texts: list[TextFile],
    pending: list[Pending],
    read: dict[str, tuple[SourceFile, Chapter]],
    result: Read,
    choices: Choices,
    report: Report,
    levels: Levels,
    reader: Callable[[list[Ref]], ReadBlock],
) -> Translations:
    """Every translation, checked against its source; the chapters and entities not translated reported."""
    found = Translations()
    for translation in pending:
        source = read.get(translation.source)
        if source is None or source[0].data_only:
            orphan(translation, report)
            continue
        refs: list[Ref] = []
        chapter = read_translation(translation, source, choices, report, levels, reader(refs))
        if chapter is not None:
            key = (translation.source, translation.lang)
            found.chapters[key] = chapter
            found.refs[key] = [*translation_refs(translation.file, translation.source), *refs]
    read_entity_texts(texts, result.settings, result.entities, report, found, result.broken)
    written = {(translation.source, translation.lang) for translation in pending}  # one that no longer matches: said
    check_missing(result.settings, found, list(read.values()), written, report)
    return found


class Read(Protocol):
    """What the validate stage has read when it reads the translations."""

    settings: Settings
    entities: list[Entity]
    broken: dict[str, str]


def translation_refs(file: SourceFile, source_path: str) -> list[Ref]:
    """The references a translation's prose makes, as its source chapter's."""
    return [
        Ref(
            kinds=(),
            target=ref.target,
            location=ref.location,
            source=f"chapter {source_path}",
            source_chapter=source_path,
            text=ref.text,
        )
        for ref in file.refs
    ]


def orphan(pending: Pending, report: Report) -> None:
    """A translation whose source chapter does not exist."""
    report.error(
        pending.file.at(1),
        "E-TRANSLATION-SOURCE",
        f"this is a {language_name(pending.lang)} translation of {pending.source}, which does not exist",
        f"name it after the chapter it translates (its name, then .{pending.lang}.md), in the same folder",
    )


__all__ = ["Pending", "Translations", "check_missing", "read_entity_texts", "read_translation", "split"]
