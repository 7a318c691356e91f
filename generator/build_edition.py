"""Build the editions: each one cut, printed, rendered, built by MkDocs and leak-checked.

The editions are independent, so with more than one core they are built at once, each in a
process of its own forked from the build (which already holds the resolved publication, so
nothing is copied or read twice), when the build runs as a single thread (see
:func:`_safe_to_fork`). Their stage lines go to the terminal as they happen; the build swaps
the new editions in only when every one of them succeeded.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import threading
from concurrent.futures import FIRST_EXCEPTION, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import Diagnostic, Report
from generator.downloads import Download
from generator.errors import BuildError
from generator.leakcheck import Secret, codeword_secrets, find_leaks, secrets_of_languages
from generator.model import Edition
from generator.output_text import ReadAhead
from generator.progress import Progress, Stage
from generator.resolve import Publication
from generator.resolve.editions import for_edition
from generator.resolve.languages import for_language
from generator.words import speaking
from generator.writes import writing


@dataclass(frozen=True)
class EditionJob:
    """What building the editions needs besides the editions: where each goes, and how."""

    publication: Publication
    staging: Path
    """Each edition is built into ``staging/<edition>/``."""
    project_dir: Path
    build_dir: Path
    """Each edition's tree and print sources go into ``build_dir/<edition>/``."""
    with_print: bool


_JOB: tuple[EditionJob, Progress] | None = None
"""The job of the processes being forked: they inherit it (a publication is never pickled)."""


def default_jobs(editions: int) -> int:
    """As many processes as there are editions and cores to build them on."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(editions, cores))


def build_editions(job: EditionJob, editions: list[Edition], progress: Progress, *, jobs: int) -> Report:
    """Build every edition into the staging folder, ``jobs`` at a time; raises BuildError when one fails.

    Returns the warnings of the print editions (pandoc's), each once however many editions gave it.
    """
    report = Report()
    if jobs <= 1 or len(editions) <= 1 or not _safe_to_fork():
        for edition in editions:
            for diagnostic in build_edition(job, edition, progress):
                report.add(diagnostic)
        return report
    from generator.compile_slots import share, unshare

    global _JOB
    _JOB = (job, progress.for_process())  # what the forked processes inherit, instead of a pickled copy
    try:
        context = multiprocessing.get_context("fork")
        share(context)  # one large Typst compile at a time: their memory would add up
        with ProcessPoolExecutor(max_workers=min(jobs, len(editions)), mp_context=context) as pool:
            futures = [pool.submit(_build_in_process, edition) for edition in editions]
            done, _ = wait(futures, return_when=FIRST_EXCEPTION)
            failed = [f for f in futures if f in done and f.exception() is not None]
            if failed:
                for future in futures:
                    future.cancel()
                raise failed[0].exception()  # type: ignore[misc]
            for future in futures:
                stages, diagnostics = future.result()
                progress.stages.extend(stages)
                for diagnostic in diagnostics:
                    report.add(diagnostic)
    finally:
        _JOB = None
        unshare()
    return report


def _safe_to_fork() -> bool:
    """Whether this process can be forked: it runs one thread, and the system forks.

    A thread running when the process forks is missing from the copy, with whatever lock it
    held: a process that has already compiled a PDF keeps Typst's own threads (a test run, a
    preview), and its fork would wait for them for ever. Such a process builds one edition at a
    time; ``charter build`` starts with one thread, and builds its editions at once.
    """
    if "fork" not in multiprocessing.get_all_start_methods():
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1  # every thread of the process, Python's or not
    except OSError:
        return threading.active_count() == 1


def _build_in_process(edition: Edition) -> tuple[list[Stage], list[Diagnostic]]:
    """One edition, in a forked process; returns its stages for the build's summary, and its warnings."""
    assert _JOB is not None, "set before the processes are forked"
    job, progress = _JOB
    diagnostics = build_edition(job, edition, progress)
    return progress.stages, diagnostics


def build_edition(job: EditionJob, edition: Edition, progress: Progress) -> list[Diagnostic]:
    """Cut, print, render and build one edition into ``job.staging/<edition>``, then check it for leaks.

    A publication in several languages is built once per language: its own language at the
    edition's top, each other in a folder of its own (``fr/``), every one cut for the edition
    from that language's copy. The leak check reads them all for the text any of them withholds.
    Returns pandoc's warnings on its print editions.
    """

    from generator.render_site import theme_dirs

    whole, out = job.publication, job.staging / edition.id
    report, warnings = Report(), Report()
    copies: list[tuple[str, Publication]] = []
    pairs: list[tuple[Publication, Publication]] = []
    words: dict[str, Secret] = {}
    for language in whole.settings.languages:
        localised = for_language(whole, language.code)
        named = next((e for e in localised.settings.editions if e.id == edition.id), edition)  # in the language
        cut = for_edition(localised, named, report)
        copies.append((language.code, cut))
        pairs.append((localised, cut))
        for secret in codeword_secrets(whole.codewords, cut):  # looked for whatever the edition shows
            words.setdefault(secret.text, secret)
    hidden = {secret.text: secret for secret in secrets_of_languages(pairs)}  # in every language's pages
    with ReadAhead() as ahead:
        clearing = []
        for lang, publication in copies:
            own = lang == whole.settings.source_language
            label = edition.id if own else f"{edition.id} ({lang})"
            with speaking(lang):
                clearing.append(
                    _build_language(
                        job,
                        publication,
                        label,
                        out if own else out / lang,
                        job.build_dir / edition.id / ("" if own else lang),
                        progress,
                        warnings,
                        ahead if hidden or words else None,
                    )
                )
        with progress.stage(f"{edition.id}: leak check") as detail:
            shipped = theme_dirs(job.project_dir)
            found = [*hidden.values(), *words.values()]
            leaks = find_leaks(out, found, prefix=f"{edition.id}/", shipped=shipped, ahead=ahead)
            detail.append(f"{len(hidden)} restricted texts, {len(words)} code words, {len(leaks)} found")
    if leaks:
        shown = "\n  ".join(leak.format() for leak in leaks[:20])
        more = f"\n  (and {len(leaks) - 20} more)" if len(leaks) > 20 else ""
        raise BuildError(f"the {edition.id} edition carries text above {edition.level}:\n  {shown}{more}")
    for thread in clearing:
        thread.join()
    return warnings.diagnostics


def _build_language(
    job: EditionJob,
    publication: Publication,
    label: str,
    out: Path,
    build_dir: Path,
    progress: Progress,
    warnings: Report,
    ahead: ReadAhead | None,
) -> threading.Thread:
    """Print, render and build one language of an edition into ``out``; returns the thread clearing old trees."""
    from generator.render_site import prepare_tree, run_mkdocs, write_tree

    tree_dir = build_dir / "site-src"
    with writing(tree_dir):
        clearing = _clear_old_trees(tree_dir)
        prepare_tree(tree_dir)  # the last build's tree stays, to be brought up to date
    downloads: list[Download] = []
    if job.with_print:
        from generator.render_print import build_documents

        with progress.stage(f"{label}: print") as detail, writing(tree_dir / "downloads"):
            downloads = build_documents(
                publication,
                tree_dir / "downloads",
                project_dir=job.project_dir,
                work_dir=build_dir / "print",
                report=warnings,
            )
            detail.append(f"{len(downloads)} files")
        if ahead is not None:  # the leak check reads the printed files while MkDocs builds
            ahead.start(tree_dir / "downloads" / d.filename for d in downloads)
    with progress.stage(f"{label}: render") as detail, writing(tree_dir):
        pages = write_tree(publication, tree_dir, downloads=downloads)
        detail.append(f"{pages} pages")
    with progress.stage(f"{label}: mkdocs") as detail, writing(out):
        on_page = progress.counter(f"{label}: mkdocs")
        run_mkdocs(tree_dir, out, project_dir=job.project_dir, on_page=on_page)
        detail.append(f"{sum(1 for _ in out.rglob('*.html'))} HTML files")
    return clearing


OLD_TREE = ".site-src.old-"
"""The prefix of a site tree earlier versions of Charter set aside to be deleted (in the edition's build folder)."""


def _clear_old_trees(tree_dir: Path) -> threading.Thread:
    """Delete the trees earlier versions of Charter set aside beside ``tree_dir``, while this build goes on.

    Deleting a tree of thousands of folders can take seconds on a disk that discards freed
    blocks. The thread is not a daemon: the process ends only once it is done.
    """
    old = [path for path in tree_dir.parent.glob(f"{OLD_TREE}*") if path.is_dir() and not path.is_symlink()]

    def remove() -> None:
        for path in old:
            shutil.rmtree(path, ignore_errors=True)

    thread = threading.Thread(target=remove, daemon=False)
    thread.start()
    return thread
