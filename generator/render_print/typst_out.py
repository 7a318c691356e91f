"""PDF: pandoc writes Typst with Charter's template, the ``typst`` binding compiles it to PDF/UA-1.

pandoc's own ``--pdf-engine=typst`` wants a ``typst`` executable that neither PyPI nor
Debian provides, so the two steps run separately.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import typst

from generator import packaged
from generator.compile_slots import compile_slot
from generator.errors import BuildError
from generator.glyphs import font_dir
from generator.model.markings import OUTLINED, MarkingStyle
from generator.render_print.frontmatter import typst_string
from generator.render_print.pandoc_ast import Ast
from generator.render_print.pandoc_run import write_ast
from generator.render_print.paper import Paper
from generator.render_print.safety import check_output
from generator.words import say


def write_typst(
    ast: Ast,
    typ: Path,
    *,
    theme: Path,
    paper: Paper,
    language: str,
    emblem: str | None,
    direction: str = "ltr",
    inline_images: bool = False,
    metadata: Path | None = None,
    marking: MarkingStyle = OUTLINED,
    emblem_alt: str = "",
) -> None:
    """The document read (:func:`.pandoc_ast.read_document`) as a Typst source file, with Charter's template.

    ``metadata`` is the document's metadata file (the cover's title, the marking). The
    source is read back and refused if it links to anything but a web or mail address.

    pandoc is single-threaded, so a document read in two halves is written in two at once;
    Typst source concatenates. ``inline_images`` adds the filter that gives the chapters'
    own images their alt text (pandoc's Typst writer drops it); it walks every inline of
    the document, so it runs only when a chapter has images.
    """
    lang, region = _language(language)
    args = ["--wrap=none", f"--resource-path={ast.path.parent}"]
    standalone = [
        "--standalone",
        f"--template={theme / 'charter.typst'}",
        "-V",
        f"paper={paper.typst}",
        "-V",
        f"lang-code={lang}",
    ]
    if region:
        standalone += ["-V", f"region={region}"]
    if direction == "rtl":
        standalone += ["-V", "dir=rtl"]
    # Charter's words in the template stand in Typst strings: escaped as such here, since -V values are not
    for name, words in template_words().items():
        standalone += ["-V", f"word-{name}={typst_string(words)}"]
    if emblem:
        standalone += ["-V", f"emblem={emblem}", "-V", f"emblem-alt={typst_string(emblem_alt or say('Emblem'))}"]
    if marking.filled:  # validated #rrggbb colours: nothing to escape
        standalone += ["-V", f"marking-fill={marking.fill}", "-V", f"marking-ink={marking.ink}"]
    filters = [
        theme / "charter-tables.lua",
        *(_own_or_shipped(theme, f) for f in ("charter-annexes.lua", "charter-bidi.lua")),
    ]
    filters += [theme / "charter-images.lua"] if inline_images else []
    if ast.halves is None:
        write_ast(ast.path, to="typst", output=typ, args=args + standalone, filters=filters, metadata=metadata)
        check_output(typ, "Typst")
        return
    outputs = [typ.with_name(f"{typ.stem}.{n}.typ") for n in (1, 2)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        jobs = [
            pool.submit(
                write_ast,
                ast.halves[0],
                to="typst",
                output=outputs[0],
                args=args + standalone,
                filters=filters,
                metadata=metadata,
            ),
            pool.submit(write_ast, ast.halves[1], to="typst", output=outputs[1], args=args, filters=filters),
        ]
        for job in jobs:
            job.result()
    typ.write_text("\n".join(p.read_text(encoding="utf-8") for p in outputs), encoding="utf-8")
    check_output(typ, "Typst")


def template_words() -> dict[str, str]:
    """The words ``charter.typst`` writes (``-V word-…``), in the current language.

    A message with fields (``Page {page} of {total}``) is given as it is: the template fills
    them in (its ``charter-say``).
    """
    return {
        "contents": say("Contents"),
        "list-of-tables": say("List of tables"),
        "list-of-figures": say("List of figures"),
        "page": say("Page {page}"),
        "page-of": say("Page {page} of {total}"),
        "version": say("Version {version}"),
        "annex": say("Annex {letter}"),
        "edition": say("Edition"),
        "reference": say("Reference"),
        "version-label": say("Version"),
        "date": say("Date"),
        "status": say("Status"),
        "classification": say("Classification"),
        "copyright": say("Copyright"),
        "licence": say("Licence"),
        "contact": say("Contact"),
        "alternative-formats": say("Alternative formats"),
    }


def markdown_to_pdf(
    ast: Ast,
    pdf: Path,
    *,
    theme: Path,
    paper: Paper,
    language: str,
    emblem: str | None,
    day: dt.date,
    direction: str = "ltr",
    inline_images: bool = False,
    metadata: Path | None = None,
    marking: MarkingStyle = OUTLINED,
    emblem_alt: str = "",
) -> None:
    """The document read (:func:`.pandoc_ast.read_document`) as a tagged PDF/UA-1: pandoc writes
    Typst, Typst compiles it.

    Typst finds its fonts while pandoc writes, so that is off the critical path.
    """
    typ = ast.path.with_suffix(".typ")
    with ThreadPoolExecutor(max_workers=1) as pool:
        compiler = pool.submit(_compiler, typ.parent, font_dir(theme))
        write_typst(
            ast,
            typ,
            theme=theme,
            paper=paper,
            language=language,
            emblem=emblem,
            direction=direction,
            inline_images=inline_images,
            metadata=metadata,
            marking=marking,
            emblem_alt=emblem_alt,
        )
        compile_pdf(typ, pdf, day=day, compiler=compiler.result())


def _compiler(root: Path, fonts: Path) -> typst.Compiler | None:
    """A Typst compiler for the files below ``root``, with its fonts found; None when Typst cannot start one."""
    try:
        return new_compiler(root, fonts)
    except (typst.TypstError, RuntimeError, OSError):
        return None  # compile_pdf starts its own and reports what is wrong


def compile_pdf(typ: Path, pdf: Path, *, day: dt.date, compiler: typst.Compiler | None = None) -> None:
    """Compile a Typst file into a tagged PDF/UA-1, dated ``day`` so rebuilds are identical.

    ``compiler`` is one made for ``typ``'s folder (see :func:`markdown_to_pdf`); it is used
    once, so no file is ever read from an earlier build.
    """
    timestamp = calendar.timegm(day.timetuple())
    try:
        if compiler is None:
            compiler = new_compiler(typ.parent, font_dir())
        with compile_slot(typ.stat().st_size):
            compiler.compile(
                input=str(typ),
                output=str(pdf),
                pdf_standards=["ua-1"],
                timestamp=timestamp,
            )
    except typst.TypstError as exc:
        raise BuildError(f"Typst could not compile {typ.name}: {_typst_message(exc)}") from None
    except (RuntimeError, OSError) as exc:
        raise BuildError(f"Typst could not compile {typ.name}: {exc}") from None


def _own_or_shipped(theme: Path, name: str) -> Path:
    """A filter from the project's print theme, else Charter's (an older project theme may lack it)."""
    return theme / name if (theme / name).is_file() else packaged.print_theme() / name


def new_compiler(root: Path, fonts: Path) -> typst.Compiler:
    """A compiler with only the shipped fonts and those the binding bundles, never the machine's own:
    a PDF is the same on every machine, and every character :mod:`generator.glyphs` passes prints."""
    return typst.Compiler(root=str(root), font_paths=[str(fonts)], ignore_system_fonts=True)


def _language(language: str) -> tuple[str, str]:
    """Typst's ``lang`` and ``region`` from a tag such as 'en' or 'en-GB' (unusable tags give 'en')."""
    match = re.fullmatch(r"([A-Za-z]{2,3})(?:[-_]([A-Za-z]{2}))?(?:[-_].*)?", language.strip())
    if not match:
        return "en", ""
    return match.group(1).lower(), (match.group(2) or "").upper()


def _typst_message(exc: Exception) -> str:
    message = getattr(exc, "message", None) or str(exc)
    hints = getattr(exc, "hints", None) or []
    text = str(message).strip().splitlines()[0] if str(message).strip() else type(exc).__name__
    return text + "".join(f"\n  hint: {h}" for h in hints)
