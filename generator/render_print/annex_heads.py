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
from generator.render_print.links import page_text
from generator.render_print.markdown_escape import escape_markdown, raw_typst_block, raw_typst_inline
from generator.resolve import Publication
from generator.resolve.annexes import bare_title, generated_letters, number_of, prints_in_full
from generator.words import say


def generated_annexes() -> list[tuple[str, str, str]]:
    """The generated annexes every document ends with, in the current language: view, title, introduction."""
    return [
        ("register", say("Risk register"), say("The full register of the risks this strategy addresses.")),
        (
            "actions",
            say("Action plan"),
            say("Every action of the plan, with its lead, oversight committee and dates."),
        ),
        ("committees", say("Terms of reference of the committees"), say("The terms of reference of every committee.")),
        ("raci", say("RACI matrix"), say("Who is responsible, accountable, consulted and informed for each action.")),
    ]


def _pointer(show: str, title: str) -> str:
    """The line that stands in for an annex's table in a chapter, by view, before its page number."""
    if show == "register":
        return say("The full register is in {annex}", annex=title)
    if show == "actions":
        return say("The full action plan is in {annex}", annex=title)
    if show == "committees":
        return say("The committees' full terms of reference are in {annex}", annex=title)
    return say("The full RACI matrix is in {annex}", annex=title)


def annex_heading(title: str, anchor: str, letter: str) -> str:
    """The Markdown of an annex's level-1 heading lettered ``letter``, with the Typst counter set for it."""
    counter = raw_typst_block(f"#counter(heading).update({number_of(letter) - 1})")
    text = annex_title(letter, title)
    return f"{counter}\n\n# {escape_markdown(text)} {{#{anchor} .annex .annex-letter-{letter}}}"


def annex_letters(publication: Publication) -> dict[str, str]:
    """The generated annexes' letters (view → letter), as the whole publication gave them."""
    return publication.annex_letters or generated_letters(publication.chapters)


def annex_title(letter: str, title: str) -> str:
    """An annex's title with its letter, in the current language: "Annex E: Risk register"."""
    return say("Annex {letter}: {title}", letter=letter, title=bare_title(title))


def generated_title(show: str, letter: str) -> str:
    """A generated annex's title with its letter: "Annex E: Risk register"."""
    return annex_title(letter, {s: t for s, t, _i in generated_annexes()}[show])


def annex_chapters(chapters: list[Chapter], anchor_of: Callable[[Chapter], str]) -> dict[str, tuple[str, str]]:
    """The generated annexes that an annex chapter of the document prints in full → that chapter's anchor and title."""
    return {
        show: (anchor_of(chapter), annex_title(chapter.letter, chapter.title) if chapter.letter else chapter.title)
        for chapter in chapters
        if chapter.annex
        for segment in chapter.segments
        if isinstance(segment, View) and (show := prints_in_full(segment))
    }


def annex_pointer(show: str, anchor: str, title: str) -> str:
    """The line a chapter prints where it shows an annex's table in full: "The full register is in Annex E: Risk
    register (page 64)." The page number is raw Typst: DOCX and EPUB, which have no page numbers, link the title."""
    page = raw_typst_inline(f"~({page_text(anchor, short=False)})")
    line = _pointer(show, "\x00")  # the title is a link: the message is split around it
    before, _, after = line.partition("\x00")
    link = f"[{escape_markdown(title)}](#{anchor})"
    return f"{escape_markdown(before, strip=False)}{link}{page}{escape_markdown(after, strip=False)}."
