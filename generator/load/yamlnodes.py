"""Read YAML safely, literally and with positions.

A text in the simple shape most data blocks take is read by :mod:`generator.load.yamlquick`.
Any other is composed into nodes by PyYAML (with libyaml's C parser where it is installed),
and the nodes become the same tree (:mod:`generator.load.yamltree`). Nothing is constructed by YAML itself,
so no tag can run code and no value is guessed: ``NO``, ``yes``, ``1e3`` and
``2027-03-31`` stay text until a field asks for a number, a date or a yes/no.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from generator.diagnostics import ContentError
from generator.load import yamlquick
from generator.load.yamltree import MAX_DEPTH, MAX_SCALAR, NULLS, Quoted, YMap, YNode, YScalar, YSeq

__all__ = [
    "MAX_DEPTH",
    "MAX_SCALAR",
    "NULLS",
    "Quoted",
    "YMap",
    "YNode",
    "YScalar",
    "YSeq",
    "YamlProblem",
    "parse",
    "read_with_libyaml",
]

_Base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):
    """Composes nodes without resolving tags: we never let YAML guess a type, so skip the work."""

    def resolve(self, kind: type, value: object, implicit: object) -> str:
        return "tag:yaml.org,2002:str"

    def descend_resolver(self, current_node: object, current_index: object) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None


class YamlProblem(Exception):
    """Unreadable YAML, with the 1-based line and column (relative to the text) it was found at."""

    def __init__(self, code: str, message: str, line: int, col: int, hint: str | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.line = line
        self.col = col
        self.hint = hint


def parse(text: str, *, first_line: int = 1) -> YNode | None:
    """Parse one YAML document into a :data:`YNode` tree; line numbers start at ``first_line``.

    Returns None for an empty document. Raises :class:`YamlProblem` for anything that is
    not a plain, readable YAML document.
    """
    try:
        return yamlquick.read(text, first_line - 1)
    except yamlquick.Unusual:
        return read_with_libyaml(text, first_line=first_line)  # it also says what is wrong with the text


def read_with_libyaml(text: str, *, first_line: int = 1) -> YNode | None:
    """:func:`parse` for any text, through libyaml: PyYAML composes nodes, and they become the tree."""
    offset = first_line - 1
    deep = _too_deep(text)
    if deep is not None:
        line, col = deep
        raise YamlProblem(
            "E-YAML-DEPTH",
            f"YAML nests deeper than {MAX_DEPTH} levels",
            line + offset,
            col,
            "flatten the data; no Charter field nests this deep",
        )
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + offset) if mark else first_line
        col = (mark.column + 1) if mark else 1
        problem = exc.problem or "malformed YAML"
        raise YamlProblem("E-YAML-SYNTAX", f"YAML syntax: {problem}", line, col, _syntax_hint(text, mark)) from None
    except yaml.YAMLError as exc:
        raise YamlProblem("E-YAML-SYNTAX", f"YAML syntax: {exc}", first_line, 1) from None
    except RecursionError:
        raise YamlProblem(
            "E-YAML-DEPTH",
            "YAML nests too deeply to read",
            first_line,
            1,
            f"content may nest at most {MAX_DEPTH} levels",
        ) from None
    if node is None:
        return None
    return _convert(node, offset, 0, set() if "&" in text else None)


_BLOCK_TOO_DEEP = re.compile(rf"^(?:[ \t]{{{2 * MAX_DEPTH + 1},}}|[ \t]*(?:-[ \t]+){{{MAX_DEPTH + 1},}})", re.MULTILINE)


def _too_deep(text: str) -> tuple[int, int] | None:
    """Where the text nests deeper than :data:`MAX_DEPTH`, found without parsing it.

    libyaml's composer recurses on the C stack, so input nested many thousands deep must
    be refused before it is composed. Flow brackets are counted (outside quotes);
    block nesting shows as indentation or as dashes on one line.
    """
    if text.count("[") + text.count("{") > MAX_DEPTH:
        depth, quote = 0, ""
        line, col = 1, 0
        for char in text:
            col += 1
            if char == "\n":
                line, col = line + 1, 0
            elif quote:
                if char == quote:
                    quote = ""
            elif char in "'\"":
                quote = char
            elif char in "[{":
                depth += 1
                if depth > MAX_DEPTH:
                    return line, col
            elif char in "]}":
                depth = max(0, depth - 1)
    if "\t" not in text and text.count("-") <= MAX_DEPTH and " " * (2 * MAX_DEPTH + 1) not in text:
        return None  # neither indented nor dashed deep enough: no need to search
    block = _BLOCK_TOO_DEEP.search(text)
    if block:
        return text.count("\n", 0, block.start()) + 1, 1
    return None


def _syntax_hint(text: str, mark: yaml.Mark | None) -> str | None:
    if mark is None:
        return "check the indentation and the quoting of values that contain ': '"
    lines = text.splitlines()
    if 0 <= mark.line < len(lines) and "\t" in lines[mark.line]:
        return "YAML does not allow tabs for indentation; indent with spaces"
    return (
        "check the indentation and the quoting of values that contain ': ' or start with '[', '{', '*', '&', '!' or '%'"
    )


def _too_long(line: int, col: int) -> YamlProblem:
    return YamlProblem(
        "E-YAML-LENGTH",
        f"a YAML value is longer than {MAX_SCALAR:,} characters",
        line,
        col,
        "shorten it; long text belongs in the prose after the block",
    )


def _alias(line: int, col: int) -> YamlProblem:
    return YamlProblem(
        "E-YAML-ALIAS",
        "YAML anchors and aliases are not supported",
        line,
        col,
        "write the value out in full where it is used",
    )


_QUOTES = ("'", '"')
_new_tuple = tuple.__new__


def _plain_item(node: YNode) -> Any:
    """A node's plain value: None for a null, :class:`Quoted` text, or the plain list or mapping made with it."""
    if type(node) is YScalar:
        if node.quoted:
            return Quoted(node.text)
        return None if node.text in NULLS else node.text
    return node.data  # type: ignore[union-attr]


def _scalar(node: yaml.ScalarNode, offset: int, seen: set[int] | None) -> YScalar:
    line = node.start_mark.line + 1 + offset
    col = node.start_mark.column + 1
    if seen is not None:  # an alias makes the composer hand back the same node object twice
        if id(node) in seen:
            raise _alias(line, col)
        seen.add(id(node))
    if len(node.value) > MAX_SCALAR:
        raise _too_long(line, col)
    return _new_tuple(YScalar, (node.value, line, col, node.style in _QUOTES))


def _convert(node: yaml.Node, offset: int, depth: int, seen: set[int] | None) -> YNode:
    """The node as a YNode tree. ``seen`` collects the nodes met so far, to refuse aliases;
    it is None when the text has no anchor ('&'), so no node can be met twice."""
    if isinstance(node, yaml.ScalarNode):  # most nodes: the fast path
        return _scalar(node, offset, seen)
    line = node.start_mark.line + 1 + offset
    col = node.start_mark.column + 1
    if depth > MAX_DEPTH:
        raise YamlProblem(
            "E-YAML-DEPTH",
            f"YAML nests deeper than {MAX_DEPTH} levels",
            line,
            col,
            "flatten the data; no Charter field nests this deep",
        )
    if seen is not None:
        if id(node) in seen:
            raise _alias(line, col)
        seen.add(id(node))
    if isinstance(node, yaml.SequenceNode):
        values = [_convert(item, offset, depth + 1, seen) for item in node.value]
        plain = [
            (Quoted(v.text) if v.quoted else None if v.text in NULLS else v.text) if type(v) is YScalar else v.data  # type: ignore[union-attr]
            for v in values
        ]
        nulls = None in plain or any(v.nulls for v in values if type(v) is not YScalar)  # type: ignore[union-attr]
        return YSeq(values, line, col, plain, nulls)
    if isinstance(node, yaml.MappingNode):
        items: dict[str, YNode] = {}
        key_pos: dict[str, tuple[int, int]] = {}
        data: dict[str, Any] = {}
        nulls = False
        for key_node, value_node in node.value:
            mark = key_node.start_mark
            kline = mark.line + 1 + offset
            kcol = mark.column + 1
            if type(key_node) is not yaml.ScalarNode:
                raise YamlProblem("E-YAML-KEY", "a mapping key must be plain text", kline, kcol)
            key = key_node.value
            if len(key) > MAX_SCALAR:
                raise _too_long(kline, kcol)
            if key == "<<" and not key_node.style:  # plain: libyaml gives it the style ''
                raise YamlProblem(
                    "E-YAML-ALIAS",
                    "YAML merge keys ('<<') are not supported",
                    kline,
                    kcol,
                    "write the merged fields out in full",
                )
            if key in items:
                first = key_pos[key][0]
                raise YamlProblem(
                    "E-YAML-DUPKEY",
                    f"duplicate key '{key}' (first given on line {first})",
                    kline,
                    kcol,
                    "remove one of the two; YAML would silently keep only the last",
                )
            if type(value_node) is yaml.ScalarNode and seen is None:  # most values: made here, not in a call
                text = value_node.value
                mark = value_node.start_mark
                if len(text) > MAX_SCALAR:
                    raise _too_long(mark.line + 1 + offset, mark.column + 1)
                quoted = value_node.style in _QUOTES
                items[key] = _new_tuple(YScalar, (text, mark.line + 1 + offset, mark.column + 1, quoted))
                if quoted:
                    data[key] = Quoted(text)
                elif text not in NULLS:
                    data[key] = text
                else:
                    nulls = True
            else:
                value = (
                    _scalar(value_node, offset, seen)
                    if type(value_node) is yaml.ScalarNode
                    else _convert(value_node, offset, depth + 1, seen)
                )
                items[key] = value
                plain = _plain_item(value)
                if plain is not None:
                    data[key] = plain
                if plain is None or (type(value) is not YScalar and value.nulls):  # type: ignore[union-attr]
                    nulls = True
            key_pos[key] = (kline, kcol)
        return YMap(items, key_pos, line, col, data, nulls)
    raise ContentError("E-YAML-SYNTAX", "unsupported YAML node")  # pragma: no cover
