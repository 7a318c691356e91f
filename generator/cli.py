"""The ``charter`` command line."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from generator import __version__
from generator.cli_args import EXIT_CONTENT, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, content_folder
from generator.diagnostics import STYLES, Report, print_report
from generator.pipeline import read_publication
from generator.progress import Progress
from generator.project import choose_site_config, project_dir

_CONFIG_HELP = "the site configuration (default: mkdocs.yml beside content/); its folder is the project folder"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="charter",
        description="Check and publish a national strategy, its risk register and its committee structure.",
    )
    parser.add_argument("--version", action=_Versions, help="show Charter's version and the tools it runs with")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(
        name: str,
        summary: str,
        description: str,
        *,
        content: bool = True,
        styles: bool = True,
        talk: bool = True,
        usage: str | None = None,
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=summary, description=description, usage=usage)
        if content:
            sub.add_argument(
                "content",
                nargs="?",
                default=None,
                metavar="CONTENT_DIR",
                help="the content folder (default: content/ here or in the nearest folder above that has one)",
            )
        if talk:
            group = sub.add_mutually_exclusive_group()
            group.add_argument("-q", "--quiet", action="store_true", help="print only problems")
            group.add_argument(
                "-v", "--verbose", action="store_true", help="say what each stage did and how long it took"
            )
        if styles:
            sub.add_argument(
                "--format",
                dest="report_format",
                choices=STYLES,
                default="text",
                help="how problems are printed: text, or github (also as GitHub Actions annotations on the lines)",
            )
        return sub

    check = command(
        "check",
        "check the content and report every problem",
        "Load, validate and resolve the publication; print every problem.",
    )
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")

    build = command(
        "build",
        "build the website and the print editions of every edition into site/",
        "Check the content, print the documents and build the website, one folder per edition.",
    )
    build.add_argument("--edition", metavar="NAME", help="build only this edition (default: every edition)")
    build.add_argument("-f", "--config", metavar="FILE", help=_CONFIG_HELP)
    build.add_argument(
        "--out", "--site-dir", dest="site_dir", help="where the editions go (default: site/ in the project folder)"
    )
    build.add_argument("--no-print", action="store_true", help="skip the PDF, DOCX and EPUB files")
    build.add_argument("--strict", action="store_true", help="treat warnings as errors")
    build.add_argument(
        "--jobs",
        type=_jobs,
        metavar="N",
        help="build N editions at once, each in a process of its own (default: one per core)",
    )

    printing = command(
        "print",
        "build the PDF, DOCX and EPUB of every document",
        "Check the content and build the print editions.",
        styles=False,
        talk=False,
    )
    printing.add_argument("--out", help="where the files go (default: build/downloads/ in the project folder)")
    printing.add_argument("--paper", choices=("a4", "letter"), default="a4", help="paper size (default: a4)")

    serve = command(
        "serve",
        "preview the website, rebuilding as you edit",
        "Serve a live preview that updates when content/ changes.",
        styles=False,
        talk=False,
    )
    serve.add_argument("-f", "--config", metavar="FILE", help=_CONFIG_HELP)
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    serve.add_argument(
        "--edition", metavar="NAME", help="preview this edition as its readers see it (default: everything)"
    )
    serve.add_argument(
        "--language", metavar="CODE", help="preview the publication in this language (default: its own), e.g. fr"
    )
    schema = command(
        "schema",
        "write JSON Schema for publication.yml, every data block kind and the front matter",
        "Write JSON Schema (draft 2020-12) for this publication: its levels, vocabularies and scales "
        "become the allowed values, so an editor can complete and check fields as you type.",
        styles=False,
        talk=False,
    )
    schema.add_argument("--out", help="where the schemas go (default: schema/ in the project folder)")

    export = command(
        "export",
        "write the register (or any kind) as a spreadsheet, CSV or JSON",
        "Write one row per entity, one column per field: for a drafter to edit and import "
        "again (the whole publication), or in an edition's view (--edition) to hand out.",
        content=False,
        styles=False,
        usage="charter export KIND... [CONTENT_DIR] [--format xlsx|csv|json] [--out FILE] [--edition NAME] [-q|-v]",
    )
    export.add_argument(
        "kinds",
        nargs="+",
        metavar="KIND",
        help="risk (or register), action, indicator, agency, ...; then the content folder (default: content)",
    )
    export.add_argument("--format", choices=("xlsx", "csv", "json"), help="default: what --out's name ends in")
    export.add_argument("--out", help="the file to write (a folder for CSV of several kinds)")
    export.add_argument("--edition", metavar="NAME", help="only what this edition shows (default: everything)")

    importing = command(
        "import",
        "update the content from a spreadsheet or CSV that export wrote",
        "Read a sheet and write what changed into the data blocks the entities are written in; "
        "a row with a new ID adds an entity. Nothing is written when any problem is an error.",
        content=False,
    )
    importing.add_argument("sheet", metavar="FILE", help="an .xlsx or .csv file")
    importing.add_argument("content", nargs="?", default=None, metavar="CONTENT_DIR", help="the content folder")
    importing.add_argument("--dry-run", action="store_true", help="say what would change; write nothing")

    changes = command(
        "changes",
        "say what changed since an earlier version (risks, actions, indicators, committees)",
        "Compare the publication with its content at an earlier git revision: a version of "
        "publication.yml's history that gives its commit, a commit or a tag.",
        content=False,  # after REV
        styles=False,
        talk=False,
    )
    changes.add_argument("revision", metavar="REV", help="the earlier version, e.g. 1.0.0, v1.0.0 or a commit")
    changes.add_argument("content", nargs="?", default=None, metavar="CONTENT_DIR", help="the content folder")
    changes.add_argument("--edition", metavar="NAME", help="only what this edition shows (default: everything)")

    translate = command(
        "translate",
        "mark each chapter's translation as translating its source as it is now",
        "After bringing translations up to date: write into each translation (foreword.fr.md) the "
        "version of its source it translates, so that charter check warns again when the source changes.",
        styles=False,
    )
    translate.add_argument(
        "--mark-current", action="store_true", help="mark every translation as translating its source as it is now"
    )

    new = commands.add_parser(
        "new",
        help="start a new publication project in a new folder",
        description="Write a new publication project: a small but complete content/ to write over, "
        "the site settings, a README for drafters, CI that checks and publishes, and pre-commit.",
    )
    new.add_argument("directory", metavar="DIR", help="the project folder to create (it must be empty or new)")
    new.add_argument("--sample", action="store_true", help="write the full Solmara sample instead of the starter")
    new.add_argument("--force", action="store_true", help="write into a folder that is not empty")
    return parser


class _Versions(argparse.Action):
    """``--version``: Charter's version and those of the tools it builds with."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help=str(kwargs.get("help", "")))

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from generator.versions import tool_versions

        lines = [f"charter {__version__}", *(f"  {name} {version}" for name, version in tool_versions())]
        print("\n".join(lines))
        parser.exit(EXIT_OK)


def _jobs(value: str) -> int:
    """``--jobs``: a whole number of processes, at least 1."""
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"'{value}' is not a number of processes (1 or more)")
    return int(value)


def _site_dir(value: str, parser: argparse.ArgumentParser) -> Path:
    """The ``--site-dir`` folder; a usage error when it, or a folder it would be made in, is a file."""
    path = Path(value)
    for each in (path, *path.parents):
        if each.is_dir():
            break
        if os.path.lexists(each):
            where = "is a file" if each == path else f"lies under '{each}', which is a file"
            parser.exit(EXIT_USAGE, f"charter: error: --site-dir '{value}' {where}, not a folder; name a folder\n")
    return path


def _site_config(value: str, parser: argparse.ArgumentParser) -> Path:
    """``-f/--config FILE``: the project is the file's folder, and the file is its site configuration."""
    path = Path(value)
    if not path.is_file():
        parser.exit(EXIT_USAGE, f"charter: error: the site configuration '{value}' is not a file\n")
    return choose_site_config(path)


def run_check(content: Path, args: argparse.Namespace) -> int:
    """``charter check``: report every problem; 0 when clean."""
    strict = args.strict
    began = time.perf_counter()
    report = Report()
    publication = read_publication(content, report)
    print_report(report, strict=strict, style=args.report_format)
    if report.failed(strict=strict) or publication is None:
        return EXIT_CONTENT
    counts = {
        "chapters": len(publication.chapters),
        "agencies": len(publication.agencies),
        "committees": len(publication.committees),
        "risks": len(publication.risks),
        "objectives": len(publication.objectives),
        "actions": len(publication.actions),
        "indicators": len(publication.indicators),
    }
    summary = ", ".join(f"{n} {name}" for name, n in counts.items())
    took = f" ({time.perf_counter() - began:.2f} s)" if args.verbose else ""
    if not args.quiet:
        print(f"{content}: OK: {summary}{took}")
    return EXIT_OK


def run_schema(content: Path, out: Path) -> int:
    """``charter schema``: write the publication's JSON Schemas; 1 when its settings cannot be read."""
    from generator.schema.export import write_schemas

    report = Report()
    publication = read_publication(content, report)
    if publication is None:
        print_report(report, strict=False)
        return EXIT_CONTENT
    written = write_schemas(out, publication.settings)
    print(f"{out}: wrote {len(written)} schemas ({', '.join(p.name for p in written)})")
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        if args.command == "check":
            return run_check(content_folder(args.content, parser), args)
        if args.command == "changes":
            from generator.cli_changes import run_changes

            return run_changes(args, parser)
        if args.command == "translate":
            from generator.cli_translate import run_translate

            return run_translate(args, parser)
        if args.command in ("export", "import", "new"):
            from generator import cli_files

            run = {"export": cli_files.run_export, "import": cli_files.run_import, "new": cli_files.run_new}
            return run[args.command](args, parser)
        content = content_folder(args.content, parser)
        project = project_dir(content)  # outputs go there, whatever the current folder
        if getattr(args, "config", None):
            project = _site_config(args.config, parser)
        if args.command == "schema":
            return run_schema(content, Path(args.out) if args.out else project / "schema")
        if args.command == "build":
            from generator.build import build

            return build(
                content,
                project_dir=project,
                site_dir=_site_dir(args.site_dir, parser) if args.site_dir else project / "site",
                build_dir=project / "build",
                with_print=not args.no_print,
                strict=args.strict,
                edition=args.edition,
                progress=Progress(quiet=args.quiet, verbose=args.verbose),
                jobs=args.jobs,
                report_style=args.report_format,
            )
        if args.command == "print":
            from generator.render_print import run_print

            out = Path(args.out) if args.out else project / "build" / "downloads"
            return run_print(content, out_dir=out, project_dir=project, paper=args.paper)
        if args.command == "serve":
            from generator.render_site.serve import serve

            return serve(
                content,
                project_dir=project,
                host=args.host,
                port=args.port,
                edition=args.edition,
                language=args.language,
            )
    except KeyboardInterrupt:
        print("charter: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (``charter changes 1.0 | head``): nothing left to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so that the exit's flush cannot fail again
        return EXIT_OK
    except Exception as exc:  # a bug in Charter, not in the content: say so without a traceback
        if os.environ.get("CHARTER_DEBUG"):
            raise
        from generator.writes import refused_write

        refused = refused_write(exc)
        if refused is not None:  # a full disk or a size limit is not a bug
            print(f"charter: error: {refused}", file=sys.stderr)
            return EXIT_CONTENT
        print(f"charter: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        print(
            "  hint: this is a bug in Charter; run again with CHARTER_DEBUG=1 and report the traceback", file=sys.stderr
        )
        return EXIT_INTERNAL
    return EXIT_USAGE  # pragma: no cover - argparse only accepts known commands
