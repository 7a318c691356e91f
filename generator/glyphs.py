"""Characters the print fonts cannot show, found before Typst runs (``E-PRINT-GLYPH``).

A PDF/UA-1 compile fails on the first character no font has, with no file or line. So
Charter reads the character maps of the fonts it ships (``themes/print/fonts``) and looks
at every character of the text that goes to print: the chapters' prose and the entities'
fields and narratives. Each character no shipped font covers is reported once per file,
at its first line and column, naming the editions whose PDF would print it.

Libertinus Serif, the text face, is bundled by the ``typst`` binding without a file to
read; Noto Serif, shipped beside it, covers its scripts (Latin, Greek, Cyrillic), so the
shipped files alone decide. Characters that draw nothing of their own are never
reported: controls, format characters (ZWJ, bidi marks), spaces and variation selectors.
"""

from __future__ import annotations

import functools
import struct
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from generator import packaged
from generator.diagnostics import Location, Report
from generator.model import Entity, Passage
from generator.model.entities import FIELD_ATTRIBUTES
from generator.model.texts import texts_in
from generator.resolve import Publication
from generator.schema import ENTITY_SCHEMAS
from generator.schema.slots import holds_words, slots

CODE = "E-PRINT-GLYPH"
_SILENT_CATEGORIES = ("Cc", "Cf", "Cs", "Zs", "Zl", "Zp")
_VARIATION = (range(0xFE00, 0xFE10), range(0xE0100, 0xE01F0), range(0x180B, 0x1810))


def font_dir(theme: Path | None = None) -> Path:
    """The shipped fonts: a project theme's own ``fonts`` folder, else Charter's."""
    if theme is not None and (theme / "fonts").is_dir():
        return theme / "fonts"
    return packaged.print_theme() / "fonts"


def coverage(folder: Path) -> frozenset[int]:
    """Every code point some font file in ``folder`` maps to a glyph (cached while the files are unchanged)."""
    files = sorted(p for p in folder.glob("*") if p.suffix.lower() in (".ttf", ".otf"))
    return _coverage(tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files))


@functools.cache
def _coverage(files: tuple[tuple[str, int, int], ...]) -> frozenset[int]:
    points: set[int] = set()
    for path, _mtime, _size in files:
        points |= cmap(Path(path).read_bytes())
    return frozenset(points)


def cmap(data: bytes) -> set[int]:
    """The code points a TrueType/OpenType font's Unicode ``cmap`` subtables (formats 4 and 12) map."""
    tables = struct.unpack_from(">H", data, 4)[0]
    cmap_at = next(
        (
            struct.unpack_from(">I", data, 12 + 16 * i + 8)[0]
            for i in range(tables)
            if data[12 + 16 * i : 16 + 16 * i] == b"cmap"
        ),
        None,
    )
    if cmap_at is None:
        return set()
    points: set[int] = set()
    count = struct.unpack_from(">H", data, cmap_at + 2)[0]
    for i in range(count):
        platform, _encoding, offset = struct.unpack_from(">HHI", data, cmap_at + 4 + 8 * i)
        if platform not in (0, 3):
            continue
        at = cmap_at + offset
        form = struct.unpack_from(">H", data, at)[0]
        if form == 4:
            points |= _format4(data, at)
        elif form == 12:
            groups = struct.unpack_from(">I", data, at + 12)[0]
            for g in range(groups):
                start, end, _glyph = struct.unpack_from(">III", data, at + 16 + 12 * g)
                points.update(range(start, end + 1))
    return points


def _format4(data: bytes, at: int) -> set[int]:
    segments = struct.unpack_from(">H", data, at + 6)[0] // 2
    ends = struct.unpack_from(f">{segments}H", data, at + 14)
    starts = struct.unpack_from(f">{segments}H", data, at + 16 + 2 * segments)
    deltas = struct.unpack_from(f">{segments}h", data, at + 16 + 4 * segments)
    range_at = at + 16 + 6 * segments
    offsets = struct.unpack_from(f">{segments}H", data, range_at)
    points: set[int] = set()
    for s, (start, end, delta, offset) in enumerate(zip(starts, ends, deltas, offsets, strict=True)):
        for code in range(start, min(end, 0xFFFE) + 1):
            if offset == 0:
                glyph = (code + delta) & 0xFFFF
            else:
                where = range_at + 2 * s + offset + 2 * (code - start)
                glyph = struct.unpack_from(">H", data, where)[0]
                glyph = (glyph + delta) & 0xFFFF if glyph else 0
            if glyph:
                points.add(code)
    return points


def draws_nothing(char: str) -> bool:
    """A character that needs no glyph of its own: a control, format character, space or variation selector."""
    code = ord(char)
    return unicodedata.category(char) in _SILENT_CATEGORIES or any(code in r for r in _VARIATION)


def check_glyphs(publication: Publication, report: Report, folder: Path | None = None) -> None:
    """Report every character of the printed text that no shipped font covers, once per file."""
    folder = folder or font_dir()
    if not folder.is_dir():
        return
    covered = coverage(folder)
    if not covered:
        return
    seen: dict[tuple[str, str], list[int]] = {}
    found: list[tuple[str, Location, str]] = []
    for text, where, level in _printed_texts(publication):
        for char, at in _uncovered(text, where, covered):
            key = (at.path, char)
            if key in seen:
                seen[key][0] += 1
                continue
            seen[key] = [0]
            found.append((char, at, level))
    for char, at, level in found:
        more = seen[(at.path, char)][0]
        name = unicodedata.name(char, "unnamed character")
        also = f" (and {more} more time{'s' * (more != 1)} in this file)" if more else ""
        report.error(
            at,
            CODE,
            f"U+{ord(char):04X} {name} ('{char}'){also} is in no print font: "
            f"the PDF of {_editions(publication, level)} could not print it",
            hint="write it another way, or add an OFL font that has it to themes/print/fonts/",
        )


def _uncovered(text: str, where: Location, covered: frozenset[int]) -> Iterator[tuple[str, Location]]:
    if text.isascii():
        return
    for index, line in enumerate(text.split("\n")):
        if line.isascii():
            continue
        for col, char in enumerate(line):
            if ord(char) > 0x7E and ord(char) not in covered and not draws_nothing(char):
                yield char, Location(where.path, where.line + index, (where.col if index == 0 else 1) + col)


def _printed_texts(publication: Publication) -> Iterator[tuple[str, Location, str]]:
    """Each piece of text that prints, where it starts and its level."""
    for chapter in publication.chapters:
        for segment in chapter.segments:
            if isinstance(segment, Passage):
                level = segment.classification or chapter.classification
                yield segment.text, Location(chapter.location.path, segment.line, 1), level
    for entity in publication.entities.values():
        yield from _entity_texts(entity)


def _entity_texts(entity: Entity) -> Iterator[tuple[str, Location, str]]:
    words = _word_fields(entity.KIND)
    for key in words:
        for text in texts_in(getattr(entity, FIELD_ATTRIBUTES.get(key, key), None)):
            if isinstance(text, str) and not text.isascii():
                yield text, entity.where(key), entity.restricted.get(key, entity.classification)
    if entity.narrative and not entity.narrative.isascii():
        line = entity.narrative_line or entity.location.line
        yield entity.narrative, Location(entity.location.path, line, 1), entity.classification


@functools.cache
def _word_fields(kind: str) -> tuple[str, ...]:
    return tuple(key for key, slot in slots(ENTITY_SCHEMAS[kind]).items() if holds_words(slot))


def _editions(publication: Publication, level: str) -> str:
    """The editions that print text of ``level``, by their names."""
    settings = publication.settings
    levels = settings.levels
    rank = levels.index(level) if level in levels else 0
    names = [e.title for e in settings.editions if e.level not in levels or levels.index(e.level) >= rank]
    if not names:
        return "every edition"
    return ", ".join(names[:-1]) + (" and " if len(names) > 1 else "") + names[-1]
