"""The navigation and the publication's own MkDocs settings, written beside the tree.

The navigation lists the landing page, the chapters in reading order, the annexes, and
one index page per kind. Entity pages are reached from those indexes, from every table
and from their breadcrumbs, but are left out of the sidebar: with thousands of them it
would repeat on every page and dominate the site's weight.
"""

from __future__ import annotations

from importlib.resources import files
from typing import Any

from generator.model.kinds import KINDS
from generator.render_site.escape import esc
from generator.render_site.links import DATA_FOLDER, PAGE_FOLDERS, page_src
from generator.render_site.render import Renderer

OVERLAY_PATH = ".charter/mkdocs-overlay.yml"
"""Where, below the tree, the publication's settings for MkDocs are written (MkDocs skips dot folders)."""
SOURCES_PATH = ".charter/sources.json"
"""Where, below the tree, each page's origin in content/ is written, to point MkDocs' messages there."""


def navigation(site: Renderer) -> list[Any]:
    """The ``nav`` of the site: home, chapters, annexes, reference indexes."""
    chapters = site.publication.chapters
    nav: list[Any] = [{"Home": "index.md"}]
    nav += [page_src(site.sitemap.chapter_folders[c.path]) for c in chapters if not c.annex]
    annexes = [page_src(site.sitemap.chapter_folders[c.path]) for c in chapters if c.annex]
    if annexes:
        nav.append({"Annexes": annexes})
    reference: list[Any] = [{KINDS[kind].index: page_src(folder)} for kind, folder in PAGE_FOLDERS.items()]
    nav.append({"Reference": [*reference, {"Open data": page_src(DATA_FOLDER)}]})
    return nav


def overlay(site: Renderer) -> dict[str, Any]:
    """The MkDocs settings that come from the publication rather than from ``mkdocs.yml``."""
    settings = site.publication.settings
    parts = [settings.country, f"{settings.title}, version {settings.version}"]
    config: dict[str, Any] = {
        "site_name": esc(settings.title),
        "site_description": esc(f"{settings.title}: {settings.country}, {settings.edition}"),
        "copyright": esc(" · ".join(p for p in parts if p)),
        "nav": navigation(site),
        "not_in_nav": "\n".join(f"/{folder}/*/index.md" for folder in PAGE_FOLDERS.values()),
        "extra": {"charter": {"marking": esc(site.publication.marking)}},
    }
    edition = site.publication.edition
    if edition is not None and edition.url:
        config["site_url"] = edition.url  # each edition is deployed at its own address
    if _material_speaks(settings.language):
        config["theme"] = {"language": settings.language}
    return config


def _material_speaks(language: str) -> bool:
    try:
        return files("material").joinpath(f"templates/partials/languages/{language}.html").is_file()
    except (ModuleNotFoundError, OSError):
        return False
