"""DOCX: pandoc's Word writer with Charter's reference document.

``themes/print/reference.docx`` holds the named styles and a header and footer with
placeholders; each build fills in the marking, short title and version, and sets the
paper size, in a copy of it.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from generator.render_print.pandoc_run import run_pandoc
from generator.render_print.paper import Paper


def prepare_reference(base: Path, target: Path, *, marking: str, short_title: str, version: str, paper: Paper) -> str:
    """A copy of the reference document for one build; returns its section's header and footer references."""
    values = {"{{MARKING}}": marking.upper(), "{{SHORT_TITLE}}": short_title, "{{VERSION}}": version}
    width, height = paper.twips
    refs = ""
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if re.fullmatch(r"word/(header|footer)\d*\.xml", item.filename):
                text = data.decode("utf-8")
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


def write_docx(markdown: Path, docx: Path, *, reference: Path) -> None:
    """The assembled Markdown as a Word document with styled headings, tables and captions."""
    args = [f"--reference-doc={reference}", "--toc", "--toc-depth=2", f"--resource-path={markdown.parent}"]
    run_pandoc(markdown, to="docx", output=docx, args=args)
