"""Counts written by hand: a number before a band name or a kind word, where a figure could be."""

from __future__ import annotations

import bisect
import itertools
import re

from generator.diagnostics import Location, Report
from generator.load.failclosed import blank_code_spans
from generator.model import Settings
from generator.resolve.figures.count import SMALL, TENS, is_english
from generator.resolve.figures.counted import KINDS
from generator.resolve.figures.prose import code_lines

_LABELS = (
    "objective|phase|action|annex|appendix|chapter|section|table|figure|level|tier|step|article|part|page|"
    "line|no|number|version|priority|score|scores|scored|scoring|rated"
)
_BEFORE = re.compile(rf"(?:\b(?:{_LABELS})|[#§]|\d[ \t]*(?:[–—-]|to|and))[ \t]*$", re.IGNORECASE)
"""What makes the number after it a label or a score, not a count: 'Objective 3', 'scores 10 to 15'."""
_YEAR = re.compile(r"1[89]\d\d|2\d\d\d")
_MASKS = re.compile(
    r"<!--.*?-->|\[\[[^\]\n]*\]\]|!?\[[^\[\]\n]*\](?:\([^)\n]*\)|\[[^\]\n]*\])|<[a-z]+:[^>\s]*>"
    r"|https?://\S+|\{\{.*?\}\}|\{[^{}\n]*\}",
    re.IGNORECASE,
)
"""Text no count is read in: comments, references, links and their text, addresses, figures, attributes."""


def _band_pattern(name: str) -> str:
    """A band name as prose writes it: its first letter as the scale has it, the rest in any case.

    'two High risks' is a count; 'two high-speed craft' is not (the hyphen rules that out too).
    """
    rest = r"[ \t]+".join(re.escape(word) for word in name[1:].split(" "))
    return re.escape(name[0]) + (f"(?i:{rest})" if rest else "")


class ByHand:
    """Finds a number written right before a band name or a kind word, where a figure could be."""

    def __init__(self, settings: Settings) -> None:
        numbers = [r"\d+(?:,\d{3})*"]
        kinds: list[str] = []
        if is_english(settings):
            units = "|".join(SMALL[1:10])
            small = "|".join(sorted(SMALL[1:], key=len, reverse=True))  # 'seventeen' before 'seven'
            numbers.append(rf"(?i:(?:{'|'.join(TENS)})-(?:{units})|{small}|{'|'.join(TENS[1:])})")
            kinds = [f"(?i:{'|'.join(KINDS)})"]  # kind words are English; bands are found in any language
        self.bands = {b.name.lower(): b.name for b in settings.scales.bands}
        names = sorted(self.bands.values(), key=len, reverse=True)
        targets = "|".join([*(_band_pattern(name) for name in names), *kinds])
        # The look-ahead names every first character a number can have: the regular expression
        # engine then skips the other positions quickly, which halves the time of the check's scan.
        firsts = "".join(sorted({c for word in [*SMALL, *TENS] for c in (word[0], word[0].upper())})) if kinds else ""
        self.pattern = re.compile(
            rf"(?=[0-9{firsts}])(?<![\w.,$€£%-])(?P<number>{'|'.join(numbers)})(?![\w%-]|[.,]\d)"
            rf"(?:[ \t]+(?!of\b)[^\W\d]+(?:'[^\W\d]+)?){{0,2}}?"
            rf"[ \t]+(?P<target>{targets})(?![\w-])",
        )

    def scan(self, text: str, at: Location, report: Report) -> None:
        """Warn at each count written by hand in a passage."""
        # One pass over the whole passage finds the few candidates; only their lines are looked at closely.
        lines: list[str] | None = None
        starts: list[int] = []
        code: frozenset[int] | None = None
        for candidate in self.pattern.finditer(text):
            if lines is None:
                lines = text.split("\n")
                starts = list(itertools.accumulate((len(line) + 1 for line in lines), initial=0))
                code = code_lines(text)
            index = bisect.bisect_right(starts, candidate.start()) - 1
            line, col = lines[index], candidate.start() - starts[index]
            visible = _MASKS.sub(lambda m: " " * len(m.group(0)), blank_code_spans(line))
            match = self.pattern.match(visible, col)
            if match is None or index in (code or ()):
                continue  # in code, a reference, a link or a figure
            if _YEAR.fullmatch(match.group("number")) or _BEFORE.search(visible, 0, col):
                continue
            report.warning(
                Location(at.path, at.line + index, col + 1),
                "W-FIGURE-BY-HAND",
                f"'{line[col : match.end()]}' is a count written by hand: it stays the same in "
                "every edition, whatever each one leaves out",
                f"write {self._suggest(match.group('target'))} so that each edition computes its own",
            )

    def _suggest(self, target: str) -> str:
        words = " ".join(target.split())
        band = self.bands.get(words.lower())
        if band is not None:
            return "{{count risks band=" + (f'"{band}"' if " " in band else band) + "}}"
        return "{{count " + words.lower() + "}}"
