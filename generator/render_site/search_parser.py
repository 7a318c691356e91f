"""Material's search parser, rewritten to give the same search index in less time.

Material's search plugin divides each page's HTML into sections with a subclass of the
standard library's :class:`html.parser.HTMLParser`: at 5,000 entities the plugin took a
fifth of the site build, in the standard library's tokenizer (a Python loop with several
regular expressions per tag) and in Material's handlers, which compare elements through a
Python ``__eq__`` and ``__hash__`` at every tag. :class:`FastParser` reads the page with
one regular expression and runs Material's handlers line for line on plain strings.

It reads only the well-formed HTML that Python-Markdown and Charter write. A page with
anything it does not read exactly as the standard library would (an unquoted attribute,
a ``<script>``, a stray ``<``, an unusual comment, a declaration) goes to Material's own
parser, unchanged. ``tests/site/test_fast_paths.py`` compares the two on every page of
the sample and on pages written to catch each of Material's quirks.

:func:`install` puts :class:`FastParser` in place of Material's parser only while
Material's parser is the one it was written against (:data:`MATERIAL_PARSER`, a hash of its
source); after an upgrade that changes it, Material's own parser is used, slower and right.
"""

from __future__ import annotations

import hashlib
import inspect
import re
from collections.abc import Iterator
from html import escape, unescape
from typing import Any

from material.plugins.search import plugin as search  # type: ignore[import-untyped]

_ORIGINAL = search.Parser

MATERIAL_PARSER = "3227e18a"
"""The first eight hex digits of the SHA-256 of Material's ``Parser`` source this was written against."""

_TOKEN = re.compile(
    r"""([^<]+)
    | <(?:
        ([a-zA-Z][a-zA-Z0-9-]*)
        ((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:\s*=\s*(?:"[^"]*"|'[^']*'))?)*)
        \s*(/)?>
      | /([a-zA-Z][a-zA-Z0-9-]*)\s*>
      | !--(?:(?![->])(?:(?!--).)*)?-->
    )
    | (<)""",
    re.VERBOSE | re.DOTALL | re.ASCII,
)
"""Text, a start tag with quoted attribute values, an end tag or a comment; or a ``<`` none of them reads."""
_ATTR = re.compile(r"""\s+([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*("[^"]*"|'[^']*'))?""", re.ASCII)
_RAW_TEXT = frozenset({"script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"})
"""Elements whose content some Python versions' tokenizer reads as raw text: left to the standard library."""
_ESCAPABLE = frozenset({"title", "textarea"})
"""Elements whose content newer Python versions read as text: the same tokens while it holds no tag."""
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_KEEP = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})
"""The tags Material's parser keeps in the index (its ``keep``)."""
_SKIP = ("object", "script", "style")
"""The tags whose content Material's parser always leaves out (its ``skip``)."""

_DATA, _START, _END, _STARTEND = range(4)
Attrs = list[tuple[str, "str | None"]]
Token = tuple[int, str, Attrs]


class Unreadable(Exception):
    """The page holds something :func:`stream` does not read as the standard library would."""


def stream(html: str) -> Iterator[Token]:
    """What the standard library's tokenizer would call for ``html``, one call at a time.

    Raises :class:`Unreadable` where only the standard library can read the page. One token at
    a time, never a list of them: a register page of 5,000 rows holds half a million.
    """
    none: Attrs = []
    escapable = ""  # an open <title> or <textarea>, which may hold only text
    for match in _TOKEN.finditer(html):
        text, start, attrs, close, end, stray = match.groups()
        if escapable and not text:
            if (end or "").lower() != escapable:
                raise Unreadable
            escapable = ""
        if text:
            yield (_DATA, unescape(text), none)
        elif start:
            tag = start.lower()
            if tag in _RAW_TEXT:
                raise Unreadable
            pairs: Attrs = none
            if attrs:
                pairs = [
                    (name.lower(), unescape(value[1:-1]) if value else None) for name, value in _ATTR.findall(attrs)
                ]
            yield (_STARTEND if close else _START, tag, pairs)
            if tag in _ESCAPABLE and not close:
                escapable = tag
        elif end:
            yield (_END, end.lower(), none)
        elif stray:
            raise Unreadable


def tokens(html: str) -> list[Token] | None:
    """Every token :func:`stream` reads in ``html``; None where only the standard library can read it."""
    try:
        return list(stream(html))
    except Unreadable:
        return None


class FastParser:
    """Material's search parser (``material.plugins.search.plugin.Parser``) with the same sections, faster.

    Its handlers are Material's, line for line, with one change of representation: Material
    compares its elements by tag (``Element.__eq__``), so the open elements' tags are kept
    in a list beside them and the tags to skip in a set of strings, which answer the same
    questions without a Python call per comparison.
    """

    def __init__(self) -> None:
        self.data: list[Any] = []
        self._pending: list[str] = []

    def feed(self, data: str) -> None:
        """Keep the HTML until :meth:`close`, which reads it all at once."""
        self._pending.append(data)

    def close(self) -> None:
        """Divide the page into sections: from :func:`tokens` if it can, with Material's parser otherwise."""
        html = "".join(self._pending)
        self._pending = []
        self.data = []
        self._context: list[Any] = []
        self._tags: list[str] = []
        self._skip = set(_SKIP)
        self._section: Any = None
        try:
            for kind, tag, attrs in stream(html):
                if kind == _DATA:
                    self._data(tag)
                elif kind == _START:
                    self._start(tag, attrs)
                elif kind == _END:
                    self._end(tag)
                else:
                    self._start(tag, attrs)
                    self._end(tag)
        except Unreadable:  # the sections so far are dropped: Material's parser reads the page from the start
            parser = _ORIGINAL()
            parser.feed(html)
            parser.close()
            self.data = parser.data

    def _new_section(self, el: Any, depth: int = 0) -> Any:
        section = search.Section(el, depth)
        self.data.append(section)
        return section

    def _start(self, tag: str, pairs: Attrs) -> None:
        attrs = dict(pairs)
        el = search.Element(tag, attrs)
        if tag in search.void:
            return
        self._context.append(el)
        self._tags.append(tag)
        if tag in _HEADINGS:
            depth = len(self._context)
            if "id" in attrs:
                if tag != "h1" and not self.data:
                    self._section = self._new_section(search.Element("hx"), depth)
                self._section = search.Section(el, depth)
                if self.data:
                    self._section.id = attrs["id"]
                self.data.append(self._section)
        if self._section is None:
            self._section = self._new_section(search.Element("hx"))
        for key, value in attrs.items():
            if key == "data-search-exclude" or (key == "class" and value == "linenodiv"):
                self._skip.add(tag)
                return
        if tag in _KEEP and self._skip.isdisjoint(self._tags):
            self._target().append(f"<{tag}>")

    def _end(self, tag: str) -> None:
        if not self._tags or self._tags[-1] != tag:
            return
        section = self._section
        if section.depth > len(self._context):
            for earlier in reversed(self.data):
                if earlier.depth <= len(self._context):
                    section.depth = float("inf")
                    self._section = earlier
                    break
        self._context.pop()
        self._tags.pop()
        if tag in self._skip:
            if tag not in _SKIP:
                self._skip.remove(tag)
            return
        if tag in _KEEP and self._skip.isdisjoint(self._tags):
            data = self._target()
            index = data.index(f"<{tag}>")
            for i in range(index + 1, len(data)):
                if not data[i].isspace():
                    index = len(data)
                    break
            if len(data) > index:
                del data[index:]
            else:
                data.append(f"</{tag}>")

    def _data(self, data: str) -> None:
        if not self._skip.isdisjoint(self._tags):
            return
        if "pre" not in self._tags:
            data = " " if data.isspace() else data.replace("\n", " ")
        if self._section is None:
            self._section = self._new_section(search.Element("hx"))
        section = self._section
        if section.el.tag in self._tags:
            if not any(el.tag == "a" and el.attrs.get("class") == "headerlink" for el in self._context):
                section.title.append(escape(data, quote=False))
        elif data.isspace():
            if not section.text or not section.text[-1].isspace() or "pre" in self._tags:
                section.text.append(data)
        else:
            section.text.append(escape(data, quote=False))

    def _target(self) -> list[str]:
        """The current section's title while inside its heading, its text otherwise."""
        section = self._section
        return section.title if section.el.tag in self._tags else section.text


def material_parser_hash() -> str:
    """The hash :data:`MATERIAL_PARSER` is compared with: of the installed Material's ``Parser`` source."""
    source = inspect.getsource(_ORIGINAL)
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:8]


def install() -> bool:
    """Put :class:`FastParser` in place of Material's search parser, if Material's is the one it knows."""
    if search.Parser is FastParser:
        return True
    if material_parser_hash() != MATERIAL_PARSER:
        return False
    search.Parser = FastParser
    return True


def uninstall() -> None:
    """Material's own search parser back (for the tests that compare the two)."""
    search.Parser = _ORIGINAL
