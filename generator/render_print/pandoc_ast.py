"""A document read once: its assembled Markdown as pandoc's JSON document, for every format to write.

pandoc reads the Markdown (with the safety filter, :mod:`.safety`) into its JSON document,
and the PDF, DOCX and EPUB writers all start from that: reading is most of pandoc's work.
A long document is read in two halves at once (pandoc is single-threaded), cut at a
chapter heading; the halves are joined here, and the Typst writer can write them at once
again (:attr:`Ast.halves`).

Joined, the document is checked as a whole: a link to an anchor it lacks becomes its words
(Typst refuses to compile a link to a label that does not exist, and a reader of the DOCX
or EPUB would follow it nowhere), and an identifier given twice is pandoc's
"Duplicate identifier" warning even when the two are in different halves.
"""

from __future__ import annotations

import json
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.render_print.pandoc_run import WARNINGS, read_markdown, write_ast

SPLIT_MIN_CHARS = 60_000
"""Shorter documents are read in one pandoc run: two would not save time."""
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_DIV_OPEN = re.compile(r" {0,3}:{3,}\s*(?:\{.*\}|[\w-]+)\s*:*\s*")
_DIV_CLOSE = re.compile(r" {0,3}:{3,}\s*")
_ATTR_FIRST = frozenset({"CodeBlock", "Div", "Table", "Figure", "Span", "Code", "Link", "Image"})
"""The elements whose attributes (identifier, classes, pairs) come first; a Header's come second."""


@dataclass(frozen=True)
class Ast:
    """A document as pandoc's JSON document, whole and (when it was read in two) in its halves."""

    path: Path
    halves: tuple[Path, Path] | None = None
    """The same document in two JSON files, cut where it was read in two; None when it was read whole."""


def read_document(markdown: Path) -> Ast:
    """Read assembled Markdown into pandoc's JSON document beside it (``name.json``), checked whole."""
    text = markdown.read_text(encoding="utf-8")
    cut = split_point(text)
    whole = markdown.with_suffix(".json")
    if cut is None:
        read_markdown(markdown, whole)
        document = _load(whole)
        _check_anchors([(markdown, document["blocks"])])
        _dump(document, whole)
        return Ast(whole)
    sources = [markdown.with_name(f"{markdown.stem}.{n}.md") for n in (1, 2)]
    parts = [markdown.with_name(f"{markdown.stem}.{n}.json") for n in (1, 2)]
    sources[0].write_text(text[:cut], encoding="utf-8")
    sources[1].write_text(text[cut:], encoding="utf-8")
    with ThreadPoolExecutor(max_workers=2) as pool:
        for job in [pool.submit(read_markdown, s, p) for s, p in zip(sources, parts, strict=True)]:
            job.result()
    first, second = _load(parts[0]), _load(parts[1])
    _check_anchors([(sources[0], first["blocks"]), (sources[1], second["blocks"])])
    _dump(first, parts[0])
    _dump(second, parts[1])
    _dump({**first, "blocks": first["blocks"] + second["blocks"]}, whole)
    return Ast(whole, (parts[0], parts[1]))


def convert_markdown(
    markdown: Path,
    *,
    to: str,
    output: Path,
    args: list[str],
    filters: list[Path] | None = None,
    metadata: Path | None = None,
) -> list[str]:
    """Markdown straight to one format: read (:func:`read_document`), then written (:func:`write_ast`)."""
    return write_ast(read_document(markdown).path, to=to, output=output, args=args, filters=filters, metadata=metadata)


def split_point(text: str) -> int | None:
    """Where to cut assembled Markdown in two for reading at once: a chapter heading near the middle.

    Only a level-1 heading outside code blocks and fenced divs qualifies, so each half
    is whole Markdown. None when the text is short or has no such heading.
    """
    if len(text) < SPLIT_MIN_CHARS:
        return None
    best: int | None = None
    offset = 0
    fence: str | None = None
    divs = 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\n")
        opening = _FENCE.match(stripped)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
        elif opening:
            fence = opening.group(1)
        elif _DIV_CLOSE.fullmatch(stripped):
            divs = max(0, divs - 1)
        elif _DIV_OPEN.fullmatch(stripped):
            divs += 1
        elif divs == 0 and stripped.startswith("# ") and offset > 0:
            nearer = best is None or abs(offset - len(text) / 2) < abs(best - len(text) / 2)
            best = offset if nearer else best
        offset += len(line)
    return best


def _check_anchors(parts: list[tuple[Path, list[Any]]]) -> None:
    """Links to anchors the document lacks become their words; an identifier of the first part given
    again in the second is warned of (pandoc warns of those given twice within one part).

    ``parts`` are the document's pieces as read, each with the Markdown it was read from.
    """
    seen: set[str] = set()
    links: list[dict[str, Any]] = []
    for n, (source, blocks) in enumerate(parts):
        identifiers: set[str] = set()
        for element in _elements(blocks):
            kind = element["t"]
            identifiers.add(element["c"][1][0] if kind == "Header" else element["c"][0][0])
            if kind == "Link":
                links.append(element)
        identifiers.discard("")
        again = sorted(identifiers & seen) if n else []
        if again:
            WARNINGS.add(source, [_duplicate(source, identifier) for identifier in again])
        seen |= identifiers
    for link in links:
        target = link["c"][2][0]
        if target.startswith("#") and target[1:] not in seen:
            link["t"], link["c"] = "Span", [["", [], []], link["c"][1]]


def _elements(blocks: list[Any]) -> list[dict[str, Any]]:
    """Every element of ``blocks`` that has attributes, in no particular order."""
    found: list[dict[str, Any]] = []
    stack: list[Any] = [blocks]
    while stack:
        node = stack.pop()
        if type(node) is list:
            stack.extend(item for item in node if type(item) is list or type(item) is dict)
            continue
        kind = node.get("t")
        if kind == "Header" or kind in _ATTR_FIRST:
            found.append(node)
        content = node.get("c")
        if type(content) is list:
            stack.append(content)
    return found


def _duplicate(source: Path, identifier: str) -> str:
    """pandoc's own warning for an identifier given twice, at the line of ``source`` that gives it."""
    lines = source.read_text(encoding="utf-8").split("\n")
    line = next((n for n, text in enumerate(lines, 1) if f"#{identifier}" in text), 1)
    return f"[WARNING] Duplicate identifier '{identifier}' at {source} line {line} column 1"


def _load(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as file:
        document: dict[str, Any] = json.load(file)
    return document


def _dump(document: dict[str, Any], path: Path) -> None:
    path.write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
