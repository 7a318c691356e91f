"""``charter translate --mark-current [CONTENT_DIR]``: record that each translation is of its source as it is now.

A chapter's translation says which version of its source it translates (``translates:`` in
its front matter, a short hash of the source's text without its entities). Once a translator
has brought a translation up to date, this writes the current hash into it, so that
``charter check`` warns again only when the source changes.
"""

from __future__ import annotations

import argparse
import re
import sys

from generator.cli_args import EXIT_CONTENT, EXIT_OK, EXIT_USAGE, content_folder
from generator.diagnostics import Report, print_report
from generator.load import load_content
from generator.load.yamlnodes import YMap
from generator.validate import validate
from generator.validate.entity_texts import TRANSLATES, entity_marks
from generator.validate.translations import source_version, split

_KEY = re.compile(r"^translates:.*$", re.MULTILINE)


def run_translate(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Mark every translation current; 1 when the content cannot be read."""
    if not args.mark_current:
        parser.exit(EXIT_USAGE, "charter: error: say what to do: charter translate --mark-current [CONTENT_DIR]\n")
    root = content_folder(args.content, parser)
    report = Report()
    content = load_content(root, report)
    validated = validate(content, report)
    if validated is None:
        print_report(report, strict=False)
        return EXIT_CONTENT
    files = {file.rel_path: file for file in content.files}
    chapters = {chapter.path: chapter for chapter in validated.chapters}
    _sources, pending = split(content.files, validated.settings)
    marked = 0
    for translation in pending:
        source, chapter = files.get(translation.source), chapters.get(translation.source)
        if source is None or chapter is None:
            continue  # an orphan: ``charter check`` says so
        path = root / translation.file.rel_path
        text = path.read_text(encoding="utf-8")
        written = _marked(text, source_version(source, chapter))
        if written != text:
            path.write_text(written, encoding="utf-8")
            marked += 1
            if not args.quiet:
                print(f"{translation.file.display_path}: marked as translating {translation.source} as it is now")
    entities = 0
    for texts in content.texts:
        marks = entity_marks(texts, validated.settings, validated.entities)
        path = root / texts.file.rel_path
        original = path.read_text(encoding="utf-8")
        written, count = _entities_marked(original, marks)
        if written != original:
            path.write_text(written, encoding="utf-8")
            entities += count
            if not args.quiet:
                print(f"{texts.file.display_path}: marked {count} entities as translating their text as it is now")
    if not args.quiet:
        done = f"{marked} of {len(pending)} translation{'s' * (len(pending) != 1)} of chapters"
        print(f"charter: {done} and {entities} entities' text marked", file=sys.stderr)
    return EXIT_OK


def _entities_marked(text: str, marks: list[tuple[YMap, int, str]]) -> tuple[str, int]:
    """A translation file with ``translates: VERSION`` below each entity's ID (replaced where it is written)."""
    lines = text.split("\n")
    count = 0
    for node, id_line, version in sorted(marks, key=lambda mark: mark[1], reverse=True):
        marked = node.items.get(TRANSLATES)
        if marked is not None:
            line = node.key_pos[TRANSLATES][0] - 1
            if lines[line].strip() != f"{TRANSLATES}: {version}":
                start = node.key_pos[TRANSLATES][1] - 1
                lines[line] = f"{lines[line][:start]}{TRANSLATES}: {version}"
                count += 1
            continue
        first_line, first_col = min(node.key_pos.values())
        if first_line == id_line:
            continue  # written on the ID's line ({title: ...}): no line of its own to add below
        lines.insert(first_line - 1, f"{' ' * (first_col - 1)}{TRANSLATES}: {version}")
        count += 1
    return "\n".join(lines), count


def _marked(text: str, version: str) -> str:
    """The translation's text with ``translates: VERSION`` in its front matter (made when it has none)."""
    line = f"translates: {version}"
    lines = text.split("\n")
    if lines and lines[0].rstrip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
        if end is not None:
            front = "\n".join(lines[1:end])
            front = _KEY.sub(line, front) if _KEY.search(front) else (f"{front}\n{line}" if front else line)
            return "\n".join(["---", front, *lines[end:]])
    return f"---\n{line}\n---\n\n{text}"
