"""Images a chapter shows: real image files of their own, and nothing that runs or calls out.

An image is copied byte for byte into every edition that shows it, so it must be what
it says it is. A symbolic or hard link could make "map.png" a copy of a restricted
chapter; a file that is not an image at all could be anything. The format is read from
the bytes, never the name. An SVG is a document that can hold scripts, event handlers,
and references to other sites, so it is read through and refused if it holds any.
"""

from __future__ import annotations

import os
import re
import xml.parsers.expat
from pathlib import Path

from generator.diagnostics import Location, Report

FORMATS = {
    ".png": "PNG",
    ".jpg": "JPEG",
    ".jpeg": "JPEG",
    ".gif": "GIF",
    ".webp": "WebP",
    ".svg": "SVG",
}
"""The image formats a page and every printed edition can show, by file name ending."""
MAX_IMAGE_BYTES = 20 * 1024 * 1024

_UNSAFE_ELEMENTS = {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener", "set", "animate"}
"""Elements that run code, hold another document, or (``set``, ``animate``) can rewrite a link as the page runs."""
_LINK_ATTRIBUTES = {"href", "src"}
_SAFE_LINK = re.compile(r"^\s*(#|data:image/(png|jpeg|gif|webp);base64,)", re.IGNORECASE)
_OUTSIDE_URL = re.compile(r"url\(\s*['\"]?\s*(?!#)[^)'\"\s]|@import", re.IGNORECASE)


class ImageProblem(Exception):
    """Why an image cannot be published, with the code of its diagnostic."""

    def __init__(self, code: str, message: str, hint: str) -> None:
        super().__init__(message)
        self.code, self.message, self.hint = code, message, hint


def check_image(written: Path, real_root: Path, target: str, location: Location, report: Report) -> None:
    """Report an image (already known to exist inside the content folder) that must not be published."""
    try:
        _check(written, real_root, target)
    except ImageProblem as problem:
        report.error(location, problem.code, problem.message, problem.hint)
    except OSError as exc:
        report.error(location, "E-IMAGE-FORMAT", f"cannot read the image '{target}': {exc.strerror}", None)


def _check(written: Path, real_root: Path, target: str) -> None:
    real = written.resolve()
    if _through_link(written, real_root):
        raise ImageProblem(
            "E-IMAGE-LINK",
            f"the image '{target}' is a symbolic link: it could publish another file under an image's name",
            "copy the image file itself into content/",
        )
    status = real.stat()
    if status.st_nlink > 1:
        raise ImageProblem(
            "E-IMAGE-LINK",
            f"the image '{target}' is a hard link to another file: it could publish that file under an image's name",
            "copy the image file itself into content/",
        )
    expected = FORMATS.get(real.suffix.lower())
    if expected is None:
        raise ImageProblem(
            "E-IMAGE-FORMAT",
            f"the image '{target}' is not of a format Charter publishes",
            "save it as " + ", ".join(sorted(set(FORMATS.values()))) + f" ({', '.join(FORMATS)})",
        )
    if status.st_size > MAX_IMAGE_BYTES:
        raise ImageProblem(
            "E-IMAGE-FORMAT",
            f"the image '{target}' is larger than {MAX_IMAGE_BYTES // (1024 * 1024)} MB",
            "save a smaller copy of it for the web",
        )
    data = real.read_bytes()
    found = sniff(data)
    if found != expected:
        what = f"a {found} file" if found else "not an image"
        raise ImageProblem(
            "E-IMAGE-FORMAT",
            f"the image '{target}' is named as {expected} but is {what}",
            f"save the image as {expected}, or give the file the name ending of its format",
        )
    if found == "SVG":
        _check_svg(data, target)


def _through_link(written: Path, real_root: Path) -> bool:
    """Whether any folder or the file on the way from the content folder to the image is a symbolic link."""
    path = Path(os.path.normpath(written.absolute()))
    while path.resolve() != real_root and path.parent != path:
        if path.is_symlink():
            return True
        path = path.parent
    return False


def sniff(data: bytes) -> str | None:
    """The image format the bytes are in, or None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "GIF"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WebP"
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<?xml", b"<svg", b"<!--")) and b"<svg" in data[:65536].lower():
        return "SVG"
    return None


def _check_svg(data: bytes, target: str) -> None:
    """Refuse an SVG that could run code or make a request when a reader opens the page."""
    problems: list[str] = []
    in_style = 0

    def start(name: str, attributes: dict[str, str]) -> None:
        nonlocal in_style
        local = name.rsplit(":", 1)[-1].lower()
        line = parser.CurrentLineNumber
        if local in _UNSAFE_ELEMENTS:
            problems.append(f"a <{name}> element (line {line})")
        if local == "style":
            in_style += 1
        for attribute, value in attributes.items():
            attr = attribute.rsplit(":", 1)[-1].lower()
            if attr.startswith("on"):
                problems.append(f"an event handler {attribute}= (line {line})")
            elif attr in _LINK_ATTRIBUTES and not _SAFE_LINK.match(value):
                problems.append(f"a link to '{value[:60]}' (line {line})")
            elif attr == "style" and _OUTSIDE_URL.search(value):
                problems.append(f"a style that loads another file (line {line})")

    def end(name: str) -> None:
        nonlocal in_style
        if name.rsplit(":", 1)[-1].lower() == "style":
            in_style -= 1

    def text(content: str) -> None:
        if in_style and _OUTSIDE_URL.search(content):
            problems.append(f"a style sheet that loads another file (line {parser.CurrentLineNumber})")

    def doctype(*_: object) -> None:
        problems.append(f"a document type declaration (line {parser.CurrentLineNumber})")

    def instruction(name: str, _data: str) -> None:
        if name.lower() == "xml-stylesheet":
            problems.append(f"a style sheet instruction (line {parser.CurrentLineNumber})")

    parser = xml.parsers.expat.ParserCreate()
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    parser.ProcessingInstructionHandler = instruction
    try:
        parser.Parse(data, True)
    except xml.parsers.expat.ExpatError as exc:
        raise ImageProblem(
            "E-IMAGE-FORMAT",
            f"the SVG image '{target}' is not well-formed XML ({xml.parsers.expat.ErrorString(exc.code)}, "
            f"line {exc.lineno})",
            "export the image again from your drawing program",
        ) from None
    if problems:
        more = f" and {len(problems) - 1} more" if len(problems) > 1 else ""
        raise ImageProblem(
            "E-IMAGE-UNSAFE",
            f"the SVG image '{target}' holds {problems[0]}{more}: a reader's browser would run or fetch it",
            "remove scripts, event handlers, links and outside references from the image, or save it as PNG",
        )
