"""The navigation and the publication's own MkDocs settings, written beside the tree.

The navigation lists the landing page, the chapters in reading order, the annexes, and
one index page per kind. Entity pages are reached from those indexes, from every table
and from their breadcrumbs, but are left out of the sidebar: with thousands of them it
would repeat on every page and dominate the site's weight.

Folders of content/ become sections of the sidebar, so that a long publication shows its
structure: a folder's ``index.md`` is its section's page (the section's own link), and a
folder without one is a section labelled with the folder's name. The sidebar never
reorders the reading order, which the previous and next links follow: a folder whose
chapters are read apart (the sample's strategy/, read before and after the register)
keeps its chapters in their places instead of gathering them into one section.
"""

from __future__ import annotations

from collections import Counter
from importlib.resources import files
from typing import Any

from generator.model import Chapter, Settings
from generator.model.kinds import KINDS
from generator.render_site.escape import esc
from generator.render_site.links import ACCESSIBILITY_FOLDER, DATA_FOLDER, PAGE_FOLDERS, page_src
from generator.render_site.render import Renderer
from generator.views.engine_words import kind_index
from generator.words import DEFAULT, language, say

OVERLAY_PATH = ".charter/mkdocs-overlay.yml"
"""Where, below the tree, the publication's settings for MkDocs are written (MkDocs skips dot folders)."""
SOURCES_PATH = ".charter/sources.json"
"""Where, below the tree, each page's origin in content/ is written, to point MkDocs' messages there."""


def navigation(site: Renderer) -> list[Any]:
    """The ``nav`` of the site: home, chapters, annexes, reference indexes."""
    chapters = site.publication.chapters
    folders = site.sitemap.chapter_folders
    nav: list[Any] = [{say("Home"): "index.md"}]
    nav += _sections([c for c in chapters if not c.annex], (), folders)
    annexes = _sections([c for c in chapters if c.annex], (), folders)
    if len(annexes) == 1 and isinstance(annexes[0], dict):
        nav += annexes  # the annexes' own folder is their section
    elif annexes:
        nav.append({say("Annexes"): annexes})
    reference: list[Any] = [{kind_index(KINDS[kind]): page_src(folder)} for kind, folder in PAGE_FOLDERS.items()]
    about = [
        {say("Open data"): page_src(DATA_FOLDER)},
        {say("Accessibility statement"): page_src(ACCESSIBILITY_FOLDER)},
    ]
    nav.append({say("Reference"): [*reference, *about]})
    return nav


def section_pages(nav: list[Any], site: Renderer) -> list[str]:
    """The pages of ``nav`` that are their section's own page (a folder's ``index.md``), by path below the tree.

    The theme shows each as its section's link rather than as the section's first entry.
    """
    index_srcs = {page_src(f) for path, f in site.sitemap.chapter_folders.items() if _is_index(path)}
    found: list[str] = []
    for item in nav:
        for children in item.values() if isinstance(item, dict) else ():
            if isinstance(children, list):
                if children and isinstance(children[0], str) and children[0] in index_srcs:
                    found.append(children[0])
                found += section_pages(children, site)
    return found


def _sections(chapters: list[Chapter], prefix: tuple[str, ...], folders: dict[str, str]) -> list[Any]:
    """The nav items of chapters that all lie in the folder ``prefix``, in their reading order.

    Each run of consecutive chapters in one subfolder becomes that subfolder's section,
    unless the subfolder's chapters are read in several runs (then they stay in place),
    or the run is a single chapter (a section of one page only hides it one level down).
    """
    runs: list[tuple[str | None, list[Chapter]]] = []
    for chapter in chapters:
        parts = _folder_parts(chapter.path)
        key = parts[len(prefix)] if len(parts) > len(prefix) else None
        if runs and runs[-1][0] == key and key is not None:
            runs[-1][1].append(chapter)
        else:
            runs.append((key, [chapter]))
    counts = Counter(key for key, _ in runs)
    items: list[Any] = []
    for key, run in runs:
        if key is None:
            items += [page_src(folders[c.path]) for c in run]
        elif counts[key] > 1 or len(run) == 1:
            items += _sections(run, (*prefix, key), folders)
        else:
            folder = (*prefix, key)
            index = next((c for c in run if _is_index(c.path) and _folder_parts(c.path) == folder), None)
            rest = [c for c in run if c is not index]
            children = ([page_src(folders[index.path])] if index else []) + _sections(rest, folder, folders)
            label = index.title if index else key.replace("-", " ").replace("_", " ").capitalize()
            items.append({esc(" ".join(label.split())): children})
    return items


def _folder_parts(path: str) -> tuple[str, ...]:
    """The folders a chapter's file lies in, below content/."""
    return tuple(path.split("/")[:-1])


def _is_index(path: str) -> bool:
    """Whether a chapter is its folder's own page (``index.md`` or ``README.md``)."""
    return "/" in path and path.rsplit("/", 1)[1].lower() in ("index.md", "readme.md")


def overlay(site: Renderer, *, switch: bool = True) -> dict[str, Any]:
    """The MkDocs settings from the publication rather than from ``mkdocs.yml`` (``switch``: the language switch)."""
    settings = site.publication.settings
    named = (settings.edition, settings.edition_label(site.publication.edition))
    imprint = settings.imprint  # the footer names who publishes it, under what licence
    edition_line = say("{title}, version {version}", title=settings.title, version=settings.version)
    parts = [imprint.copyright or settings.country, settings.issuer, edition_line]
    parts.append(imprint.licence)
    nav = navigation(site)
    config: dict[str, Any] = {
        "site_name": esc(settings.title),
        "site_description": esc(", ".join(p for p in (f"{settings.title}: {settings.country}", *named) if p)),
        "copyright": esc(" · ".join(p for p in parts if p)),
        "nav": nav,
        "not_in_nav": "\n".join(f"/{folder}/*/index.md" for folder in PAGE_FOLDERS.values()),
        "extra": {"charter": {**marking(site), "sections": section_pages(nav, site), **theme_words()}},
    }
    edition = site.publication.edition
    own = settings.language == settings.source_language
    if edition is not None and edition.url:  # each edition is deployed at its own address, each language below it
        config["site_url"] = edition.url if own else f"{edition.url.rstrip('/')}/{settings.language}/"
    theme: dict[str, Any] = {"language": settings.language} if _material_speaks(settings.language) else {}
    if settings.direction == "rtl":
        theme["direction"] = "rtl"
    if theme:
        config["theme"] = theme
    if switch and len(settings.languages) > 1:
        config["extra"]["alternate"] = alternates(settings)
    return config


def alternates(settings: Settings) -> list[dict[str, str]]:
    """The language switch: each language's site, from the top of this one (``fr/``, or ``../`` back to the first).

    Charter's ``partials/alternate.html`` adds the page's own address, so the switch leads to
    the same page in the other language.
    """
    up = "" if settings.language == settings.source_language else "../"
    found = []
    for other in settings.languages:
        below = "" if other.code == settings.source_language else f"{other.code}/"
        found.append(
            {
                "name": esc(other.name),
                "link": f"{up}{below}",
                "lang": esc(other.code),
                "dir": other.dir,
                "current": "yes" if other.code == settings.language else "",
            }
        )
    return found


def marking(site: Renderer) -> dict[str, str]:
    """The banner's text (escaped), the edition's name and, for a filled marking, its colours (checked #rrggbb)."""
    publication = site.publication
    style = publication.settings.marking_style(publication.marking)
    edition = publication.edition
    banner = {"marking": esc(publication.marking), "edition": esc(edition.title) if edition else ""}
    if style.filled:
        banner |= {"marking_fill": style.fill, "marking_ink": style.ink}
    return banner


def theme_words() -> dict[str, Any]:
    """Charter's own words in its templates and script, in the page's language; none in English (the templates').

    ``words`` are escaped for the templates, which print them as they are; ``script_words``
    are plain text, which the page template writes as JSON for ``charter.js``.
    """
    if language() == DEFAULT:
        return {}
    words = {
        "classification": say("Classification:"),
        "about_site": say("About this website"),
        "accessibility": say("Accessibility statement"),
        "open_data": say("Open data"),
    }
    script = {
        "sort_by": say("Sort by"),
        "as_published": say("as published"),
        "ascending": say("{column} (ascending)"),
        "descending": say("{column} (descending)"),
        "filter": say("Filter {table}"),
        "the_table": say("the table"),
        "shown": say("{shown} of {total} shown"),
        "row": say("row"),
        "rows": say("rows"),
        "scroll": say("Scroll sideways to see the whole table →"),
    }
    return {"words": {key: esc(text) for key, text in words.items()}, "script_words": script}


def _material_speaks(language: str) -> bool:
    try:
        return files("material").joinpath(f"templates/partials/languages/{language}.html").is_file()
    except (ModuleNotFoundError, OSError):
        return False
