"""Reading HTML, XHTML, SVG, WordprocessingML and other XML into spans.

In HTML and SVG every element is a boundary except the inline ones (``<em>``, ``<a>``,
``<span>``, ``<tspan>`` ...); in WordprocessingML a ``<w:p>``, ``<w:tc>``, ``<w:tr>`` or other
block is, and runs inside it join; in other XML every element is. Attribute values,
comments and the bodies of ``<script>`` and ``<style>`` are spans of their own.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.output_text.normalise import INNER
from generator.output_text.span import Span

_TAG_BODY = r"""(?:[^>"']|"[^"]*"|'[^']*')*"""
_TOKEN = re.compile(
    r"<!--(.*?)(?:-->|\Z)"  # 1: a comment
    r"|<!\[CDATA\[(.*?)(?:\]\]>|\Z)"  # 2: character data
    r"|<((?i:script|style))\b((?:[^>\"'/]|/(?!>)|\"[^\"]*\"|'[^']*')*)>(.*?)(?:</\3\s*>|\Z)"  # 3-5: raw text
    rf"|<(/?)([A-Za-z][\w:.-]*)({_TAG_BODY})>"  # 6-8: a tag
    r"|<[!?][^>]*>",  # a declaration or processing instruction
    re.DOTALL,
)
_QUIET = (
    r"class|id|style|d|[xy]\d?|d[xy]|c[xy]|r[xy]?|width|height|viewbox|fill|stroke(?:-[\w-]+)?|transform|"
    r"points|xmlns(?::[\w.-]+)?|w:rsid\w*|w14:\w+|tabindex|dir|lang|xml:lang|role|type|rel|colspan|rowspan|"
    r"scope|aria-hidden|version|encoding|standalone|w:w|w:type|w:fill|w:color|w:sz|w:space"
)
_ATTRIBUTE = re.compile(
    rf"""(?<=[\s"'])(?!(?:{_QUIET})\s*=)([^\s=/>"']+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""",
    re.IGNORECASE,
)
"""Attributes that hold layout, never words: skipped to keep the check fast."""

_INLINE_NAMES = (
    "a abbr b bdi bdo big br cite code data del dfn em font i img ins kbd label mark nobr q s samp small "
    "span strike strong sub sup time tt u var wbr tspan textpath"
)
HTML_INLINE = frozenset(_INLINE_NAMES.split())
"""HTML and SVG elements that sit inside a line of text; every other element ends a span."""
_WORD_BLOCK_NAMES = (
    "w:p w:tc w:tr w:tbl w:body w:hdr w:ftr w:footnote w:endnote w:comment w:txbxcontent w:sdtcontent "
    "w:document w:footnotes w:endnotes w:comments w:docpartbody w:instrtext w:fldsimple"
)
WORD_BLOCKS = frozenset(_WORD_BLOCK_NAMES.split())
"""WordprocessingML elements that end a span; runs and their properties inside a paragraph join."""
_SPACE_ELEMENTS = frozenset({"br", "w:br", "w:cr", "w:tab"})
_VOID_NAMES = "area base br col embed hr img input link meta source track wbr"
_VOID = frozenset(_VOID_NAMES.split())
"""HTML elements that have no end tag: they hold no text."""


def dialect_of(name: str) -> str:
    """The markup dialect of a file or member by its name: ``word``, ``xml`` or ``html``."""
    base = name.rsplit("!", 1)[-1].lower()
    if base.startswith("word/") and base.endswith(".xml"):
        return "word"
    if Path(base).suffix in (".xml", ".opf", ".ncx", ".rels", ".xsl"):
        return "xml"
    return "html"


def markup_spans(text: str, member: str = "", *, dialect: str = "html") -> list[Span]:
    """The spans of HTML, SVG or XML text: blocks of text, attribute values, comments, scripts."""
    spans: list[Span] = []
    pieces: list[str] = []
    start = -1  # where the span being read began; -1 between spans
    open_elements: list[str] = []  # the boundary elements the text stands in, innermost last
    position = 0
    word = dialect == "word"
    inline = HTML_INLINE if dialect == "html" else frozenset()
    for match in _TOKEN.finditer(text):
        at = match.start()
        if at > position:
            piece = text[position:at]
            if start < 0 and not piece.isspace():
                start = position
            if start >= 0:
                pieces.append(piece)
        position = match.end()
        comment, cdata, raw, raw_attrs, body, close, tag, attrs = match.groups()
        if tag is not None:
            name = tag.lower()
            if name in _SPACE_ELEMENTS:
                if start >= 0:
                    pieces.append(" ")
                boundary = False
            else:
                boundary = name in WORD_BLOCKS if word else name not in inline
        else:
            boundary = True
            tag, attrs = raw, raw_attrs
        if boundary and start >= 0:
            joined = "".join(pieces)
            if not joined.isspace():
                spans.append(Span(joined, f"<{open_elements[-1]}>" if open_elements else "", member, start))
            pieces.clear()
            start = -1
        if tag is not None:
            if boundary and raw is None:
                if close:
                    lowered = [e.lower() for e in open_elements]
                    if name in lowered:
                        del open_elements[len(lowered) - 1 - lowered[::-1].index(name) :]
                elif name not in _VOID and not attrs.rstrip().endswith("/"):
                    open_elements.append(tag)
            if attrs and "=" in attrs:
                base = match.start(8) if raw is None else match.start(4)
                for attribute in _ATTRIBUTE.finditer(attrs):
                    value = next((v for v in attribute.group(2, 3, 4) if v is not None), "")
                    if value and not value.isspace():
                        label = f"{attribute.group(1)} of <{tag}>"
                        spans.append(Span(value, label, member, base + attribute.start()))
        inner = comment if comment is not None else cdata if cdata is not None else body
        if inner and not inner.isspace():
            label = "<!-- -->" if comment is not None else "CDATA" if cdata is not None else f"<{raw}>"
            spans.append(Span(inner, label, member, match.start(1 if comment is not None else 2 if raw is None else 5)))
    if position < len(text):
        piece = text[position:]
        if start < 0 and not piece.isspace():
            start = position
        if start >= 0:
            pieces.append(piece)
    if start >= 0:
        spans.append(Span("".join(pieces), f"<{open_elements[-1]}>" if open_elements else "", member, start))
    return spans


_OPAQUE = re.compile(
    r"<!--(.*?)(?:-->|\Z)|<!\[CDATA\[(.*?)(?:\]\]>|\Z)"
    r"|<((?i:script|style))\b(?:[^>\"'/]|/(?!>)|\"[^\"]*\"|'[^']*')*>(.*?)(?:</\3\s*>|\Z)",
    re.DOTALL,
)
_SPACE_TAG = re.compile(rf"<(?i:br|w:br|w:cr|w:tab)(?=[\s/>]){_TAG_BODY}>")
_INLINE_TAG = re.compile(rf"</?(?i:{'|'.join(sorted(HTML_INLINE, key=len, reverse=True))})(?=[\s/>]){_TAG_BODY}>")
_WORD_BLOCK_TAG = re.compile(rf"</?(?i:{'|'.join(sorted(WORD_BLOCKS, key=len, reverse=True))})(?=[\s/>]){_TAG_BODY}>")
_ANY_TAG = re.compile(rf"</?[A-Za-z][\w:.-]*{_TAG_BODY}>|<[!?][^>]*>")
_TAG_ATTRIBUTES = re.compile(rf"<[A-Za-z][\w:.-]*(\s{_TAG_BODY}=[^>]*)>")


def fast_markup(text: str, dialect: str = "html") -> str:
    """The text :func:`markup_spans` reads, in one string with :data:`INNER` between blocks.

    The same rules in a few regular-expression passes instead of a loop over every tag:
    the leak check searches this, and asks :func:`markup_spans` where a hit stands only
    when there is one.
    """
    extras: list[str] = []

    def opaque(match: re.Match[str]) -> str:
        extras.append(match.group(1) or match.group(2) or match.group(4) or "")
        return INNER

    text = _OPAQUE.sub(opaque, text) if "<!" in text or "<s" in text or "<S" in text else text
    attributes = " ".join(_TAG_ATTRIBUTES.findall(text))
    extras += [a or b or c for _, a, b, c in _ATTRIBUTE.findall(attributes)]
    text = _SPACE_TAG.sub(" ", text)
    if dialect == "html":
        text = _ANY_TAG.sub(INNER, _INLINE_TAG.sub("", text))
    elif dialect == "word":
        text = _ANY_TAG.sub("", _WORD_BLOCK_TAG.sub(INNER, text))
    else:
        text = _ANY_TAG.sub(INNER, text)
    return INNER.join([text, *extras])
