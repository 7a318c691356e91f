"""What ``charter serve`` does on each save: read the content again, write what changed, rebuild those pages.

The publication is read and resolved again whole (0.2 s at 1,000 entities); the tree is
rendered in memory and only the files whose text changed are written
(:mod:`generator.render_site.incremental`); MkDocs, kept running since the first build,
rebuilds only those pages (:mod:`generator.render_site.mkdocs_session`). A save outside the
content (``mkdocs.yml``, a theme file, the project's own pages), a changed
``publication.yml``, a changed navigation or a page added or removed builds everything again.
Print outputs are never built while previewing.
"""

from __future__ import annotations

import gc
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import Location, Report, print_report
from generator.errors import BuildError
from generator.pipeline import read_publication
from generator.render_site.incremental import TreeState, sync
from generator.render_site.mkdocs_session import SiteSession
from generator.render_site.nav import OVERLAY_PATH, SOURCES_PATH
from generator.resolve import Publication
from generator.resolve.editions import for_edition
from generator.resolve.languages import for_language
from generator.words import speaking


@dataclass
class Outcome:
    """What one rebuild did."""

    problems: str | None
    """The diagnostics as plain text, or None when the rebuild succeeded."""
    written: set[str] | None
    """Paths below the site written again, or None when everything was (or may have been)."""
    how: str = ""
    """``pages`` (only changed pages rebuilt), ``full`` (everything) or ``none`` (nothing changed)."""


class Preview:
    """Rebuilds the site of one content folder into a private work folder, as little as each save needs."""

    def __init__(
        self, content: Path, project_dir: Path, work: Path, edition: str | None = None, language: str | None = None
    ) -> None:
        self.content = content
        self.project_dir = project_dir
        self.edition = edition
        self.language = language
        """The language previewed (None: the one the content is written in)."""
        self.tree_dir = work / "site-src"
        self.site_dir = work / "site"
        self.site_dir.mkdir(parents=True, exist_ok=True)
        self.site = SiteSession(self.tree_dir, self.site_dir, project_dir=project_dir)
        self.state: TreeState | None = None
        self.last: Outcome | None = None

    def _build(self, changed: set[Path] | None = None) -> str | None:
        """Rebuild after the files ``changed`` were saved (None: anything may have); returns the problems."""
        return self.update(changed).problems

    def update(self, changed: set[Path] | None = None) -> Outcome:
        """Check, render and build what ``changed`` needs; record the problems instead of raising."""
        started = time.perf_counter()
        everything = changed is None or self.state is None or not self.site.ready or self._outside(changed)
        # The check freezes what it builds, for the collector never to walk it again (see
        # generator.pipeline): right for one build, but a preview builds again and again. Before a
        # full build, thawed and collected, the last build's publication and MkDocs' cycles are
        # freed; between page rebuilds, only what was made since the last freeze is walked.
        if everything:
            gc.unfreeze()
        gc.collect()
        try:
            outcome = self._update(changed, everything)
        except BuildError as exc:
            print(f"charter: error: {exc}", file=sys.stderr)
            outcome = Outcome(str(exc), None)
        except Exception as exc:  # a bug in Charter: keep serving, and say so
            print(f"charter: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
            self.state = None
            bug = f"internal error: {type(exc).__name__}: {exc}\n(this is a bug in Charter; please report it)"
            outcome = Outcome(bug, None)
        if outcome.problems:
            print("charter: the preview shows these problems; fix them and save to rebuild", file=sys.stderr)
        elif outcome.how != "none":
            count = "every page" if outcome.written is None else f"{len(outcome.written)} files"
            print(f"charter: rebuilt {count} in {time.perf_counter() - started:.2f} s", file=sys.stderr)
        self.last = outcome
        return outcome

    def _outside(self, changed: set[Path]) -> bool:
        """Whether a saved file is not a chapter or data file (``mkdocs.yml``, the theme, ``publication.yml``)."""
        for path in changed:
            resolved = path.resolve()
            if resolved.name == "publication.yml" or not resolved.is_relative_to(self.content):
                return True
        return False

    def _update(self, changed: set[Path] | None, everything: bool) -> Outcome:
        report = Report()
        publication = read_publication(self.content, report, printed=False)  # print is not previewed
        print_report(report, strict=False)
        if publication is not None and not report.failed() and self.language is not None:
            publication = self._in_language(publication, report)
        if publication is not None and not report.failed() and self.edition is not None:
            publication = self._cut(publication, report)
        if publication is None or report.failed():
            problems = "\n".join(d.format() for d in report.sorted()) or "publication.yml is missing or unusable"
            return Outcome(problems, None)  # the tree and the site stay as they were: the last good build
        with speaking(publication.settings.language):  # Charter's own words in the previewed language
            return self._render(publication, changed, everything)

    def _render(self, publication: Publication, changed: set[Path] | None, everything: bool) -> Outcome:
        last = self.state if changed is not None else None
        self.state = None  # until the tree on disk is the one recorded
        if last is None and self.tree_dir.exists():
            for old in sorted(self.tree_dir.rglob("*"), reverse=True):
                old.unlink() if not old.is_dir() else old.rmdir()
        synced = sync(publication, self.tree_dir, last)
        self.state = synced.state
        self.site.known = set(synced.state.texts) | set(synced.state.images)
        if everything or synced.removed or OVERLAY_PATH in synced.changed:
            self.site.full()
            # Collected and frozen now, MkDocs' state is never walked by the collector between saves.
            gc.collect()
            gc.freeze()
            return Outcome(None, None, "full")
        pages = {path for path in synced.changed if path != SOURCES_PATH}
        if not pages:
            return Outcome(None, set(), "none")
        written = self.site.pages(pages)
        return Outcome(None, written, "pages" if written is not None else "full")

    def _in_language(self, publication: Publication, report: Report) -> Publication | None:
        """The publication in the chosen language; None (and a diagnostic) when it is not one of its languages."""
        codes = [language.code for language in publication.settings.languages]
        if self.language not in codes:
            report.error(
                Location(publication.settings.path, 1, 1),
                "E-LANGUAGE-UNKNOWN",
                f"the publication is not published in '{self.language}' (its languages: {', '.join(codes)})",
                hint="name one of its languages with --language, or leave --language out to preview its own",
            )
            print_report(report, strict=False)
            return None
        return for_language(publication, self.language)

    def _cut(self, publication: Publication, report: Report) -> Publication | None:
        """The publication as the chosen edition prints it; None (and a diagnostic) when it has no such edition."""
        editions = publication.settings.editions
        chosen = next((e for e in editions if e.id == self.edition), None)
        if chosen is None:
            names = ", ".join(e.id for e in editions) or "none"
            report.error(
                Location(publication.settings.path, 1, 1),
                "E-EDITION-UNKNOWN",
                f"the publication has no edition '{self.edition}' (it has: {names})",
                hint="name one of its editions with --edition, or leave --edition out to preview everything",
            )
            return None
        cut = for_edition(publication, chosen, report)
        print_report(report, strict=False)
        return cut
