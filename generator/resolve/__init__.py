"""The resolve stage: check every reference and relation, and build the :class:`Publication`."""

from __future__ import annotations

from pathlib import Path

from generator.diagnostics import Location, Report, article, did_you_mean
from generator.model import Agency, Entity, Ref, Risk, Threat
from generator.model.catalogue import default_threats
from generator.resolve import figures
from generator.resolve.annexes import generated_letters, letter_annexes
from generator.resolve.publication import Publication
from generator.validate import Validated

__all__ = ["Publication", "resolve"]


def resolve(validated: Validated, report: Report, *, content_root: Path) -> Publication:
    """Resolve references and check relations; problems go to ``report``.

    ``content_root`` is the content folder the publication was read from.
    """
    entities = _index(validated, report)
    chapters = letter_annexes(validated.chapters, report)
    publication = Publication(
        settings=validated.settings,
        chapters=chapters,
        annex_letters=generated_letters(chapters),
        entities=entities,
        content_root=content_root,
        codewords=validated.codewords,
        translations=validated.translations,
    )
    for ref in [*validated.refs, *validated.prose_refs]:
        if ref.target in validated.broken:
            continue  # the target itself is broken and reported; do not pile errors on
        if _check_ref(ref, entities, report):
            publication.refs.append(ref)
            publication.backlinks[ref.target].append(ref)
    for refs in validated.translations.refs.values():
        for ref in refs:
            if ref.target not in validated.broken:
                _check_ref(ref, entities, report)  # a translation's references are its chapter's in that language
    _check_committee_cycles(publication, report)
    _warn_action_status(publication, validated.unread, report)
    _warn_orphans_unless_broken(publication, report)
    figures.check(publication.chapters, publication.entities, publication.settings, report)
    return figures.with_figures(publication)


def _index(validated: Validated, report: Report) -> dict[str, Entity]:
    entities: dict[str, Entity] = {}
    if validated.settings.threat_catalogue == "extend":
        for threat in default_threats(validated.settings.path, validated.settings.levels[0]):
            entities[threat.id] = threat
    for entity in validated.entities:
        previous = entities.get(entity.id)
        if previous is not None and not (isinstance(previous, Threat) and previous.builtin):
            report.error(
                entity.location,
                "E-ID-DUPLICATE",
                f"{entity.KIND} {entity.id}: the ID is already used by the {previous.KIND} at {previous.location}",
                "IDs are unique across the publication; rename one of them",
            )
            continue
        entities[entity.id] = entity
    return entities


def _check_ref(ref: Ref, entities: dict[str, Entity], report: Report) -> bool:
    target = entities.get(ref.target)
    what = " or ".join(ref.kinds) if ref.kinds else "entity"
    if target is None:
        pool = [e.id for e in entities.values() if not ref.kinds or e.KIND in ref.kinds]
        hint = did_you_mean(ref.target, pool)
        if not hint and ref.kinds:
            hint = f"define the {what} with a 'yaml {ref.kinds[0]}' block, or correct the ID"
        report.error(ref.location, "E-REF-UNKNOWN", f"{ref.origin}: unknown {what} '{ref.target}'", hint)
        return False
    if ref.kinds and target.KIND not in ref.kinds:
        report.error(
            ref.location,
            "E-REF-KIND",
            f"{ref.origin}: '{ref.target}' is {article(target.KIND)} {target.KIND}, not {article(what)} {what}",
            f"name {article(what)} {what} here",
        )
        return False
    return True


def _check_committee_cycles(publication: Publication, report: Report) -> None:
    reported: set[str] = set()
    committees = {c.id: c for c in publication.committees}
    for committee in committees.values():
        chain = [committee.id]
        current = committee
        while current.parent and current.parent in committees:
            if current.parent in chain:
                cycle = chain[chain.index(current.parent) :]
                if not reported.intersection(cycle):
                    first = committees[cycle[0]]
                    report.error(
                        first.where("parent"),
                        "E-COMMITTEE-CYCLE",
                        f"committee {first.id}.parent: the committees report to each other in a circle "
                        f"({' → '.join([*cycle, cycle[0]])})",
                        "one committee at the top has no parent; remove a 'parent' from the circle",
                    )
                    reported.update(cycle)
                break
            chain.append(current.parent)
            current = committees[current.parent]
        if committee.tier != "national" and not committee.parent:
            report.warning(
                committee.where("tier"),
                "W-COMMITTEE-PARENT",
                f"committee {committee.id}: a {committee.tier} has no parent committee",
                "add 'parent: <committee ID>' so it appears in the organisation chart",
            )


def _warn_orphans_unless_broken(publication: Publication, report: Report) -> None:
    """Warn of orphans; while there are errors, only say how many were found.

    An orphan may only look orphaned because something that names it could not be read.
    """
    if not report.errors:
        _warn_orphans(publication, report)
        return
    found = Report()
    _warn_orphans(publication, found)
    if found.warnings:
        count = len(found.warnings)
        codes = ", ".join(sorted({w.code for w in found.warnings}))
        report.note(
            Location(publication.settings.path, 1, 1),
            "N-UNCHECKED",
            f"{count} warning{'s' * (count != 1)} held back while there are errors ({codes})",
            "an entity that cannot be read may be what they miss; fix the errors, then check again",
        )


def _warn_orphans(publication: Publication, report: Report) -> None:
    seated = {a for c in publication.committees for a in c.agencies}
    for agency in publication.of_kind(Agency):
        if agency.id not in seated:
            report.warning(
                agency.location,
                "W-AGENCY-ORPHAN",
                f"agency {agency.id}: sits on no committee",
                "add it to a committee's members, or remove it",
            )
    addressed = {r for o in publication.objectives for r in o.risks}
    treated = {r for a in publication.actions for r in a.risks}
    high = publication.high_band_names()
    for risk in publication.of_kind(Risk):
        if risk.id not in addressed:
            report.warning(
                risk.location,
                "W-RISK-UNADDRESSED",
                f"risk {risk.id}: no objective addresses this risk",
                "list it in an objective's 'risks'",
            )
        if risk.residual.band.name in high and risk.id not in treated:
            report.warning(
                risk.location,
                "W-RISK-NO-ACTION",
                f"risk {risk.id}: the residual rating is {risk.residual.band.name} "
                f"({risk.residual.score}) but no action treats it",
                "list it in an action's 'risks'",
            )
    assessed = {r.threat for r in publication.risks}
    for threat in publication.of_kind(Threat):
        if threat.id not in assessed:
            report.warning(
                threat.location,
                "W-THREAT-UNASSESSED",
                f"threat {threat.id}: no risk in the register assesses this threat category",
                "add a risk for it, or record why it is out of scope",
            )


def _warn_action_status(publication: Publication, unread: set[tuple[str, str]], report: Report) -> None:
    """An action's status is as of the publication date; flag statuses its dates contradict.

    A status or date that could not be read (reported) is not compared: its stand-in means nothing.
    """
    today = publication.settings.date
    for action in publication.actions:
        if unread & {(action.id, "status"), (action.id, "start"), (action.id, "end")}:
            continue
        problem = None
        if action.status == "finished" and action.end > today:
            problem = f"is finished but ends on {action.end}, after the publication date {today}"
        elif action.status in ("progressing", "delayed") and action.start > today:
            problem = f"is {action.status} but starts on {action.start}, after the publication date {today}"
        elif action.status == "planned" and action.start < today:
            problem = f"is planned but was due to start on {action.start}, before the publication date {today}"
        if problem:
            report.warning(
                action.where("status"),
                "W-ACTION-STATUS",
                f"action {action.id}.status: {problem}",
                "statuses describe the plan on the publication date; correct the status or the dates",
            )
