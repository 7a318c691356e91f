"""Figures in prose: counts computed from the data of the edition being built.

A drafter writes ``{{count risks band=High}}`` where the prose gives a count, and each
edition shows its own figure. A count written by hand is the same in every edition, so in
an edition that leaves risks out it contradicts the tables beside it, and the difference
tells a reader what was left out.

The grammar is ``{{count <kind> [key=value ...]}}`` on one line. A value may be a list
(``status=progressing,delayed``: any of them) or quoted (``band="Very high"``); a bare key
means ``key=yes``. ``words`` spells 0 to 20 in English ("eighteen"), with a capital at the
start of a sentence.

Counts are over what the edition shows: its own entities, withheld risks included (the
register lists them), risks shown only within a public group excluded. A withheld risk, or
a risk whose scores are restricted, has no band, so no band counts it.

The whole publication is checked once (:func:`check`); each edition then only evaluates
(:func:`expand_publication`), since every problem was already reported.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt

from generator.diagnostics import Location, Report, article, did_you_mean
from generator.load.markdown import CODE_SPAN
from generator.model import (
    Action,
    Agency,
    Chapter,
    Committee,
    Entity,
    EntityBlock,
    Indicator,
    Objective,
    Passage,
    Phase,
    Risk,
    Segment,
    Settings,
    Threat,
)
from generator.model.entities import STAGES
from generator.validate.kinds import ACTION_STATUS, AGENCY_TYPES, INDICATOR_LEVELS, TIERS

OPEN, CLOSE = "{{", "}}"
_TOKEN = re.compile(r"""([^\s="']+)(?:=("[^"\n]*"|'[^'\n]*'|[^\s"']*))?|(\S+)""")
_YES_NO = ("yes", "no")
_SMALL = [
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"),
    "twenty",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


class FigureProblem(Exception):
    """A figure that cannot be read or computed; ``offset`` is where in the line it is."""

    def __init__(self, offset: int, code: str, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.offset = offset
        self.code = code
        self.message = message
        self.hint = hint


# -- what can be counted ----------------------------------------------------------------


Test = Callable[[Any, str, "Figures", "Figure"], bool]
"""Whether an entity passes a filter with one value, in a publication's figures, for a figure."""


@dataclass(frozen=True, slots=True)
class Key:
    """A filter: the values it takes and which entities it lets through."""

    values: str
    """``band``, ``stage``, ``yes/no``, ``choice`` or the kind of entity its value names."""
    test: Test
    choices: tuple[str, ...] = ()
    meaning: str = ""
    """What the filter means, for the README."""


@dataclass(frozen=True, slots=True)
class Kind:
    """A kind that can be counted, by its plural."""

    entity: type[Entity]
    keys: dict[str, Key] = field(default_factory=dict)


def _band(risk: Risk, value: str, figures: Figures, figure: Figure) -> bool:
    assessment = risk.stage(figure.stage)
    return not risk.withheld and not assessment.withheld and assessment.band.name == value


def _yes(flag: bool, value: str) -> bool:
    return flag == (value == "yes")


KINDS: dict[str, Kind] = {
    "risks": Kind(
        Risk,
        {
            "band": Key("band", _band, meaning="rated in this band (at `stage`)"),
            "stage": Key("stage", lambda r, v, f, _: True, STAGES, "which scores `band` reads; default `residual`"),
            "threat": Key("threat", lambda r, v, f, _: r.threat == v, meaning="assessing this threat category"),
            "lead": Key("agency", lambda r, v, f, _: r.lead == v, meaning="led by this agency"),
            "agency": Key(
                "agency", lambda r, v, f, _: v == r.lead or v in r.support, meaning="led or supported by this agency"
            ),
            "objective": Key(
                "objective", lambda r, v, f, _: r.id in f.addressed(v), meaning="addressed by the objective"
            ),
        },
    ),
    "actions": Kind(
        Action,
        {
            "status": Key("choice", lambda a, v, f, _: a.status == v, ACTION_STATUS, "with this status"),
            "objective": Key("objective", lambda a, v, f, _: a.objective == v, meaning="delivering the objective"),
            "committee": Key("committee", lambda a, v, f, _: a.committee == v, meaning="overseen by the committee"),
            "lead": Key("agency", lambda a, v, f, _: a.raci.responsible == v, meaning="with this responsible agency"),
            "agency": Key("agency", lambda a, v, f, _: v in a.agencies, meaning="with any RACI role for the agency"),
        },
    ),
    "objectives": Kind(
        Objective,
        {
            "lead": Key("agency", lambda o, v, f, _: o.lead == v, meaning="led by this agency"),
            "risk": Key("risk", lambda o, v, f, _: v in o.risks, meaning="addressing the risk"),
        },
    ),
    "indicators": Kind(
        Indicator,
        {
            "level": Key("choice", lambda i, v, f, _: i.level == v, INDICATOR_LEVELS, "of this level"),
            "objective": Key("objective", lambda i, v, f, _: i.objective == v, meaning="measuring the objective"),
            "action": Key("action", lambda i, v, f, _: i.action == v, meaning="measuring the action"),
            "owner": Key("agency", lambda i, v, f, _: i.owner == v, meaning="owned by this agency"),
        },
    ),
    "agencies": Kind(Agency, {"type": Key("choice", lambda a, v, f, _: a.type == v, AGENCY_TYPES, "of this type")}),
    "committees": Kind(Committee, {"tier": Key("choice", lambda c, v, f, _: c.tier == v, TIERS, "of this tier")}),
    "threats": Kind(
        Threat,
        {
            "assessed": Key("yes/no", lambda t, v, f, _: _yes(t.id in f.assessed(), v), meaning="a risk assesses it"),
            "malicious": Key("yes/no", lambda t, v, f, _: _yes(t.malicious, v), meaning="a malicious threat"),
            "imo": Key("yes/no", lambda t, v, f, _: _yes(t.imo is not None, v), meaning="one of the IMO's categories"),
        },
    ),
    "phases": Kind(Phase),
}
OPTIONS = ("words",)
"""Keys every figure takes that choose how it is written, not what it counts."""


# -- reading a figure ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure as written: what to count and how to write the number."""

    kind: str
    filters: tuple[tuple[str, tuple[str, ...]], ...]
    words: bool = False

    @property
    def stage(self) -> str:
        """The stage whose bands ``band`` reads."""
        return next((values[0] for key, values in self.filters if key == "stage"), "residual")


@dataclass(frozen=True, slots=True)
class Written:
    """A filter value as written, with its offset in the line, for the checks that need the publication."""

    kind: str
    key: str
    value: str
    offset: int


def parse(line: str, start: int, end: int) -> tuple[Figure, list[Written]]:
    """Read the figure ``line[start:end]`` (``{{`` to ``}}``); raise :class:`FigureProblem`."""
    body_start = start + len(OPEN)
    tokens = list(_TOKEN.finditer(line, body_start, end - len(CLOSE)))
    shown = line[start:end]
    if not tokens:
        raise FigureProblem(start, "E-FIGURE-SYNTAX", f"'{shown}' is empty", "write {{count risks}}, for example")
    verb, *rest = tokens
    if verb.group(0) != "count":
        raise FigureProblem(
            verb.start(),
            "E-FIGURE-SYNTAX",
            f"{shown}: unknown figure '{verb.group(0)}'",
            "a figure reads {{count <kind> [key=value ...]}}; inside code (`{{...}}`) it stays as written",
        )
    if not rest or rest[0].group(1) is None or rest[0].group(2) is not None:
        where = rest[0].start() if rest else verb.end()
        raise FigureProblem(where, "E-FIGURE-KIND", f"{shown}: say what to count", f"count one of: {_kind_list()}")
    kind_token, *options = rest
    kind = kind_token.group(1)
    if kind not in KINDS:
        raise FigureProblem(
            kind_token.start(),
            "E-FIGURE-KIND",
            f"{shown}: cannot count '{kind}'",
            did_you_mean(kind, KINDS) or f"count one of: {_kind_list()}",
        )
    spec = KINDS[kind]
    filters: dict[str, tuple[str, ...]] = {}
    words = False
    seen: set[str] = set()
    stage_at = start
    written: list[Written] = []
    for token in options:
        key, raw = token.group(1), token.group(2)
        if raw == "" and line[token.end() : token.end() + 1] in ("'", '"'):
            raise FigureProblem(token.end(), "E-FIGURE-SYNTAX", f"{shown}: the quote after '{key}=' is never closed")
        if key is None or (raw is not None and not raw.strip("\"'")):
            raise FigureProblem(
                token.start(),
                "E-FIGURE-SYNTAX",
                f"{shown}: cannot read '{token.group(0)}'",
                'write key=value; quote a value with spaces whole: band="Very high"',
            )
        if key in seen:
            raise FigureProblem(token.start(), "E-FIGURE-FILTER", f"{shown}: '{key}' is given twice")
        seen.add(key)
        if key == "stage":
            stage_at = token.start()
        quoted = raw is not None and raw[0] in "\"'"
        value = raw[1:-1] if quoted and raw else (raw or "yes")
        value_at = token.start(2) + quoted if raw is not None else token.start()
        if key in OPTIONS:
            words = _yes_no(shown, key, value, value_at)
            continue
        if key not in spec.keys:
            known = [*spec.keys, *OPTIONS]
            raise FigureProblem(
                token.start(),
                "E-FIGURE-FILTER",
                f"{shown}: {kind} have no filter '{key}'",
                did_you_mean(key, known) or f"the filters of {kind} are: {', '.join(known)}",
            )
        single = spec.keys[key].values in ("yes/no", "stage")
        values = (value,) if single else tuple(value.split(","))
        offset = value_at
        for one in values:
            _check_value(shown, kind, key, spec.keys[key], one, offset)
            written.append(Written(kind, key, one, offset))
            offset += len(one) + 1
        filters[key] = values
    if "stage" in filters and "band" not in filters:
        raise FigureProblem(
            stage_at,
            "E-FIGURE-FILTER",
            f"{shown}: 'stage' chooses the scores 'band' reads, and there is no 'band'",
            "add band=<band name>, or remove stage",
        )
    return Figure(kind, tuple(sorted(filters.items())), words), written


def _yes_no(shown: str, key: str, value: str, offset: int) -> bool:
    if value not in _YES_NO:
        raise FigureProblem(offset, "E-FIGURE-VALUE", f"{shown}: '{key}' is yes or no, not '{value}'")
    return value == "yes"


def _check_value(shown: str, kind: str, key: str, spec: Key, value: str, offset: int) -> None:
    """Values the grammar alone can check; bands and IDs need the publication (:func:`_check_written`)."""
    if spec.values == "yes/no":
        _yes_no(shown, key, value, offset)
    elif spec.values in ("choice", "stage") and value not in spec.choices:
        name = {"status": "status", "stage": "stage", "type": "agency type", "tier": "tier"}.get(key, key)
        raise FigureProblem(
            offset,
            "E-FIGURE-VALUE",
            f"{shown}: unknown {name} '{value}'",
            did_you_mean(value, spec.choices) or f"{kind} '{key}' is one of: {', '.join(spec.choices)}",
        )


def _kind_list() -> str:
    return ", ".join(KINDS)


def _check_written(shown: str, item: Written, entities: dict[str, Entity], settings: Settings) -> None:
    """The values that name a band or an entity of the publication."""
    wanted = KINDS[item.kind].keys[item.key].values
    if wanted == "band":
        bands = [b.name for b in settings.scales.bands]
        if item.value not in bands:
            raise FigureProblem(
                item.offset,
                "E-FIGURE-VALUE",
                f"{shown}: unknown band '{item.value}'",
                did_you_mean(item.value, bands) or f"the bands are: {', '.join(bands)} (quote a name with spaces)",
            )
    elif wanted not in ("yes/no", "choice", "stage"):
        target = entities.get(item.value)
        if target is None:
            pool = [e.id for e in entities.values() if wanted == e.KIND]
            raise FigureProblem(
                item.offset,
                "E-FIGURE-REF",
                f"{shown}: unknown {wanted} '{item.value}'",
                did_you_mean(item.value, pool) or f"'{item.key}' names {article(wanted)} {wanted} by its ID",
            )
        if wanted != target.KIND:
            raise FigureProblem(
                item.offset,
                "E-FIGURE-REF",
                f"{shown}: '{item.value}' is {article(target.KIND)} {target.KIND}, not {article(wanted)} {wanted}",
                f"'{item.key}' names {article(wanted)} {wanted} by its ID",
            )


# -- computing figures --------------------------------------------------------------------


class Figures:
    """The figures of one publication or edition, each computed once."""

    def __init__(self, entities: dict[str, Entity], settings: Settings) -> None:
        self.entities = entities
        self.english = _english(settings)
        self._of_kind: dict[str, list[Entity]] = {}
        self._counts: dict[Figure, int] = {}
        self._assessed: set[str] | None = None

    def count(self, figure: Figure) -> int:
        """How many entities of the edition the figure counts."""
        found = self._counts.get(figure)
        if found is None:
            spec = KINDS[figure.kind]
            chosen = self._of_kind.get(figure.kind)
            if chosen is None:
                chosen = self._of_kind[figure.kind] = [e for e in self.entities.values() if isinstance(e, spec.entity)]
            for key, values in figure.filters:
                test = spec.keys[key].test
                chosen = [e for e in chosen if any(test(e, value, self, figure) for value in values)]
            found = self._counts[figure] = len(chosen)
        return found

    def addressed(self, objective_id: str) -> set[str]:
        """The risks an objective of the edition addresses."""
        objective = self.entities.get(objective_id)
        return set(objective.risks) if isinstance(objective, Objective) else set()

    def assessed(self) -> set[str]:
        """The threat categories a risk of the edition assesses (as the coverage view counts them)."""
        if self._assessed is None:
            self._assessed = {e.threat for e in self.entities.values() if isinstance(e, Risk)}
        return self._assessed

    def written(self, figure: Figure, *, capital: bool) -> str:
        """The number as the prose shows it."""
        number = self.count(figure)
        if not (figure.words and self.english and number <= 20):
            return str(number)
        word = _SMALL[number]
        return word.capitalize() if capital else word


# -- prose ---------------------------------------------------------------------------------

_md = MarkdownIt("commonmark").disable(["inline", "text_join"])


@lru_cache(maxsize=4096)
def _code_lines(text: str) -> frozenset[int]:
    """The line indexes of fenced and indented code in a text (the same text comes back edition after edition)."""
    lines: set[int] = set()
    for token in _md.parse(text):
        if token.type in ("fence", "code_block") and token.map:
            lines.update(range(*token.map))
    return frozenset(lines)


def _blank_code_spans(line: str) -> str:
    return CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line) if "`" in line else line


def _figures_in(text: str) -> Iterator[tuple[int, str, int, int]]:
    """Each ``{{`` outside code: line index, line, start, and end after ``}}`` (-1 when never closed)."""
    lines = text.split("\n")
    code = _code_lines(text)
    for index, line in enumerate(lines):
        if OPEN not in line or index in code:
            continue
        visible = _blank_code_spans(line)
        cursor = visible.find(OPEN)
        while cursor >= 0:
            close = visible.find(CLOSE, cursor + len(OPEN))
            end = close + len(CLOSE) if close >= 0 else -1
            yield index, line, cursor, end
            if end < 0:
                break
            cursor = visible.find(OPEN, end)


_CLOSERS = "*_)\"'”’]"
_LINE_START = re.compile(r"[ \t]*(?:(?:[-*+]|\d+[.)]|#{1,6}|>)[ \t]+)?")
"""What may stand before the first word of a line: blanks, and a list, heading or quote marker."""


def _starts_sentence(lines: list[str], index: int, start: int) -> bool:
    """Whether a figure at ``lines[index][start]`` opens a sentence, a paragraph, a list item or a cell."""
    before = lines[index][:start]
    if _LINE_START.fullmatch(before):
        if before.strip():
            return True  # the first word of a list item, a heading or a quote
        previous = lines[index - 1] if index > 0 else ""
        if not previous.strip() or previous.lstrip().startswith("#"):
            return True  # the first word of a paragraph
        before = previous  # prose wrapped onto this line: the sentence may go on from the line above
    text = before.rstrip().rstrip(_CLOSERS)
    return not text or text[-1] in ".!?|"


def _english(settings: Settings) -> bool:
    return settings.language.lower().split("-")[0] == "en"


def expand(text: str, figures: Figures) -> str:
    """The text with each figure outside code replaced by its number; what cannot be read stays as written."""
    if OPEN not in text:
        return text
    lines = text.split("\n")
    changes: dict[int, list[tuple[int, int, str]]] = {}
    for index, line, start, end in list(_figures_in(text)):
        if end < 0:
            continue
        try:
            figure, _ = parse(line, start, end)
        except FigureProblem:
            continue  # reported by the check; a build never gets here with it
        number = figures.written(figure, capital=_starts_sentence(lines, index, start))
        changes.setdefault(index, []).append((start, end, number))
    for index, spans in changes.items():
        line = lines[index]
        for start, end, number in reversed(spans):
            line = line[:start] + number + line[end:]
        lines[index] = line
    return "\n".join(lines)


# -- the check on the whole publication -----------------------------------------------------


def check(chapters: list[Chapter], entities: dict[str, Entity], settings: Settings, report: Report) -> None:
    """Report every figure that cannot be read, and every count written by hand where a figure could be."""
    by_hand = _ByHand(settings)
    for chapter in chapters:
        for segment in chapter.segments:
            if isinstance(segment, Passage):
                at = Location(chapter.location.path, segment.line, 1)
                if OPEN in segment.text:
                    _check_figures(segment.text, at, entities, settings, report)
                by_hand.scan(segment.text, at, report)


def _check_figures(text: str, at: Location, entities: dict[str, Entity], settings: Settings, report: Report) -> None:
    for index, line, start, end in _figures_in(text):
        try:
            if end < 0:
                raise FigureProblem(
                    start,
                    "E-FIGURE-UNCLOSED",
                    "'{{' is never closed on its line",
                    "write the figure on one line, {{count risks}}; to show '{{' itself, write it as code: `{{`",
                )
            _, written = parse(line, start, end)
            for item in written:
                _check_written(line[start:end], item, entities, settings)
        except FigureProblem as problem:
            where = Location(at.path, at.line + index, problem.offset + 1)
            report.error(where, problem.code, problem.message, problem.hint)


def check_edition(chapters: list[Chapter], entities: dict[str, Entity], edition: str, report: Report) -> None:
    """Report every figure, in prose an edition keeps, filtered by an entity the edition cannot show.

    Counted anyway, it would read 0 and say what the edition leaves out is there to count.
    """
    for chapter in chapters:
        for segment in chapter.segments:
            if not isinstance(segment, Passage) or OPEN not in segment.text:
                continue
            for index, line, start, end in _figures_in(segment.text):
                if end < 0:
                    continue
                try:
                    figure, written = parse(line, start, end)
                except FigureProblem:
                    continue  # reported by the check on the whole publication
                for item in written:
                    wanted = KINDS[figure.kind].keys[item.key].values
                    if wanted in ("band", "yes/no", "choice", "stage") or item.value in entities:
                        continue
                    report.error(
                        Location(chapter.location.path, segment.line + index, item.offset + 1),
                        "E-EDITION-REF",
                        f"{line[start:end]}: names {item.value}, which the {edition} edition cannot show",
                        f"mark the prose around the figure with {item.value}'s level, or count by something "
                        "every edition has",
                    )


# -- counts written by hand ------------------------------------------------------------------

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


class _ByHand:
    """Finds a number written right before a band name or a kind word, where a figure could be."""

    def __init__(self, settings: Settings) -> None:
        numbers = [r"\d+(?:,\d{3})*"]
        kinds: list[str] = []
        if _english(settings):
            units = "|".join(_SMALL[1:10])
            small = "|".join(sorted(_SMALL[1:], key=len, reverse=True))  # 'seventeen' before 'seven'
            numbers.append(rf"(?i:(?:{'|'.join(_TENS)})-(?:{units})|{small}|{'|'.join(_TENS[1:])})")
            kinds = [f"(?i:{'|'.join(KINDS)})"]  # kind words are English; bands are found in any language
        self.bands = {b.name.lower(): b.name for b in settings.scales.bands}
        names = sorted(self.bands.values(), key=len, reverse=True)
        targets = "|".join([*(_band_pattern(name) for name in names), *kinds])
        # The look-ahead names every first character a number can have: the regular expression
        # engine then skips the other positions quickly, which halves the time of the check's scan.
        firsts = "".join(sorted({c for word in [*_SMALL, *_TENS] for c in (word[0], word[0].upper())})) if kinds else ""
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
                code = _code_lines(text)
            index = bisect.bisect_right(starts, candidate.start()) - 1
            line, col = lines[index], candidate.start() - starts[index]
            visible = _MASKS.sub(lambda m: " " * len(m.group(0)), _blank_code_spans(line))
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


# -- expanding a publication -----------------------------------------------------------------


def expand_all(
    chapters: list[Chapter], entities: dict[str, Entity], settings: Settings
) -> tuple[list[Chapter], dict[str, Entity]] | None:
    """Chapters and entities with every figure computed from ``entities``; None when no prose has one.

    Nothing given is changed: a changed passage, chapter or entity is a new object, so the
    whole publication keeps its figures as written for each edition to compute its own.
    """
    figures = Figures(entities, settings)
    changed: dict[str, Entity] = {}
    for entity in entities.values():
        if OPEN in entity.narrative:
            narrative = expand(entity.narrative, figures)
            if narrative != entity.narrative:
                changed[entity.id] = dataclasses.replace(entity, narrative=narrative)
    new_chapters: list[Chapter] = []
    touched = bool(changed)
    for chapter in chapters:
        segments: list[Segment] = []
        for segment in chapter.segments:
            if isinstance(segment, Passage) and OPEN in segment.text:
                segment = dataclasses.replace(segment, text=expand(segment.text, figures))
            elif isinstance(segment, EntityBlock) and any(e.id in changed for e in segment.entities):
                segment = EntityBlock(segment.kind, [changed.get(e.id, e) for e in segment.entities])
            segments.append(segment)
        title = expand(chapter.title, figures)
        if title != chapter.title or any(a is not b for a, b in zip(segments, chapter.segments, strict=True)):
            chapter = dataclasses.replace(chapter, title=title, segments=segments)
            touched = True
        new_chapters.append(chapter)
    if not touched:
        return None
    return new_chapters, {key: changed.get(key, entity) for key, entity in entities.items()}
