"""A publication as it stood on a day: what a progress report prints.

A progress report (``kind: progress-report`` in ``publication.yml``'s ``documents``) is dated,
and its generated views report the plan as of that date, whatever was recorded since: each
indicator keeps the measurements taken by then, and each action the status reports made by
then, its status being the last of them (the first status, *planned*, when none was made).
The figures of its prose are counted from that plan, and the cover and the files' metadata
carry the report's date. Nothing else changes: the risks,
the chapters and an earlier version a ``changes`` view compares with stay as they are.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from generator.model import Action, Document, Entity, Indicator
from generator.resolve.figures import with_figures
from generator.resolve.publication import Publication


def for_document(publication: Publication, document: Document) -> Publication:
    """The publication as the document prints it: as of its date for a progress report, else as it is."""
    if not document.progress_report:
        return publication
    return as_of(publication, document.date or publication.settings.date)


def as_of(publication: Publication, day: dt.date) -> Publication:
    """A copy of the publication with every measurement and status report after ``day`` left out.

    The figures in its prose (``{{count actions status=finished}}``) are counted again from what
    is left, so the report's commentary and its views agree.
    """
    base = publication.unexpanded or publication  # the prose as written
    first_status = base.settings.vocabulary.action_statuses.values[0]
    entities: dict[str, Entity] = {}
    for entity_id, entity in base.entities.items():
        if isinstance(entity, Indicator) and any(m.date > day for m in entity.values):
            entity = dataclasses.replace(entity, values=[m for m in entity.values if m.date <= day])
        elif isinstance(entity, Action) and any(r.date > day for r in entity.progress):
            kept = [r for r in entity.progress if r.date <= day]
            status = kept[-1].status if kept else first_status
            entity = dataclasses.replace(entity, progress=kept, status=status)
        entities[entity_id] = entity
    settings = dataclasses.replace(base.settings, date=day)
    return with_figures(dataclasses.replace(base, settings=settings, entities=entities, unexpanded=None))
