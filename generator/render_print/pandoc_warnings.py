"""pandoc's warnings as Charter's diagnostics, at the chapter's file and line where Charter can tell.

pandoc names a line of the assembled Markdown (or of one of its halves, see
:mod:`.pandoc_ast`). The chapter is the one whose heading comes last before that line; the
line in the chapter's file is the nearest line at or before it that the chapter's file holds
as written (the k-th time the text appears, if it appears more than once); for a duplicate
identifier, the nearest that holds ``#identifier`` (pandoc names the line after the heading). What cannot be
placed is reported at ``publication.yml``, naming the document. The same warning from the
three formats, or from two editions, is one diagnostic: the message names neither.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.diagnostics import Diagnostic, Location, Severity
from generator.model import Chapter
from generator.render_print.assemble import chapter_anchor

CODE = "W-PANDOC"
_ENTRY = re.compile(r"^\[WARNING\]\s*(?P<text>.*)$")
_WHERE = re.compile(r" (?:at|in) (?P<file>\S+?) line (?P<line>\d+) column (?P<col>\d+)")
_CHAPTER_HEADING = re.compile(r"^# .*\{#(?P<anchor>chapter-[a-z0-9-]+) ")
_IGNORED = re.compile(r"^Could not convert image \S+\.svg: .*rsvg-convert", re.DOTALL)
"""The DOCX writer's PNG copy of an SVG for Word 2010 needs rsvg-convert, which Charter does not
ship: the DOCX keeps the SVG itself, which Word 2016 and later and LibreOffice show."""
_DUPLICATE_ID = re.compile(r"^Duplicate identifier '(?P<id>[^']+)'")
_HINTS = {
    "Duplicate identifier": "give each heading an identifier of its own: a link to it reaches the first only",
    "Duplicate note reference": "give each footnote a label of its own",
    "defined but not used": "refer to the footnote in the text, or delete it",
    "Could not fetch resource": "check the image's path: print shows its description instead",
}


def warning_diagnostics(
    taken: dict[Path, list[str]],
    markdown: Path,
    chapters: list[Chapter],
    *,
    content_root: Path,
    document: str,
    settings_path: str,
) -> list[Diagnostic]:
    """The warnings pandoc gave for one document's runs, as diagnostics."""
    whole = markdown.read_text(encoding="utf-8")
    lines = whole.split("\n")
    by_anchor = {chapter_anchor(c): c for c in chapters}
    out: list[Diagnostic] = []
    for source, messages in taken.items():
        for text in _entries(messages):
            if _IGNORED.match(text):
                continue
            where = _WHERE.search(text)
            message = _WHERE.sub("", text).strip()
            hint = next((h for key, h in _HINTS.items() if key in message), None)
            location = None
            if where is not None:
                line = int(where.group("line")) + _offset(source, markdown, whole)
                duplicate = _DUPLICATE_ID.match(message)
                needle = f"#{duplicate.group('id')}" if duplicate else ""
                location = _place(lines, line, by_anchor, content_root, needle)
            if location is None:
                location = Location(settings_path, 1, 1)
                message = f"document '{document}': {message}"
            out.append(Diagnostic(location, Severity.WARNING, CODE, f"pandoc: {message}", hint))
    return out


def _entries(messages: list[str]) -> list[str]:
    """pandoc's warnings, each with its continuation lines; other messages left out."""
    entries: list[str] = []
    inside = False
    for line in messages:
        found = _ENTRY.match(line)
        if found:
            entries.append(found.group("text"))
            inside = True
        elif line.startswith("["):
            inside = False
        elif inside:
            entries[-1] += " " + line.strip()
    return entries


def _offset(source: Path, markdown: Path, whole: str) -> int:
    """The lines of the assembled Markdown before ``source``'s text (a half of it), else 0."""
    if source == markdown:
        return 0
    try:
        part = source.read_text(encoding="utf-8")
    except OSError:
        return 0
    start = whole.find(part) if part else -1
    return whole.count("\n", 0, start) if start > 0 else 0


def _place(
    lines: list[str], line: int, by_anchor: dict[str, Chapter], content_root: Path, needle: str = ""
) -> Location | None:
    """Where in its chapter's file a line of the assembled Markdown was written (one holding ``needle``)."""
    index = min(max(line - 1, 0), len(lines) - 1)
    top = next((i for i in range(index, -1, -1) if _CHAPTER_HEADING.match(lines[i])), None)
    if top is None:
        return None
    found = _CHAPTER_HEADING.match(lines[top])
    chapter = by_anchor.get(found.group("anchor")) if found else None
    if chapter is None:
        return None
    try:
        written = (content_root / chapter.path).read_text(encoding="utf-8").split("\n")
    except OSError:
        return chapter.location
    sources = [_normal(s) for s in written]
    for i in range(index, top, -1):
        text = _normal(lines[i])
        if not text or needle not in text:
            continue
        hits = [n for n, s in enumerate(sources) if s == text]
        if hits:
            k = sum(1 for j in range(top + 1, i + 1) if _normal(lines[j]) == text)
            return Location(chapter.location.path, hits[min(k, len(hits)) - 1] + 1, 1)
    return chapter.location


def _normal(line: str) -> str:
    """A line as compared: blanks and a heading's marks (print may shift its level) taken off."""
    return re.sub(r"^#+\s+", "", line.strip())
