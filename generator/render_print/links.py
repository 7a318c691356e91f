"""Cross-references in print: where each entity is anchored, and how a link to it reads.

An entity is anchored once per document: where its data block stands, or, when the
document does not carry that chapter, at its row in a generated table (the register
annex). A link to an entity with no anchor in the document is plain text, never a
broken link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.model import Entity
from generator.model.kinds import kind_of
from generator.render_print.markdown_escape import escape_markdown, raw_typst_inline, typst_label, typst_words
from generator.words import say

_ASCII_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
"""An ID as every kind but an acronym writes it."""


def anchor_name(entity_id: str) -> str:
    """The document-wide anchor of an entity: ``E-R-PIR-01``.

    The ``E-`` prefix keeps it apart from pandoc's heading identifiers, which are always
    lower case. An acronym may be written in any script ('ΓΚΑ', 'P&I'), and a Typst label,
    a DOCX bookmark and an EPUB id each allow other characters: its anchor is then ``U-``
    and the hex code of each character ('U-393-39a-391'), which no ASCII ID's anchor can be.
    """
    if _ASCII_ID.fullmatch(entity_id):
        return f"E-{entity_id}"
    return "U-" + "-".join(f"{ord(char):x}" for char in entity_id)


def id_markdown(entity_id: str, *, anchor: str | None = None) -> str:
    """An entity ID as one unbreakable unit, linked to ``anchor`` when given.

    Typst gets a ``box`` (no line break inside it); the EPUB a span that its stylesheet
    keeps on one line (``.charter-id``); the DOCX the same span, whose hyphens the safety
    filter turns into non-breaking hyphens (U+2011), since Word has no style that keeps a
    run on one line. The PDF's and the EPUB's text still reads the ID as written.
    """
    span = f"[{escape_markdown(entity_id)}]{{.charter-id}}"
    inner = f"[{span}](#{anchor})" if anchor else span
    return f"{raw_typst_inline('#box[')}{inner}{raw_typst_inline(']')}"


def page_of(anchor: str) -> str:
    """Typst code for the number of the page an anchor is printed on, as its footer gives it (vii, 42)."""
    return f"#charter-page-of({typst_label(anchor)})"


def page_text(anchor: str, *, short: bool = True) -> str:
    """Typst markup for "p. 43" (``short``) or "page 43", in the current language, its spaces unbreakable."""
    words = say("p. {page}", page="\x00") if short else say("page {page}", page="\x00")
    before, _, after = words.partition("\x00")
    return typst_words(before) + page_of(anchor) + typst_words(after)


def see_page(anchor: str) -> str:
    """ " (p. 43)" after a link, as raw Typst: DOCX and EPUB, which have no page numbers, show nothing."""
    return raw_typst_inline(f"~({page_text(anchor)})")


@dataclass
class Anchors:
    """The anchors of one document: which entities can be linked, and where each is placed."""

    entities: dict[str, Entity]
    public_names: dict[str, str] = field(default_factory=dict)
    """Entity ID → the public name a reference to an entity the edition leaves out reads as (plain text)."""
    defined: set[str] = field(default_factory=set)
    """Entity IDs anchored at their data block."""
    by_row: set[str] = field(default_factory=set)
    """Entity IDs anchored at a generated table row, because their block is not printed."""
    placed: set[str] = field(default_factory=set)
    """Anchors already written while emitting the document (each is written once)."""

    def has(self, entity_id: str) -> bool:
        """Whether the document carries an anchor for the entity."""
        return entity_id in self.defined or entity_id in self.by_row

    def place(self, entity_id: str) -> str:
        """The Markdown of the entity's anchor, once; an empty string after that.

        DOCX and EPUB take the empty span's identifier as a bookmark. pandoc's Typst
        writer turns it into a bare label, which attaches to the element before it: the
        raw ``#metadata(none)``, a locatable element that prints nothing.
        """
        if entity_id in self.placed:
            return ""
        self.placed.add(entity_id)
        return f"{raw_typst_inline('#metadata(none)')}[]{{#{anchor_name(entity_id)}}}"

    def link(self, text_markdown: str, entity_id: str) -> str:
        """A link with already-escaped text; plain text when the entity is not in the document."""
        if not self.has(entity_id):
            return text_markdown
        return f"[{text_markdown}](#{anchor_name(entity_id)})"

    def id_link(self, entity_id: str) -> str:
        """A link shown by the entity's ID; in the PDF the ID never breaks at its hyphens."""
        return id_markdown(entity_id, anchor=anchor_name(entity_id) if self.has(entity_id) else None)

    def prose_ref(self, entity_id: str, own_words: str | None, nested: bool = False) -> str:
        """A ``[[ID]]`` or ``[[ID|words]]`` reference as it reads in print.

        ``[[R-PIR-01]]`` reads "Armed robbery … (R-PIR-01, p. 43)": the page number is
        raw Typst, so DOCX and EPUB show "(R-PIR-01)" with a plain internal link. A
        reference already inside parentheses (``nested``) adds none: "(Armed robbery …,
        R-PIR-01, p. 43)", never "(… (R-PIR-01, p. 43))".
        """
        entity = self.entities.get(entity_id)
        if entity is None:
            if entity_id in self.public_names:  # left out of the edition: its public name, unlinked
                return escape_markdown(self.public_names[entity_id])
            # the resolver rejects these; keep the author's words if one slips through
            return own_words if own_words is not None else escape_markdown(entity_id)
        text = own_words if own_words is not None else escape_markdown(entity.title)
        if not self.has(entity_id):
            return text
        linked = self.link(text, entity_id)
        anchor = anchor_name(entity_id)
        if kind_of(entity).cited_by_id and own_words is None:  # readers cite it by its ID ('R-PIR-01')
            cited = f"{id_markdown(entity.id)}{raw_typst_inline(', ' + page_text(anchor))}"
            return f"{linked}, {cited}" if nested else f"{linked} ({cited})"
        if nested:
            return f"{linked}{raw_typst_inline(', ' + page_text(anchor))}"
        return f"{linked}{see_page(anchor)}"
