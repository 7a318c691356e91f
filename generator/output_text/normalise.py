"""Normalising text, the same for restricted texts and for outputs, and the marks between spans."""

from __future__ import annotations

import html
import re
import unicodedata

BOUNDARY = "\x00"
"""Stands between two spans of a file: no normalised text holds it, so none is found across it."""
INNER = "\x02"
"""Stands between two blocks inside a span read fast (see :func:`.markup.fast_markup`): a boundary as well."""

_QUOTES = "\"'`´‘’‚‛“”„‟′″‹›«»"
_DASHES = "-‐‑‒–—―−⁃"
_REMOVED = "\u00ad\u200b\u200c\u200d\u2060\ufeff"  # soft hyphen and zero-width characters
_REPLACEMENTS = (
    *((ch, "'") for ch in _QUOTES if ch != "`"),
    *((ch, "-") for ch in _DASHES if ch != "-"),
    *((ch, "") for ch in _REMOVED),
    *((ch, "") for ch in "*`#>[]\\"),  # Markdown's emphasis, code, heading, quote, link and escape marks
    ("_", " "),
    ("|", INNER),  # a table cell in Markdown source
)
"""Characters the outputs change, and Markdown's marks: one ``str.replace`` each is ten times
faster than ``str.translate`` on the megabytes of a site."""
_SPACES = re.compile(r"[^\S\x00]{2,}|[^\S \x00]")  # only what is not already one plain space
_DASH_RUN = re.compile(r"-{2,}")


def normalise(text: str) -> str:
    """Text as the leak check compares it, the same for restricted texts and for outputs.

    Compatibility forms fold (NFKC: ligatures, no-break and thin spaces, the ellipsis
    character), every quote becomes ``'`` and every dash ``-`` (pandoc and Typst turn
    ``"`` into curly quotes and ``--`` into an en dash), soft hyphens and zero-width
    characters go, Markdown's marks go, spaces collapse and case folds.
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    for old, new in _REPLACEMENTS:
        if old in text:
            text = text.replace(old, new)
    return _SPACES.sub(" ", _DASH_RUN.sub("-", text)).casefold()


def clean(text: str) -> str:
    """Output text as compared: character references decoded, then normalised."""
    return normalise(html.unescape(text) if "&" in text else text)
