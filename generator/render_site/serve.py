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

import logging
import posixpath
import re
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from string import Template
from typing import Any
from urllib.parse import parse_qs

from mkdocs.livereload import _SCRIPT_TEMPLATE_STR, LiveReloadServer
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from generator import packaged
from generator.errors import BuildError
from generator.render_site.escape import esc
from generator.render_site.preview import Preview
from generator.render_site.site_config import base_config, custom_theme_dir, read_config

_Preview = Preview  # the name the tests knew

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

_POLL = 'req.open("GET", "/livereload/" + epoch + "/" + requestId);'
if _SCRIPT_TEMPLATE_STR.count(_POLL) != 1:  # an upgrade of MkDocs changed its script: fail loudly, not silently
    raise ImportError(f"mkdocs.livereload's script changed; update {__file__}")
_SCRIPT = Template(
    _SCRIPT_TEMPLATE_STR.replace(
        _POLL,
        'req.open("GET", "/livereload/" + epoch + "/" + requestId + "?page=" + encodeURIComponent(location.pathname));',
    )
)
"""MkDocs' live-reload script, asking about the page it is on; it reloads when the answer is a newer epoch."""
_POLL_PATH = re.compile(r"/livereload/([0-9]+)/[0-9]+")
_CHANGES = frozenset({"created", "modified", "deleted", "moved"})


class _ChangeHandler(FileSystemEventHandler):
    """Asks for a rebuild when a file is written, created, deleted or moved (not merely read)."""

    def __init__(self, server: PreviewServer, only: str | None) -> None:
        self.server = server
        self.only = only

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type not in _CHANGES:
            return
        paths = {Path(str(event.src_path))}
        if getattr(event, "dest_path", ""):
            paths.add(Path(str(event.dest_path)))
        if self.only is not None and self.only not in {path.name for path in paths}:
            return
        self.server.request_rebuild(paths)


class PreviewServer(LiveReloadServer):
    """MkDocs' live-reload server, showing the current problems (if any) over every page.

    A page's script asks about its own path; the answer is a newer epoch (and the page
    reloads) only once a rebuild wrote that page, or every page (a full build, or the
    problems shown over every page appeared, changed or went).
    """

    problems: str | None = None
    """The diagnostics of the last rebuild, as plain text, or None when it succeeded."""

    def __init__(self, *, builder: Callable[[], None], host: str, port: int, root: str) -> None:
        super().__init__(builder=builder, host=host, port=port, root=root)
        # Native file events (inotify) rather than MkDocs' half-second polling: faster updates.
        self.observer = Observer()  # type: ignore[assignment]
        self.build_delay = 0.05
        self.error_handler = self._error_page
        self._changes: set[Path] = set()
        self._every_page = self._visible_epoch
        """The epoch of the last rebuild that changed every page."""
        self._pages: dict[str, int] = {}
        """Path below the site → the epoch of the last rebuild that wrote it."""

    def watch(self, path: str, func: None = None, *, recursive: bool = True) -> None:
        """Rebuild when something under ``path`` (a folder, or a single file) changes."""
        target = Path(path).resolve()
        if str(target) in self._watched_paths:
            return
        self._watched_paths[str(target)] = 1
        folder, only = (target, None) if target.is_dir() else (target.parent, target.name)
        handler = _ChangeHandler(self, only)
        self._watch_refs[str(target)] = self.observer.schedule(handler, str(folder), recursive=only is None)

    def request_rebuild(self, paths: set[Path]) -> None:
        """Wake the build loop (the same signal MkDocs' own watcher sends), noting the files saved."""
        with self._rebuild_cond:
            self._changes |= paths
            self._want_rebuild = True
            self._rebuild_cond.notify_all()

    def take_changes(self) -> set[Path]:
        """The files saved since the last call."""
        with self._rebuild_cond:
            changes, self._changes = self._changes, set()
        return changes

    def record(self, written: Iterable[str] | None) -> None:
        """Note what the rebuild under way wrote: paths below the site, or None for every page."""
        with self._epoch_cond:
            if written is None:
                self._every_page = self._wanted_epoch
            else:
                for path in written:
                    self._pages[path] = self._wanted_epoch

    def page_epoch(self, page: str) -> int:
        """The epoch of the last finished rebuild that changed the page at the address path ``page``."""
        relative = page[len(self.mount_path) :] if page.startswith(self.mount_path) else page.lstrip("/")
        if relative == "" or relative.endswith("/"):
            relative += "index.html"
        relative = posixpath.normpath("/" + relative).lstrip("/")
        epoch = max(self._every_page, self._pages.get(relative, 0))
        return min(epoch, self._visible_epoch)  # never a rebuild still under way

    def _serve_request(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes] | None:
        path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
        page = parse_qs(environ.get("QUERY_STRING", "")).get("page")
        poll = _POLL_PATH.fullmatch(path)
        if poll is None or not page:
            return super()._serve_request(environ, start_response)
        epoch = int(poll[1])
        start_response("200 OK", [("Content-Type", "text/plain")])
        with self._epoch_cond:
            # Answer as soon as this page changed; if it does not, answer anyway after a while.
            self._epoch_cond.wait_for(lambda: self.page_epoch(page[0]) > epoch, timeout=self.poll_response_timeout)
            return [b"%d" % self.page_epoch(page[0])]

    def panel(self) -> bytes:
        """The problems panel as HTML, or nothing when the last rebuild succeeded."""
        if not self.problems:
            return b""
        count = self.problems.count("error[") + self.problems.count("warning[")
        heading = f"Charter: {count or 'some'} problem{'s' * (count != 1)}; the page below is the last good build"
        return _PANEL.substitute(heading=esc(heading), text=esc(self.problems)).encode()

    def script(self, epoch: int) -> str:
        """The live-reload script of a page served at ``epoch``."""
        return _SCRIPT.substitute(epoch=epoch, request_id=time.monotonic_ns())

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        at = content.rfind(b"</body>")
        at = at if at >= 0 else len(content)
        return content[:at] + self.panel() + f"<script>{self.script(epoch)}</script>".encode() + content[at:]

    def _error_page(self, code: int) -> bytes | None:
        if code != 404 or not self.problems:
            return None
        script = self.script(self._visible_epoch)
        return _EMPTY_PAGE.substitute(panel=self.panel().decode(), script=script).encode()


class _Served:
    """The preview as the server's builder: rebuilds what the saved files need and tells the server what changed."""

    def __init__(self, preview: Preview) -> None:
        self.preview = preview
        self.server: PreviewServer | None = None

    def __call__(self) -> None:
        server = self.server
        changed = server.take_changes() if server is not None else None
        before = server.problems if server is not None else None
        outcome = self.preview.update(changed)
        if server is not None:
            server.problems = outcome.problems
            if outcome.problems != before:
                server.record(None)  # the panel over every page appeared, changed or went
            else:
                server.record(outcome.written if not outcome.problems else set())


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


def serve(
    content: Path, *, project_dir: Path, host: str, port: int, edition: str | None = None, language: str | None = None
) -> int:
    """Serve a live preview of ``content`` (or of one of its editions, in one of its languages) until interrupted."""
    logging.getLogger("mkdocs.livereload").setLevel(logging.WARNING)
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _stop)  # stop as cleanly on `kill` as on Ctrl+C
    work = Path(tempfile.mkdtemp(prefix="charter-serve-"))
    preview = Preview(content.resolve(), project_dir, work, edition, language)
    builder = _Served(preview)
    server = PreviewServer(builder=builder, host=host, port=port, root=str(preview.site_dir))
    try:
        builder()
        builder.server = server
        server.problems = preview.last.problems if preview.last else None
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
