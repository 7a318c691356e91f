"""What changed between two versions of a publication, entity by entity.

Both versions are publications read by the same stages (the earlier one out of git, see
:mod:`generator.changes`), and, for an edition, both are first cut for it
(:func:`generator.resolve.editions.for_edition`): a change can only show what the edition may
show in both versions. A field an edition withholds in either version is not compared, and a
risk the edition shows only by its public text is compared by that text alone (added or
removed, never re-scored).

The comparison covers what a reader of an annual review asks: risks added, removed,
re-scored (per stage, with scores and bands) and re-assigned (their lead agency); actions
added, removed, whose status or dates changed; indicators added, removed, with new
measurements or a new target; committees added, removed, with a new chair or members who
joined or left.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from generator.model import Action, Assessment, Committee, Entity, Indicator, Risk
from generator.resolve import Publication
from generator.views.indicator_chart import unit_text
from generator.views.text import long_date, natural_key, stage_word, status_label
from generator.words import say

KINDS: tuple[tuple[str, type[Entity]], ...] = (
    ("risk", Risk),
    ("action", Action),
    ("indicator", Indicator),
    ("committee", Committee),
)
"""The kinds compared, in the order a report lists them."""

ADDED, REMOVED = "Added", "Removed"


@dataclass(frozen=True, slots=True)
class Change:
    """One change to one entity, as a reader is told it."""

    kind: str
    """risk, action, indicator or committee."""
    id: str
    name: str
    """The entity's name in the later version (in the earlier one when it was removed)."""
    what: str
    """Added, Removed, or what changed: 'Re-scored (residual)', 'Lead agency', 'Status', ..."""
    before: str = ""
    after: str = ""

    @property
    def present(self) -> bool:
        """Whether the entity is in the later version (and so has a page to link to)."""
        return self.what != REMOVED


def compare(before: Publication, after: Publication) -> list[Change]:
    """Every change from ``before`` to ``after``, kind by kind, each kind in natural ID order."""
    changes: list[Change] = []
    for kind, cls in KINDS:
        old = {e.id: e for e in before.of_kind(cls)}
        new = {e.id: e for e in after.of_kind(cls)}
        for entity_id in sorted(old.keys() | new.keys(), key=natural_key):
            was, now = old.get(entity_id), new.get(entity_id)
            if was is None and now is not None:
                changes.append(Change(kind, entity_id, _name(now), ADDED))
            elif now is None and was is not None:
                changes.append(Change(kind, entity_id, _name(was), REMOVED))
            elif was is not None and now is not None:
                compared = Compared(before, after, was, now)
                changes += [Change(kind, entity_id, _name(now), *found) for found in COMPARE[kind](compared)]
    return changes


def counts(changes: list[Change]) -> dict[str, dict[str, int]]:
    """Per kind, how many entities were added, removed and changed (each changed entity counted once)."""
    found: dict[str, dict[str, int]] = {}
    for kind, _cls in KINDS:
        mine = [c for c in changes if c.kind == kind]
        changed = {c.id for c in mine if c.what not in (ADDED, REMOVED)}
        found[kind] = {
            "added": sum(1 for c in mine if c.what == ADDED),
            "removed": sum(1 for c in mine if c.what == REMOVED),
            "changed": len(changed),
        }
    return found


@dataclass(frozen=True, slots=True)
class Compared:
    """One entity in both versions, with the publications it stands in."""

    before: Publication
    after: Publication
    was: Entity
    now: Entity

    def shown(self, key: str) -> bool:
        """Whether the edition shows the field in both versions (always, for the whole publication)."""
        return _shown(self.before, self.was, key) and _shown(self.after, self.now, key)


Found = Iterator[tuple[str, str, str]]
"""(what changed, before, after)."""


def _risk(c: Compared) -> Found:
    was, now = c.was, c.now
    assert isinstance(was, Risk) and isinstance(now, Risk)
    if was.withheld or now.withheld:  # shown by its public text alone: nothing more to compare
        return
    for stage in ("inherent", "residual", "target"):
        old, new = getattr(was, stage), getattr(now, stage)
        if c.shown(stage) and not old.withheld and not new.withheld and _scores(old) != _scores(new):
            yield say("Re-scored ({stage})", stage=stage_word(stage)), _scores(old), _scores(new)
    if c.shown("lead") and was.lead != now.lead:
        yield say("Lead agency"), _agency(c.before, was.lead), _agency(c.after, now.lead)


def _action(c: Compared) -> Found:
    was, now = c.was, c.now
    assert isinstance(was, Action) and isinstance(now, Action)
    if c.shown("status") and was.status != now.status:
        yield say("Status"), status_label(c.before, was.status), status_label(c.after, now.status)
    if (c.shown("start") and was.start != now.start) or (c.shown("end") and was.end != now.end):
        yield say("Dates"), _span(was), _span(now)


def _indicator(c: Compared) -> Found:
    was, now = c.was, c.now
    assert isinstance(was, Indicator) and isinstance(now, Indicator)
    if c.shown("values"):
        known = {m.date for m in was.values}
        added = [m for m in now.values if m.date not in known]
        if added:
            latest = was.latest
            yield (
                say("New measurements"),
                f"{long_date(latest.date)}: {unit_text(latest.value, was.unit)}" if latest else say("No measurement"),
                "; ".join(f"{long_date(m.date)}: {unit_text(m.value, now.unit)}" for m in added),
            )
    if c.shown("target") and (was.target, was.target_year) != (now.target, now.target_year):
        yield say("Target"), _target(was), _target(now)


def _committee(c: Compared) -> Found:
    was, now = c.was, c.now
    assert isinstance(was, Committee) and isinstance(now, Committee)
    if c.shown("chair") and was.chair != now.chair:
        yield say("Chair"), _agency(c.before, was.chair), _agency(c.after, now.chair)
    if c.shown("members"):
        joined = [m for m in now.members if m not in was.members]
        left = [m for m in was.members if m not in now.members]
        if joined:
            yield say("Members joined"), "", ", ".join(_agency(c.after, m) for m in joined)
        if left:
            yield say("Members left"), ", ".join(_agency(c.before, m) for m in left), ""
    if c.shown("industry_members"):
        joined = [m for m in now.industry_members if m not in was.industry_members]
        left = [m for m in was.industry_members if m not in now.industry_members]
        if joined:
            yield say("Industry members joined"), "", ", ".join(joined)
        if left:
            yield say("Industry members left"), ", ".join(left), ""


COMPARE: dict[str, Callable[[Compared], Found]] = {
    "risk": _risk,
    "action": _action,
    "indicator": _indicator,
    "committee": _committee,
}


def _shown(publication: Publication, entity: Entity, key: str) -> bool:
    """Whether the publication's edition shows the entity's field ``key``."""
    level = entity.restricted.get(key)
    if level is None or publication.edition is None:
        return True
    levels = publication.settings.levels
    return level in levels and levels.index(level) <= levels.index(publication.edition.level)


def _name(entity: Entity) -> str:
    for attribute in ("title_text", "name"):
        value = getattr(entity, attribute, "")
        if value:
            return str(value)
    return entity.id


def _scores(assessment: Assessment) -> str:
    return f"{assessment.score} ({assessment.band.name})"


def _agency(publication: Publication, agency_id: str | None) -> str:
    if not agency_id:
        return say("None")
    agency = publication.entities.get(agency_id)
    if agency is None:  # one the edition leaves out: what its prose would call it
        names = publication.public_names
        return names[agency_id] if agency_id in names else say("Withheld")
    return getattr(agency, "name", "") or agency_id


def _span(action: Action) -> str:
    return say("{start} to {end}", start=long_date(action.start), end=long_date(action.end))


def _target(indicator: Indicator) -> str:
    value = unit_text(indicator.target, indicator.unit)
    return say("{value} by {year}", value=value, year=indicator.target_year) if indicator.target_year else value
