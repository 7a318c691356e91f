"""Annex letters, assigned once in reading order and used by the website and every print format.

An annex's title may name its letter (``title: "Annex D: Glossary"``): that letter is
kept, so a drafter may skip letters (one kept for a later annex), but letters must run
forward in reading order; a letter that does not is an error at the title. An annex
whose title names no letter gets the one after the annex before it. Letters are given
to the whole publication before it is cut for its editions, so an annex keeps its letter
in every edition (an edition without a restricted annex skips that annex's letter). A
folder's own page (its ``index.md``) introduces the annexes below it and has no letter.
Every title then reads "Annex D: Glossary", and so does an opening heading that repeated
the title as written.

The annexes print generates (the register, the action plan, ...: :data:`GENERATED_ANNEXES`)
are lettered here too, from the whole publication, after its last annex chapter: a
restricted annex chapter that the public edition leaves out keeps its letter unused
there, and the register is the same Annex E in both editions, as publishers do. A
generated annex that an annex chapter prints in full (a view of it with no filter) gets
no letter of its own; in an edition that leaves that chapter out, it stands in for it
under the chapter's letter.
"""

from __future__ import annotations

import dataclasses
import re

from generator.diagnostics import Report
from generator.model import Chapter, Passage, View

ANNEX_PREFIX = re.compile(r"^\s*annex\s+(?P<letter>[A-Z]{1,2})\s*[:.\u2013\u2014-]\s*", re.IGNORECASE)
_H1 = re.compile(r"^#\s+(?P<text>.*?)\s*#*\s*$")


GENERATED_ANNEXES: tuple[str, ...] = ("register", "actions", "committees", "raci")
"""The views print ends every document with, each as an annex of its own, in this order."""


def letter_of(number: int) -> str:
    """1 → "A", 26 → "Z", 27 → "AA": the letters of the annex in position ``number``."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def number_of(letters: str) -> int:
    """The inverse of :func:`letter_of`."""
    number = 0
    for char in letters.upper():
        number = number * 26 + ord(char) - ord("A") + 1
    return number


def is_folder_page(path: str) -> bool:
    """Whether a chapter is its folder's own page (``index.md``, ``README.md``): it introduces annexes, unlettered."""
    return "/" in path and path.rsplit("/", 1)[1].lower() in ("index.md", "readme.md")


def bare_title(title: str) -> str:
    """A title without its "Annex C:" prefix."""
    return ANNEX_PREFIX.sub("", title).strip() or title


def letter_annexes(chapters: list[Chapter], report: Report) -> list[Chapter]:
    """The chapters (in reading order) with each annex lettered and titled "Annex X: ..."."""
    out: list[Chapter] = []
    last = 0
    for chapter in chapters:
        if not chapter.annex or is_folder_page(chapter.path):
            out.append(chapter)
            continue
        written = ANNEX_PREFIX.match(chapter.title)
        number = last + 1
        if written:
            wanted = number_of(written.group("letter"))
            if wanted > last:
                number = wanted
            else:
                report.error(
                    chapter.title_location or chapter.location,
                    "E-ANNEX-LETTER",
                    f"this annex is titled Annex {letter_of(wanted)}, but it comes after Annex {letter_of(last)}"
                    " in reading order",
                    f"letter the annexes in the order of their 'order' fields, or drop the letter to get"
                    f" Annex {letter_of(number)}",
                )
        last = number
        out.append(_lettered(chapter, letter_of(number)))
    return out


def _lettered(chapter: Chapter, letter: str) -> Chapter:
    bare = bare_title(chapter.title)
    title = f"Annex {letter}: {bare}"
    segments = list(chapter.segments)
    first = segments[0] if segments else None
    if isinstance(first, Passage):
        segments[0] = dataclasses.replace(first, text=_retitled(first.text, bare, letter))
    return dataclasses.replace(chapter, letter=letter, title=title, segments=segments)


def _retitled(text: str, bare: str, letter: str) -> str:
    """Prose whose first line is a level-1 heading repeating the title, with the annex's letter in it."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        heading = _H1.match(line)
        if heading and (text := bare_title(heading.group("text"))) == bare:
            lines[index] = f"# Annex {letter}: {text}"
        break
    return "\n".join(lines)


def prints_in_full(view: View) -> str | None:
    """The generated annex a view prints in full (one of :data:`GENERATED_ANNEXES`, with no filter), or None."""
    return view.show if view.show in GENERATED_ANNEXES and not view.options else None


def generated_letters(chapters: list[Chapter]) -> dict[str, str]:
    """Each generated annex's letter (view name → letter), from the whole publication's lettered chapters.

    Those that an annex chapter prints in full take that chapter's letter; the others follow
    the last annex chapter, in the order of :data:`GENERATED_ANNEXES`.
    """
    letters: dict[str, str] = {}
    for chapter in chapters:
        if chapter.annex and chapter.letter:
            for segment in chapter.segments:
                if isinstance(segment, View) and (show := prints_in_full(segment)):
                    letters.setdefault(show, chapter.letter)
    last = max((number_of(c.letter) for c in chapters if c.annex and c.letter), default=0)
    for show in GENERATED_ANNEXES:
        if show not in letters:
            last += 1
            letters[show] = letter_of(last)
    return letters
