"""Annex headings in print: the model's letter, in every format.

The heading's text is the annex's title as the model gives it ("Annex C: Document
control"), which the DOCX and EPUB print as it is. For Typst, a raw block sets the heading
counter so that the annex is numbered with its own letter (its sections C.1, C.2, ...),
and ``themes/print/charter-annexes.lua`` takes the "Annex C:" off the text (the heading's
class ``annex-letter-C`` names the letter; the safety filter keeps classes only), since
the template's numbering prints it.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.model import Chapter
from generator.render_print.markdown_escape import escape_markdown, raw_typst_block
from generator.resolve.annexes import bare_title, letter_of, number_of


def annex_heading(title: str, anchor: str, letter: str) -> str:
    """The Markdown of an annex's level-1 heading lettered ``letter``, with the Typst counter set for it."""
    counter = raw_typst_block(f"#counter(heading).update({number_of(letter) - 1})")
    text = f"Annex {letter}: {bare_title(title)}"
    return f"{counter}\n\n# {escape_markdown(text)} {{#{anchor} .annex .annex-letter-{letter}}}"


def next_letters(chapters: list[Chapter]) -> Iterator[str]:
    """The letters of the generated annexes: those after the last annex chapter's."""
    last = max((number_of(c.letter) for c in chapters if c.annex and c.letter), default=0)
    number = last
    while True:
        number += 1
        yield letter_of(number)
