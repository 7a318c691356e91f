"""Page setup for one build: the paper, and the raw markup that turns pages to landscape.

A landscape stretch is raw Typst (``#charter-landscape[`` … ``]``, from the template) and
raw Office XML (a section break before and after, so Word turns those pages too); the
EPUB writer ignores both.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.render_print.markdown_escape import raw_block, raw_typst_block
from generator.render_print.paper import Paper

_MARGINS = (
    '<w:pgMar w:top="1418" w:right="1247" w:bottom="1418" w:left="1247" w:header="567" w:footer="567" w:gutter="0"/>'
)
"""The reference document's margins (25 mm top and bottom, 22 mm sides), in twentieths of a point."""


@dataclass(frozen=True, slots=True)
class PageSetup:
    """The paper and the DOCX section's header and footer references of one build."""

    paper: Paper
    docx_section_refs: str = ""
    """``<w:headerReference …/>`` elements, so a new section keeps the marking and page numbers."""

    def landscape_open(self) -> str:
        """Markdown that starts landscape pages."""
        return raw_typst_block("#charter-landscape[") + "\n\n" + self._section_break(landscape=False)

    def landscape_close(self) -> str:
        """Markdown that goes back to portrait pages."""
        return raw_typst_block("]") + "\n\n" + self._section_break(landscape=True)

    def _section_break(self, *, landscape: bool) -> str:
        """A DOCX section break; it ends the section before it, which has this orientation."""
        width, height = self.paper.twips
        size = (
            f'<w:pgSz w:w="{height}" w:h="{width}" w:orient="landscape"/>'
            if landscape
            else f'<w:pgSz w:w="{width}" w:h="{height}"/>'
        )
        xml = f"<w:p><w:pPr><w:sectPr>{self.docx_section_refs}{size}{_MARGINS}</w:sectPr></w:pPr></w:p>"
        return raw_block("openxml", xml)
