"""The DOCX table of contents, written with its entries in it.

pandoc's ``--toc`` writes an empty TOC field: Word fills it only when its fields are
updated, and LibreOffice shows nothing. This writes the field's result too: one paragraph
per heading of level 1 and 2, in Word's ``toc 1`` and ``toc 2`` styles, each a link to
the bookmark pandoc put on its heading, between the field's ``separate`` and ``end``, so
Word can still update it (and add the page numbers, which only a layout knows).
"""

from __future__ import annotations

import re
from html import unescape
from xml.sax.saxutils import escape

_TOC_FIELD = re.compile(
    r'(<w:p><w:r><w:fldChar w:fldCharType="begin"[^>]*/><w:instrText xml:space="preserve">TOC [^<]*</w:instrText>'
    r'<w:fldChar w:fldCharType="separate" /><w:fldChar w:fldCharType="end" /></w:r></w:p>)'
)
_HEADING = re.compile(
    r'<w:bookmarkStart w:id="[^"]*" w:name="(?P<mark>[^"]*)" />\s*'
    r'<w:p><w:pPr><w:pStyle w:val="Heading(?P<level>[12])" />.*?</w:pPr>(?P<runs>.*?)</w:p>',
    re.DOTALL,
)
_TEXT = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>|<w:tab ?/>")


def fill_toc(xml: str) -> str:
    """``document.xml`` with pandoc's empty TOC field holding an entry for each heading after it."""
    field = _TOC_FIELD.search(xml)
    if field is None:
        return xml
    entries = [
        (int(found.group("level")), found.group("mark"), text)
        for found in _HEADING.finditer(xml, field.end())
        if (text := heading_text(found.group("runs")))
    ]
    if not entries:
        return xml
    instruction = re.search(r"<w:instrText.*?</w:instrText>", field.group(1))
    assert instruction is not None
    begin = (
        '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true" /></w:r>'
        f"<w:r>{instruction.group(0)}</w:r>"
        '<w:r><w:fldChar w:fldCharType="separate" /></w:r>'
    )
    paragraphs = [
        f'<w:p><w:pPr><w:pStyle w:val="TOC{level}" /></w:pPr>{begin if index == 0 else ""}'
        f'<w:hyperlink w:anchor="{mark}" w:history="1"><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
        "</w:hyperlink></w:p>"
        for index, (level, mark, text) in enumerate(entries)
    ]
    paragraphs.append('<w:p><w:r><w:fldChar w:fldCharType="end" /></w:r></w:p>')
    return xml[: field.start()] + "".join(paragraphs) + xml[field.end() :]


def heading_text(runs: str) -> str:
    """The plain text of a heading paragraph's runs (footnote references and bookmarks left out)."""
    runs = re.sub(r"<w:r>(?:(?!</w:r>).)*?<w:footnoteReference[^>]*/>.*?</w:r>", "", runs, flags=re.DOTALL)
    parts = [unescape(m.group(1)) if m.group(1) is not None else " " for m in _TEXT.finditer(runs)]
    return " ".join("".join(parts).split())


_CONTENTS = re.compile(
    r"<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val=\"Table of Contents\" />.*?</w:sdt>", re.DOTALL
)
_PAGE_BREAK_BEFORE = "<w:pageBreakBefore />"


def imprint_before_contents(xml: str, style: str) -> str:
    """``document.xml`` with the imprint's paragraphs (in ``style``) on the page before the contents."""
    contents = _CONTENTS.search(xml)
    if contents is None:
        return xml
    imprint = re.compile(rf'\s*<w:p><w:pPr><w:pStyle w:val="{re.escape(style)}" />.*?</w:p>', re.DOTALL)
    end = contents.end()
    paragraphs: list[str] = []
    while found := imprint.match(xml, end):
        paragraphs.append(found.group(0).strip())
        end = found.end()
    if not paragraphs:
        return xml
    style_tag = f'<w:pStyle w:val="{style}" />'
    paragraphs[0] = paragraphs[0].replace(style_tag, style_tag + _PAGE_BREAK_BEFORE, 1)
    heading = '<w:pStyle w:val="TOCHeading" />'
    moved = contents.group(0).replace(heading, heading + _PAGE_BREAK_BEFORE, 1)
    return xml[: contents.start()] + "\n".join(paragraphs) + "\n" + moved + xml[end:]
