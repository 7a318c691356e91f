"""Regenerate ``reference.docx``, the DOCX reference document of Charter's print editions.

Run it from the repository root after changing a style here, and commit the result:

    python themes/print/make_reference_docx.py

It starts from pandoc's own reference document (so every style pandoc uses exists) and
sets Charter's look on the named styles: headings, body text, the ``Table`` table style
(header row shaded and repeated), captions, and three styles of Charter's own
(``Entity Summary``, ``Table Note``, ``Imprint``, and ``Table Text``, which
``docx_out.py`` gives the paragraphs in table cells), and Word's ``toc 1`` and ``toc 2`` for the contents. The
header and footer carry placeholders that
``generator/render_print/docx_out.py`` fills in at build time: ``{{MARKING}}``,
``{{SHORT_TITLE}}`` and ``{{VERSION}}``. Needs python-docx (a test dependency only).
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import pypandoc
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle

HERE = Path(__file__).parent
INK = RGBColor(0x10, 0x22, 0x2F)
ACCENT = RGBColor(0x0B, 0x3D, 0x62)
GREY = RGBColor(0x55, 0x5F, 0x66)
BODY_FONT = "Calibri"
HEADING_FONT = "Calibri"


def main() -> None:
    """Write themes/print/reference.docx."""
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base.docx"
        subprocess.run(
            [pypandoc.get_pandoc_path(), "-o", str(base), "--print-default-data-file", "reference.docx"], check=True
        )
        document = Document(str(base))
    styles = document.styles

    normal = styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = Pt(10.5)
    normal.font.color.rgb = INK
    _east_asian_font(normal, BODY_FONT)
    for name in ("Body Text", "First Paragraph"):
        style = styles[name]
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.line_spacing = 1.12
    styles["Compact"].paragraph_format.space_after = Pt(2)

    for level, size in ((1, 20), (2, 14), (3, 12), (4, 11)):
        style = styles[f"Heading {level}"]
        style.font.name = HEADING_FONT
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = level == 4
        style.font.color.rgb = ACCENT
        style.paragraph_format.space_before = Pt(18 if level == 1 else 12)
        style.paragraph_format.space_after = Pt(8 if level == 1 else 4)
        style.paragraph_format.keep_with_next = True
        style.paragraph_format.page_break_before = level == 1
        _east_asian_font(style, HEADING_FONT)

    title = styles["Title"]
    title.font.name = HEADING_FONT
    title.font.size = Pt(28)
    title.font.color.rgb = ACCENT
    title.paragraph_format.space_before = Pt(120)
    styles["Subtitle"].font.color.rgb = GREY
    styles["Subtitle"].font.size = Pt(15)

    for name in ("Table Caption", "Image Caption"):
        style = styles[name]
        style.font.size = Pt(9.5)
        style.font.bold = False
        style.font.italic = False
        style.font.color.rgb = INK
        style.paragraph_format.space_before = Pt(10)
        style.paragraph_format.space_after = Pt(4)
        style.paragraph_format.keep_with_next = name == "Table Caption"

    summary = _paragraph_style(document, "Entity Summary", base="Body Text")
    summary.font.size = Pt(9.5)
    summary.paragraph_format.left_indent = Mm(4)
    summary.paragraph_format.space_after = Pt(3)
    _left_border(summary, "0B3D62")
    note = _paragraph_style(document, "Table Note", base="Body Text")
    note.font.size = Pt(8.5)
    note.font.italic = True
    note.font.color.rgb = GREY

    imprint = _paragraph_style(document, "Imprint", base="Body Text")  # the back of the cover (frontmatter.py)
    imprint.font.size = Pt(9)
    imprint.paragraph_format.space_after = Pt(4)

    cells = _paragraph_style(document, "Table Text", base="Compact")
    cells.font.size = Pt(8.5)
    cells.paragraph_format.space_after = Pt(1)
    cells.paragraph_format.line_spacing = 1.0
    for level in (1, 2):  # Word's built-in "toc 1", "toc 2": the contents that docx_toc.py fills in
        toc = _paragraph_style(document, f"toc {level}", base="Normal")
        toc.element.set(qn("w:styleId"), f"TOC{level}")
        toc.element.attrib.pop(qn("w:customStyle"), None)
        toc.font.bold = level == 1
        toc.paragraph_format.left_indent = Mm(0 if level == 1 else 6)
        toc.paragraph_format.space_before = Pt(6 if level == 1 else 0)
        toc.paragraph_format.space_after = Pt(2)
    styles["Hyperlink"].font.color.rgb = ACCENT  # pandoc's light blue is 3.9:1 on white, below WCAG AA

    _table_style(document)
    _page_and_header(document)
    document.save(str(HERE / "reference.docx"))
    print(f"wrote {HERE / 'reference.docx'}")


def _paragraph_style(document: Document, name: str, *, base: str) -> ParagraphStyle:
    styles = document.styles
    style = styles[name] if name in [s.name for s in styles] else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles[base]
    style.quick_style = True
    return style  # type: ignore[no-any-return]


def _east_asian_font(style: ParagraphStyle, font: str) -> None:
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), font)


def _left_border(style: ParagraphStyle, colour: str) -> None:
    ppr = style.element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    left = OxmlElement("w:left")
    for key, value in (("w:val", "single"), ("w:sz", "12"), ("w:space", "6"), ("w:color", colour)):
        left.set(qn(key), value)
    borders.append(left)
    ppr.append(borders)


def _table_style(document: Document) -> None:
    """pandoc's ``Table`` style: thin rules, a shaded header row that repeats, small text."""
    style = document.styles["Table"].element
    for old in style.findall(qn("w:tblPr")) + style.findall(qn("w:tblStylePr")) + style.findall(qn("w:rPr")):
        style.remove(old)
    rpr = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "17")
    rpr.append(size)
    style.append(rpr)
    tblpr = OxmlElement("w:tblPr")
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "AAAAAA")):
            element.set(qn(key), value)
        borders.append(element)
    tblpr.append(borders)
    margins = OxmlElement("w:tblCellMar")
    for edge, width in (("left", "80"), ("right", "80")):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), width)
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    tblpr.append(margins)
    style.append(tblpr)
    header = OxmlElement("w:tblStylePr")
    header.set(qn("w:type"), "firstRow")
    header_rpr = OxmlElement("w:rPr")
    header_rpr.append(OxmlElement("w:b"))
    header.append(header_rpr)
    header_trpr = OxmlElement("w:trPr")
    header_trpr.append(OxmlElement("w:tblHeader"))
    header.append(header_trpr)
    header_tcpr = OxmlElement("w:tcPr")
    shading = OxmlElement("w:shd")
    for key, value in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", "DFE7EE")):
        shading.set(qn(key), value)
    header_tcpr.append(shading)
    header.append(header_tcpr)
    style.append(header)


def _page_and_header(document: Document) -> None:
    """A4 portrait with the marking, short title and page numbers in the header and footer."""
    body = document.element.body
    if body.find(qn("w:sectPr")) is None:
        body.append(OxmlElement("w:sectPr"))
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(22)
    section.top_margin, section.bottom_margin = Mm(25), Mm(25)
    section.header_distance = section.footer_distance = Mm(10)

    header = section.header
    header.is_linked_to_previous = False
    marking = header.paragraphs[0]
    _marking_paragraph(marking)
    running = header.add_paragraph()
    running.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = running.add_run("{{SHORT_TITLE}} · ")
    run.font.size = Pt(8.5)
    run.font.color.rgb = GREY
    _field(running, 'STYLEREF "Heading 1"', placeholder="")

    footer = section.footer
    footer.is_linked_to_previous = False
    _marking_paragraph(footer.paragraphs[0])
    pages = footer.add_paragraph()
    pages.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for text in ("Version {{VERSION}} · Page ", "PAGE", " of ", "NUMPAGES"):
        if text in ("PAGE", "NUMPAGES"):
            _field(pages, text)
        else:
            run = pages.add_run(text)
            run.font.size = Pt(8.5)
            run.font.color.rgb = GREY


def _marking_paragraph(paragraph: object) -> None:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER  # type: ignore[attr-defined]
    run = paragraph.add_run("{{MARKING}}")  # type: ignore[attr-defined]
    run.font.bold = True
    run.font.size = Pt(9)
    run.font.color.rgb = INK


def _field(paragraph: object, instruction: str, *, placeholder: str = "1") -> None:
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), f" {instruction} ")
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "17")
    rpr.append(size)
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), str(GREY))
    rpr.append(colour)
    run.append(rpr)
    text = OxmlElement("w:t")
    text.text = placeholder
    run.append(text)
    simple.append(run)
    paragraph._p.append(simple)  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
