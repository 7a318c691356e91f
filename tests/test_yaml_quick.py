"""The quick YAML reader makes exactly libyaml's tree, or leaves the text to libyaml.

A drafter never sees which reader read a block, so the two must agree on every value, every
position and every quoted flag; and a text libyaml refuses must never be read by the quick one.
"""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

import pytest

from generator.load import yamlquick
from generator.load.yamlnodes import YamlProblem, read_with_libyaml
from generator.load.yamltree import Quoted, YMap, YScalar, YSeq

ROOT = Path(__file__).resolve().parents[1]
FENCE = re.compile(r"^```yaml [a-z]+[^\n]*\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def shape(node: Any) -> Any:
    """A node as plain data that tells every difference: types, positions, quoting, the plain copy."""
    if node is None:
        return None
    if type(node) is YScalar:
        return ("scalar", node.text, node.line, node.col, node.quoted)
    if type(node) is YSeq:
        return ("list", node.line, node.col, node.nulls, [shape(i) for i in node.items], plain(node.data))
    assert type(node) is YMap
    return (
        "mapping",
        node.line,
        node.col,
        node.nulls,
        [(key, node.key_pos[key], shape(value)) for key, value in node.items.items()],
        list(node.key_pos),
        plain(node.data),
    )


def plain(value: Any) -> Any:
    if isinstance(value, Quoted):
        return ("quoted", str(value))
    if isinstance(value, dict):
        return [(k, plain(v)) for k, v in value.items()]
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def agree(text: str, first_line: int = 1) -> bool:
    """Assert the readers agree on ``text``; True when the quick reader read it."""
    try:
        quick = yamlquick.read(text, first_line - 1)
    except yamlquick.Unusual:
        return False
    try:
        full = read_with_libyaml(text, first_line=first_line)
    except YamlProblem as problem:
        pytest.fail(f"libyaml refuses what the quick reader read ({problem.message}):\n{text}")
    assert shape(quick) == shape(full), text
    return True


def content_blocks() -> list[tuple[str, str, int]]:
    """Every data block, front matter and publication.yml of the sample and the test publications."""
    found = []
    for folder in [ROOT / "content", *sorted((ROOT / "tests" / "roots").glob("*/**/"))]:
        if (folder / "publication.yml").is_file():
            found.append((str(folder / "publication.yml"), (folder / "publication.yml").read_text(encoding="utf-8"), 1))
            for path in sorted(folder.rglob("*.md")):
                text = path.read_text(encoding="utf-8")
                for match in FENCE.finditer(text):
                    found.append((str(path), match.group(1), text.count("\n", 0, match.start(1)) + 1))
                if text.startswith("---\n") and "\n---\n" in text[3:]:
                    found.append((str(path), text[4 : text.index("\n---\n", 3)], 2))
    return found


def test_the_readers_agree_on_every_block_of_the_sample_and_the_test_publications() -> None:
    blocks = content_blocks()
    quick = sum(agree(text, line) for _, text, line in blocks)
    assert len(blocks) > 200
    assert quick > len(blocks) * 0.5  # the quick reader reads most of them


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("id: R-1\ntitle: A risk\n", True),
        ("a:\n- x\n- y\nb: z\n", True),  # a list at its key's indentation
        ("a:\n  - {k: v,  j: w}\n  - [1 ,2 ]\n", True),
        ("list:\n  - name: one\n    owner: AG-1\n  - name: two\n", True),
        ("title: 'It''s a risk'\nother: \"quoted\"\n", True),
        ("title: Côte d’Ivoire — ports\ngreek: Κυβερνοασφάλεια\n", True),
        ("nbsp: \u00a0leading no-break space\n", True),
        ("a: ~\nb: [null, x]\nc: {d: NULL}\n", True),
        ("  indented: root\n  second: key\n", True),
        ("a: []\nb: {}\nc: [ ]\n", True),
        # left to libyaml
        ("a: 1 # a comment\n", False),
        ("a: >\n  folded\n  lines\n\n  paragraph\nb: |-\n  kept\n  lines\n", True),
        ("a: >\n  x\n   more indented\n", False),
        ("a: >\n\n  after a blank line\n", False),
        ("a: >\n  trailing space \n", False),
        ("a: >+\n  keep\n", False),
        ("a:\n", False),  # a value written as nothing
        ("a: x\n  continued\n", False),
        ("a: [x, [y]]\n", False),
        ("a: &anchor x\nb: *anchor\n", False),
        ("a: !tag x\n", False),
        ("a: 1\na: 2\n", False),  # libyaml's reader reports the duplicate
        ("a: b: c\n", False),
        ("a: 'open\n", False),
        ('a: "esc\\n"\n', False),
        ("a:\tb\n", False),
        ("---\na: 1\n", False),
        ("a: 1\n b: 2\n", False),
        ("- - x\n", False),
        ("a: [x,]\n", False),
        ("<<: x\n", False),
        ("a: \ufeffx\n", False),
        ("a: emoji 🙂\n", False),
        ("a: x\u2028y\n", False),
    ],
)
def test_what_the_quick_reader_reads_and_what_it_leaves(text: str, read: bool) -> None:
    assert agree(text) is read


PIECES = [
    "a", "b c", "-1", "-", "- ", "?", "?x", ":", "a:b", ":x", "x:", "1.0", "2027-03-31", "null", "~", "Null",
    "'q'", "'it''s'", "'''", "\"d\"", "\"", "'", "[", "]", "{", "}", ",", "[a, b]", "{k: v}", "[ ]", "{}",
    "&a", "*a", "!t", "|", ">", "%", "@", "`", "é", "\u00a0", "日本", "x  y", "<<", "#", " #c", "\\", "\t",
]  # fmt: skip


SIMPLE = ["R-1", "A title", "2027-03-31", "'quoted'", "[a, b c]", "{k: 1, j: two}", "[]", "null", "5"]


def _random_text(rng: random.Random) -> str:
    """A text of random keys, lists and values, then randomly spoiled."""
    lines: list[str] = []

    def value() -> str:
        if rng.random() < 0.6:  # mostly what content holds, so many texts are simple
            return rng.choice(SIMPLE)
        return "".join(rng.choice(PIECES) for _ in range(rng.choice((1, 1, 1, 2, 3))))

    def block(indent: int, depth: int) -> None:
        sequence = rng.random() < 0.3
        for _ in range(rng.randint(1, 4)):
            pad = " " * indent
            key = rng.choice(("id", "title", "a", "b", "key name", "k-2", "ä"))
            gap = rng.choice((" ", " ", "  "))
            if sequence:
                if depth < 3 and rng.random() < 0.3:
                    lines.append(f"{pad}-{gap}{key}:{gap}{value()}")
                    block(indent + 1 + len(gap), depth + 1)
                else:
                    lines.append(f"{pad}-{gap}{value()}")
            elif depth < 3 and rng.random() < 0.3:
                lines.append(f"{pad}{key}:")
                block(indent + rng.choice((0, 2, 2, 4)), depth + 1)
            elif rng.random() < 0.15:  # text under > or |
                lines.append(f"{pad}{key}: {rng.choice(('>', '>-', '|', '|-', '>+', '>2'))}")
                inner = " " * (indent + rng.choice((2, 2, 2, 4)))
                choices = (inner + value(), inner + "a b", "", inner, inner + " ", inner + " deeper")
                lines.extend(rng.choice(choices) for _ in range(rng.randint(1, 4)))
            else:
                lines.append(f"{pad}{key}:{gap}{value()}{rng.choice(('', '', ' '))}")

    block(rng.choice((0, 0, 0, 2)), 0)
    text = "\n".join(lines) + "\n"
    for _ in range(rng.choice((0, 0, 1, 2))):  # spoil it: a character in, a character out, a line moved
        at = rng.randrange(len(text))
        action = rng.random()
        if action < 0.4:
            text = text[:at] + rng.choice(" :-,[]{}'\"\n#x") + text[at:]
        elif action < 0.8:
            text = text[:at] + text[at + 1 :]
        else:
            text = text.replace("\n", "\n ", 1)
    return text


def test_the_readers_agree_on_generated_texts() -> None:
    rng = random.Random(11)
    quick = 0
    for _ in range(40_000):
        quick += agree(_random_text(rng), rng.choice((1, 7)))
    assert quick > 6_000  # enough of the generated texts are simple for the comparison to mean something
