"""``charter changes REV [CONTENT_DIR]``: what changed since an earlier version, on the terminal.

The same comparison as the ``changes`` view (:mod:`generator.views.changes_compare`): the
content at REV (a version of ``publication.yml``'s history that gives its commit, a commit or a
tag) read out of git through the same stages as the working tree, then compared entity by
entity. With ``--edition`` both versions are first cut for the edition, so the report shows
only what that edition's readers may see.
"""

from __future__ import annotations

import argparse
import sys

from generator.changes import read_earlier
from generator.cli_args import EXIT_CONTENT, EXIT_OK, EXIT_USAGE, content_folder
from generator.diagnostics import Location, Report, print_report
from generator.pipeline import read_publication, read_version
from generator.resolve import Publication
from generator.resolve.editions import for_edition
from generator.views.changes import NOUNS, since_label
from generator.views.changes_compare import ADDED, REMOVED, Change, compare, counts


def run_changes(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Print the changes; 1 when the content has errors or the revision cannot be read."""
    content = content_folder(args.content, parser)
    report = Report()
    publication = read_publication(content, report, printed=False)
    if publication is None or report.errors:
        print_report(report, strict=False)
        return EXIT_CONTENT
    settings = publication.settings
    found = Report()
    earlier = read_earlier(content, args.revision, settings.history, read_version, found, Location(settings.path, 1, 1))
    if isinstance(earlier, str):
        problem = found.diagnostics[0]
        print(f"charter: error: {problem.message}", file=sys.stderr)
        if problem.hint:
            print(f"  hint: {problem.hint}", file=sys.stderr)
        return EXIT_CONTENT
    scope = "the whole publication"
    before, after = earlier, publication
    if args.edition:
        chosen = [e for e in settings.editions if e.id == args.edition]
        if not chosen:
            names = ", ".join(e.id for e in settings.editions)
            parser.exit(EXIT_USAGE, f"charter: error: no edition '{args.edition}' in publication.yml ({names})\n")
        publication.earlier[args.revision] = earlier
        after = for_edition(publication, chosen[0], Report())
        cut = after.earlier[args.revision]
        if isinstance(cut, str):
            print(f"charter: error: no comparison with {args.revision}: {cut}", file=sys.stderr)
            return EXIT_CONTENT
        before, scope = cut, f"the {chosen[0].label}"
    print(report_text(before, after, scope))
    return EXIT_OK


def report_text(before: Publication, after: Publication, scope: str) -> str:
    """The changes as lines of text: a heading, then per kind its counts and one line per change."""
    changes = compare(before, after)
    lines = [f"Changes since {since_label(before)}, in {scope}:"]
    tally = counts(changes)
    for kind, nouns in NOUNS.items():
        n = tally[kind]
        lines.append(f"{nouns}: {n['added']} added, {n['removed']} removed, {n['changed']} changed")
        lines += [f"  {_line(c)}" for c in changes if c.kind == kind]
    if not changes:
        lines.append("Nothing has changed.")
    return "\n".join(lines)


def _line(change: Change) -> str:
    if change.what in (ADDED, REMOVED):
        return f"{change.id} {change.what.lower()}: {change.name}"
    values = f"{change.before or '(none)'} -> {change.after or '(none)'}"
    return f"{change.id} {change.name}: {change.what}: {values}"
