"""Reading a figure: the grammar, and the values it can check without the publication."""

from __future__ import annotations

import re

from generator.diagnostics import did_you_mean
from generator.resolve.figures.counted import KINDS, OPTIONS, Key
from generator.resolve.figures.figure import CLOSE, OPEN, Figure, FigureProblem, Written

_TOKEN = re.compile(r"""([^\s="']+)(?:=("[^"\n]*"|'[^'\n]*'|[^\s"']*))?|(\S+)""")
_YES_NO = ("yes", "no")


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
        raise FigureProblem(where, "E-FIGURE-KIND", f"{shown}: say what to count", f"count one of: {kind_list()}")
    kind_token, *options = rest
    kind = kind_token.group(1)
    if kind not in KINDS:
        raise FigureProblem(
            kind_token.start(),
            "E-FIGURE-KIND",
            f"{shown}: cannot count '{kind}'",
            did_you_mean(kind, KINDS) or f"count one of: {kind_list()}",
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
    """Values the grammar alone can check; bands, IDs and vocabularies need the publication (:mod:`.checks`)."""
    if spec.values == "yes/no":
        _yes_no(shown, key, value, offset)
    elif spec.values == "stage" and value not in spec.choices:
        raise unknown_choice(shown, kind, key, value, spec.choices, offset)


def unknown_choice(shown: str, kind: str, key: str, value: str, choices: tuple[str, ...], offset: int) -> FigureProblem:
    """The problem of a value that is none of a filter's choices."""
    name = {"status": "status", "stage": "stage", "type": "agency type", "tier": "tier"}.get(key, key)
    return FigureProblem(
        offset,
        "E-FIGURE-VALUE",
        f"{shown}: unknown {name} '{value}'",
        did_you_mean(value, choices) or f"{kind} '{key}' is one of: {', '.join(choices)}",
    )


def kind_list() -> str:
    return ", ".join(KINDS)
