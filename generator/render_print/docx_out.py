"""DOCX: pandoc's Word writer with Charter's reference document.

``themes/print/reference.docx`` holds the named styles and a header and footer with
placeholders; each build fills in the marking, short title and version, and sets the
paper size, in a copy of it. Two things pandoc cannot say are written into the document
afterwards: the small ``Table Text`` style of table cells, and the heat maps' cell fills
(in the tables pandoc bookmarked with the IDs the assembled Markdown gave them). The
table of contents gets its entries (:mod:`.docx_toc`).
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

from generator.model.markings import OUTLINED, MarkingStyle
from generator.render_print.docx_bidi import right_to_left
from generator.render_print.docx_tables import widen_for_headings
from generator.render_print.docx_toc import fill_toc, imprint_before_contents
from generator.render_print.frontmatter import IMPRINT_STYLE
from generator.render_print.pandoc_ast import Ast
from generator.render_print.pandoc_run import write_ast
from generator.render_print.paper import Paper
from generator.render_print.safety import check_output
from generator.words import say


def prepare_reference(
    base: Path,
    target: Path,
    *,
    marking: str,
    short_title: str,
    version: str,
    paper: Paper,
    marking_style: MarkingStyle = OUTLINED,
) -> str:
    """A copy of the reference document for one build; returns its section's header and footer references.

    A filled marking (a restricted edition's) shades its paragraph in the level's colour,
    a band across the top and the foot of every page, with its ink on it.
    """
    values = {"{{MARKING}}": marking.upper(), "{{SHORT_TITLE}}": short_title, "{{VERSION}}": version}
    width, height = paper.twips
    refs = ""
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if re.fullmatch(r"word/(header|footer)\d*\.xml", item.filename):
                text = data.decode("utf-8")
                text = shade_marking(text, marking_style)
                for english, words in footer_words().items():
                    text = text.replace(english, words)
                for placeholder, value in values.items():
                    text = text.replace(placeholder, escape(value))
                data = text.encode("utf-8")
            elif item.filename == "word/document.xml":
                text = data.decode("utf-8")
                text = re.sub(r"<w:pgSz [^>]*/>", f'<w:pgSz w:w="{width}" w:h="{height}"/>', text)
                refs = "".join(re.findall(r"<w:(?:header|footer)Reference [^>]*/>", text))
                data = text.encode("utf-8")
            out.writestr(item, data)
    return refs


def footer_words() -> dict[str, str]:
    """The reference document's footer words ("Version {{VERSION}} · Page 3 of 9") → the current language's.

    The page number and count are Word's fields between the words: a translation keeps the
    number before the count.
    """
    page, _, rest = say("Page {page} of {total}", page="\x00", total="\x01").partition("\x00")
    between = rest.partition("\x01")[0]
    version = say("Version {version}", version="{{VERSION}}")
    return {
        ">Version {{VERSION}} · Page </w:t>": f">{escape(version)} · {escape(page)}</w:t>",
        "> of </w:t>": f">{escape(between)}</w:t>",
    }


def shade_marking(xml: str, style: MarkingStyle) -> str:
    """A header or footer part with the paragraph that holds the marking placeholder shaded, if filled."""
    if not style.filled:
        return xml
    fill, ink = style.fill[1:].upper(), style.ink[1:].upper()

    def shade(match: re.Match[str]) -> str:
        paragraph = re.sub(r'(<w:color w:val=")[0-9A-Fa-f]{6}(")', rf"\g<1>{ink}\g<2>", match.group(0))
        shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
        if "<w:jc " in paragraph:  # the schema's order: pStyle, ..., shd, ..., jc
            return paragraph.replace("<w:jc ", f"{shading}<w:jc ", 1)
        return re.sub(r"(<w:p\b[^>]*>)", rf"\g<1><w:pPr>{shading}</w:pPr>", paragraph, count=1)

    return re.sub(r"<w:p\b(?:(?!<w:p\b).)*?\{\{MARKING\}\}.*?</w:p>", shade, xml, flags=re.DOTALL)


def write_docx(
    ast: Ast,
    docx: Path,
    *,
    reference: Path,
    title: str,
    day: dt.date,
    cell_fills: dict[str, list[list[str | None]]] | None = None,
    metadata: Path | None = None,
    text_width_pt: float = 453.5,
) -> None:
    """The document read (:func:`.pandoc_ast.read_document`) as a Word document with styled
    headings, tables and captions.

    ``title`` (the document's, naming the edition) and ``day`` (the publication's date) go
    into the file's properties. ``cell_fills`` maps a table's ID to its body cells' fills
    (``#rrggbb`` or None); ``text_width_pt`` is the page's, for the columns' widths
    (:mod:`.docx_tables`). The document is read back and refused if it holds a field,
    object or outside link that could run or fetch anything.
    """
    args = [f"--reference-doc={reference}", "--toc", "--toc-depth=2", f"--resource-path={ast.path.parent}"]
    write_ast(ast.path, to="docx", output=docx, args=args, metadata=metadata)

    def finish(xml: str) -> str:
        xml = fill_cells(restyle_cells(xml), cell_fills or {})
        xml = imprint_before_contents(fill_toc(widen_for_headings(xml, text_width_pt)), IMPRINT_STYLE)
        return right_to_left(xml)

    _rewrite_part(docx, "word/document.xml", finish)
    _rewrite_part(docx, "docProps/core.xml", lambda xml: core_properties(xml, title=title, day=day))
    check_output(docx, "DOCX")


def core_properties(xml: str, *, title: str, day: dt.date) -> str:
    """``docProps/core.xml`` with the book's title and dated from the publication, not the build."""
    xml = re.sub(r"(<dc:title>).*?(</dc:title>)", lambda m: m.group(1) + escape(title) + m.group(2), xml, count=1)
    stamp = f"{day.isoformat()}T00:00:00Z"
    for name in ("created", "modified"):
        xml = re.sub(rf"(<dcterms:{name}\b[^>]*>)[^<]*(</dcterms:{name}>)", rf"\g<1>{stamp}\g<2>", xml, count=1)
    return xml


def restyle_cells(xml: str) -> str:
    """``document.xml`` with the paragraphs in table cells in the ``Table Text`` style.

    pandoc gives them ``Compact``, the style of tight lists too; in Word a paragraph
    style's size beats the table style's, so the cells need a small style of their own.
    """
    return re.sub(
        r"<w:tbl>.*?</w:tbl>", lambda table: table.group(0).replace(_COMPACT, _TABLE_TEXT), xml, flags=re.DOTALL
    )


_COMPACT = '<w:pStyle w:val="Compact" />'
_TABLE_TEXT = '<w:pStyle w:val="TableText" />'


_CELL_PROPERTIES = re.compile(r"<w:tcPr\s*/>|<w:tcPr>(.*?)</w:tcPr>", re.DOTALL)
_AFTER_SHADING = re.compile(r"<w:(?:noWrap|tcMar|textDirection|tcFitText|vAlign|hideMark)\b")
"""Cell properties that the schema puts after ``w:shd``."""


def fill_cells(xml: str, fills: dict[str, list[list[str | None]]]) -> str:
    """``document.xml`` with the body cells of each bookmarked table shaded with their fills.

    pandoc puts a table with an ID inside a bookmark of that name; the table is the first
    after the bookmark's start. The header row keeps the table style's shading.
    """
    for table_id, rows in fills.items():
        mark = xml.find(f'w:name="{escape(table_id)}"')
        start = xml.find("<w:tbl>", mark) if mark >= 0 else -1
        end = xml.find("</w:tbl>", start)
        if start < 0 or end < 0:
            continue
        table_rows = re.findall(r"<w:tr>.*?</w:tr>", xml[start:end], re.DOTALL)
        body = table_rows[1:]  # the first row is the header
        shaded = [_fill_row(row, fills_of_row) for row, fills_of_row in zip(body, rows, strict=False)]
        table = xml[start:end]
        for before, after in zip(body, shaded, strict=False):
            table = table.replace(before, after, 1)
        xml = xml[:start] + table + xml[end:]
    return xml


def _fill_row(row: str, fills: list[str | None]) -> str:
    cells = re.findall(r"<w:tc>.*?</w:tc>", row, re.DOTALL)
    for cell, fill in zip(cells, fills, strict=False):
        if fill:
            row = row.replace(cell, _shade(cell, fill.removeprefix("#").upper()), 1)
    return row


def _shade(cell: str, fill: str) -> str:
    shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
    found = _CELL_PROPERTIES.search(cell)
    if found is None:
        return cell.replace("<w:tc>", f"<w:tc><w:tcPr>{shading}</w:tcPr>", 1)
    inner = found.group(1) or ""
    later = _AFTER_SHADING.search(inner)
    inner = inner[: later.start()] + shading + inner[later.start() :] if later else inner + shading
    return cell[: found.start()] + f"<w:tcPr>{inner}</w:tcPr>" + cell[found.end() :]


def _rewrite_part(docx: Path, part: str, change: Callable[[str], str]) -> None:
    """Rewrite one XML part of a DOCX in place, keeping every entry's order, date and compression."""
    with zipfile.ZipFile(docx) as source:
        entries = [(item, source.read(item.filename)) for item in source.infolist()]
    with zipfile.ZipFile(docx, "w") as out:
        for item, data in entries:
            if item.filename == part:
                data = change(data.decode("utf-8")).encode("utf-8")
            out.writestr(item, data)
