"""PDF: pandoc writes Typst with Charter's template, the ``typst`` binding compiles it to PDF/UA-1.

pandoc's own ``--pdf-engine=typst`` wants a ``typst`` executable that neither PyPI nor
Debian provides, so the two steps run separately.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from pathlib import Path

import typst

from generator.errors import BuildError
from generator.render_print.pandoc_run import run_pandoc
from generator.render_print.paper import Paper


def write_typst(
    markdown: Path,
    typ: Path,
    *,
    theme: Path,
    paper: Paper,
    language: str,
    emblem: str | None,
) -> None:
    """The assembled Markdown as a Typst source file, through pandoc and Charter's template."""
    lang, region = _language(language)
    args = [
        "--standalone",
        f"--template={theme / 'charter.typst'}",
        "--wrap=none",
        f"--resource-path={markdown.parent}",
        "-V",
        f"paper={paper.typst}",
        "-V",
        f"lang-code={lang}",
        "-M",
        f"papersize={paper.name}",
    ]
    if region:
        args += ["-V", f"region={region}"]
    if emblem:
        args += ["-V", f"emblem={emblem}"]
    run_pandoc(markdown, to="typst", output=typ, args=args, filters=[theme / "charter.lua"])


def compile_pdf(typ: Path, pdf: Path, *, day: dt.date) -> None:
    """Compile a Typst file into a tagged PDF/UA-1, dated ``day`` so rebuilds are identical."""
    timestamp = calendar.timegm(day.timetuple())
    try:
        typst.compile(
            str(typ),
            output=str(pdf),
            root=str(typ.parent),
            pdf_standards=["ua-1"],
            timestamp=timestamp,
        )
    except typst.TypstError as exc:
        raise BuildError(f"Typst could not compile {typ.name}: {_typst_message(exc)}") from None
    except (RuntimeError, OSError) as exc:
        raise BuildError(f"Typst could not compile {typ.name}: {exc}") from None


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
