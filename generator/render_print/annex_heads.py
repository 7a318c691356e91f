"""Annex headings in print: the model's letter, in every format.

The heading's text is the annex's title as the model gives it ("Annex C: Document
control"), which the DOCX and EPUB print as it is. For Typst, a raw block sets the heading
counter so that the annex is numbered with its own letter (its sections C.1, C.2, ...),
and ``themes/print/charter-annexes.lua`` takes the "Annex C:" off the text (the heading's
class ``annex-letter-C`` names the letter; the safety filter keeps classes only), since
the template's numbering prints it.
"""

from __future__ import annotations

from collections.abc import Callable

from generator.model import Chapter, View
from generator.render_print.links import page_of
from generator.render_print.markdown_escape import escape_markdown, raw_typst_block, raw_typst_inline
from generator.resolve import Publication
from generator.resolve.annexes import bare_title, generated_letters, number_of, prints_in_full

ANNEXES: list[tuple[str, str, str]] = [
    ("register", "Risk register", "The full register of the risks this strategy addresses."),
    ("actions", "Action plan", "Every action of the plan, with its lead, oversight committee and dates."),
    ("committees", "Terms of reference of the committees", "The terms of reference of every committee."),
    ("raci", "RACI matrix", "Who is responsible, accountable, consulted and informed for each action."),
]
"""The generated annexes every document ends with: view, title, introduction."""

_POINTERS = {
    "register": "The full register is in",
    "actions": "The full action plan is in",
    "committees": "The committees' full terms of reference are in",
    "raci": "The full RACI matrix is in",
}
"""How the line that stands in for an annex's table in a chapter begins, by view."""


def annex_heading(title: str, anchor: str, letter: str) -> str:
    """The Markdown of an annex's level-1 heading lettered ``letter``, with the Typst counter set for it."""
    counter = raw_typst_block(f"#counter(heading).update({number_of(letter) - 1})")
    text = f"Annex {letter}: {bare_title(title)}"
    return f"{counter}\n\n# {escape_markdown(text)} {{#{anchor} .annex .annex-letter-{letter}}}"


def annex_letters(publication: Publication) -> dict[str, str]:
    """The generated annexes' letters (view → letter), as the whole publication gave them."""
    return publication.annex_letters or generated_letters(publication.chapters)


def generated_title(show: str, letter: str) -> str:
    """A generated annex's title with its letter: "Annex E: Risk register"."""
    return f"Annex {letter}: {dict((s, t) for s, t, _i in ANNEXES)[show]}"


def annex_chapters(chapters: list[Chapter], anchor_of: Callable[[Chapter], str]) -> dict[str, tuple[str, str]]:
    """The generated annexes that an annex chapter of the document prints in full → that chapter's anchor and title."""
    return {
        show: (anchor_of(chapter), chapter.title)
        for chapter in chapters
        if chapter.annex
        for segment in chapter.segments
        if isinstance(segment, View) and (show := prints_in_full(segment))
    }


def annex_pointer(show: str, anchor: str, title: str) -> str:
    """The line a chapter prints where it shows an annex's table in full: "The full register is in Annex E: Risk
    register (page 64)." The page number is raw Typst: DOCX and EPUB, which have no page numbers, link the title."""
    page = raw_typst_inline(f"~(page~{page_of(anchor)})")
    return f"{_POINTERS[show]} [{escape_markdown(title)}](#{anchor}){page}."
