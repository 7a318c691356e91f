"""Where every page of the site lives, and the relative address from any page to any other.

Every page is written as ``<folder>/index.md``, so it ends up at ``<folder>/index.html``
whatever ``use_directory_urls`` says, and a link between two pages is simply the
relative path between their folders. Links inside raw HTML (tables, diagrams) are not
rewritten by MkDocs, which is why they are computed here.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from generator.model import Chapter, Entity
from generator.model.kinds import page_kinds
from generator.render_site.subjects import threat_chapters
from generator.resolve import Publication

PAGE_FOLDERS: dict[str, str] = {spec.kind: spec.folder for spec in page_kinds() if spec.folder is not None}
"""The kinds that have a page each (by ``KIND``, in registry order) and the folder of their pages.

Derived from :data:`generator.model.kinds.KINDS`, where each kind's folder is declared.
"""

MEDIA_FOLDER = "media"
"""Where the images the chapters show are copied, below the site root, at their path below content/."""
DATA_FOLDER = "data"
"""Where the edition's open data files live, beside the page that documents them."""
ACCESSIBILITY_FOLDER = "accessibility"
"""Where the edition's accessibility statement is."""
RESERVED = ("assets", "search", "diagrams", "downloads", DATA_FOLDER, MEDIA_FOLDER, ACCESSIBILITY_FOLDER)
"""Top folders the theme, the search plugin and the renderer use for files of their own."""


_URL_SAFE = re.compile(r"[A-Za-z0-9_.~/-]*")
"""Paths made of these characters need no percent-encoding (IDs and most file names)."""


def page_src(folder: str) -> str:
    """The Markdown file of the page that lives in ``folder`` ('' is the site root)."""
    return f"{folder}/index.md" if folder else "index.md"


_ASCII_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


def anchor_id(entity_id: str) -> str:
    """The HTML id an entity's summary carries on its chapter page: ``e-r-pir-01``.

    An acronym may be written in any script ('ΓΚΑ', 'P&I'): its id is then ``u-`` and the
    hex code of each character ('u-393-39a-391'), plain ASCII that every browser, MkDocs'
    anchor check and the search index read alike, and never the id of an ASCII ID.
    """
    if _ASCII_ID.fullmatch(entity_id):
        return "e-" + entity_id.lower()
    return "u-" + "-".join(f"{ord(char):x}" for char in entity_id)


def _relpath(to_path: str, from_folder: str) -> str:
    """``posixpath.relpath`` for the clean relative paths of the tree, without touching the disk.

    Folders here never hold '.' or '..' parts, so comparing their parts is enough; this is
    called for every link of every page, and ``posixpath.relpath`` asks for the working
    folder each time.
    """
    target = to_path.split("/") if to_path else []
    origin = from_folder.split("/") if from_folder else []
    common = 0
    for a, b in zip(target, origin, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(origin) - common) + target[common:]) or "."


def _quote(path: str) -> str:
    return path if _URL_SAFE.fullmatch(path) else quote(path)


def relative(from_folder: str, to_folder: str, fragment: str = "") -> str:
    """The address of the page in ``to_folder`` as seen from the page in ``from_folder``."""
    path = _relpath(to_folder, from_folder)
    href = "./" if path == "." else _quote(path) + "/"
    return href + (f"#{fragment}" if fragment else "")


def relative_file(from_folder: str, to_path: str) -> str:
    """The address of a file (a download, a diagram) as seen from the page in ``from_folder``."""
    return _quote(_relpath(to_path, from_folder))


class SiteMap:
    """Allocates a folder to the landing page, each index, entity and chapter, and links them."""

    def __init__(self, publication: Publication) -> None:
        self._taken: set[str] = {name for name in RESERVED}
        self.entity_folders: dict[str, str] = {}
        """Entity ID → the folder of its page, for the kinds in PAGE_FOLDERS."""
        self.chapter_folders: dict[str, str] = {}
        """Chapter path → the folder of its page."""
        self.anchors: dict[str, tuple[str, str]] = {}
        """Entity ID → (chapter folder, fragment) for entities shown only in their chapter."""
        self.titles: dict[str, str] = dict(publication.public_names)
        """Entity ID → its title, for link text; an entity the edition leaves out, its public name."""
        subjects = threat_chapters(publication)
        self.subjects: dict[str, str] = {}
        """Threat ID → the folder of the chapter about it, which is the threat's page (no page of its own)."""
        self._claim("")
        for kind_folder in PAGE_FOLDERS.values():
            self._claim(kind_folder)
        for entity in publication.entities.values():
            self.titles[entity.id] = entity.title
            if entity.KIND in PAGE_FOLDERS and entity.id not in subjects:
                self.entity_folders[entity.id] = self._claim(f"{PAGE_FOLDERS[entity.KIND]}/{entity.id.lower()}")
        for chapter in publication.chapters:
            self.chapter_folders[chapter.path] = self._claim(_chapter_folder(chapter.path))
        for threat_id, path in subjects.items():
            self.subjects[threat_id] = self.chapter_folders[path]
        for entity in publication.entities.values():
            if entity.id in self.entity_folders or entity.id in self.subjects:
                continue
            if entity.chapter in self.chapter_folders:
                self.anchors[entity.id] = (self.chapter_folders[entity.chapter], anchor_id(entity.id))

    def _claim(self, wanted: str) -> str:
        candidate, n = wanted, 2
        while candidate.casefold() in self._taken:
            candidate, n = f"{wanted}-{n}", n + 1
        self._taken.add(candidate.casefold())
        return candidate

    def folder_of(self, item: Entity | Chapter) -> str | None:
        """The folder of an entity's or a chapter's own page, if it has one."""
        if isinstance(item, Chapter):
            return self.chapter_folders.get(item.path)
        return self.entity_folders.get(item.id) or self.subjects.get(item.id)

    def href(self, from_folder: str, entity_id: str) -> str | None:
        """The address of an entity (its page, or its place in a chapter), or None when it has neither."""
        folder = self.entity_folders.get(entity_id) or self.subjects.get(entity_id)
        if folder is not None:
            return relative(from_folder, folder)
        place = self.anchors.get(entity_id)
        if place is not None:
            return relative(from_folder, place[0], place[1])
        return None

    def markdown_target(self, from_folder: str, entity_id: str) -> str | None:
        """A Markdown link target (a relative ``.md`` path MkDocs checks in strict mode), or None."""
        folder = self.entity_folders.get(entity_id) or self.subjects.get(entity_id)
        fragment = ""
        if folder is None:
            if entity_id not in self.anchors:
                return None
            folder, fragment = self.anchors[entity_id]
        path = _quote(_relpath(page_src(folder), from_folder))
        return path + (f"#{fragment}" if fragment else "")


def _chapter_folder(path: str) -> str:
    stem = path.removesuffix(".md")
    head, _, name = stem.rpartition("/")
    if name.lower() in ("index", "readme") and head:
        return head
    return stem
