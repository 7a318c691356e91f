"""Read the simple shape most data blocks take, in one pass over the lines, without libyaml.

Nearly every data block is block mappings and sequences of one-line values: plain text, text
in simple quotes, and one-line flow lists and mappings of plain text. Such a block is read
here into exactly the tree :func:`generator.load.yamlnodes.parse` makes through libyaml, in
under half the time. Anything else is :class:`Unusual` and is read by libyaml instead:
comments, block scalars (``>``, ``|``), text over several lines, nested flow collections,
anchors, tags, a value written as nothing, and everything YAML would refuse. So this reader
never has to be right about hard YAML, only about when a text is easy; a test compares the two
readers on every block of the sample, of the test publications and of thousands of generated
texts.
"""

from __future__ import annotations

import re

from generator.load.yamltree import MAX_SCALAR, NULLS, Quoted, YMap, YNode, YScalar, YSeq


class Unusual(Exception):
    """The text is not in the simple shape: read it with libyaml."""


_UNUSUAL_TEXT = re.compile(
    r"[#\t\\]"  # a comment, a tab, an escape
    # a control character, a line or byte-order mark, a character beyond the first plane:
    r"|[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]"
    r"|^(?:---|\.\.\.)",  # a document marker
    re.MULTILINE,
)
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
"""Characters that make something other than plain text of a value they start: in block
context a dash, ``?`` or ``:`` only when a space or the line's end follows; inside a flow
list or mapping, this reader leaves every one of them to libyaml."""
_FLOW_UNUSUAL = re.compile(r"[\[\]{}'\":]")
"""In a one-line flow list: nesting, quotes, or a colon (which could make a mapping)."""
_FLOW_MAP_UNUSUAL = re.compile(r"[\[\]{}'\"]")
MAX_KEY = 1000
"""libyaml refuses a key longer than 1,024 characters; a long key is left to it."""
MAX_NESTING = 32
_BLOCK_SCALARS = frozenset({">", ">-", "|", "|-"})
_KEYS_READ: set[str] = set()
"""Keys already found plain text, so the check is not made again for every block (at most 10,000)."""
_new_tuple = tuple.__new__

Row = tuple[int, int, str]
"""A line that holds something: its number, its indentation, and its text without either."""


def read(text: str, offset: int = 0) -> YNode | None:
    """The tree of ``text`` (None when it holds nothing), numbering lines from ``offset + 1``.

    Raises :class:`Unusual` when the text is not in the simple shape.
    """
    if _UNUSUAL_TEXT.search(text):
        raise Unusual
    lines = text.split("\n")
    rows: list[Row] = [
        (number, len(line) - len(content), content.rstrip(" "))
        for number, line in enumerate(lines, offset + 1)
        if (content := line.lstrip(" "))
    ]
    if not rows:
        return None
    reader = _Reader(rows, lines, offset)
    node = reader.block(rows[0][1], 0)
    if reader.at != len(rows):
        raise Unusual  # a line less indented than the first: libyaml says what is wrong
    return node


def _is_dash(content: str) -> bool:
    """Whether a line's text opens a block sequence item."""
    return content[0] == "-" and (len(content) == 1 or content[1] == " ")


def _plain(text: str) -> bool:
    """Whether ``text``, a value on one line in block context, is plain text to YAML."""
    first = text[0]
    if first in _INDICATORS and (first not in "-?:" or len(text) == 1 or text[1] == " "):
        return False
    return ": " not in text and text[-1] != ":" and len(text) <= MAX_SCALAR


class _Reader:
    """Reads rows from ``at`` on; each method leaves ``at`` at the first row it did not use."""

    __slots__ = ("at", "lines", "offset", "rows")

    def __init__(self, rows: list[Row], lines: list[str], offset: int):
        self.rows = rows
        self.lines = lines
        self.offset = offset
        self.at = 0

    def block(self, indent: int, depth: int) -> YMap | YSeq:
        """The block mapping or sequence whose first row is the current one, at ``indent``."""
        if depth > MAX_NESTING:
            raise Unusual
        if _is_dash(self.rows[self.at][2]):
            return self.sequence(indent, depth)
        return self.mapping(indent, depth)

    def mapping(self, indent: int, depth: int) -> YMap:
        rows, count = self.rows, len(self.rows)
        items: dict[str, YNode] = {}
        key_pos: dict[str, tuple[int, int]] = {}
        data: dict[str, object] = {}
        nulls = False
        first_line = rows[self.at][0]
        while self.at < count:
            line, row_indent, content = rows[self.at]
            if row_indent != indent:
                if row_indent > indent:
                    raise Unusual  # text over several lines, or a stray indentation
                break
            colon = content.find(": ")
            if colon < 0:
                if content[-1] != ":":
                    raise Unusual  # not a key: a continued value, or an error
                key, value = content[:-1].rstrip(" "), ""
            else:
                key, value = content[:colon].rstrip(" "), content[colon + 2 :].lstrip(" ")
            if key not in _KEYS_READ:
                if not key or key == "<<" or len(key) > MAX_KEY or not _plain(key):
                    raise Unusual
                if len(_KEYS_READ) < 10_000:
                    _KEYS_READ.add(key)
            if key in items:
                raise Unusual
            self.at += 1
            node: YNode
            if value:
                col = indent + 1 + len(content) - len(value)
                if value in _BLOCK_SCALARS:
                    node = self.block_scalar(value, line, col, indent)
                else:
                    if value[0] in _INDICATORS or ": " in value or value[-1] == ":" or len(value) > MAX_SCALAR:
                        node = self.inline(value, line, col)
                    else:  # plain text, most values: made here, not in a call
                        node = _new_tuple(YScalar, (value, line, col, False))
                    if self.at < count and rows[self.at][1] > indent:
                        raise Unusual  # the value goes on over the next lines
            elif self.at < count and (
                rows[self.at][1] > indent or (rows[self.at][1] == indent and _is_dash(rows[self.at][2]))
            ):
                node = self.block(rows[self.at][1], depth + 1)
            else:
                raise Unusual  # a value written as nothing: libyaml places its null
            items[key] = node
            key_pos[key] = (line, indent + 1)
            if isinstance(node, YScalar):
                if node.quoted:
                    data[key] = Quoted(node.text)
                elif node.text in NULLS:
                    nulls = True
                else:
                    data[key] = node.text
            else:
                data[key] = node.data
                nulls = nulls or node.nulls
        return YMap(items, key_pos, first_line, indent + 1, data, nulls)

    def sequence(self, indent: int, depth: int) -> YSeq:
        rows, count = self.rows, len(self.rows)
        values: list[YNode] = []
        plain: list[object] = []
        nulls = False
        first_line = rows[self.at][0]
        while self.at < count:
            line, row_indent, content = rows[self.at]
            if row_indent != indent or not _is_dash(content):
                if row_indent > indent:
                    raise Unusual
                break
            rest = content[1:].lstrip(" ")
            if not rest or _is_dash(rest):
                raise Unusual  # an item on the next lines, a null, or a list in a list
            col = indent + 1 + len(content) - len(rest)
            node: YNode
            if rest[0] not in "[{'\"" and (": " in rest or rest[-1] == ":"):
                rows[self.at] = (line, col - 1, rest)  # a mapping opens on the dash's line
                node = self.mapping(col - 1, depth + 1)
            else:
                self.at += 1
                node = self.inline(rest, line, col)
                if self.at < count and rows[self.at][1] > indent:
                    raise Unusual
            values.append(node)
            if isinstance(node, YScalar):
                if node.quoted:
                    plain.append(Quoted(node.text))
                elif node.text in NULLS:
                    plain.append(None)
                    nulls = True
                else:
                    plain.append(node.text)
            else:
                plain.append(node.data)
                nulls = nulls or node.nulls
        return YSeq(values, first_line, indent + 1, plain, nulls)

    def block_scalar(self, indicator: str, line: int, col: int, parent: int) -> YScalar:
        """Text under ``>`` (lines folded into one) or ``|`` (lines kept), ``-`` dropping the last line break.

        Only text whose lines all share the first line's indentation, none ending in a space.
        """
        rows, count, lines, offset = self.rows, len(self.rows), self.lines, self.offset
        if self.at == count or rows[self.at][0] != line + 1 or rows[self.at][1] <= parent:
            raise Unusual  # nothing under it, or blank lines first: libyaml works out its indentation
        indent = rows[self.at][1]
        folded = indicator[0] == ">"
        parts: list[str] = []
        last = line
        while self.at < count and rows[self.at][1] >= indent:
            number, row_indent, content = rows[self.at]
            if row_indent > indent or lines[number - 1 - offset][-1] == " ":
                raise Unusual  # a more indented line, or spaces at a line's end: both are text to keep
            if parts:
                gap = number - last - 1  # blank lines between
                parts.append(("\n" * gap or " ") if folded else "\n" * (gap + 1))
            parts.append(content)
            last = number
            self.at += 1
        end = rows[self.at][0] if self.at < count else len(lines) + 1 + offset
        for number in range(line + 1, end):
            blank = lines[number - 1 - offset]
            if len(blank) > indent and not blank.strip(" "):
                raise Unusual  # a blank line of more spaces than the indentation: they are text
        if not indicator.endswith("-") and last - offset < len(lines):
            parts.append("\n")
        text = "".join(parts)
        if len(text) > MAX_SCALAR:
            raise Unusual
        return _new_tuple(YScalar, (text, line, col, False))

    def inline(self, value: str, line: int, col: int) -> YNode:
        """A value written on one line, after a key or a dash."""
        first = value[0]
        if first == "[":
            return _flow_list(value, line, col)
        if first == "{":
            return _flow_mapping(value, line, col)
        if first == "'" or first == '"':
            return _quoted(value, line, col)
        if not _plain(value):
            raise Unusual
        return _new_tuple(YScalar, (value, line, col, False))


def _quoted(value: str, line: int, col: int) -> YScalar:
    """Text in quotes that close at the line's end: ``''`` stands for one ``'``; no escapes."""
    quote = value[0]
    inner = value[1:-1]
    if len(value) < 2 or value[-1] != quote or len(inner) > MAX_SCALAR:
        raise Unusual
    if quote == "'":
        if "'" in inner.replace("''", ""):
            raise Unusual
        inner = inner.replace("''", "'")
    elif '"' in inner:
        raise Unusual
    return _new_tuple(YScalar, (inner, line, col, True))


def _flow_list(value: str, line: int, col: int) -> YSeq:
    """``[a, b, c]`` of plain text, on one line."""
    inner = value[1:-1]
    if value[-1] != "]" or _FLOW_UNUSUAL.search(inner):
        raise Unusual
    values: list[YNode] = []
    plain: list[object] = []
    nulls = False
    if inner.strip(" "):
        at = col + 1  # where the part starts
        for part in inner.split(","):
            item = part.lstrip(" ")
            item_col = at + len(part) - len(item)
            item = item.rstrip(" ")
            if not item or item[0] in _INDICATORS or len(item) > MAX_SCALAR:
                raise Unusual
            values.append(_new_tuple(YScalar, (item, line, item_col, False)))
            if item in NULLS:
                plain.append(None)
                nulls = True
            else:
                plain.append(item)
            at += len(part) + 1
    return YSeq(values, line, col, plain, nulls)


def _flow_mapping(value: str, line: int, col: int) -> YMap:
    """``{key: value, key: value}`` of plain text, on one line."""
    inner = value[1:-1]
    if value[-1] != "}" or _FLOW_MAP_UNUSUAL.search(inner):
        raise Unusual
    items: dict[str, YNode] = {}
    key_pos: dict[str, tuple[int, int]] = {}
    data: dict[str, object] = {}
    nulls = False
    if inner.strip(" "):
        at = col + 1  # where the part starts
        for part in inner.split(","):
            written_key, colon, written = part.partition(": ")
            if not colon or ":" in written_key or ":" in written:
                raise Unusual
            key = written_key.lstrip(" ")
            key_col = at + len(written_key) - len(key)
            key = key.rstrip(" ")
            item = written.lstrip(" ")
            item_col = at + len(written_key) + 2 + len(written) - len(item)
            item = item.rstrip(" ")
            if (
                not key
                or not item
                or key[0] in _INDICATORS
                or item[0] in _INDICATORS
                or key in items
                or len(key) > MAX_KEY
                or len(item) > MAX_SCALAR
            ):
                raise Unusual
            items[key] = _new_tuple(YScalar, (item, line, item_col, False))
            key_pos[key] = (line, key_col)
            if item in NULLS:
                nulls = True
            else:
                data[key] = item
            at += len(part) + 1
    return YMap(items, key_pos, line, col, data, nulls)
