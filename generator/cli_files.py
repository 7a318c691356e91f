"""The ``charter`` commands that read or write files beside the content: ``export``, ``import`` and ``new``."""

from __future__ import annotations

import argparse
from pathlib import Path

from generator.cli_args import EXIT_CONTENT, EXIT_OK, EXIT_USAGE, content_folder
from generator.diagnostics import Report, print_report
from generator.project import project_dir


def run_export(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """``charter export``: write the sheets; 1 when the content has errors or the export would leak."""
    from generator.spreadsheet.columns import kind_named
    from generator.spreadsheet.export import UsageError, export, format_for

    names, folder = list(args.kinds), None
    if len(names) > 1 and kind_named(names[-1]) is None:
        folder = names.pop()
    kinds: list[str] = []
    for name in names:
        kind = kind_named(name)
        if kind is None:
            parser.exit(EXIT_USAGE, f"charter: error: '{name}' is not a kind of entity (risk, action, agency, ...)\n")
        if kind not in kinds:
            kinds.append(kind)
    content = content_folder(folder, parser)
    out = Path(args.out) if args.out else project_dir(content) / f"{'-'.join(kinds)}.{args.format or 'xlsx'}"
    report = Report()
    try:
        written = export(content, kinds, format_for(out, args.format), out, args.edition, report)
    except UsageError as problem:
        parser.exit(EXIT_USAGE, f"charter: error: {problem}\n")
    print_report(report, strict=False)
    if not written:
        return EXIT_CONTENT
    if not args.quiet:
        print(f"{', '.join(str(p) for p in written)}: wrote {', '.join(kinds)}")
    return EXIT_OK


def run_import(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """``charter import``: apply a sheet to the content; 1 when any problem is an error (nothing written)."""
    from generator.spreadsheet.importer import import_sheet

    sheet = Path(args.sheet)
    if not sheet.is_file():
        parser.exit(EXIT_USAGE, f"charter: error: '{args.sheet}' is not a file\n")
    content = content_folder(args.content, parser)
    report = Report()
    changes = import_sheet(sheet, content, report, dry_run=args.dry_run)
    print_report(report, strict=False, style=args.report_format)
    if report.errors or changes is None:
        return EXIT_CONTENT
    if not args.quiet:
        for line in changes:
            print(line)
        verb = "would change" if args.dry_run else "changed"
        print(f"{sheet}: {verb} {len(changes)} entit{'y' if len(changes) == 1 else 'ies'}")
    return EXIT_OK


def run_new(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """``charter new``: write a new project; a usage error when the folder is not empty (without --force)."""
    from generator.starter import NewProjectError, write_project

    target = Path(args.directory)
    try:
        written = write_project(target, sample=args.sample, force=args.force)
    except NewProjectError as problem:
        parser.exit(EXIT_USAGE, f"charter: error: {problem}\n")
    what = "the Solmara sample" if args.sample else "a new publication"
    print(f"{target}: wrote {what} ({len(written)} files)")
    print(f"  next: cd {target} && charter serve")
    return EXIT_OK
