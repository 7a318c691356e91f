"""A MkDocs hook: what Charter's pages need that a project's ``mkdocs.yml`` cannot be trusted to keep.

The generated configuration (:mod:`generator.render_site.site_config`) already names
Charter's stylesheet, scripts and theme folder. Two needs cannot be written there without
rewriting settings MkDocs must read itself: the Markdown extensions Charter's pages are
written for (a project's list may hold ``!!python/name:`` tags, which only MkDocs reads),
and Charter's theme folder when the project has a theme folder of its own (MkDocs takes
one ``custom_dir``). Both are added here, once MkDocs has read the configuration.

The hook also puts in place the two faster paths through MkDocs and Material that give the
same site: one Markdown converter for the build (:mod:`generator.render_site.markdown_reuse`)
and a faster tokenizer under Material's search parser (:mod:`generator.render_site.search_parser`).
Each checks that the code it replaces is the version it was written against, and leaves
MkDocs' or Material's own in place otherwise; with ``CHARTER_PLAIN_MKDOCS=1`` in the
environment neither is used (the tests that compare the two set it).
"""

from __future__ import annotations

import os
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig

from generator import packaged
from generator.render_site import markdown_reuse, search_parser

PLAIN_MKDOCS = "CHARTER_PLAIN_MKDOCS"
"""The environment variable that keeps MkDocs' and Material's own code paths, for comparison."""


def required_extensions() -> dict[str, dict[str, Any]]:
    """The Markdown extensions in Charter's own ``mkdocs.yml``, each with its settings there."""
    config = yaml.safe_load(packaged.site_config().read_text(encoding="utf-8")) or {}
    found: dict[str, dict[str, Any]] = {}
    for item in config.get("markdown_extensions") or []:
        if isinstance(item, str):
            found[item] = {}
        elif isinstance(item, dict):
            found.update({name: dict(settings or {}) for name, settings in item.items()})
    return found


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """MkDocs hook: add Charter's theme folder after the project's and the Markdown extensions it lacks."""
    theme_dir = str(packaged.site_theme().resolve())
    dirs: list[str] = config.theme.dirs
    if theme_dir not in dirs:
        dirs.insert(1 if config.theme.custom_dir else 0, theme_dir)
    for name, settings in required_extensions().items():
        if name not in config.markdown_extensions:
            config.markdown_extensions.append(name)
            if settings:
                config.mdx_configs[name] = settings
    if _plain():
        markdown_reuse.uninstall()
        search_parser.uninstall()
    else:
        markdown_reuse.install()
        search_parser.install()
    return config


def on_page_context(context: dict[str, Any], page: Any, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    """MkDocs hook: whether the navigation lists this page, for ``partials/toc.html``.

    The template's own test, ``page in nav.pages``, compares the page with every listed page
    through MkDocs' ``Page.__eq__`` (title and file): at 5,000 pages that was 700,000 calls.
    A page is listed when it is one of the navigation's page objects.
    """
    context["charter_in_nav"] = nav is not None and any(listed is page for listed in nav.pages)
    return context


def on_page_content(html: str, page: Any, config: MkDocsConfig, files: Any) -> str:
    """MkDocs hook: let go of the page's Markdown once it is HTML.

    MkDocs keeps every page's Markdown until the whole build ends, though nothing reads it
    once the page is converted (the title comes from the front matter or the rendered
    heading once there is HTML; Material's plugins read it before this hook runs): at 5,000
    entities that is 35 MiB of the build's peak memory. An empty text, not None, which
    MkDocs reads as a page never read.
    """
    if not _plain():
        page.markdown = ""
    return html


def _plain() -> bool:
    """Whether MkDocs' and Material's own code paths are asked for (:data:`PLAIN_MKDOCS`)."""
    return os.environ.get(PLAIN_MKDOCS) == "1"
