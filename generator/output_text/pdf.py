"""Reading a PDF into spans.

poppler's ``pdftotext -bbox-layout`` gives every word with its box. Words join while they
follow on one line at a word space and lines follow at the paragraph's leading; a wider gap
(the padding between two table cells, across a row or down a column) is a boundary, and so
is each block and page. The PDF's own strings (its outline, metadata and alternative texts)
are spans too. Without poppler, pypdf reads each page as one span.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zlib
from collections.abc import Iterator

from generator.output_text.markup import markup_spans
from generator.output_text.span import Span

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


def pdf_spans(data: bytes, member: str) -> list[Span]:
    """The spans of a PDF: its text blocks (by word boxes, or by page without poppler) and its own strings."""
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
