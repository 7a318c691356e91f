"""Links to a place in a page (``#heading``, ``other.md#heading``) must lead to a heading there.

MkDocs refuses a link to an anchor its page lacks, and Typst refuses to print one, so a
broken anchor would stop the build far from where it was written: it is an error at the
link instead. Headings are addressed as the site addresses them (Python-Markdown's
``toc`` slugs, ``_1``, ``_2`` after a repeated one, or an ``{#id}`` of their own); the
anchors Charter gives generated content (``#e-r-pir-01``, ``#table-register``,
``#diagram-orgchart``) and footnotes are left to the renderers.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata

from generator.diagnostics import Report, did_you_mean
from generator.load.source import SourceFile

_OWN_ID = re.compile(r"\{[^{}]*#([\w-]+)[^{}]*\}\s*$")
_MARKUP = re.compile(r"[*_`]|\[\[([^\]|]*)(?:\|([^\]]*))?\]\]|\[([^\]]*)\]\([^)]*\)")
_GENERATED = re.compile(r"^(e-|table-|diagram-|fn:|fnref:)")


def slugify(text: str) -> str:
    """A heading's address as Python-Markdown's ``toc`` makes it."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[-\s]+", "-", re.sub(r"[^\w\s-]", "", ascii_text).strip().lower())


def heading_anchors(file: SourceFile) -> list[str]:
    """The address of each heading of a file, in order."""
    found: list[str] = []
    seen: set[str] = set()
    for _, text, _line in file.headings:
        own = _OWN_ID.search(text)
        if own:
            anchor = own.group(1)
        else:
            plain = _MARKUP.sub(lambda m: m.group(2) or m.group(1) or m.group(3) or "", text)
            anchor = base = slugify(plain)
            count = 0
            while anchor in seen:
                count += 1
                anchor = f"{base}_{count}"
        seen.add(anchor)
        found.append(anchor)
    return found


def check_anchors(files: list[SourceFile], report: Report) -> None:
    """Report every link to a heading its page does not have."""
    anchors = {file.rel_path: heading_anchors(file) for file in files}
    for file in files:
        folder = posixpath.dirname(file.rel_path)
        for target, location in file.links:
            written, _, anchor = target.partition("#")
            if not anchor or _GENERATED.match(anchor):
                continue
            page = posixpath.normpath(posixpath.join(folder, written)) if written else file.rel_path
            known = anchors.get(page)
            if known is None or anchor in known:
                continue  # not a chapter (reported by the loader), or a heading it has
            where = "this page" if not written else page
            report.error(
                location,
                "E-LINK-ANCHOR",
                f"the link '{target}' leads to no heading of {where}",
                did_you_mean(anchor, known) or _headings_hint(known),
            )


def _headings_hint(known: list[str]) -> str:
    if not known:
        return "the page has no headings; link the page itself, without '#'"
    shown = ", ".join(f"#{a}" for a in known[:6]) + (", ..." if len(known) > 6 else "")
    return f"its headings are {shown} ('## Section two' is '#section-two')"
