"""What an entity's ID may be written in.

An ID becomes a page's address and a reference (``[[R-PIR-01]]``), so IDs are ASCII:
letters A-Z and a-z, digits, ``-`` and ``_``. An acronym's ID is the acronym itself, as
readers see it in the text, so it may be written in any script (``ΓΚΑ``, ``ΕΛ.ΑΣ.``, ``P&I``);
the renderers give it an ASCII anchor of their own.
"""

from __future__ import annotations

import re
import unicodedata

from generator.schema.types import ID_PATTERN

ACRONYM_PUNCTUATION = ".&-_"
"""The marks an acronym may hold between its letters and digits ('ΕΛ.ΑΣ.', 'P&I', 'C-TPAT')."""

ID_HINT = "use ASCII letters (A-Z, a-z), digits, '-' and '_', starting with a letter"
ACRONYM_HINT = (
    "write the acronym in letters and digits of any script, with '.', '&', '-' or '_' between them, "
    "starting with a letter or digit"
)

_ACRONYM_START = re.compile(r"[^\W_]")
"""A letter or digit of any script."""


def is_acronym_id(text: str) -> bool:
    """Whether ``text`` can be an acronym's ID: letters, digits and combining marks of any script, and '.&-_'."""
    if not text or not _ACRONYM_START.match(text):
        return False
    return all(ch.isalnum() or ch in ACRONYM_PUNCTUATION or unicodedata.category(ch).startswith("M") for ch in text)


def id_hint(kind: str, entity_id: str) -> str | None:
    """None when ``entity_id`` is a valid ID for an entity of ``kind``; otherwise what to write instead."""
    if kind == "acronym":
        return None if is_acronym_id(entity_id) else ACRONYM_HINT
    return None if ID_PATTERN.fullmatch(entity_id) else ID_HINT


__all__ = ["ACRONYM_HINT", "ID_HINT", "id_hint", "is_acronym_id"]
