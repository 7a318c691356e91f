"""The checks of figures: on the whole publication once, then on what each edition can show."""

from __future__ import annotations

from generator.diagnostics import Location, Report, article, did_you_mean
from generator.model import Chapter, Entity, Passage, Settings
from generator.resolve.figures.by_hand import ByHand
from generator.resolve.figures.counted import KINDS
from generator.resolve.figures.figure import OPEN, FigureProblem, Written
from generator.resolve.figures.grammar import parse, unknown_choice
from generator.resolve.figures.prose import figures_in


def check(chapters: list[Chapter], entities: dict[str, Entity], settings: Settings, report: Report) -> None:
    """Report every figure that cannot be read, and every count written by hand where a figure could be."""
    by_hand = ByHand(settings)
    for chapter in chapters:
        for segment in chapter.segments:
            if isinstance(segment, Passage):
                at = Location(chapter.location.path, segment.line, 1)
                if OPEN in segment.text:
                    _check_figures(segment.text, at, entities, settings, report)
                by_hand.scan(segment.text, at, report)


def _check_figures(text: str, at: Location, entities: dict[str, Entity], settings: Settings, report: Report) -> None:
    for index, line, start, end in figures_in(text):
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


def check_edition(
    chapters: list[Chapter], entities: dict[str, Entity], known: dict[str, Entity], edition: str, report: Report
) -> None:
    """Report every figure, in prose an edition keeps, filtered by an entity the edition cannot show.

    Counted anyway, it would read 0 and say what the edition leaves out is there to count. ``known``
    is every entity of the publication: an ID that names none is reported by :func:`check` alone.
    """
    for chapter in chapters:
        for segment in chapter.segments:
            if not isinstance(segment, Passage) or OPEN not in segment.text:
                continue
            for index, line, start, end in figures_in(segment.text):
                if end < 0:
                    continue
                try:
                    figure, written = parse(line, start, end)
                except FigureProblem:
                    continue  # reported by the check on the whole publication
                for item in written:
                    if not KINDS[figure.kind].keys[item.key].names_entity or item.value in entities:
                        continue
                    if item.value not in known:
                        continue  # no entity of the publication: reported once, as unknown
                    report.error(
                        Location(chapter.location.path, segment.line + index, item.offset + 1),
                        "E-EDITION-REF",
                        f"{line[start:end]}: names {item.value}, which the {edition} edition cannot show",
                        f"mark the prose around the figure with {item.value}'s level, or count by something "
                        "every edition has",
                    )


def _check_written(shown: str, item: Written, entities: dict[str, Entity], settings: Settings) -> None:
    """The values that name a band, a value of a vocabulary or an entity of the publication."""
    spec = KINDS[item.kind].keys[item.key]
    wanted = spec.values
    if wanted == "choice":
        choices = spec.choices_in(settings)
        if item.value not in choices:
            raise unknown_choice(shown, item.kind, item.key, item.value, choices, item.offset)
    elif wanted == "band":
        bands = [b.name for b in settings.scales.bands]
        if item.value not in bands:
            raise FigureProblem(
                item.offset,
                "E-FIGURE-VALUE",
                f"{shown}: unknown band '{item.value}'",
                did_you_mean(item.value, bands) or f"the bands are: {', '.join(bands)} (quote a name with spaces)",
            )
    elif spec.names_entity:
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
