"""A span: one run of an output's text that a restricted text cannot run across."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    """One run of an output's text that a restricted text cannot run across."""

    text: str
    """The text as it stands in the output (entities not yet decoded)."""
    element: str
    """What holds it: ``<td>``, ``alt of <img>``, ``page 3``, ``docs[4].text <p>``."""
    member: str = ""
    """The part of a container it is in (``word/document.xml``, ``EPUB/text/ch001.xhtml``), or ''."""
    offset: int | None = None
    """Where it starts in the member's (or file's) decoded text, when that is known."""
    markup: str = ""
    """For a whole markup file read fast, its dialect: its blocks are found only for a hit."""
