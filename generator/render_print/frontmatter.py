"""The printed document's own pages: the imprint (the back of the cover), the turn to the main
matter, and the back page.

A printed document is set as publishers set one. Its front matter (the cover, the imprint,
the contents and the chapters marked ``front_matter: true``, such as a foreword and an
executive summary) is numbered in lower-case roman numerals and its chapters are not
numbered; the main matter starts at page 1 with chapter 1. The footer reads "Page iv" in
the front matter and "Page 3 of 120" in the main matter, counting the main matter's pages
to its last (the back page and a blank page before it are not counted); the PDF's page
labels follow, since Typst sets them from each page's numbering. The back page closes
the document on an even page, so that a printer's sheets fold with it on the outside.

The PDF's pages are raw Typst, skipped by the DOCX and EPUB writers; those carry the same
identity as a short passage after their title block, in a div the Typst filter drops.
"""

from __future__ import annotations

from generator.model import Settings, Signature
from generator.render_print.markdown_escape import escape_markdown, raw_typst_block
from generator.words import DEFAULT, language, say

IMPRINT_PAGE = raw_typst_block("#charter-imprint-page()")
"""The PDF's page 2: its imprint at the foot of the page (see charter.typst)."""
IMPRINT_END = raw_typst_block("#charter-imprint-end()")
"""After what the imprint page holds above the imprint itself (a version history)."""
MAIN_MATTER = raw_typst_block(
    '#pagebreak(weak: true)\n#set page(numbering: "1")\n#counter(page).update(1)\n#set heading(numbering: "1.1")'
)
"""Before chapter 1: arabic page numbers from 1, and numbered headings (the front matter has neither)."""
LAST_PAGE = raw_typst_block("#metadata(none) <charter-last>")
"""At the end of the main matter, on its last page (inside a landscape page that ends it): the page count's end."""
BACK_PAGE = raw_typst_block("#charter-back-page()")
"""The document's last page."""
IMPRINT_STYLE = "Imprint"
"""The DOCX paragraph style of the imprint, by which the DOCX moves it before the contents (:mod:`.docx_toc`)."""
NOT_TYPST = "charter-not-typst"
"""The class of a div that the PDF leaves out (charter-tables.lua): it prints the same on pages of its own."""


def document_language(settings: Settings, lang: str | None = None) -> str:
    """The language a printed document is in: ``lang`` when the caller gives one, else the language
    Charter speaks when the build set one (:func:`generator.words.speaking`), else the publication's."""
    if lang:
        return lang
    spoken = language()
    return spoken if spoken != DEFAULT else settings.language or DEFAULT


def direction(settings: Settings, lang: str) -> str:
    """The direction a document in ``lang`` is set in (``languages:`` may set it)."""
    return settings.direction_for(lang)


def status_text(status: str) -> str:
    """A publication's status (one of PUBLICATION_STATUSES) as the cover prints it: 'Approved'."""
    words = {
        "draft": say("Draft"),
        "consultation": say("Consultation"),
        "approved": say("Approved"),
        "superseded": say("Superseded"),
    }
    return words.get(status, status.capitalize())


def identity_fields(settings: Settings) -> dict[str, str]:
    """The publication's identity as pandoc metadata fields (plain text; the caller escapes them)."""
    i = settings.imprint
    return {
        "issuer": settings.issuer,
        "reference": i.reference,
        "copyright": i.copyright,
        "licence": i.licence,
        "contact": i.contact,
        "alternative-formats": i.alternative_formats,
    }


def typst_string(text: str) -> str:
    """Text as the inside of a Typst string literal, on one line."""
    flat = " ".join(text.split())
    return flat.replace("\\", "\\\\").replace('"', '\\"')


def imprint_markdown(settings: Settings) -> str:
    """The identity for DOCX and EPUB, after the title block: issuer, reference, copyright, licence.

    A modest passage: the title block already names the title, edition, version and date.
    """
    i = settings.imprint
    lines = []
    if settings.issuer:
        lines.append(f"**{escape_markdown(settings.issuer)}**")
    if i.reference:
        lines.append(escape_markdown(say("Reference: {reference}", reference=i.reference)))
    if i.copyright:
        lines.append(escape_markdown(i.copyright))
    if i.licence:
        lines.append(escape_markdown(i.licence))
    if i.contact:
        lines.append(escape_markdown(say("Contact: {contact}", contact=i.contact)))
    if i.alternative_formats:
        lines.append(escape_markdown(i.alternative_formats))
    if not lines:
        return ""
    body = "\n\n".join(lines)
    return f'::: {{.charter-imprint .{NOT_TYPST} custom-style="{IMPRINT_STYLE}"}}\n{body}\n:::'


def signature_markdown(signature: Signature) -> str:
    """A signature as its own block in all three formats: a line block (each line kept), the name bold.

    The PDF sets it in ``charter-signature`` (kept on one page, ragged right, space above);
    DOCX and EPUB get the div's class (a custom style, a CSS class).
    """
    lines = signature.lines
    if not lines:
        return ""
    rows = [f"| **{escape_markdown(lines[0])}**", *(f"| {escape_markdown(line)}" for line in lines[1:])]
    return "::: {.charter-signature}\n" + "\n".join(rows) + "\n:::"
