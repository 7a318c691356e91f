"""Chapters that share an ``order``: which comes first is then left to their file names."""

from __future__ import annotations

from generator.diagnostics import Report
from generator.load.source import SourceFile
from generator.load.yamlnodes import YScalar
from generator.model import Chapter


def check_chapter_orders(files: list[SourceFile], chapters: list[Chapter], report: Report) -> None:
    """W-CHAPTER-ORDER at the ``order:`` of every chapter whose order an earlier chapter (in path order) has.

    Only orders written in front matter count; annexes are ordered apart from the chapters.
    """
    by_path = {chapter.path: chapter for chapter in chapters}
    first: dict[tuple[bool, int], SourceFile] = {}
    for file in sorted(files, key=lambda f: f.rel_path):
        chapter = by_path.get(file.rel_path)
        written = file.front_matter.items.get("order") if file.front_matter is not None else None
        if chapter is None or not isinstance(written, YScalar) or written.text != str(chapter.order):
            continue  # no order written, or one already reported as unreadable
        key = (chapter.annex, chapter.order)
        earlier = first.setdefault(key, file)
        if earlier is file:
            continue
        part = "annexes" if chapter.annex else "chapters"
        report.warning(
            file.at(written.line, written.col),
            "W-CHAPTER-ORDER",
            f"the {part} {earlier.display_path} and {file.display_path} both have order {chapter.order}",
            f"give each an order of its own; until then {earlier.display_path} comes first, by its file name",
        )


__all__ = ["check_chapter_orders"]
