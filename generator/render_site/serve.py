"""``charter serve``: a live preview for drafters.

MkDocs' live-reload server serves the built site and reloads the open page after every
rebuild. Saving a file under ``content/`` (or ``mkdocs.yml``, or the theme) rebuilds
the whole publication: it is checked, rendered and built again, in this process so
nothing is imported twice. When the content has a problem the diagnostics are printed
in the terminal and shown over the page in the browser, the last good site stays
visible underneath, and the server keeps running until the problem is fixed.

By default the preview shows everything the content holds, as drafters need; with
``--edition`` it shows one edition as its readers will see it, marking included.
"""

from __future__ import annotations

import gc
import logging
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from string import Template

from mkdocs.livereload import _SCRIPT_TEMPLATE, LiveReloadServer
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from generator import packaged
from generator.diagnostics import Location, Report, print_report
from generator.errors import BuildError
from generator.pipeline import read_publication
from generator.render_site.escape import esc
from generator.render_site.mkdocs_run import base_config, run_mkdocs
from generator.render_site.site_config import custom_theme_dir, read_config
from generator.render_site.tree import write_tree
from generator.resolve import Publication
from generator.resolve.editions import for_edition

_PANEL = Template(
    '<div id="charter-problems" role="alert" style="position:fixed;z-index:1000;left:0;right:0;bottom:0;'
    "max-height:50vh;overflow:auto;margin:0;padding:0.8rem 1.2rem;background:#fff5f5;color:#1a1a1a;"
    'border-top:4px solid #b00020;font:14px/1.45 monospace">'
    '<p style="margin:0 0 .5em;font:bold 15px sans-serif;color:#1a1a1a">$heading</p>'
    '<pre style="margin:0;white-space:pre-wrap;color:#1a1a1a">$text</pre></div>'
)
_EMPTY_PAGE = Template(
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Charter preview: problems</title></head>'
    "<body><main><h1>The publication has problems</h1><p>Fix them and save: this page updates by itself.</p>"
    "</main>$panel<script>$script</script></body></html>"
)


_CHANGES = frozenset({"created", "modified", "deleted", "moved"})


class _ChangeHandler(FileSystemEventHandler):
    """Asks for a rebuild when a file is written, created, deleted or moved (not merely read)."""

    def __init__(self, server: PreviewServer, only: str | None) -> None:
        self.server = server
        self.only = only

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type not in _CHANGES:
            return
        if self.only is not None:
            names = {Path(str(event.src_path)).name, Path(str(getattr(event, "dest_path", "") or "")).name}
            if self.only not in names:
                return
        self.server.request_rebuild()


class PreviewServer(LiveReloadServer):
    """MkDocs' live-reload server, showing the current problems (if any) over every page."""

    problems: str | None = None
    """The diagnostics of the last rebuild, as plain text, or None when it succeeded."""

    def __init__(self, *, builder: Callable[[], None], host: str, port: int, root: str) -> None:
        super().__init__(builder=builder, host=host, port=port, root=root)
        # Native file events (inotify) rather than MkDocs' half-second polling: faster updates.
        self.observer = Observer()  # type: ignore[assignment]
        self.build_delay = 0.05
        self.error_handler = self._error_page

    def watch(self, path: str, func: None = None, *, recursive: bool = True) -> None:
        """Rebuild when something under ``path`` (a folder, or a single file) changes."""
        target = Path(path).resolve()
        if str(target) in self._watched_paths:
            return
        self._watched_paths[str(target)] = 1
        folder, only = (target, None) if target.is_dir() else (target.parent, target.name)
        handler = _ChangeHandler(self, only)
        self._watch_refs[str(target)] = self.observer.schedule(handler, str(folder), recursive=only is None)

    def request_rebuild(self) -> None:
        """Wake the build loop (the same signal MkDocs' own watcher sends)."""
        with self._rebuild_cond:
            self._want_rebuild = True
            self._rebuild_cond.notify_all()

    def panel(self) -> bytes:
        """The problems panel as HTML, or nothing when the last rebuild succeeded."""
        if not self.problems:
            return b""
        count = self.problems.count("error[") + self.problems.count("warning[")
        heading = f"Charter: {count or 'some'} problem{'s' * (count != 1)}; the page below is the last good build"
        return _PANEL.substitute(heading=esc(heading), text=esc(self.problems)).encode()

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        page: bytes = super()._inject_js_into_html(content, epoch)
        panel = self.panel()
        if not panel:
            return page
        at = page.rfind(b"</body>")
        return page[:at] + panel + page[at:] if at >= 0 else page + panel

    def _error_page(self, code: int) -> bytes | None:
        if code != 404 or not self.problems:
            return None
        script = _SCRIPT_TEMPLATE.substitute(epoch=self._visible_epoch, request_id=time.monotonic_ns())
        return _EMPTY_PAGE.substitute(panel=self.panel().decode(), script=script).encode()


class _Preview:
    """Rebuilds the site of one content folder into a private work folder."""

    def __init__(self, content: Path, project_dir: Path, work: Path, edition: str | None = None) -> None:
        self.content = content
        self.project_dir = project_dir
        self.edition = edition
        self.tree_dir = work / "site-src"
        self.site_dir = work / "site"
        self.site_dir.mkdir(parents=True, exist_ok=True)
        self.server: PreviewServer | None = None

    def rebuild(self) -> None:
        """Check, render and build; record the problems instead of raising."""
        started = time.perf_counter()
        problems = self._build()
        if self.server is not None:
            self.server.problems = problems
        if problems:
            print("charter: the preview shows these problems; fix them and save to rebuild", file=sys.stderr)
        else:
            print(f"charter: rebuilt in {time.perf_counter() - started:.1f} s", file=sys.stderr)

    def _build(self) -> str | None:
        # The check freezes what it builds, for the collector never to walk it again (see
        # generator.pipeline): right for one build, but a preview builds again and again. Thawed and
        # collected first, the last build's publication and MkDocs' cycles are freed, not kept for good.
        gc.unfreeze()
        gc.collect()
        report = Report()
        try:
            publication = read_publication(self.content, report, printed=False)  # print is not previewed
            print_report(report, strict=False)
            if publication is not None and not report.failed() and self.edition is not None:
                publication = self._cut(publication, report)
            if publication is None or report.failed():
                return "\n".join(d.format() for d in report.sorted()) or "publication.yml is missing or unusable"
            if self.tree_dir.exists():
                shutil.rmtree(self.tree_dir)
            self.tree_dir.mkdir(parents=True)
            write_tree(publication, self.tree_dir, downloads=[])
            run_mkdocs(self.tree_dir, self.site_dir, project_dir=self.project_dir)
        except BuildError as exc:
            print(f"charter: error: {exc}", file=sys.stderr)
            return str(exc)
        except Exception as exc:  # a bug in Charter: keep serving, and say so
            print(f"charter: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
            return f"internal error: {type(exc).__name__}: {exc}\n(this is a bug in Charter; please report it)"
        return None

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


def _watched(content: Path, project_dir: Path) -> list[Path]:
    paths = [content]
    try:
        config = base_config(project_dir)
    except BuildError:
        return paths
    paths.append(config)
    own = read_config(config) if config != packaged.site_config() else {}
    docs = config.parent / str(own.get("docs_dir") or "docs")
    for folder in (custom_theme_dir(config, own), docs if own else None, packaged.site_theme()):
        if folder is not None and folder.is_dir():
            paths.append(folder)
    return paths


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def serve(content: Path, *, project_dir: Path, host: str, port: int, edition: str | None = None) -> int:
    """Serve a live preview of ``content`` (or of one of its editions) until interrupted; returns the exit status."""
    logging.getLogger("mkdocs.livereload").setLevel(logging.WARNING)
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _stop)  # stop as cleanly on `kill` as on Ctrl+C
    work = Path(tempfile.mkdtemp(prefix="charter-serve-"))
    preview = _Preview(content.resolve(), project_dir, work, edition)
    server = PreviewServer(builder=preview.rebuild, host=host, port=port, root=str(preview.site_dir))
    preview.server = server
    try:
        preview.rebuild()
        for path in _watched(content, project_dir):
            server.watch(str(path))
        try:
            server.server_bind()
        except OSError as exc:
            print(f"charter: error: cannot listen on {host}:{port}: {exc.strerror}", file=sys.stderr)
            print("  hint: another server may be using the port; choose one with --port", file=sys.stderr)
            return 1
        # serve() binds again; bind once ourselves first to report a busy port clearly.
        server.server_bind = lambda: None  # type: ignore[method-assign]
        print(f"charter: serving {server.url} (press Ctrl+C to stop)", file=sys.stderr)
        server.serve()
    except KeyboardInterrupt:
        print("charter: stopped", file=sys.stderr)
    finally:
        server.shutdown()
        shutil.rmtree(work, ignore_errors=True)
    return 0
