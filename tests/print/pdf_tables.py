"""Where a tagged PDF prints its tables' rows and its headings, read from the structure tree.

Typst tags every table row (``TR``), heading (``H1``…) and paragraph (``P``) and records the page of each
piece of content it marks; a row whose content lies on two pages is split, and a table
whose body rows lie on two pages breaks across them. Repeated header rows are artifacts,
so the header's pages are those where the table starts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pypdf
from pypdf.generic import ArrayObject, DictionaryObject, NumberObject


@dataclass
class PrintedTable:
    """One table of the PDF: the pages of each of its body rows, in order."""

    rows: list[set[int]] = field(default_factory=list)
    caption: str = ""
    footer_rows: int = 0
    """How many of the rows (the last ones) are tagged as its footer (TFoot)."""

    @property
    def pages(self) -> list[int]:
        """Every page that holds a body row, in order."""
        return sorted({p for row in self.rows for p in row})

    def rows_on(self, page: int) -> int:
        """How many body rows have content on a page."""
        return sum(1 for row in self.rows if page in row)


@dataclass
class Layout:
    """A tagged PDF's tables and headings, by page (pages count from 1)."""

    tables: list[PrintedTable]
    blocks: list[tuple[str, set[int]]]
    """Every heading, paragraph, list, table and figure in reading order: its tag ('/H2') and pages."""

    def headings_at_foot(self) -> list[tuple[int, str]]:
        """Headings printed as the last block of their page (page, tag): nothing follows them there."""
        alone = []
        for (tag, pages), (_next, after) in zip(self.blocks, self.blocks[1:], strict=False):
            if _is_heading(tag) and pages and after and min(after) > max(pages):
                alone.append((max(pages), tag))
        return alone


_BLOCKS = frozenset({"/P", "/L", "/Table", "/Figure", "/Caption", "/TOC", "/Formula"})
"""Structure tags read as one block each (what they hold is not walked for blocks)."""


def _is_heading(tag: str) -> bool:
    return len(tag) == 3 and tag.startswith("/H") and tag[2].isdigit()


def read_layout(pdf: Path) -> Layout:
    """The tables and headings of a tagged PDF, from its structure tree."""
    reader = pypdf.PdfReader(pdf)
    numbers = {page.indirect_reference.idnum: i + 1 for i, page in enumerate(reader.pages)}
    tables: list[PrintedTable] = []
    blocks: list[tuple[str, set[int]]] = []

    def pages_of(node: object, page: int | None) -> set[int]:
        node = node.get_object()  # type: ignore[attr-defined]
        if isinstance(node, NumberObject):
            return {page} if page is not None else set()
        if not isinstance(node, DictionaryObject):
            return set()
        if "/Pg" in node:
            page = numbers.get(node.raw_get("/Pg").idnum, page)
        found: set[int] = set()
        kids = node.get("/K")
        for kid in kids if isinstance(kids, ArrayObject) else [kids] if kids is not None else []:
            found |= pages_of(kid, page)
        return found

    def walk(node: object, table: PrintedTable | None, page: int | None) -> None:
        node = node.get_object()  # type: ignore[attr-defined]
        if not isinstance(node, DictionaryObject):
            return
        tag = node.get("/S")
        if "/Pg" in node:
            page = numbers.get(node.raw_get("/Pg").idnum, page)
        if table is None and isinstance(tag, str) and (tag in _BLOCKS or _is_heading(tag)):
            on = pages_of(node, page)
            if on:
                blocks.append((tag, on))
            if tag != "/Table":
                return
        if tag == "/Table":
            table = PrintedTable()
            tables.append(table)
        elif tag == "/TR" and table is not None:
            table.rows.append(pages_of(node, page))
            return
        elif tag == "/THead":
            return
        elif tag == "/TFoot" and table is not None:
            kids = node.get("/K")
            table.footer_rows = len(kids) if isinstance(kids, ArrayObject) else 1
        kids = node.get("/K")
        for kid in kids if isinstance(kids, ArrayObject) else [kids] if kids is not None else []:
            walk(kid, table, page)

    walk(reader.trailer["/Root"]["/StructTreeRoot"], None, None)
    return Layout([t for t in tables if t.rows], blocks)
