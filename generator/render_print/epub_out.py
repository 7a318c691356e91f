"""EPUB 3: pandoc's EPUB writer with Charter's stylesheet; pandoc writes the navigation document.

What pandoc cannot say is written into the book afterwards (:func:`finish_epub`): the
marking at the top and bottom of every document of the reading order (pandoc splits the
book into one file per chapter, and a reading system shows one file at a time), the
package's title naming the edition, its dates from the publication's date, and image
widths relative to the line instead of the points the PDF needs.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from generator.errors import BuildError
from generator.model.markings import OUTLINED, MarkingStyle
from generator.render_print.pandoc_ast import Ast
from generator.render_print.pandoc_run import write_ast
from generator.render_print.safety import check_output


@dataclass(frozen=True, slots=True)
class BookFacts:
    """What Charter writes into a book pandoc wrote."""

    title: str
    """The package's title: the document's, with the edition's name when the publication has several."""
    marking: str
    day: dt.date
    text_width_pt: float
    """The printed line's width: an image's width in points becomes a share of it."""
    marking_style: MarkingStyle = OUTLINED
    """How the marking looks: a restricted edition's is filled in its level's colour."""
    direction: str = "ltr"
    """The book's direction, ``rtl`` or ``ltr``: each document's ``dir`` (pandoc's template writes none)."""


def write_epub(ast: Ast, epub: Path, *, theme: Path, facts: BookFacts, metadata: Path | None = None) -> None:
    """The document read (:func:`.pandoc_ast.read_document`) as an EPUB 3 book, one file per chapter.

    The book is read back and refused if any of its documents could run a script.
    """
    args = [
        f"--css={theme / 'epub.css'}",
        "--toc",
        "--toc-depth=2",
        "--split-level=1",
        "--epub-title-page=true",
        f"--resource-path={ast.path.parent}",
        # pandoc draws a random UUID otherwise; a stable one keeps the EPUB byte-identical build to build
        f"--metadata=identifier:urn:charter:{epub.stem}",
    ]
    write_ast(ast.path, to="epub3", output=epub, args=args, metadata=metadata)
    finish_epub(epub, facts)
    check_output(epub, "EPUB")


def finish_epub(epub: Path, facts: BookFacts) -> None:
    """Rewrite the package document and every document of the reading order, in place."""
    with zipfile.ZipFile(epub) as book:
        entries = [(item, book.read(item.filename)) for item in book.infolist()]
    parts = {item.filename: data for item, data in entries}
    opf_path = _package_path(parts)
    opf = parts[opf_path].decode("utf-8")
    changed = {opf_path: finish_package(opf, facts)}
    for name in spine(opf_path, opf):
        if name not in parts:
            raise BuildError(f"{epub.name}: the reading order names {name}, which the book lacks")
        changed[name] = finish_document(parts[name].decode("utf-8"), facts)
    with zipfile.ZipFile(epub, "w") as out:
        for item, data in entries:  # the same order, so ``mimetype`` stays first and stored
            out.writestr(item, changed[item.filename].encode("utf-8") if item.filename in changed else data)


def _package_path(parts: dict[str, bytes]) -> str:
    container = parts.get("META-INF/container.xml", b"").decode("utf-8")
    found = re.search(r'full-path="([^"]+)"', container)
    if found is None or found.group(1) not in parts:
        raise BuildError("pandoc wrote an EPUB without a package document")
    return found.group(1)


def spine(opf_path: str, opf: str) -> list[str]:
    """The zip paths of the documents of the reading order, in order."""
    hrefs = {}
    for item in re.findall(r"<item\b[^>]*>", opf):
        ident, href = re.search(r'\bid="([^"]+)"', item), re.search(r'\bhref="([^"]+)"', item)
        if ident and href:
            hrefs[ident.group(1)] = href.group(1)
    folder = posixpath.dirname(opf_path)
    return [
        posixpath.normpath(posixpath.join(folder, hrefs[idref]))
        for idref in re.findall(r'<itemref\b[^>]*\bidref="([^"]+)"', opf)
        if idref in hrefs
    ]


def finish_package(opf: str, facts: BookFacts) -> str:
    """The package document with the book's title and the publication's date.

    pandoc leaves ``dc:date`` empty when the metadata's date is not a bare date (Charter's
    is the title page's line) and dates ``dcterms:modified`` at the build.
    """
    day = facts.day.isoformat()
    opf = re.sub(
        r'(<dc:title id="epub-title-1"[^>]*>).*?(</dc:title>)',
        lambda m: m.group(1) + escape(facts.title) + m.group(2),
        opf,
        count=1,
        flags=re.DOTALL,
    )
    date = f'<dc:date id="epub-date">{day}</dc:date>'
    opf, dated = re.subn(r"<dc:date\b[^>]*?(?:/>|>.*?</dc:date>)", date, opf, count=1, flags=re.DOTALL)
    if not dated:
        opf = opf.replace("</metadata>", f"  {date}\n  </metadata>", 1)
    modified = f'<meta property="dcterms:modified">{day}T00:00:00Z</meta>'
    return re.sub(r'<meta property="dcterms:modified">[^<]*</meta>', modified, opf, count=1)


def finish_document(xhtml: str, facts: BookFacts) -> str:
    """A document of the reading order with the marking first and last, and its images' widths relative."""
    marking = marking_html(facts)
    body = re.search(r"<body\b[^>]*>", xhtml)
    end = xhtml.rfind("</body>")
    if body is None or end < body.end():
        raise BuildError("pandoc wrote an EPUB document without a body")
    xhtml = f"{xhtml[: body.end()]}\n{marking}{xhtml[body.end() : end]}{marking}\n{xhtml[end:]}"
    if facts.direction == "rtl" and not re.search(r"<html\b[^>]*\sdir=", xhtml):
        xhtml = re.sub(r"<html\b", '<html dir="rtl"', xhtml, count=1)
    return re.sub(r"<img\b[^>]*>", lambda m: _relative_image(m.group(0), facts.text_width_pt), xhtml)


def marking_html(facts: BookFacts) -> str:
    """The marking as a paragraph: outlined, or filled in its level's colour (validated ``#rrggbb``)."""
    style = facts.marking_style
    colours = ""
    if style.filled:
        colours = f' style="background-color:{style.fill};color:{style.ink};border-color:{style.fill}"'
    return f'<p class="charter-marking"{colours}>{escape(facts.marking.upper())}</p>'


_POINTS = {"pt": 1.0, "px": 0.75, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "pc": 12.0}
"""Points per unit of the absolute lengths CSS knows."""


def _relative_image(tag: str, line_pt: float) -> str:
    """An ``<img>`` tag whose absolute width is a share of the line (at most all of it), its height automatic."""
    width_pt: float | None = None
    attribute = re.search(r'\swidth="([\d.]+)(px)?"', tag)
    if attribute:
        width_pt = float(attribute.group(1)) * _POINTS["px"]
        tag = tag.replace(attribute.group(0), "", 1)
    tag = re.sub(r'\sheight="[^"]*"', "", tag)
    style = re.search(r'\sstyle="([^"]*)"', tag)
    declarations = [d.strip() for d in (style.group(1) if style else "").split(";") if d.strip()]
    kept = []
    for declaration in declarations:
        name, _, value = declaration.partition(":")
        length = re.fullmatch(r"\s*([\d.]+)\s*(pt|px|in|cm|mm|pc)\s*", value)
        if name.strip() == "width" and length:
            width_pt = float(length.group(1)) * _POINTS[length.group(2)]
        elif name.strip() != "height":
            kept.append(declaration)
    if width_pt is None and not style:
        return tag
    if width_pt is not None:
        kept.insert(0, f"width:{min(100.0, round(width_pt / line_pt * 100, 1)):g}%")
    new_style = f' style="{";".join(kept)}"' if kept else ""
    if style:
        return tag.replace(style.group(0), new_style, 1)
    return re.sub(r"\s*/?>$", lambda end: new_style + end.group(0), tag, count=1)
