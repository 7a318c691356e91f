"""The leak check: after an edition is built, no byte of it may carry text above its level.

Every text that the edition left out (entities, fields, prose sections, views, chapters)
is cut into sentence-sized pieces and looked for in every output file, read by
:mod:`generator.output_text` into spans no piece can run across (a table cell, a
paragraph, an attribute, a PDF text block). A piece the edition also shows in its own
right (a phrase both a public and a restricted paragraph use) is not a leak and is not
looked for. Every code word above the edition is looked for too, in every span and in
every byte, whatever the edition shows.

A leak names the output file, where in it (element and byte, PDF page, DOCX part, EPUB
member) and the source line the text was written on.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields
from pathlib import Path

from generator.diagnostics import Location
from generator.model import Chapter, Entity, Passage, Risk, View
from generator.model.entities import FIELD_ATTRIBUTES
from generator.model.texts import texts_in
from generator.output_text import BOUNDARY, INNER, OutputText, ReadAhead, normalise, output_text, read_output
from generator.resolve import Publication
from generator.schema import ENTITY_SCHEMAS
from generator.schema.slots import holds_words, slots
from generator.validate.codewords import CodeWord, normalised_pattern

__all__ = ["Leak", "Secret", "codeword_secrets", "find_leaks", "normalise", "output_text", "secrets"]

MIN_LENGTH = 8
"""Shorter texts ('Navy', 'High') are too common to mean anything when found."""


@dataclass(frozen=True, slots=True)
class Secret:
    """A text the edition must not carry, and where it was written."""

    text: str
    """Normalised (:func:`generator.output_text.normalise`)."""
    origin: Location
    codeword: CodeWord | None = None
    """Set when the text is a code word: it is looked for at every word start, whatever the edition shows."""

    @property
    def inner(self) -> frozenset[str]:
        """The words inside the text (not its first or last, which may run into what stands beside them)."""
        return frozenset(self.text.split(" ")[1:-1])


@dataclass(frozen=True, slots=True)
class Leak:
    """A secret found in an output file."""

    path: str
    """The output file, relative to the folder checked (with the edition's name in front in a build)."""
    secret: Secret
    where: str = ""
    """Where in the file: ``in <td> near byte 10432``, ``on page 12``, ``in word/document.xml <w:p> near byte 880``."""

    def format(self) -> str:
        """``output: carries restricted text '...' in <p> near byte 120 (written at file:line:col)``."""
        at = f" {self.where}" if self.where else ""
        word = self.secret.codeword
        if word is not None:
            return f"{self.path}: carries the code word '{word.term}' ({word.level}){at} (listed at {word.location})"
        shown = self.secret.text if len(self.secret.text) <= 60 else self.secret.text[:57] + "..."
        return f"{self.path}: carries restricted text '{shown}'{at} (written at {self.secret.origin})"


# -- what the edition must not carry --------------------------------------------------------------

_APART = re.compile(f"[{BOUNDARY}{INNER}]")
_SENTENCE = re.compile(r"(?<=[.!?;:])\s+|\|")
_STANDALONE = re.compile(r"^ {0,3}(?:#{1,6}(?:\s|$)|\||```|~~~|(?:[-*_=] *){3,}$)")
"""Lines that are a block of their own: headings, table rows, fences, rules and setext underlines."""
_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)]|>)\s")
"""Lines that start a block: list items and quotes."""
_MARKUP = re.compile(
    r"!\[(?P<alt>[^\]]*)\]\([^)]*\)"  # an image: its alt text is an attribute of its own
    r"|\[\[[^\]|]*\|(?P<ref>[^\]]*)\]\]"  # [[ID|own words]]: the words
    r"|\[\[[^\]]*\]\]"  # [[ID]]: becomes the entity's title, which is looked for as the entity's
    r"|\[(?P<link>[^\]]*)\]\([^)]*\)"  # a link: its text
    r"|<!--.*?-->|\{\{.*?\}\}"  # a comment, a computed figure
    r"|\{classification=[^}]*\}|\{:[^}]*\}|\{[#.][^}]*\}",  # markers and attribute lists
    re.DOTALL,
)


def _unmark(match: re.Match[str]) -> str:
    for group in ("ref", "link"):
        if match.group(group) is not None:
            return match.group(group)
    if match.group("alt") is not None:
        return f"{BOUNDARY}{match.group('alt')}{BOUNDARY}"
    return "" if match.group(0).startswith("{") and not match.group(0).startswith("{{") else BOUNDARY


def _blocks(text: str) -> Iterator[tuple[int, int, str]]:
    """Markdown text in its blocks, each with the (0-based) line it starts on and its column."""
    current: list[str] = []
    first = 0
    col = 1
    for index, line in enumerate(text.split("\n")):
        standalone = bool(_STANDALONE.match(line))
        if not line.strip() or standalone or _ITEM.match(line):
            if current:
                yield first, col, "\n".join(current)
                current = []
            if standalone:
                yield index, len(line) - len(line.lstrip()) + 1, line
                continue
        if line.strip():
            if not current:
                first, col = index, len(line) - len(line.lstrip()) + 1
            current.append(line)
    if current:
        yield first, col, "\n".join(current)


def _pieces(text: str, start: Location) -> Iterator[Secret]:
    """A long text in sentence-sized pieces, so markup added around part of it cannot hide it.

    Each piece carries the line and column it was written at, counted from ``start``.
    """
    for line, col, block in _blocks(text):
        at = 0
        for raw in [*_SENTENCE.split(block), ""]:
            offset = block.find(raw, at) if raw else len(block)
            at = offset + len(raw)
            if not raw:
                continue
            before = block[:offset]
            piece_line = line + before.count("\n")
            piece_col = (col if "\n" not in before else 1) + offset - (before.rfind("\n") + 1)
            where = Location(start.path, start.line + piece_line, (start.col if piece_line == 0 else 1) + piece_col - 1)
            for part in _APART.split(normalise(_MARKUP.sub(_unmark, raw))):
                part = part.strip(" .,;:!?()'-")
                if len(part) >= MIN_LENGTH and any(ch.isalpha() for ch in part):
                    yield Secret(part, where)


@functools.cache
def _word_fields(kind: str) -> tuple[str, ...]:
    """The fields of a kind that hold words of the content, read off its schema: not IDs, choices,
    numbers, dates or public stand-ins (the narrative is read on its own, line by line)."""
    return tuple(key for key, slot in slots(ENTITY_SCHEMAS[kind]).items() if holds_words(slot))


def _entity_pieces(entity: Entity, keys: set[str] | None = None) -> Iterator[Secret]:
    """The pieces of an entity's fields (all of them, or those named), each at its field's line.

    A field named in ``keys`` is read even when it is a public stand-in: it is restricted itself.
    """
    chosen = _word_fields(entity.KIND) if keys is None else [k for k in slots(ENTITY_SCHEMAS[entity.KIND]) if k in keys]
    for key in chosen:
        where = entity.where(key)
        for text in texts_in(getattr(entity, FIELD_ATTRIBUTES.get(key, key), None)):
            yield from _pieces(text, where)


def _narrative_pieces(entity: Entity) -> Iterator[Secret]:
    if entity.narrative:
        line = entity.narrative_line or entity.location.line
        yield from _pieces(entity.narrative, Location(entity.location.path, line, 1))


def secrets_of_languages(copies: Iterable[tuple[Publication, Publication]]) -> list[Secret]:
    """What no language of an edition may show: each language's secrets that no language's pages show.

    ``copies`` holds each language's whole publication and its cut. Text restricted in one
    language may be public in another (restricted prose not yet translated, that a public
    passage of the other language also says): only text no copy shows is looked for in all.
    """
    pairs = list(copies)
    shown = [_public_corpus(cut) for _whole, cut in pairs]  # each corpus made once, for every language's pieces
    found: dict[str, Secret] = {}
    for whole, cut in pairs:
        for secret in secrets(whole, cut, shown=shown):
            found.setdefault(secret.text, secret)
    return list(found.values())


def secrets(whole: Publication, cut: Publication, *, shown: list[str] | None = None) -> list[Secret]:
    """Every piece of text in ``whole`` that ``cut`` leaves out and does not show elsewhere.

    ``shown``: the text the edition shows, one corpus per language (by default ``cut``'s own).
    """
    found: list[Secret] = []
    allowed = _allowed(cut)
    for entity in whole.entities.values():
        kept = cut.entities.get(entity.id)
        hidden = {key for key, level in entity.restricted.items() if level not in allowed}
        if kept is None or (isinstance(kept, Risk) and kept.withheld):
            found.extend(_entity_pieces(entity))
            found.extend(_narrative_pieces(entity))
        if hidden:
            found.extend(_entity_pieces(entity, hidden))
    kept_chapters = {c.path: c for c in cut.chapters}
    titles: list[Secret] = []
    for chapter in whole.chapters:
        found.extend(_chapter_pieces(chapter, kept_chapters.get(chapter.path)))
        if chapter.path not in kept_chapters:
            titles.extend(_pieces(chapter.title, chapter.location))
            titles.extend(_pieces(chapter.description, chapter.location))
    found.extend(titles)  # after the prose: a title that is also a heading is reported at the heading
    corpora = shown if shown is not None else [_public_corpus(cut)]
    unique: dict[str, Secret] = {}
    for secret in found:
        if secret.text not in unique and not any(secret.text in corpus for corpus in corpora):
            unique[secret.text] = secret
    return list(unique.values())


def codeword_secrets(words: Iterable[CodeWord], cut: Publication) -> list[Secret]:
    """The code words an edition must not carry: every one listed above its level."""
    allowed = _allowed(cut)
    return [Secret(normalise(w.term).strip(), w.location, w) for w in words if w.level not in allowed]


def _allowed(cut: Publication) -> set[str]:
    levels = cut.settings.levels
    top = levels.index(cut.marking)
    return set(levels[: top + 1])


def _chapter_pieces(chapter: Chapter, kept: Chapter | None) -> Iterator[Secret]:
    kept_lines = {s.line for s in kept.segments if isinstance(s, Passage)} if kept else set()
    kept_views = {id(s) for s in kept.segments if isinstance(s, View)} if kept else set()
    for segment in chapter.segments:
        if isinstance(segment, Passage) and segment.line not in kept_lines:
            yield from _pieces(segment.text, Location(chapter.location.path, segment.line, 1))
        elif isinstance(segment, View) and id(segment) not in kept_views and segment.title:
            yield from _pieces(segment.title, segment.option_locations.get("title", segment.location))


def _public_corpus(cut: Publication) -> str:
    """All the text the edition shows, normalised, its blocks apart, to tell a shared phrase from a leak."""
    texts: list[str] = []
    for entity in cut.entities.values():
        for f in fields(entity):
            if f.name not in ("location", "field_positions"):
                texts += texts_in(getattr(entity, f.name))
    for chapter in cut.chapters:
        texts += [chapter.title, chapter.description]
        texts += [s.text for s in chapter.segments if isinstance(s, Passage)]
        texts += [s.title for s in chapter.segments if isinstance(s, View)]
    texts += [group.name for group in cut.risk_groups]
    parts = [normalise(_MARKUP.sub(_unmark, block)) for text in texts for _, _, block in _blocks(text)]
    return BOUNDARY.join(parts)


# -- looking for them ------------------------------------------------------------------------------


def find_leaks(
    output_dir: Path,
    hidden: list[Secret],
    *,
    prefix: str = "",
    shipped: Iterable[Path] = (),
    ahead: ReadAhead | None = None,
) -> list[Leak]:
    """Every secret found in any file below ``output_dir``, each once per file, with where it stands.

    ``prefix`` is put before each file's path in the report (a build passes the edition's name).
    A file byte-identical to the file at its path in one of the ``shipped`` folders (the
    theme's own scripts, styles and fonts) came from the installed theme, not from content,
    and is not searched: a restricted title that is a common word ("Operations") would
    otherwise be found in a search engine's word list. ``ahead`` holds files read before
    the site was built (the print editions), used for a file with the very same bytes.
    """
    if not hidden:
        return []
    theme = list(shipped)
    texts = [(s, s.inner) for s in hidden if s.codeword is None]
    words = {s.text: s for s in hidden if s.codeword is not None}
    finder = normalised_pattern([s.codeword.term for s in words.values() if s.codeword is not None])
    paths = sorted(p for p in output_dir.rglob("*") if p.is_file() and not _shipped(p, output_dir, theme))
    found: dict[Path, list[Leak]] = {}
    # PDFs wait on pdftotext, a process of its own: read them beside the rest, and look at them last.
    with ReadAhead() as own:
        reader = ahead or own
        pdfs = [p for p in paths if p.suffix.lower() == ".pdf"]
        reader.start(p for p in pdfs if not reader.holds(p))
        for path in [p for p in paths if p not in pdfs] + pdfs:
            output = reader.output(path)
            name = prefix + path.relative_to(output_dir).as_posix()
            excused = _search_index_excuse(path, output_dir)
            found[path] = list(_find_in(output, name, texts, words, finder, excused))
    return [leak for path in paths for leak in found[path]]


def _shipped(path: Path, output_dir: Path, theme: list[Path]) -> bool:
    """Whether the file is a copy, byte for byte, of the theme's file at the same path."""
    rel = path.relative_to(output_dir)
    for folder in theme:
        original = folder / rel
        if original.is_file() and original.stat().st_size == path.stat().st_size:
            return original.read_bytes() == path.read_bytes()
    return False


Excuse = Callable[[str, Secret], bool]


def _find_in(
    output: OutputText,
    name: str,
    texts: list[tuple[Secret, frozenset[str]]],
    words: dict[str, Secret],
    finder: re.Pattern[str] | None,
    excused: Excuse | None = None,
) -> Iterator[Leak]:
    """The first place in one file each secret stands (that is not excused)."""
    haystack = output.text
    present = set(haystack.replace(BOUNDARY, " ").replace(INNER, " ").split())
    for secret, inner in texts:
        if not inner <= present:
            continue  # a word inside it is nowhere in the file: no need to look for the whole
        position = haystack.find(secret.text)
        while position >= 0:
            where = output.where(position, secret.text)
            if excused is None or not excused(where, secret):
                yield Leak(name, secret, where)
                break
            position = haystack.find(secret.text, position + 1)
    if finder is not None:
        seen: set[str] = set()
        for match in finder.finditer(haystack):
            word = words.get(match.group(0))
            if word is not None and word.text not in seen:
                where = output.where(match.start(), word.text)
                if excused is None or not excused(where, word):
                    seen.add(word.text)
                    yield Leak(name, word, where)


_INDEXED = re.compile(r"in docs\[(\d+)\]\.text\b")


def _search_index_excuse(path: Path, output_dir: Path) -> Excuse | None:
    """For MkDocs' search index: a hit that is only the index running a page's table cells together.

    Material's index keeps paragraphs and list items apart but writes a table as its cells'
    words one after the other, so "... grid" | "Sabotage ..." reads "grid sabotage" there. A
    hit in an entry's text is excused when the page the entry indexes carries the same words
    only across a boundary (two cells, two blocks); anything else in the index is a leak.
    """
    if path.name != "search_index.json":
        return None
    try:
        docs = json.loads(path.read_text(encoding="utf-8"))["docs"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    pages: dict[str, tuple[str, str]] = {}

    def excused(where: str, secret: Secret) -> bool:
        match = _INDEXED.match(where)
        if match is None or int(match.group(1)) >= len(docs):
            return False
        location = str(docs[int(match.group(1))].get("location", "")).split("#")[0]
        if location not in pages:
            page = output_dir / location
            if not location or location.endswith("/"):
                page = page / "index.html"
            inside = page.is_file() and page.resolve().is_relative_to(output_dir.resolve())
            bounded = read_output(page).text if inside else ""
            pages[location] = (bounded, normalise(_APART.sub(" ", bounded)))
        bounded, flattened = pages[location]
        return secret.text in flattened and secret.text not in bounded

    return excused
