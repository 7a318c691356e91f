"""Run MkDocs with Material over the site tree: the only place the build touches MkDocs.

The project's ``mkdocs.yml`` stays the user's base configuration. Beside the tree goes a
small generated configuration that inherits it (``INHERIT``) and adds Charter's defaults,
what its pages need and what comes from the publication (title, navigation, marking)
and where the tree and the site are (:mod:`generator.render_site.site_config`). The same
file builds the tree with a plain ``mkdocs build -f``, which is how the benchmark
compares the two.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from generator.errors import BuildError
from generator.render_site.nav import SOURCES_PATH
from generator.render_site.site_config import base_config, theme_dirs, write_config

__all__ = ["base_config", "run_mkdocs", "theme_dirs", "write_config"]

_DOC_FILE = re.compile(r"Doc file '([^']+)'")


class _Collector(logging.Handler):
    """Keeps what MkDocs warns about, to report it in one error instead of a log stream."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def quiet_mkdocs() -> Iterator[_Collector]:
    logger = logging.getLogger("mkdocs")
    collector = _Collector()
    saved = (logger.propagate, logger.level)
    logger.addHandler(collector)
    logger.propagate = False
    logger.setLevel(logging.WARNING)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    try:
        yield collector
    finally:
        logger.removeHandler(collector)
        logger.propagate, logger.level = saved


def run_mkdocs(
    tree_dir: Path, site_dir: Path, *, project_dir: Path, on_page: Callable[[int, int], None] | None = None
) -> None:
    """Build ``site_dir`` from the tree with MkDocs and Material, in strict mode.

    ``on_page(done, total)`` is called as each page is written. Raises :class:`BuildError` with
    MkDocs' own warnings when it fails; never lets a traceback through.
    """
    config_path = write_config(tree_dir, site_dir, project_dir=project_dir)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    with quiet_mkdocs() as collector:
        try:
            config = load_config(config_file=str(config_path), strict=True)
            if on_page is not None:
                config.plugins["charter-pages"] = _page_counter(on_page)  # a plugin's events, registered
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
        except Exception as exc:  # MkDocs, a plugin or a template failed: report, do not crash
            raise BuildError(failure(exc, collector.messages, config_path, tree_sources(tree_dir))) from None


def _page_counter(on_page: Callable[[int, int], None]) -> Any:
    """A MkDocs plugin that calls ``on_page(done, total)`` as each page is written."""
    from mkdocs.plugins import BasePlugin

    class PageCounter(BasePlugin):
        total = 0
        done = 0

        def on_files(self, files: Any, *, config: Any) -> Any:
            self.total = len(files.documentation_pages())
            return files

        def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
            self.done += 1
            on_page(self.done, self.total)
            return output

    return PageCounter()


def tree_sources(tree_dir: Path) -> dict[str, str]:
    try:
        found = json.loads((tree_dir / SOURCES_PATH).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def failure(exc: Exception, messages: list[str], config_path: Path, sources: dict[str, str]) -> str:
    def origin(match: re.Match[str]) -> str:
        source = sources.get(match.group(1))
        return f"{match.group(0)} (written in {source})" if source else match.group(0)

    lines = [f"MkDocs could not build the site ({type(exc).__name__}: {exc})"]
    lines += [f"  mkdocs: {_DOC_FILE.sub(origin, message)}" for message in messages[:20]]
    if len(messages) > 20:
        lines.append(f"  ... and {len(messages) - 20} more")
    lines.append(f"  hint: the configuration MkDocs ran is {config_path}")
    return "\n".join(lines)
