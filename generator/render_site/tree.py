"""Write the site tree: every page as Markdown, the diagrams as SVG, and the settings MkDocs needs.

The tree is first rendered in memory (:func:`render_tree`), in parts: the landing page, each
chapter's page, and everything else. A preview that keeps the parts can render one chapter's
page again when only its prose changed (:mod:`generator.render_site.incremental`).
"""

from __future__ import annotations

import json
import os
import shutil
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.downloads import Download
from generator.model import Chapter
from generator.render_site.accessibility import accessibility_page
from generator.render_site.chapters import chapter_page
from generator.render_site.data_page import data_page
from generator.render_site.entity_pages import entity_pages
from generator.render_site.indexes import index_pages
from generator.render_site.landing import landing_page
from generator.render_site.nav import OVERLAY_PATH, SOURCES_PATH, overlay
from generator.render_site.open_data import data_files
from generator.render_site.render import Page, Renderer
from generator.resolve import Publication


def abbreviations(publication: Publication) -> str:
    """The Markdown ``abbr`` definitions of every acronym, appended to every page for its tooltips."""
    lines = []
    for acronym in publication.acronyms:
        meaning = " ".join(acronym.meaning.split())
        if meaning:
            lines.append(f"*[{acronym.id}]: {meaning}")
    return "\n" + "\n".join(lines) + "\n" if lines else ""


@dataclass
class Part:
    """Pages rendered together, with the extra files and images their rendering asked for."""

    pages: list[Page] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)
    images: dict[str, str] = field(default_factory=dict)


@dataclass
class Tree:
    """The site tree in memory: its parts in page order, the open data files and the settings."""

    data: dict[str, str]
    parts: dict[str, Part]
    """``landing``, then ``chapter:<path>`` for each chapter, then ``rest`` (indexes, entities, data)."""
    abbreviations: str
    overlay: str

    @property
    def page_count(self) -> int:
        """The number of pages."""
        return sum(len(part.pages) for part in self.parts.values())

    def texts(self) -> dict[str, str]:
        """Every text file of the tree by its path below the tree, in the order they are written."""
        texts: dict[str, str] = {}
        sources: dict[str, str] = {}
        for part in self.parts.values():
            for page in part.pages:
                texts[page.src] = page.text(self.abbreviations)
                if page.source:
                    sources[page.src] = page.source
        files = dict(self.data)
        for part in self.parts.values():
            for path, text in part.files.items():
                files.setdefault(path, text)
        texts.update(files)
        texts[OVERLAY_PATH] = self.overlay
        texts[SOURCES_PATH] = json.dumps(sources, indent=0, ensure_ascii=False)
        return texts

    def images(self) -> dict[str, str]:
        """Images the prose shows: path below the tree → path below the content folder."""
        found: dict[str, str] = {}
        for part in self.parts.values():
            found.update(part.images)
        return found


def render_part(site: Renderer, make: object) -> Part:
    """Render pages with ``make()`` (a callable returning pages), keeping the files and images they ask for apart."""
    files, images = site.files, site.images
    site.files, site.images = {}, {}
    try:
        pages = make()  # type: ignore[operator]
        return Part(list(pages), site.files, site.images)
    finally:
        site.files, site.images = files, images


def chapter_part(site: Renderer, chapter: Chapter) -> Part:
    """One chapter's page, as a part of the tree."""
    return render_part(site, lambda: [chapter_page(site, chapter)])


def site_overlay(site: Renderer, *, switch: bool = True) -> str:
    """The settings MkDocs needs from the publication (navigation, marking), as YAML.

    Without ``switch``, no language switch: a preview builds one language, so it could lead nowhere.
    """
    return yaml.safe_dump(overlay(site, switch=switch), allow_unicode=True, sort_keys=False, width=1000)


def render_tree(publication: Publication, *, downloads: list[Download], previewing: bool = False) -> Tree:
    """The whole site tree of a publication, in memory (``previewing``: for ``charter serve``, which makes no print)."""
    site = Renderer.of(publication)
    data = data_files(publication, site.data_tables)
    parts = {"landing": render_part(site, lambda: [landing_page(site, downloads, previewing=previewing)])}
    for chapter in publication.chapters:
        parts[f"chapter:{chapter.path}"] = chapter_part(site, chapter)
    parts["rest"] = render_part(
        site, lambda: [*index_pages(site), *entity_pages(site), data_page(site, data), accessibility_page(site)]
    )
    return Tree(data, parts, abbreviations(publication), site_overlay(site, switch=not previewing))


def write_tree(publication: Publication, tree_dir: Path, *, downloads: list[Download]) -> int:
    """Write the Markdown tree of the site into ``tree_dir``; returns the number of pages.

    The tree of the last build is brought up to date in place (:func:`sync_tree`): at 5,000
    entities, writing every file and folder again and deleting the old ones cost the build
    more in disk time than the rest of the render. Files in ``tree_dir/downloads`` (the
    print editions) are left where they are.
    """
    tree = render_tree(publication, downloads=downloads)
    files: dict[str, str | Path] = dict(tree.texts())
    for path, source in tree.images().items():
        original = publication.content_root / source
        if original.is_file():  # the checker has reported a missing image already
            files[path] = original
    sync_tree(tree_dir, files, keep=DOWNLOADS)
    return tree.page_count


DOWNLOADS = "downloads"
"""The folder of the tree the print editions are written into, before the rest of the tree."""


def prepare_tree(tree_dir: Path) -> Path:
    """Make ``tree_dir`` a folder, keeping the last build's tree in it, with no downloads yet; returns that folder.

    The print editions are written into the downloads folder before the tree is brought up to
    date (:func:`sync_tree`), so any earlier downloads go first. Neither is ever a link.
    """
    downloads = _real_folder(tree_dir) / DOWNLOADS
    if _no_link(downloads) and downloads.is_dir():
        shutil.rmtree(downloads)
    return downloads


def _real_folder(path: Path) -> Path:
    """``path`` as a folder of its own: a link or a file there is removed first (never followed)."""
    _no_link(path)
    path.mkdir(parents=True, exist_ok=True)
    return path


def _no_link(path: Path) -> bool:
    """Remove a link or a file at ``path``; True when what is left there may be a real folder."""
    if path.is_symlink() or path.is_file():
        path.unlink()
        return False
    return True


def sync_tree(tree_dir: Path, files: dict[str, str | Path], *, keep: str = "") -> set[str]:
    """Make ``tree_dir`` hold exactly ``files`` (besides its folder ``keep``); returns the paths written.

    ``files`` maps a path below the tree to its text, or to the file to copy there. A file
    already right is not written again; a file, folder or link that is not part of the tree
    is deleted (a link is never followed). A build after a build of the same content writes
    nothing, and a killed build's half-written files are put right.
    """
    _real_folder(tree_dir)
    if keep:
        _no_link(tree_dir / keep)
    present: dict[str, Path] = {}
    empty_folders = False
    for folder, dirs, names in os.walk(tree_dir):
        here = Path(folder)
        empty_folders = empty_folders or not (dirs or names)
        for name in [d for d in dirs if (here / d).is_symlink() or (here == tree_dir and d == keep)]:
            if (here / name).is_symlink():
                (here / name).unlink()
            dirs.remove(name)
        present.update(((here / name).relative_to(tree_dir).as_posix(), here / name) for name in names)
    stale = [rel for rel in present if rel not in files]
    for rel in stale:  # first, so that a page may take the place of a stale file or folder
        present.pop(rel).unlink()
    if stale or empty_folders:
        for folder, _, _ in os.walk(tree_dir, topdown=False):
            if Path(folder) != tree_dir:
                with suppress(OSError):
                    os.rmdir(folder)  # only a folder left empty
    written: set[str] = set()
    made: set[Path] = set()
    buffer = bytearray()
    for rel, wanted in files.items():
        data = wanted.read_bytes() if isinstance(wanted, Path) else wanted.encode("utf-8")
        path = present.get(rel)
        if path is not None:
            if not path.is_symlink() and _holds(path, data, buffer):
                continue
            path.unlink()
        write_bytes(tree_dir / rel, data, made)
        written.add(rel)
    return written


def _holds(path: Path, data: bytes, buffer: bytearray) -> bool:
    """Whether the file holds exactly ``data``, read into ``buffer`` (reused: thousands of reads, one allocation)."""
    try:
        with path.open("rb") as file:
            if os.fstat(file.fileno()).st_size != len(data):
                return False
            if len(buffer) < len(data) + 1:
                buffer.extend(bytes(len(data) + 1 - len(buffer)))
            view = memoryview(buffer)
            read = file.readinto(view)
            return read == len(data) and view[:read] == data
    except OSError:
        return False


def copy_images(publication: Publication, images: dict[str, str], tree_dir: Path) -> None:
    """Copy the images the prose shows into the tree."""
    for path, source in images.items():
        original = publication.content_root / source
        if original.is_file():  # the checker has reported a missing image already
            (tree_dir / path).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(original, tree_dir / path)


def write_text(path: Path, text: str, made: set[Path]) -> None:
    """Write a file of the tree, making its folder once."""
    write_bytes(path, text.encode("utf-8"), made)


def write_bytes(path: Path, data: bytes, made: set[Path]) -> None:
    """Write a file of the tree, making its folder once."""
    folder = path.parent
    if folder not in made:
        folder.mkdir(parents=True, exist_ok=True)
        made.add(folder)
    path.write_bytes(data)
