"""Read the tables of a built page as a reader sees them: header texts and cell texts, row by row."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class HtmlTable:
    """One ``<table>``: its CSS classes, its header row and its body rows as plain texts."""

    classes: list[str]
    head: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tables: list[HtmlTable] = []
        self._cell: list[str] | None = None
        self._in_head = False
        self._row: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append(HtmlTable((dict(attrs).get("class") or "").split()))
        elif tag == "thead":
            self._in_head = True
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "thead":
            self._in_head = False
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None and self.tables:
            target = self.tables[-1]
            if self._in_head:
                target.head = self._row
            else:
                target.rows.append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def tables(page_html: str, css_class: str) -> list[HtmlTable]:
    """The tables of a page that carry a CSS class, e.g. ``charter-table--heatmap``."""
    reader = _Reader()
    reader.feed(page_html)
    return [t for t in reader.tables if css_class in t.classes]
