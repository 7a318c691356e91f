"""Print editions: PDF (pandoc → Typst → tagged PDF/UA-1), DOCX and EPUB 3.

For each document of ``publication.yml`` Charter assembles one pandoc Markdown text
(:mod:`.assemble`), which pandoc reads once (:mod:`.pandoc_ast`), then writes it three ways
in parallel: pandoc's Typst writer with
``themes/print/charter.typst`` compiled by the ``typst`` binding, pandoc's DOCX writer
with ``themes/print/reference.docx``, and pandoc's EPUB 3 writer with
``themes/print/epub.css``. What only one format understands is raw markup in the
Markdown (raw Typst, raw Office XML), which the other writers skip. Only Charter writes
raw markup: pandoc reads no raw markup and no metadata from the Markdown, and reads it
with the safety filter (:mod:`.safety`), which also reads back each file written
(``themes/print/charter-images.lua`` runs too, only for chapters with images).
"""

from __future__ import annotations

import contextvars
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from generator import packaged
from generator.diagnostics import Report, print_report
from generator.downloads import Download
from generator.errors import BuildError
from generator.model import Document
from generator.pipeline import read_publication
from generator.project import mark_output
from generator.render_print.docx_out import prepare_reference, write_docx
from generator.render_print.epub_out import BookFacts, write_epub
from generator.render_print.frontmatter import direction, document_language
from generator.render_print.names import document_title, file_stem
from generator.render_print.pages import PageSetup
from generator.render_print.pandoc_ast import read_document
from generator.render_print.pandoc_run import WARNINGS
from generator.render_print.pandoc_warnings import warning_diagnostics
from generator.render_print.paper import Paper, paper_for
from generator.render_print.sources import write_sources
from generator.render_print.typst_out import markdown_to_pdf
from generator.resolve import Publication
from generator.resolve.as_of import for_document
from generator.resolve.editions import for_edition
from generator.resolve.languages import for_language
from generator.words import speaking

FORMATS = (("PDF", "pdf"), ("DOCX", "docx"), ("EPUB", "epub"))
"""Every format of every document, in the order the site lists them."""


def build_documents(
    publication: Publication,
    out_dir: Path,
    *,
    project_dir: Path,
    work_dir: Path,
    paper: str = "a4",
    report: Report | None = None,
    language: str | None = None,
) -> list[Download]:
    """Build the PDF, DOCX and EPUB of every document into ``out_dir``; returns the files written.

    A publication already cut for an edition is printed as it is. The whole publication
    is first cut for each of its editions, so every edition gets its own files and no
    file carries text above its marking. ``work_dir`` keeps the intermediate files (the
    assembled Markdown, the Typst source, the diagrams) for inspection. pandoc's warnings
    go to ``report`` (:mod:`.pandoc_warnings`). Raises BuildError when pandoc or Typst fails.

    Charter's own words are in the language it speaks (:func:`generator.words.speaking`);
    ``language`` is the documents' (their ``lang`` and direction), by default that one when
    the build set it, else the publication's (:func:`.frontmatter.document_language`).
    """
    try:
        paper_spec = paper_for(paper)
    except ValueError as exc:
        raise BuildError(str(exc)) from None
    theme = theme_dir(project_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    downloads: list[Download] = []
    for cut in _editions(publication):
        for document in cut.settings.documents:
            downloads += _build_document(
                cut, document, out_dir, work_dir=work_dir, paper=paper_spec, theme=theme, language=language
            )
            _report_warnings(cut, document, work_dir, report)
    return downloads


def _report_warnings(publication: Publication, document: Document, work_dir: Path, report: Report | None) -> None:
    taken = WARNINGS.take()
    stem = file_stem(publication.settings, document, publication.edition)
    markdown = work_dir / stem / f"{stem}.md"
    if report is None or not taken or not markdown.is_file():
        return
    for diagnostic in warning_diagnostics(
        taken,
        markdown,
        publication.chapters,
        content_root=publication.content_root,
        document=document.id,
        settings_path=publication.settings.path,
    ):
        report.add(diagnostic)


def _editions(publication: Publication) -> list[Publication]:
    """The publication as each edition prints it."""
    if publication.edition is not None or not publication.settings.editions:
        return [publication]
    report = Report()
    cuts = [for_edition(publication, edition, report) for edition in publication.settings.editions]
    if report.errors:
        problems = "\n  ".join(d.format() for d in report.sorted())
        raise BuildError(f"the editions cannot be cut:\n  {problems}")
    return cuts


def run_print(content: Path, *, out_dir: Path, project_dir: Path, paper: str) -> int:
    """``charter print``: check the content, build every document, list the files; returns the exit status."""
    report = Report()
    publication = read_publication(content, report)
    print_report(report, strict=False)
    if publication is None or report.failed():
        return 1
    work_dir = project_dir / "build" / "print"
    for folder in (out_dir, work_dir):
        folder.mkdir(parents=True, exist_ok=True)
        mark_output(folder)
    warnings = Report()
    downloads = []
    try:
        for language in publication.settings.languages:  # every document in every language
            with speaking(language.code):
                downloads += build_documents(
                    for_language(publication, language.code),
                    out_dir,
                    project_dir=project_dir,
                    work_dir=work_dir / language.code,
                    paper=paper,
                    report=warnings,
                )
    except BuildError as exc:
        print(f"charter: error: {exc}", file=sys.stderr)
        return 1
    if warnings.diagnostics:
        print_report(warnings, strict=False)
    for download in downloads:
        print(f"{out_dir / download.filename}  {download.format}, {download.size_text}")
    return 0


def theme_dir(project_dir: Path) -> Path:
    """The print theme: the project's ``themes/print``, else the one shipped with Charter."""
    for candidate in (project_dir / "themes" / "print", packaged.print_theme()):
        if (candidate / "charter.typst").is_file():
            return candidate
    raise BuildError(f"the print theme is missing: expected {project_dir / 'themes' / 'print' / 'charter.typst'}")


def _build_document(
    publication: Publication,
    document: Document,
    out_dir: Path,
    *,
    work_dir: Path,
    paper: Paper,
    theme: Path,
    language: str | None = None,
) -> list[Download]:
    publication = for_document(publication, document)  # a progress report: as of its date
    settings = publication.settings
    lang = document_language(settings, language)
    edition = publication.edition
    stem = file_stem(settings, document, edition)
    doc_dir = work_dir / stem
    files = {fmt: out_dir / f"{stem}.{ext}" for fmt, ext in FORMATS}
    work_dir.mkdir(parents=True, exist_ok=True)
    reference = work_dir / f"{stem}-reference.docx"
    section_refs = prepare_reference(
        theme / "reference.docx",
        reference,
        marking=publication.marking,
        marking_style=settings.marking_style(publication.marking),
        short_title=settings.short_title or document.title,
        version=settings.version,
        paper=paper,
    )
    setup = PageSetup(paper, docx_section_refs=section_refs)
    sources = write_sources(publication, document, doc_dir, stem=stem, setup=setup, language=lang)
    ast = read_document(sources.markdown)  # read once; the three formats are written from it
    title = document_title(settings, document, edition)
    marking = settings.marking_style(publication.marking)
    way = direction(settings, lang)
    facts = BookFacts(
        title, publication.marking, settings.date, paper.text_width_pt, marking_style=marking, direction=way
    )

    def pdf() -> None:
        markdown_to_pdf(
            ast,
            files["PDF"],
            theme=theme,
            paper=paper,
            language=lang,
            direction=way,
            emblem=sources.emblem,
            emblem_alt=settings.emblem_alt,
            day=settings.date,
            inline_images=sources.images,
            metadata=sources.metadata,
            marking=marking,
        )

    def docx() -> None:
        write_docx(
            ast,
            files["DOCX"],
            reference=reference,
            title=title,
            day=settings.date,
            cell_fills=sources.cell_fills,
            metadata=sources.metadata,
            text_width_pt=paper.text_width_pt,
        )

    def epub() -> None:
        write_epub(ast, files["EPUB"], theme=theme, facts=facts, metadata=sources.metadata)

    with ThreadPoolExecutor(max_workers=3) as pool:
        # each job in a copy of this context: Charter's words in the language it speaks here
        for future in [pool.submit(contextvars.copy_context().run, job) for job in (pdf, docx, epub)]:
            future.result()
    return [
        Download(document=document.id, title=title, format=fmt, filename=path.name, size=path.stat().st_size)
        for fmt, path in files.items()
    ]
