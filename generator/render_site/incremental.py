"""The site tree of a preview, kept in memory between saves and written to disk only where it changed.

After a save the publication is read and resolved again (a fraction of a second at 1,000
entities). When nothing but the prose of some chapters changed (every entity, reference,
setting and chapter outline is equal to the last read) only those chapters' pages are
rendered again; otherwise the whole tree is, in memory. Either way only the files whose text
differs from the last tree are written, so the site builder knows which pages to rebuild.
"""

from __future__ import annotations

import dataclasses
import filecmp
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.model import Chapter, Passage
from generator.render_site.render import Renderer
from generator.render_site.tree import Tree, abbreviations, chapter_part, copy_images, render_tree, write_text
from generator.resolve import Publication


@dataclass
class TreeState:
    """A rendered tree and the publication it was rendered from."""

    publication: Publication
    tree: Tree
    texts: dict[str, str]
    """Every text file of the tree, by its path below the tree, as written on disk."""
    images: dict[str, str]
    """Images of the tree: path below the tree → path below the content folder."""


@dataclass
class Sync:
    """What writing a new tree over the last one changed."""

    state: TreeState
    changed: set[str]
    """Paths below the tree written (their text differed) or copied again."""
    removed: set[str]
    """Paths below the tree deleted (no longer in the tree)."""
    rendered: str
    """``chapters`` when only changed chapters were rendered again, ``all`` when the whole tree was."""


def outline(publication: Publication) -> tuple[Any, ...]:
    """Everything in a publication other pages can show: all of it but the text of the chapters' prose."""
    unexpanded = publication.unexpanded
    return (
        publication.settings,
        publication.entities,
        publication.refs,
        dict(publication.backlinks),
        publication.edition,
        publication.risk_groups,
        publication.public_names,
        publication.codewords,
        publication.content_root,
        [_chapter_outline(chapter) for chapter in publication.chapters],
        outline(unexpanded) if unexpanded is not None else None,
    )


def _chapter_outline(chapter: Chapter) -> Chapter:
    segments: list[Any] = [None if isinstance(s, Passage) else s for s in chapter.segments]
    return dataclasses.replace(chapter, segments=segments, links=[])


def render(publication: Publication, last: TreeState | None) -> tuple[TreeState, str]:
    """The tree of ``publication``, rendering again only changed chapters when ``last`` allows it."""
    if last is not None and outline(publication) == outline(last.publication):
        site = Renderer.of(publication)
        parts = dict(last.tree.parts)
        for old, new in zip(last.publication.chapters, publication.chapters, strict=True):
            if old != new:
                parts[f"chapter:{new.path}"] = chapter_part(site, new)
        tree = dataclasses.replace(last.tree, parts=parts, abbreviations=abbreviations(publication))
        how = "chapters"
    else:
        tree = render_tree(publication, downloads=[], previewing=True)
        how = "all"
    return TreeState(publication, tree, tree.texts(), tree.images()), how


def sync(publication: Publication, tree_dir: Path, last: TreeState | None) -> Sync:
    """Render the tree of ``publication`` and write into ``tree_dir`` what differs from ``last``."""
    state, how = render(publication, last)
    old_texts = last.texts if last is not None else {}
    old_images = last.images if last is not None else {}
    changed: set[str] = set()
    made: set[Path] = set()
    for path, text in state.texts.items():
        if old_texts.get(path) != text:
            write_text(tree_dir / path, text, made)
            changed.add(path)
    for path, source in state.images.items():
        original = publication.content_root / source
        target = tree_dir / path
        if not original.is_file():
            continue
        if old_images.get(path) != source or not target.is_file() or not filecmp.cmp(original, target, shallow=False):
            copy_images(publication, {path: source}, tree_dir)
            changed.add(path)
    removed = (set(old_texts) - set(state.texts)) | (set(old_images) - set(state.images))
    for path in removed:
        (tree_dir / path).unlink(missing_ok=True)
    return Sync(state, changed, removed, how)
