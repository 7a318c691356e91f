"""Reading an output file by what its bytes are: archives, JSON, markup, PDF, and every byte as it is."""

from __future__ import annotations

import gzip
import io
import json
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from generator.output_text.markup import dialect_of, fast_markup, markup_spans
from generator.output_text.normalise import BOUNDARY, clean
from generator.output_text.pdf import pdf_spans
from generator.output_text.span import Span


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
                (s for s in markup_spans(source, span.member, dialect=span.markup) if needle in clean(s.text)), None
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
    return read_output_bytes(path.read_bytes(), path.name)


def read_output_bytes(data: bytes, name: str) -> OutputText:
    """Every span of an output file's bytes (``name`` is the file's name), read by what they are."""
    spans: list[Span] = []
    sources: dict[str, str] = {}
    _read(data, name, "", spans, sources, depth=0)
    joined = BOUNDARY.join(span.text.replace(BOUNDARY, "\x01") for span in spans)
    return OutputText(clean(joined), spans, sources)


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
        spans.extend(pdf_spans(data, member))
    else:
        text = data.decode("utf-8", "surrogateescape")
        if suffix in _JSON_SUFFIXES or (suffix not in _MARKUP_SUFFIXES and text.lstrip()[:1] in ("{", "[")):
            if _read_json(text, member, spans):
                return  # every key and string is a span: the raw bytes hold nothing more
        elif suffix in _MARKUP_SUFFIXES or text.lstrip("\ufeff \t\r\n")[:1] == "<":
            # Markup is read whole: its text, attribute values, comments and scripts are all spans.
            sources[member] = text
            dialect = dialect_of(member or name)
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
