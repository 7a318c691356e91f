"""Small text helpers shared by every view: dates, names, lists of links."""

from __future__ import annotations

import datetime as dt
import re
from functools import reduce

from generator import words
from generator.model import Agency, Assessment, Entity
from generator.resolve import Publication
from generator.views.blocks import Cell, Column, Link, Marker, cell
from generator.views.engine_words import engine_word
from generator.words import DEFAULT, language, say


def status_label(publication: Publication, status: str) -> str:
    """An action status as tables show it, e.g. 'Progressing', or a label from ``publication.yml``."""
    return engine_word(publication.settings.vocabulary.action_statuses.label(status))


def tier_label(publication: Publication, tier: str) -> str:
    """A committee tier as tables show it, e.g. 'National committee'."""
    return engine_word(publication.settings.vocabulary.committee_tiers.label(tier))


def agency_type_label(publication: Publication, agency_type: str) -> str:
    """An agency type as tables show it, e.g. 'Coast guard'."""
    return engine_word(publication.settings.vocabulary.agency_types.label(agency_type))


def level_label(publication: Publication, level: str) -> str:
    """An indicator level as tables show it, e.g. 'Outcome'."""
    return engine_word(publication.settings.vocabulary.indicator_levels.label(level))


def long_date(day: dt.date | None) -> str:
    """A date as readers write it: '31 March 2027' (in the current language: '31 mars 2027')."""
    return words.long_date(day)


def quarter(day: dt.date) -> str:
    """The calendar quarter of a date, e.g. 'Q1 2027'."""
    return say("Q{quarter} {year}", quarter=(day.month - 1) // 3 + 1, year=day.year)


def stage_word(stage: str) -> str:
    """A stage of assessment in running text: 'inherent', 'residual', 'target'."""
    return {"inherent": say("inherent"), "residual": say("residual"), "target": say("target")}.get(stage, stage)


def stage_title(stage: str) -> str:
    """A stage of assessment as a label: 'Inherent', 'Residual', 'Target'."""
    return {"inherent": say("Inherent"), "residual": say("Residual"), "target": say("Target")}.get(
        stage, stage.capitalize()
    )


def counted(count: int, one: str, many: str, **fields: object) -> str:
    """'1 risk', '3 risks': ``one`` or ``many`` (messages with a ``{count}``, said without their fields) for ``count``.

    The current language's plural rule chooses (French says '0 risque'); a language with
    more forms than two takes ``many`` for all but its singular. ``fields`` fill the message's other fields.
    """
    return (one if _singular(count) else many).format(count=count, **fields)


def _singular(count: int) -> bool:
    if language() == DEFAULT:
        return count == 1
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(language().replace("-", "_")).plural_form(count) == "one"
    except (ValueError, UnknownLocaleError):
        return count == 1


def either(items: list[str]) -> str:
    """'a or b or c', in the current language."""
    if not items:
        return ""
    return reduce(lambda first, second: say("{first} or {second}", first=first, second=second), items)


def both(items: list[str]) -> str:
    """'a and b and c', in the current language."""
    if not items:
        return ""
    return reduce(lambda first, second: say("{first} and {second}", first=first, second=second), items)


def agency_short(publication: Publication, agency_id: str | None) -> str:
    """An agency's short name, or its ID when it has none."""
    if not agency_id:
        return ""
    agency = publication.get(agency_id, Agency)
    return agency.short or agency.id


def agency_link(publication: Publication, agency_id: str | None) -> Link | str:
    """A link to an agency, shown by its short name."""
    if not agency_id:
        return ""
    return Link(agency_short(publication, agency_id), agency_id)


def id_links(ids: list[str]) -> list[Link]:
    """Links shown by the entities' IDs."""
    return [Link(entity_id, entity_id) for entity_id in ids]


def title_link(entity: Entity) -> Link:
    """A link shown by the entity's title."""
    return Link(entity.title, entity.id)


def list_cell(parts: list[Link] | list[str] | list[Link | str], *, separator: str = ", ") -> Cell:
    """A cell listing several items."""
    return Cell(list(parts), separator=separator)


def shown_only_in(publication: Publication) -> str:
    """Where a reader finds what this edition withholds: 'Shown only in the Committee edition'.

    The editions are named by their one name, as their covers and banners give it.
    """
    settings = publication.settings
    above = settings.editions_above(publication.marking) if publication.edition else []
    if not above:
        return say("Shown in no edition of this publication")
    return say("Shown only in {editions}", editions=either([say("the {edition}", edition=e.title) for e in above]))


def score_cell(assessment: Assessment, publication: Publication | None = None) -> Cell:
    """A score with its band: '12 High', sortable by the number; 'Withheld' where the edition may not show it.

    A withheld score's marker says which edition shows it (given ``publication``).
    """
    if assessment.withheld:
        where = shown_only_in(publication) if publication is not None else say("Not shown in this edition")
        return cell(Marker(say("Withheld"), title=where), sort_key="0000")
    return cell(
        Marker(
            f"{assessment.score} {assessment.band.name}",
            assessment.band,
            title=say("Rated {band}", band=assessment.band.name),
            short=str(assessment.score),
        ),
        sort_key=f"{assessment.score:04d}",
        band=assessment.band,
    )


def band_legend(publication: Publication) -> list[Marker]:
    """The rating bands as a legend: each band's name and its range of scores, on its colour."""
    return [Marker(f"{b.name} {b.min}–{b.max}", b) for b in publication.settings.scales.bands]


def portion_column(publication: Publication) -> list[Column]:
    """The classification column tables carry in editions above the lowest level (portion marking)."""
    return [Column(say("Class."))] if publication.portion_marked() else []


def portion_cell(publication: Publication, entity: Entity) -> list[Cell]:
    """A row's own level, in editions that portion-mark their tables."""
    return [cell(Marker(entity.classification, title=say("Classification")))] if publication.portion_marked() else []


def short_date(day: dt.date | None) -> str:
    """A date as tables write it, to fit a narrow column: '31 Mar 2027' (in French '31 mars 2027')."""
    if not day:
        return ""
    if language() == DEFAULT:
        return f"{day.day} {day:%b %Y}"
    from babel.dates import format_date

    try:
        return format_date(day, format="d MMM y", locale=language().replace("-", "_"))
    except (ValueError, LookupError):
        return f"{day.day} {day:%b %Y}"


def date_cell(day: dt.date | None) -> Cell:
    """A date in a table ('31 Mar 2027'), sortable, never broken over two lines."""
    return cell(short_date(day), sort_key=day.isoformat() if day else "", keep=True)


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 risk', '3 risks'."""
    return f"{count} {word if count == 1 else many or word + 's'}"


def number_text(value: float) -> str:
    """A number without a needless '.0'."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def natural_key(text: str) -> list[tuple[int, int | str]]:
    """A sort key that orders numbers inside IDs by value: OBJ-2 before OBJ-10."""
    return [(0, int(part)) if part.isdigit() else (1, part.lower()) for part in re.split(r"(\d+)", text) if part]
