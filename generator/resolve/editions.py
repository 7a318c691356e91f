"""Cut the publication for one edition: what readers cleared up to its level may see.

Renderers never decide what is restricted: they render the copy this module returns.
- An entity above the edition's level is left out. A risk is the exception: if it has a
  ``public_summary`` or ``public_name`` it stays as a withheld risk (that text and its
  threat category only, no scores); with neither, if it has a ``public_group``, the heat
  maps and the register show it within its group. A group of one shows no scores: they
  would be its member's.
- A field restricted above the edition (``restricted: {field: LEVEL}``) is cleared, the
  ``public_*`` fields included: a restricted public summary is no public text.
- Chapters, prose sections and views above the edition are left out.
- A ``[[ref]]`` in prose the edition keeps, to an entity it leaves out, becomes the
  entity's ``public_name``; with none, it is an error at the reference.
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
from collections import defaultdict
from collections.abc import Callable
from copy import copy as shallow_copy

from generator.diagnostics import Location, Report
from generator.load.markdown import REF_PATTERN
from generator.model import (
    WITHHELD,
    Assessment,
    Chapter,
    Edition,
    Entity,
    EntityBlock,
    FieldPath,
    Passage,
    Risk,
    RiskGroup,
    Settings,
    Signature,
    View,
)
from generator.model.entities import FIELD_ATTRIBUTES
from generator.resolve import figures
from generator.resolve.publication import Publication
from generator.schema import ENTITY_SCHEMAS, ViewFields
from generator.schema.slots import slots, withholdable
from generator.schema.types import Scores


def rank(settings: Settings, level: str) -> int:
    """A level's place in the publication's order, lowest first."""
    return settings.levels.index(level)


def for_edition(publication: Publication, edition: Edition, report: Report) -> Publication:
    """The publication as the edition's readers may see it; problems go to ``report``."""
    publication = publication.unexpanded or publication  # figures: the edition computes its own, below
    settings = publication.settings
    allowed = _allows(settings, edition.level)

    entities: dict[str, Entity] = {}
    groups: dict[str, list[Risk]] = defaultdict(list)
    for entity in publication.entities.values():
        if allowed(entity.classification):
            hidden = [key for key, level in entity.restricted.items() if not allowed(level)]
            entities[entity.id] = _clear_fields(entity, hidden, public_text(entity, "public_name", allowed))
        elif isinstance(entity, Risk):
            summary, name = public_text(entity, "public_summary", allowed), public_text(entity, "public_name", allowed)
            if summary or name:  # the group stands in only for risks with no public text of their own
                entities[entity.id] = _withheld_risk(entity, edition, summary, name)
            elif public_text(entity, "public_group", allowed):
                groups[entity.public_group].append(entity)
    cut = Publication(
        settings=settings, chapters=[], entities=entities, content_root=publication.content_root, edition=edition
    )
    cut.annex_letters = publication.annex_letters  # lettered once, from the whole publication
    cut.risk_groups = [_group(name, members) for name, members in sorted(groups.items())]
    _check_withheld_threats(publication, cut, report)
    _cut_references(publication, cut, report)
    for entity_id, entity in list(cut.entities.items()):
        if "[[" in entity.narrative:
            location = Location(entity.location.path, entity.narrative_line or entity.location.line, 1)
            narrative = _cut_prose(entity.narrative, location, publication, cut, report)
            if narrative != entity.narrative:
                cut.entities[entity_id] = dataclasses.replace(entity, narrative=narrative)
    for chapter in publication.chapters:
        if allowed(chapter.classification):
            cut.chapters.append(_cut_chapter(chapter, publication, cut, allowed, report))
    _keep_prose_references(publication, cut)
    _cut_links(publication, cut, report)
    figures.check_edition(cut.chapters, cut.entities, publication.entities, _edition_id(cut), report)
    cut.earlier = {since: _cut_earlier(earlier, edition) for since, earlier in publication.earlier.items()}
    return figures.with_figures(cut)  # counted from what the edition shows; the check reported what does not read


def _cut_earlier(earlier: Publication | str, edition: Edition) -> Publication | str:
    """An earlier version as the edition sees it (or why it cannot be read): a comparison shows no more."""
    if isinstance(earlier, str):
        return earlier
    if edition.level not in earlier.settings.levels:
        return f"the earlier version has no level {edition.level}"
    return for_edition(earlier, edition, Report())  # its own problems were reported when it was current


def _cut_links(whole: Publication, cut: Publication, report: Report) -> None:
    """An error at every link, in prose the edition keeps, to a chapter the edition leaves out.

    Left alone, such a link would break the edition's site build far from its cause.
    """
    kept = {chapter.path for chapter in cut.chapters}
    levels = {chapter.path: chapter.classification for chapter in whole.chapters}
    for chapter in cut.chapters:
        lines = _kept_lines(chapter, cut)
        for target, location in chapter.links:
            path = posixpath.normpath(posixpath.join(posixpath.dirname(chapter.path), target.split("#")[0]))
            if path in levels and path not in kept and location.line in lines:
                report.error(
                    location,
                    "E-EDITION-LINK",
                    f"the link '{target}' leads to the chapter {path} ({levels[path]}), which the "
                    f"{cut.edition.id if cut.edition else ''} edition leaves out",
                    f"mark the prose around the link {{classification={levels[path]}}}, or link a chapter "
                    "every edition has",
                )


def _keep_prose_references(whole: Publication, cut: Publication) -> None:
    """Keep the references that prose the edition keeps makes to entities it shows.

    They are what lists a chapter under an entity's "Referenced by". A reference written in
    a passage or a narrative the edition leaves out is left out with it.
    """
    kept = {chapter.path: _kept_lines(chapter, cut) for chapter in cut.chapters}
    for ref in whole.refs:
        if ref.source_id is not None or ref.source_chapter not in kept or ref.target not in cut.entities:
            continue
        if ref.location.line in kept[ref.source_chapter]:
            cut.refs.append(ref)
            cut.backlinks[ref.target].append(ref)


def _kept_lines(chapter: Chapter, cut: Publication) -> set[int]:
    """The lines of a cut chapter whose prose the edition keeps: its passages and its entities' narratives."""
    lines: set[int] = set()
    for segment in chapter.segments:
        if isinstance(segment, Passage):
            lines.update(range(segment.line, segment.line + segment.text.count("\n") + 1))
        elif isinstance(segment, EntityBlock):
            for entity in segment.entities:
                if entity.narrative and not (isinstance(entity, Risk) and entity.withheld):
                    start = entity.narrative_line or entity.location.line
                    lines.update(range(start, start + entity.narrative.count("\n") + 1))
    return lines


def public_text(entity: Entity, key: str, allowed: Callable[[str], bool]) -> str:
    """A ``public_*`` field as an edition may show it: empty when the field itself is restricted above it."""
    level = entity.restricted.get(key)
    if level is not None and not allowed(level):
        return ""
    return str(getattr(entity, key, "") or "")


def _check_withheld_threats(whole: Publication, cut: Publication, report: Report) -> None:
    """A withheld risk shows its threat category, so the edition must be able to show that category."""
    for entity in cut.entities.values():
        if isinstance(entity, Risk) and entity.withheld and entity.threat not in cut.entities:
            original = whole.entities[entity.id]
            threat = whole.entities[entity.threat]
            report.error(
                original.where("threat"),
                "E-EDITION-REF",
                f"risk {entity.id}.threat: the {_edition_id(cut)} edition shows this risk by its public text, "
                f"under its threat category, but {threat.KIND} {threat.id} is {threat.classification}",
                "give the threat category a level the edition may show, or leave the risk out of the edition "
                "(no public_summary or public_name)",
            )


def _allows(settings: Settings, ceiling_level: str) -> Callable[[str], bool]:
    """Whether an edition at ``ceiling_level`` may show a level."""
    ceiling = rank(settings, ceiling_level)
    return lambda level: rank(settings, level) <= ceiling


def _edition_id(cut: Publication) -> str:
    return cut.edition.id if cut.edition else ""


def _clear_fields(entity: Entity, keys: list[str], public_name: str) -> Entity:
    """A copy of the entity with the given fields emptied (the entity itself is never changed)."""
    if not keys:
        return entity
    copy = shallow_copy(entity)  # fields are replaced, never edited in place, so the original stays whole
    fields = slots(ENTITY_SCHEMAS[entity.KIND])
    for key in keys:
        slot = fields[key]
        if slot.has_default:  # an optional field: shown as absent
            empty = slot.default()
        elif slot.marker(Scores):  # a risk's scores at a stage
            empty = WITHHELD
        else:  # its name: what prose shows in its place
            empty = public_name or "Withheld"
        setattr(copy, FIELD_ATTRIBUTES.get(key, key), empty)
    return copy


def _withheld_risk(risk: Risk, edition: Edition, summary: str, name: str) -> Risk:
    """A risk's public form: its public text (as the edition may show it) and threat category, nothing else."""
    return Risk(
        id=risk.id,
        location=risk.location,
        chapter=risk.chapter,
        classification=edition.level,
        title_text=name or "Withheld risk",
        threat=risk.threat,
        lead="",
        scenario=summary,
        inherent=WITHHELD,
        residual=WITHHELD,
        target=WITHHELD,
        review=None,
        public_summary=summary,
        public_name=name,
        withheld=True,
    )


def _group(name: str, members: list[Risk]) -> RiskGroup:
    """The members' public group, placed where its highest member stands; a group of one shows no scores.

    The scores of a group of one are its only member's, which the edition may not show.
    """

    def top(stage: str) -> Assessment:
        if len(members) < 2:
            return WITHHELD
        return max((m.stage(stage) for m in members), key=lambda a: a.score)

    threats = sorted({m.threat for m in members})
    return RiskGroup(
        name=name,
        count=len(members),
        inherent=top("inherent"),
        residual=top("residual"),
        target=top("target"),
        threats=threats,
    )


def _cut_references(whole: Publication, cut: Publication, report: Report) -> None:
    """Keep the references between kept entities; drop list items naming left-out ones."""
    for ref in whole.refs:
        if ref.source_id is None:
            continue  # prose: handled with the chapters
        source = cut.entities.get(ref.source_id)
        if source is None or (isinstance(source, Risk) and source.withheld):
            continue
        if ref.target in cut.entities:
            cut.refs.append(ref)
            cut.backlinks[ref.target].append(ref)
            continue
        top = ref.top_field or ""
        if source is whole.entities.get(source.id):
            source = cut.entities[source.id] = shallow_copy(source)  # about to change: stop sharing it
        if top in source.restricted or _drop_from_list(source, ref.path, ref.target):
            continue
        target = whole.entities[ref.target]
        level = target.classification
        lower = f"or lower the {target.KIND}'s classification"
        if withholdable(ENTITY_SCHEMAS[source.KIND], top):
            hint = f"restrict this field too (restricted: {{{top}: {level}}}), {lower}"
        else:  # a required field: the edition cannot show the entity without it
            hint = f"restrict the {source.KIND} too (classification: {level}), {lower}"
        report.error(
            ref.location,
            "E-EDITION-REF",
            f"{ref.origin}: names {target.KIND} {target.id} ({level}), which the "
            f"{cut.edition.id if cut.edition else ''} edition cannot show",
            hint,
        )


def _drop_from_list(entity: Entity, path: FieldPath, target: str) -> bool:
    """Remove ``target`` from the list field ``path`` names (possibly nested, e.g. ``raci.consulted[0]``); True if done.

    Only fields of fields are followed: an item of a list of mappings (a control's owner) is no list to drop from.
    """
    keys = path[:-1] if path and isinstance(path[-1], int) else path
    names = [key for key in keys if isinstance(key, str)]
    if not names or len(names) != len(keys):
        return False
    owner: object = entity
    for name in names[:-1]:
        inner = getattr(owner, name, None)
        if inner is None:
            return False
        inner = shallow_copy(inner)  # shared with the whole publication: copy before changing
        setattr(owner, name, inner)
        owner = inner
    attribute = FIELD_ATTRIBUTES.get(names[-1], names[-1])
    value = getattr(owner, attribute, None)
    if isinstance(value, list) and target in value:
        setattr(owner, attribute, [v for v in value if v != target])
        return True
    return False


def _cut_chapter(
    chapter: Chapter, whole: Publication, cut: Publication, is_allowed: Callable[[str], bool], report: Report
) -> Chapter:
    keep = dataclasses.replace(chapter, segments=[])
    for segment in chapter.segments:
        if isinstance(segment, Signature):
            if is_allowed(segment.classification):
                keep.segments.append(segment)  # plain text: no reference to cut
        elif isinstance(segment, Passage):
            if is_allowed(segment.classification):
                location = Location(chapter.location.path, segment.line, 1)
                text = _cut_prose(segment.text, location, whole, cut, report)
                keep.segments.append(Passage(text, segment.line, segment.classification))
        elif isinstance(segment, View):
            if is_allowed(segment.classification):
                _check_view_filters(segment, whole, cut, report)
                keep.segments.append(segment)
        elif isinstance(segment, EntityBlock):
            shown = [cut.entities[e.id] for e in segment.entities if e.id in cut.entities]
            if shown:
                keep.segments.append(EntityBlock(segment.kind, shown))
    return keep


def _check_view_filters(view: View, whole: Publication, cut: Publication, report: Report) -> None:
    """A view the edition keeps may not be filtered by an entity the edition cannot show."""
    options = slots(ViewFields)
    for option, value in view.options.items():
        if not options[option].refers:
            continue
        shown = cut.entities.get(value)
        if shown is None or (isinstance(shown, Risk) and shown.withheld):
            location = view.option_locations.get(option, view.location)
            report.error(
                location,
                "E-EDITION-REF",
                f"view {view.show}.{option}: names {value}, which the {_edition_id(cut)} edition cannot show",
                f"mark the view '```yaml view classification={whole.entities[value].classification}', or filter "
                "by something every edition has",
            )


def _cut_prose(text: str, start: Location, whole: Publication, cut: Publication, report: Report) -> str:
    """Prose whose references to left-out entities will read as their public names.

    The reference stays a reference (``[[ID]]``, the writer's own words dropped) and the
    public name goes into ``cut.public_names`` as plain text: each renderer escapes it for
    its own output, as it does every title.
    """
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if "[[" not in line:
            continue

        def replace(match: re.Match[str], index: int = index) -> str:
            target_id = match.group(1).strip()
            if target_id not in whole.entities:
                return match.group(0)
            shown = cut.entities.get(target_id)
            target = whole.entities[target_id]
            if shown is not None and not (isinstance(shown, Risk) and shown.withheld):
                return match.group(0)
            public_name = public_text(target, "public_name", _allows(cut.settings, cut.marking))
            if public_name:
                if shown is not None:  # a withheld risk keeps a page, titled by its public name
                    return match.group(0)
                cut.public_names[target_id] = public_name  # anything else reads as its public name, unlinked
                return f"[[{target_id}]]"
            report.error(
                Location(start.path, start.line + index, match.start() + 1),
                "E-EDITION-REF",
                f"[[{target_id}]] names {target.KIND} {target_id} ({target.classification}), which the "
                f"{cut.edition.id if cut.edition else ''} edition cannot show",
                f"give the {target.KIND} a 'public_name' to show instead, or mark this prose "
                f"{{classification={target.classification}}}",
            )
            return ""

        lines[index] = REF_PATTERN.sub(replace, line)
    return "\n".join(lines)


__all__ = ["for_edition", "rank"]
