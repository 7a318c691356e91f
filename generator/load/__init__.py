"""The load stage: read a content folder into raw files, blocks and references."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from generator.diagnostics import Location, Report
from generator.load import yamlnodes
from generator.load.datafile import DATA_SUFFIXES, is_data_file, parse_data_file
from generator.load.images import check_image
from generator.load.markdown import parse_markdown, read_text
from generator.load.source import LoadedContent, SourceFile, TextFile
from generator.load.yamlnodes import YMap
from generator.project import SITE_CONFIG, is_output

PUBLICATION_FILE = "publication.yml"
TRANSLATIONS = "translations"
"""The folder of entities' text in other languages, one ``<lang>.yml`` per language: no data files."""
CONTENT_SUFFIXES = (".md", *DATA_SUFFIXES)
"""What the content folder's files are: chapters in Markdown, and data files in YAML."""
SITE_CONFIGS = (SITE_CONFIG, "mkdocs.yaml")
MAX_FILE_BYTES = 20 * 1024 * 1024
"""A content file larger than this is refused: no chapter is that long."""

__all__ = ["PUBLICATION_FILE", "load_content"]


def load_content(root: Path, report: Report) -> LoadedContent:
    """Read ``publication.yml`` and every Markdown file below ``root``.

    Problems are added to ``report``; the caller checks it before going on. ``root`` must
    be an existing directory (the CLI checks that, as a usage error).
    """
    display_root = os.path.normpath(str(root))
    real_root = root.resolve()
    inner = [] if (root / PUBLICATION_FILE).is_file() else _inner_publications(root)
    publication = _load_publication(root, display_root, report, inner)
    files: list[SourceFile] = []
    texts: list[TextFile] = []
    if publication is None and inner:
        # a project folder given for its content folder: its files are not this publication's
        return LoadedContent(root, None, _join(display_root, PUBLICATION_FILE), files, texts)
    for path in _markdown_paths(root, real_root, display_root, report):
        rel = path.relative_to(root).as_posix()
        file = SourceFile(rel_path=rel, display_path=_join(display_root, rel))
        raw = _read_bytes(path, file, report)
        if raw is None:
            continue
        text = read_text(raw, file, report)
        if rel.startswith(f"{TRANSLATIONS}/") and is_data_file(rel) and rel.count("/") == 1:
            texts.append(_read_texts(file, text, report))
            continue
        if text is not None and is_data_file(rel):
            parse_data_file(text, file, report)
        elif text is not None:
            parse_markdown(text, file, report)
            _check_images(file, path.parent, real_root, report)
            _check_links(file, path.parent, real_root, report)
        files.append(file)
    return LoadedContent(
        root=root,
        publication=publication,
        publication_path=_join(display_root, PUBLICATION_FILE),
        files=files,
        texts=texts,
    )


def _read_texts(file: SourceFile, text: str | None, report: Report) -> TextFile:
    """A translation file of entities' text, parsed with every position kept (its problems reported)."""
    found = TextFile(lang=file.rel_path.rsplit("/", 1)[1].rsplit(".", 1)[0], file=file)
    if text is None:
        return found
    try:
        found.data = yamlnodes.parse(text, first_line=1)
    except yamlnodes.YamlProblem as problem:
        report.error(file.at(problem.line, problem.col), problem.code, problem.message, problem.hint)
    return found


def _read_bytes(path: Path, file: SourceFile, report: Report) -> bytes | None:
    """A content file's bytes, or None when it cannot or must not be read (reported)."""
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):  # a pipe waits for a writer forever, a device may never end
            report.error(
                file.at(1),
                "E-FILE-UNREADABLE",
                "cannot read the file: it is a pipe, socket or device, not a file",
                "move it out of content/",
            )
            return None
        if status.st_size > MAX_FILE_BYTES:
            report.error(
                file.at(1),
                "E-FILE-SIZE",
                f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB",
                "split it into several chapters; move large data out of content/",
            )
            return None
        return path.read_bytes()
    except OSError as exc:
        report.error(
            file.at(1), "E-FILE-UNREADABLE", f"cannot read the file: {exc.strerror}", "check the file's permissions"
        )
        return None


def _check_images(file: SourceFile, folder: Path, real_root: Path, report: Report) -> None:
    """Images must be files inside the content folder: never a path or link that leads out of it."""
    for target, location in file.images:
        path = (folder / target.split("#")[0].split("?")[0]).resolve()
        if not path.is_relative_to(real_root):
            report.error(
                location,
                "E-PATH-OUTSIDE",
                f"the image '{target}' lies outside the content folder",
                "copy the image into content/ and refer to it from there",
            )
        elif not path.is_file():
            report.error(
                location,
                "E-IMAGE-MISSING",
                f"the image '{target}' does not exist",
                "check the path; it is relative to this chapter's folder",
            )
        else:
            check_image(folder / target.split("#")[0].split("?")[0], real_root, target, location, report)


def _check_links(file: SourceFile, folder: Path, real_root: Path, report: Report) -> None:
    """A link that is not a web address must lead to a chapter: the site publishes nothing else from content/."""
    for target, location in file.links:
        written = target.split("#")[0].split("?")[0]
        if not written:
            continue  # '?x' or an anchor on the same page
        path = (folder / written).resolve()
        if not path.is_relative_to(real_root):
            report.error(
                location,
                "E-PATH-OUTSIDE",
                f"the link '{target}' leads outside the content folder",
                "link a chapter by its path from this one, an entity with [[ID]], or a web address (https://...)",
            )
        elif not (path.is_file() and path.suffix == ".md"):
            report.error(
                location,
                "E-LINK-TARGET",
                f"the link '{target}' is not to a chapter of the publication",
                "link a chapter's .md file by its path from this one, an entity with [[ID]], or a web address",
            )


def _join(display_root: str, rel: str) -> str:
    return rel if display_root in ("", ".") else f"{display_root}/{rel}"


def _load_publication(root: Path, display_root: str, report: Report, inner: list[str]) -> YMap | None:
    """``root/publication.yml`` read; when it is missing, ``inner`` names the folders inside that hold one."""
    path = root / PUBLICATION_FILE
    where = Location(_join(display_root, PUBLICATION_FILE), 1, 1)
    if not path.is_file():
        hint = (
            f"'{_join(display_root, inner[0])}' holds one: give that folder, "
            f"for example 'charter check {_join(display_root, inner[0])}'"
            if inner
            else "create it with the publication's title, scales and editions (see the README)"
        )
        report.error(where, "E-PUBLICATION-MISSING", f"this content folder has no {PUBLICATION_FILE}", hint)
        return None
    file = SourceFile(rel_path=PUBLICATION_FILE, display_path=where.path)
    raw = _read_bytes(path, file, report)
    if raw is None:
        return None
    text = read_text(raw, file, report)
    if text is None:
        return None
    try:
        data = yamlnodes.parse(text)
    except yamlnodes.YamlProblem as problem:
        report.error(file.at(problem.line, problem.col), problem.code, problem.message, problem.hint)
        return None
    if not isinstance(data, YMap):
        report.error(
            where,
            "E-PUBLICATION-SHAPE",
            f"{PUBLICATION_FILE} must be a mapping of keys to values",
            "start it with 'title: ...' (see the README)",
        )
        return None
    return data


def _inner_publications(root: Path) -> list[str]:
    """The folders just inside ``root`` that hold a publication.yml of their own (a project's ``content/``)."""
    try:
        folders = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
    except OSError:
        return []
    return [p.name for p in folders if (p / PUBLICATION_FILE).is_file()]


def _markdown_paths(root: Path, real_root: Path, display_root: str, report: Report) -> list[Path]:
    """Every ``.md`` file below root in path order, refusing links that lead outside it."""
    found: list[Path] = []

    def on_error(exc: OSError) -> None:
        rel = Path(exc.filename).relative_to(root).as_posix() if exc.filename else "."
        report.error(
            Location(_join(display_root, rel), 1, 1),
            "E-FILE-UNREADABLE",
            f"cannot read the folder: {exc.strerror}",
            "check the folder's permissions",
        )

    def leads_outside(path: Path, what: str) -> bool:
        if not path.is_symlink() or path.resolve().is_relative_to(real_root):
            return False
        rel = path.relative_to(root).as_posix()
        report.error(
            Location(_join(display_root, rel), 1, 1),
            "E-PATH-OUTSIDE",
            "this link points outside the content folder",
            f"copy the {what} into content/ instead of linking to it",
        )
        return True

    def readable_name(path: Path) -> bool:
        """A name that is not UTF-8 cannot become a page address, nor be printed in a diagnostic as it is."""
        try:
            str(path).encode("utf-8")
            return True
        except UnicodeEncodeError:
            shown = os.fsencode(path.relative_to(root)).decode("utf-8", "replace")
            report.error(
                Location(_join(display_root, shown), 1, 1),
                "E-FILE-NAME",
                f"the {'folder' if path.is_dir() else 'file'} name is not UTF-8 text",
                "rename it in letters, digits and '-' (its name becomes the page's address)",
            )
            return False

    for dirpath, dirnames, filenames in os.walk(root, onerror=on_error, followlinks=False):
        base = Path(dirpath)
        dirnames[:] = sorted(
            d for d in dirnames if not d.startswith(".") and readable_name(base / d) and not is_output(base / d)
        )  # a dot-folder is hidden, and Charter's own output is never content
        for name in dirnames:
            leads_outside(base / name, "folder")  # never followed; say so rather than skip it silently
        for name in sorted(filenames):
            if not name.endswith(CONTENT_SUFFIXES) or name.startswith(".") or not readable_name(base / name):
                continue
            if base == root and name in (PUBLICATION_FILE, *SITE_CONFIGS):
                continue  # the publication's settings, read on their own; the site's, when content/ is the project
            path = base / name
            if not leads_outside(path, "file"):
                found.append(path)
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())
