"""Code words: terms a publication lists so that no edition below their level ever carries them.

Operation names, site names and sources are written in a ``yaml codewords`` block::

    ```yaml codewords
    - OPERATION TIDEWATER
    - Cape Vell radar site
    ```

The block's level is its fence's, its section's or its file's, as for every other block;
each term carries it. The list is never rendered: it becomes no chapter segment, only
``Validated.codewords`` (and ``Publication.codewords``). A term is found case-insensitively,
where a word starts, with any spacing, quotes and dashes the outputs may give it
(:func:`pattern`); so 'TIDEWATER' also finds 'Tidewater's' and 'OP-TIDEWATER', but not
'subtidewater'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.diagnostics import Location, Report
from generator.load.source import DataBlock, SourceFile
from generator.load.yamlnodes import YScalar, YSeq
from generator.model import Settings
from generator.output_text import normalise

CODEWORDS = "codewords"
"""The data block kind that lists code words."""


@dataclass(frozen=True, slots=True)
class CodeWord:
    """A term no edition below ``level`` may carry, and where it is listed."""

    term: str
    level: str
    location: Location


def read_codewords(
    block: DataBlock, file: SourceFile, settings: Settings, level: str, report: Report
) -> list[CodeWord]:
    """The terms of a ``yaml codewords`` block at ``level``; problems go to ``report``."""
    data = block.data
    if level == settings.levels[0]:
        report.error(
            block.location,
            "E-CODEWORD-LEVEL",
            f"the code words are at {level}, the lowest level: every edition would publish the list",
            f"mark the block or its file above {level}, e.g. ```yaml {CODEWORDS} classification={settings.levels[-1]}",
        )
        return []
    nodes = data.items if isinstance(data, YSeq) else [data]
    words: list[CodeWord] = []
    for node in nodes:
        where = file.at(getattr(node, "line", block.location.line), getattr(node, "col", 1))
        if not isinstance(node, YScalar) or node.is_null or not node.text.strip():
            report.error(
                where,
                "E-CODEWORD",
                "a code word must be a term written as text",
                "list one term per line: '- OPERATION TIDEWATER'",
            )
            continue
        if not any(ch.isalnum() for ch in node.text):
            report.error(
                where,
                "E-CODEWORD",
                f"the code word '{node.text}' has no letter or digit to look for",
                "list the name itself",
            )
            continue
        words.append(CodeWord(node.text.strip(), level, where))
    return words


_QUOTE_CLASS = "[\"'`´‘’‚‛“”„‟′″‹›«»]"
_DASH_CLASS = "[-‐‑‒–—―−⁃]+"
_GAP = r"[\s*_`~\\]+"  # spaces and line breaks, and Markdown's emphasis marks between words


def pattern(term: str) -> re.Pattern[str]:
    """How a code word is found in text as written (prose, fields): case-insensitively, at a word start.

    Between its words any spacing or emphasis marks may stand; its quotes and dashes may be
    any quote or dash.
    """
    parts = []
    for ch in " ".join(term.split()):
        if ch == " ":
            parts.append(_GAP)
        elif ch in "\"'`´‘’‚‛“”„‟′″‹›«»":
            parts.append(_QUOTE_CLASS)
        elif ch in "-‐‑‒–—―−⁃":
            parts.append(_DASH_CLASS)
        else:
            parts.append(re.escape(ch))
    start = r"(?<![^\W_])" if term[:1].isalnum() else ""
    return re.compile(start + "".join(parts), re.IGNORECASE)


def normalised_pattern(terms: list[str]) -> re.Pattern[str] | None:
    """One pattern for several code words in normalised output text (see :func:`normalise`)."""
    words = sorted({normalise(term).strip() for term in terms} - {""}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<![^\W_])(?:" + "|".join(re.escape(w) for w in words) + ")")
