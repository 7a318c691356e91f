"""The text an output file carries, cut into spans that no restricted text can run across.

The leak check looks for restricted texts in every built file. To find them where the
output changed their form, and only there, each file is read by what its bytes are (not
by its name) into *spans*: the text of one block of the output, one table cell, one
attribute value, one PDF text block. Two adjacent table cells, "... grid" and
"Sabotage ...", are two spans, so a restricted heading "Grid sabotage" is not found
across them. Every span is normalised with :func:`normalise`, the same function the
restricted texts go through, and the spans of a file are joined by :data:`BOUNDARY`, a
character no normalised text holds.

- HTML, XHTML and SVG: every element is a boundary except the inline ones (``<em>``,
  ``<a>``, ``<span>``, ``<tspan>`` ...). Attribute values, comments and the bodies of
  ``<script>`` and ``<style>`` are spans of their own.
- DOCX: a ``<w:p>``, ``<w:tc>``, ``<w:tr>`` or other block of WordprocessingML is a span;
  runs inside it join. Other XML (the DOCX's properties, the EPUB's package, the sitemap):
  every element is a boundary.
- ZIP (DOCX, EPUB) and gzip files: each member, by the same rules.
- JSON (the search index): each string value, read as HTML.
- PDF: poppler's ``pdftotext -bbox-layout`` gives every word with its box. Words join
  while they follow on one line at a word space and lines follow at the paragraph's
  leading; a wider gap (the padding between two table cells, across a row or down a
  column) is a boundary, and so is each block and page. A table row therefore never
  joins its cells, while a sentence wrapped over lines still reads as one. The PDF's own
  strings (its outline, metadata and alternative texts) are spans too. Without poppler,
  pypdf reads each page as one span: as strict, but it can report text across cells.
- Every file, whatever it is, is also read byte for byte (UTF-8) as one span, so an image
  or font that is really a copy of a restricted chapter is caught. Compressed data
  (PNG, fonts) is not unpacked: its bytes are searched as they are.
"""

from __future__ import annotations

import gzip
import html
import io
import json
import re
import shutil
import subprocess
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

BOUNDARY = "\x00"
"""Stands between two spans of a file: no normalised text holds it, so none is found across it."""
INNER = "\x02"
"""Stands between two blocks inside a span read fast (see :func:`fast_markup`): a boundary as well."""

# -- normalisation -------------------------------------------------------------------------------

_QUOTES = "\"'`´‘’‚‛“”„‟′″‹›«»"
_DASHES = "-‐‑‒–—―−⁃"
_REMOVED = "\u00ad\u200b\u200c\u200d\u2060\ufeff"  # soft hyphen and zero-width characters
_REPLACEMENTS = (
    *((ch, "'") for ch in _QUOTES if ch != "`"),
    *((ch, "-") for ch in _DASHES if ch != "-"),
    *((ch, "") for ch in _REMOVED),
    *((ch, "") for ch in "*`#>[]\\"),  # Markdown's emphasis, code, heading, quote, link and escape marks
    ("_", " "),
    ("|", INNER),  # a table cell in Markdown source
)
"""Characters the outputs change, and Markdown's marks: one ``str.replace`` each is ten times
faster than ``str.translate`` on the megabytes of a site."""
_SPACES = re.compile(r"[^\S\x00]{2,}|[^\S \x00]")  # only what is not already one plain space
_DASH_RUN = re.compile(r"-{2,}")


def normalise(text: str) -> str:
    """Text as the leak check compares it, the same for restricted texts and for outputs.

    Compatibility forms fold (NFKC: ligatures, no-break and thin spaces, the ellipsis
    character), every quote becomes ``'`` and every dash ``-`` (pandoc and Typst turn
    ``"`` into curly quotes and ``--`` into an en dash), soft hyphens and zero-width
    characters go, Markdown's marks go, spaces collapse and case folds.
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    for old, new in _REPLACEMENTS:
        if old in text:
            text = text.replace(old, new)
    return _SPACES.sub(" ", _DASH_RUN.sub("-", text)).casefold()


# -- spans ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Span:
    """One run of an output's text that a restricted text cannot run across."""

    text: str
    """The text as it stands in the output (entities not yet decoded)."""
    element: str
    """What holds it: ``<td>``, ``alt of <img>``, ``page 3``, ``docs[4].text <p>``."""
    member: str = ""
    """The part of a container it is in (``word/document.xml``, ``EPUB/text/ch001.xhtml``), or ''."""
    offset: int | None = None
    """Where it starts in the member's (or file's) decoded text, when that is known."""
    markup: str = ""
    """For a whole markup file read fast, its dialect: its blocks are found only for a hit."""


@dataclass
class OutputText:
    """A file's spans, normalised and joined by :data:`BOUNDARY`, and how to say where a hit is."""

    text: str
    spans: list[Span]
    sources: dict[str, str] = field(default_factory=dict)
    """Each member's decoded text (the file's own under ''), to turn an offset into a byte."""

    def where(self, position: int, needle: str = "") -> str:
        """Where in the output the normalised text at ``position`` stands, as a phrase.

        ``in <td> near byte 10432``, ``on page 12``, ``in word/document.xml <w:p> near byte 880``,
        ``near byte 57`` (a file read byte for byte).
        """
        span = self.spans[self.text.count(BOUNDARY, 0, position)]
        if span.markup:
            source = self.sources.get(span.member, "")
            block = next(
                (s for s in markup_spans(source, span.member, dialect=span.markup) if needle in _clean(s.text)), None
            )
            span = block or Span("", "", span.member)
        words = [f"in {span.member}"] if span.member else []
        if span.element.startswith("page "):
            words.append(f"on {span.element}")
        elif span.element:
            words.append(span.element if words else f"in {span.element}")
        text = self.sources.get(span.member)
        if span.offset is not None and text is not None:
            offset = _refine(text, span.offset, needle) if needle else span.offset
            words.append(f"near byte {len(text[:offset].encode('utf-8', 'surrogateescape'))}")
        return " ".join(words)


def _refine(source: str, start: int, needle: str) -> int:
    """The offset in ``source`` (from ``start``) where the normalised ``needle`` begins, roughly.

    Only a hit needs it, so a loose pattern (the needle's letters, anything between) is fine.
    """
    letters = [re.escape(ch) for ch in needle if ch.isalnum()]
    if not letters:
        return start
    pattern = re.compile(r"[\W_]*".join(letters[:40]), re.IGNORECASE)
    match = pattern.search(source, start)
    return match.start() if match else start


def read_output(path: Path) -> OutputText:
    """Every span of an output file, read by what its bytes are."""
    data = path.read_bytes()
    spans: list[Span] = []
    sources: dict[str, str] = {}
    _read(data, path.name, "", spans, sources, depth=0)
    joined = BOUNDARY.join(span.text.replace(BOUNDARY, "\x01") for span in spans)
    return OutputText(_clean(joined), spans, sources)


def _clean(text: str) -> str:
    """Output text as compared: character references decoded, then normalised."""
    return normalise(html.unescape(text) if "&" in text else text)


def output_text(path: Path) -> str:
    """The readable text of an output file, normalised, its spans joined by :data:`BOUNDARY`."""
    return read_output(path).text


_MARKUP_SUFFIXES = {".html", ".htm", ".xhtml", ".svg", ".xml", ".opf", ".ncx", ".rels", ".xsl", ".mml"}
_JSON_SUFFIXES = {".json", ".map", ".webmanifest"}
_MAX_DEPTH = 3  # a zip inside a zip inside a zip is as deep as any real output goes


def _read(data: bytes, name: str, member: str, spans: list[Span], sources: dict[str, str], depth: int) -> None:
    """Spans of one file or member; ``member`` names it inside its container ('' for the file itself)."""
    suffix = Path(name).suffix.lower()
    if depth < _MAX_DEPTH and data.startswith(b"\x1f\x8b"):
        try:
            inner = gzip.decompress(data)
        except (OSError, EOFError):
            inner = b""
        if inner:
            inner_name = name.removesuffix(".gz").removesuffix(".GZ")
            _read(inner, inner_name, f"{member}!{inner_name}" if member else inner_name, spans, sources, depth + 1)
    elif depth < _MAX_DEPTH and data.startswith(b"PK\x03\x04"):
        _read_zip(data, member, spans, sources, depth)
    elif data.startswith(b"%PDF-"):
        spans.extend(_pdf_spans(data, member))
    else:
        text = data.decode("utf-8", "surrogateescape")
        if suffix in _JSON_SUFFIXES or (suffix not in _MARKUP_SUFFIXES and text.lstrip()[:1] in ("{", "[")):
            if _read_json(text, member, spans):
                return  # every key and string is a span: the raw bytes hold nothing more
        elif suffix in _MARKUP_SUFFIXES or text.lstrip("\ufeff \t\r\n")[:1] == "<":
            # Markup is read whole: its text, attribute values, comments and scripts are all spans.
            sources[member] = text
            dialect = _dialect(member or name)
            spans.append(Span(fast_markup(text, dialect), "", member, 0, markup=dialect))
            return
    # Every other byte, read as it is: whatever the structured reading above understood or not.
    sources[member] = data.decode("utf-8", "surrogateescape")
    spans.append(Span(sources[member], "", member, 0))


def _read_zip(data: bytes, member: str, spans: list[Span], sources: dict[str, str], depth: int) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in archive.infolist():
                if info.is_dir():
                    continue
                name = f"{member}!{info.filename}" if member else info.filename
                _read(archive.read(info), info.filename, name, spans, sources, depth + 1)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError):
        return  # not a readable archive: its bytes are still read as they are


def _read_json(text: str, member: str, spans: list[Span]) -> bool:
    """The spans of a JSON text: each key and string; False if it is not JSON after all."""
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return False
    for key_path, string in _json_strings(value, ""):
        if "<" not in string:
            spans.append(Span(string, key_path, member))
            continue
        for span in markup_spans(string, member, dialect="html"):
            spans.append(Span(span.text, f"{key_path} {span.element}".strip(), member, None))
    return True


def _json_strings(value: object, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield path or key, key  # keys are text too
            yield from _json_strings(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _json_strings(item, f"{path}[{index}]")


# -- markup ---------------------------------------------------------------------------------------

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


def _dialect(name: str) -> str:
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


def _is_boundary(name: str, dialect: str) -> bool:
    if dialect == "html":
        return name not in HTML_INLINE
    if dialect == "word":
        return name in WORD_BLOCKS
    return True


# -- PDF ------------------------------------------------------------------------------------------

_BBOX = re.compile(
    r"<page |<block |<line |<title>([^<]*)</title>|<meta name=\"[^\"]*\" content=\"([^\"]*)\""
    r"|<word xMin=\"([\d.]+)\" yMin=\"([\d.]+)\" xMax=\"([\d.]+)\" yMax=\"([\d.]+)\">([^<]*)</word>"
)
WORD_GAP = 0.5
"""A gap between two words of a line wider than this many line heights is a boundary: a word
space is 0.2 to 0.3 of the line's height, two table cells side by side stand 0.8 or more apart
(twice Charter's cell padding)."""
LINE_GAP = 0.18
"""A gap between two lines of a block taller than this many line heights is a boundary: a
paragraph's lines stand 0.1 to 0.13 apart, the rows of a table 0.24 or more (the sample's
PDF, Typst's default leading and Charter's table padding)."""


def _pdf_spans(data: bytes, member: str) -> list[Span]:
    text = _pdftotext_bbox(data)
    spans = _bbox_spans(text, member) if text is not None else _pypdf_pages(data, member)
    for string in _pdf_strings(data):
        if string.lstrip("\ufeff \t\r\n").startswith("<"):  # the XMP metadata
            spans.extend(Span(s.text, f"PDF metadata {s.element}", member) for s in markup_spans(string, dialect="xml"))
        else:
            spans.append(Span(string, "a PDF string (outline, metadata or alternative text)", member))
    return spans


def _pdftotext_bbox(data: bytes) -> str | None:
    """Every word of the PDF with its box, from poppler's pdftotext, or None without poppler."""
    if shutil.which("pdftotext") is None:
        return None
    try:
        result = subprocess.run(
            ["pdftotext", "-bbox-layout", "-enc", "UTF-8", "-", "-"],
            input=data,
            capture_output=True,
            timeout=120,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.decode("utf-8", "replace") if result.returncode == 0 else None


def _bbox_spans(text: str, member: str) -> list[Span]:
    """Spans from pdftotext's word boxes: words join at a word space, lines at a paragraph's leading."""
    spans: list[Span] = []
    words: list[str] = []
    page = 0
    previous: tuple[float, float, float, float] | None = None  # the last word's box
    line_box: tuple[float, float] | None = None  # the last line's top and bottom
    new_line = False

    def flush() -> None:
        if words:
            joined = " ".join(words)
            spans.append(Span(_join_hyphens(joined, keep=False), f"page {page}", member))
            if "-\n" in joined:
                spans.append(Span(_join_hyphens(joined, keep=True), f"page {page}", member))
            words.clear()

    for match in _BBOX.finditer(text):
        token = match.group(0)
        if token.startswith("<page"):
            flush()
            page += 1
            previous = line_box = None
        elif token.startswith("<block"):
            flush()
            previous = line_box = None
        elif token.startswith("<line"):
            new_line = True
        elif match.group(1) is not None or match.group(2) is not None:
            spans.append(Span(match.group(1) or match.group(2) or "", "PDF metadata", member))
        else:
            x0, y0, x1, y1 = (float(match.group(i)) for i in range(3, 7))
            height = max(y1 - y0, 1.0)
            if previous is not None and not new_line and x0 - previous[2] > WORD_GAP * height:
                flush()
            elif new_line and line_box is not None:
                if y0 - line_box[1] > LINE_GAP * height:
                    flush()
                elif words:
                    words[-1] += "\n"  # a line break inside a paragraph: a hyphen here may be hyphenation
            if new_line:
                line_box = (y0, y1)
                new_line = False
            elif line_box is not None:
                line_box = (min(line_box[0], y0), max(line_box[1], y1))
            words.append(match.group(7))
            previous = (x0, y0, x1, y1)
    flush()
    return spans


_HYPHEN_BREAK = re.compile(r"(?<=\w)-\n (?=\w)")


def _join_hyphens(text: str, *, keep: bool) -> str:
    """Lines joined; a word broken with a hyphen at a line's end either rejoined or kept hyphenated."""
    return _HYPHEN_BREAK.sub("-" if keep else "", text).replace("\n", "")


def _pypdf_pages(data: bytes, member: str) -> list[Span]:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError, OSError):
        return []
    return [
        Span(re.sub(r"(?<=\w)-\n(?=\w)", "", text), f"page {number}", member)
        for number, text in enumerate(pages, start=1)
    ]


_PDF_STREAM = re.compile(rb"obj\s*(<<.*?)stream\r?\n", re.DOTALL)
_PDF_LITERAL = re.compile(rb"\((?:\\.|[^\\()]|\((?:\\.|[^\\()])*\))*\)", re.DOTALL)
_PDF_HEX = re.compile(rb"<([0-9A-Fa-f\s]{4,})>")
_PDF_ESCAPE = re.compile(rb"\\([0-7]{1,3}|.)", re.DOTALL)
_PDF_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f", b"\n": b"", b"\r": b""}


def _pdf_strings(data: bytes) -> list[str]:
    """Every string among the PDF's objects: outline entries, metadata, alternative texts, links.

    Typst packs most objects into compressed object streams; those and the XMP metadata
    are unpacked, the other streams (page contents, fonts, images) are skipped: their text
    is what pdftotext reads. Strings are found by the PDF's own syntax, ``(...)`` and ``<...>``.
    """
    found: list[str] = []
    body = bytearray()
    position = 0
    for match in _PDF_STREAM.finditer(data):
        start = match.end()
        end = data.find(b"endstream", start)
        if end < 0:
            break
        body += data[position:start]
        position = end
        header = match.group(1)
        if b"/ObjStm" in header or b"/Metadata" in header:
            raw = data[start:end]
            if b"/FlateDecode" in header:
                try:
                    raw = zlib.decompressobj().decompress(raw)
                except zlib.error:
                    continue
            if b"/Metadata" in header:
                found.append(raw.decode("utf-8", "replace"))
            else:
                found.extend(_strings_in(raw))
    body += data[position:]
    found.extend(_strings_in(bytes(body)))
    return found


def _strings_in(chunk: bytes) -> Iterator[str]:
    for match in _PDF_LITERAL.finditer(chunk):
        yield _pdf_decode(_PDF_ESCAPE.sub(_unescape_pdf, match.group(0)[1:-1]))
    for match in _PDF_HEX.finditer(chunk):
        digits = re.sub(rb"\s", b"", match.group(1))
        if len(digits) % 2 == 0:
            yield _pdf_decode(bytes.fromhex(digits.decode("ascii")))


def _unescape_pdf(match: re.Match[bytes]) -> bytes:
    code = match.group(1)
    if code[:1].isdigit():
        return bytes([int(code, 8) & 0xFF])
    return _PDF_ESCAPES.get(code, code)


def _pdf_decode(raw: bytes) -> str:
    """A PDF text string: UTF-16 with its byte-order mark, UTF-8 with its, else PDFDocEncoding (near Latin-1)."""
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be", "replace")
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", "replace")
    return raw.decode("latin-1")
