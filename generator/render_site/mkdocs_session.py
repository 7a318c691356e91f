"""MkDocs kept running between a preview's saves: a full build once, then only the pages that changed.

A full build (:func:`generator.render_site.mkdocs_run.run_mkdocs`'s, in strict mode) keeps its
configuration, files, navigation and template environment. After a save that changed some
pages' Markdown (and perhaps some other files of the tree) but neither the set of files nor
the navigation, only those pages are read, rendered and put through the theme again, the
changed files copied, every page's anchors checked again and the search index rewritten with
the changed pages' entries replaced. A page in the navigation whose title changed (every page
shows the navigation) or a file MkDocs does not know yet means a full build again.

This drives MkDocs' own page steps (``_populate_page``, ``_build_page``), as its ``--dirty``
serve does, but knows which pages to rebuild instead of guessing from modification times.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import BuildError
from generator.render_site.mkdocs_run import failure, quiet_mkdocs, tree_sources
from generator.render_site.site_config import generated_config_path, write_config

SEARCH_INDEX = "search/search_index.json"


@dataclass
class _Kept:
    config: Any
    files: Any = None
    nav: Any = None
    env: Any = None


def _keeper(kept: _Kept) -> Any:
    """A MkDocs plugin, run after every other, that keeps the build's files, navigation and environment."""
    from mkdocs.plugins import BasePlugin

    class Keeper(BasePlugin):
        def on_nav(self, nav: Any, *, config: Any, files: Any) -> Any:
            kept.files, kept.nav = files, nav
            return nav

        def on_env(self, env: Any, *, config: Any, files: Any) -> Any:
            kept.env = env
            return env

    return Keeper()


class SiteSession:
    """One site, built by MkDocs in this process and rebuilt page by page."""

    def __init__(self, tree_dir: Path, site_dir: Path, *, project_dir: Path) -> None:
        self.tree_dir = tree_dir
        self.site_dir = site_dir
        self.project_dir = project_dir
        self._kept: _Kept | None = None
        self.known: set[str] | None = None
        """The files of the tree that are Charter's; before a full build every other file is deleted (the
        project's own pages, which each full build copies into the tree again)."""

    @property
    def ready(self) -> bool:
        """Whether a full build succeeded and nothing since has spoilt it: a page can be rebuilt alone."""
        return self._kept is not None

    def full(self) -> None:
        """Build the whole site; raises :class:`BuildError` with MkDocs' warnings when it fails."""
        self._kept = None
        if self.known is not None:
            _tidy(self.tree_dir, self.known)
        config_path = write_config(self.tree_dir, self.site_dir, project_dir=self.project_dir)
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        with quiet_mkdocs() as collector:
            try:
                config = load_config(config_file=str(config_path), strict=True)
                kept = _Kept(config)
                config.plugins["charter-keep"] = _keeper(kept)
                config.plugins.on_startup(command="build", dirty=False)
                build(config)
            except Exception as exc:
                raise BuildError(failure(exc, collector.messages, config_path, tree_sources(self.tree_dir))) from None
        self._kept = kept

    def _failure(self, exc: Exception, messages: list[str]) -> str:
        return failure(exc, messages, generated_config_path(self.tree_dir), tree_sources(self.tree_dir))

    def pages(self, changed: set[str]) -> set[str] | None:
        """Rebuild after the tree files ``changed`` (paths below the tree) were written.

        Returns the paths below the site of the files written again, or None when the whole
        site had to be built again. Raises :class:`BuildError` as :meth:`full` does.
        """
        kept = self._kept
        if kept is None:
            self.full()
            return None
        found = {path: kept.files.get_file_from_path(path) for path in changed}
        if any(file is None for file in found.values()):
            self.full()
            return None
        from mkdocs.commands.build import _build_page, _populate_page
        from mkdocs.structure.files import InclusionLevel

        config, files = kept.config, kept.files
        pages = [file for file in found.values() if file.page is not None]
        self._kept = None  # until the rebuild succeeds
        with quiet_mkdocs() as collector:
            try:
                in_nav = [file for file in pages if file.page in kept.nav.pages]
                titles = [file.page.title for file in in_nav]
                for file in pages:
                    _populate_page(file.page, config, files)
                if titles != [file.page.title for file in in_nav]:
                    collector.messages.clear()
                    self.full()  # every page's navigation shows the titles of the pages in it
                    return None
                for file in found.values():
                    if file.page is None:
                        file.copy_file()
                _forget_search_entries(config, {file.page.url for file in pages})
                doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
                for file in pages:
                    _build_page(file.page, config, doc_files, kept.nav, kept.env)
                level = config.validation.links.anchors
                for file in doc_files:
                    file.page.validate_anchor_links(files=files, log_level=level)
                config.plugins.on_post_build(config=config)
            except Exception as exc:
                raise BuildError(self._failure(exc, collector.messages)) from None
            if collector.messages:
                error = Exception(f"Aborted with {len(collector.messages)} warnings in strict mode!")
                raise BuildError(self._failure(error, collector.messages))
        self._kept = kept
        return {file.dest_uri for file in found.values()} | {SEARCH_INDEX}


def _forget_search_entries(config: Any, urls: set[str]) -> None:
    """Drop the search index's entries for pages about to be indexed again."""
    for plugin in config.plugins.values():
        index = getattr(plugin, "search_index", None)
        if index is not None and isinstance(getattr(index, "entries", None), list):
            index.entries = [entry for entry in index.entries if _page_of(entry.get("location", "")) not in urls]


def _page_of(location: str) -> str:
    return location.partition("#")[0]


def _tidy(tree_dir: Path, known: set[str]) -> None:
    for path in sorted(tree_dir.rglob("*"), reverse=True):
        if path.is_file() and path.relative_to(tree_dir).as_posix() not in known:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
