"""The text an output file carries, cut into spans that no restricted text can run across.

The leak check looks for restricted texts in every built file. To find them where the
output changed their form, and only there, each file is read by what its bytes are (not
by its name) into *spans*: the text of one block of the output, one table cell, one
attribute value, one PDF text block. Two adjacent table cells, "... grid" and
"Sabotage ...", are two spans, so a restricted heading "Grid sabotage" is not found
across them. Every span is normalised with :func:`normalise`, the same function the
restricted texts go through, and the spans of a file are joined by :data:`BOUNDARY`, a
character no normalised text holds.

- HTML, XHTML and SVG: every element is a boundary except the inline ones (``<em>``,
  ``<a>``, ``<span>``, ``<tspan>`` ...). Attribute values, comments and the bodies of
  ``<script>`` and ``<style>`` are spans of their own.
- DOCX: a ``<w:p>``, ``<w:tc>``, ``<w:tr>`` or other block of WordprocessingML is a span;
  runs inside it join. Other XML (the DOCX's properties, the EPUB's package, the sitemap):
  every element is a boundary.
- ZIP (DOCX, EPUB) and gzip files: each member, by the same rules.
- JSON (the search index): each string value, read as HTML.
- PDF: poppler's ``pdftotext -bbox-layout`` gives every word with its box. Words join
  while they follow on one line at a word space and lines follow at the paragraph's
  leading; a wider gap (the padding between two table cells, across a row or down a
  column) is a boundary, and so is each block and page. A table row therefore never
  joins its cells, while a sentence wrapped over lines still reads as one. The PDF's own
  strings (its outline, metadata and alternative texts) are spans too. Without poppler,
  pypdf reads each page as one span: as strict, but it can report text across cells.
- Every file, whatever it is, is also read byte for byte (UTF-8) as one span, so an image
  or font that is really a copy of a restricted chapter is caught. Compressed data
  (PNG, fonts) is not unpacked: its bytes are searched as they are.
"""

from generator.output_text.ahead import ReadAhead
from generator.output_text.markup import fast_markup, markup_spans
from generator.output_text.normalise import BOUNDARY, INNER, normalise
from generator.output_text.read import OutputText, output_text, read_output
from generator.output_text.span import Span

__all__ = [
    "BOUNDARY",
    "INNER",
    "OutputText",
    "ReadAhead",
    "Span",
    "fast_markup",
    "markup_spans",
    "normalise",
    "output_text",
    "read_output",
]
