"""One Markdown converter for a whole MkDocs build instead of a new one for every page.

MkDocs' ``Page.render`` builds a new ``markdown.Markdown`` with every extension for each
page; at 5,000 entities that was a tenth of the site build, more than converting the
pages. Python-Markdown is made to be reused: ``Markdown.reset()`` clears the stash, the
references and every extension's state (footnotes, abbreviations, the table of contents).
:func:`render` is MkDocs' ``Page.render`` with the one converter per configuration and
thread, reset before each page; MkDocs' four per-page processors are registered again
under their own names, which replaces the previous page's. The pages are byte-identical
(``tests/site/test_fast_paths.py`` builds the sample both ways and compares them).

:func:`install` replaces ``Page.render`` only while MkDocs' is the one this was copied
from (:data:`MKDOCS_RENDER`, a hash of its source); after an upgrade that changes it,
MkDocs' own is kept.
"""

from __future__ import annotations

import hashlib
import inspect
import logging
import threading
from typing import Any

import markdown  # type: ignore[import-untyped]
from mkdocs.structure import pages
from mkdocs.structure.toc import get_toc

MKDOCS_RENDER = "32052934"
"""The first eight hex digits of the SHA-256 of the ``Page.render`` source :func:`render` copies."""
_ORIGINAL = pages.Page.render
_local = threading.local()


def converter(config: Any) -> Any:
    """This thread's Markdown converter for ``config``, made on first use and reset for a new page."""
    held = getattr(_local, "held", None)
    if held is None or held[0] is not config:
        md = markdown.Markdown(
            extensions=config["markdown_extensions"],
            extension_configs=config["mdx_configs"] or {},
        )
        _local.held = held = (config, md)
    else:
        held[1].reset()
    return held[1]


def render(self: pages.Page, config: Any, files: Any) -> None:
    """MkDocs' ``Page.render``, with :func:`converter` in place of a new ``markdown.Markdown``."""
    if self.markdown is None:
        raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")

    md = converter(config)

    raw_html_ext = pages._RawHTMLPreprocessor()
    raw_html_ext._register(md)

    extract_anchors_ext = pages._ExtractAnchorsTreeprocessor(self.file, files, config)
    extract_anchors_ext._register(md)

    relative_path_ext = pages._RelativePathTreeprocessor(self.file, files, config)
    relative_path_ext._register(md)

    extract_title_ext = pages._ExtractTitleTreeprocessor()
    extract_title_ext._register(md)

    self.content = md.convert(self.markdown)
    self.toc = get_toc(getattr(md, "toc_tokens", []))
    self._title_from_render = extract_title_ext.title
    self.present_anchor_ids = extract_anchors_ext.present_anchor_ids | raw_html_ext.present_anchor_ids
    if pages.log.getEffectiveLevel() > logging.DEBUG:
        self.links_to_anchors = relative_path_ext.links_to_anchors


def mkdocs_render_hash() -> str:
    """The hash :data:`MKDOCS_RENDER` is compared with: of the installed MkDocs' ``Page.render`` source."""
    return hashlib.sha256(inspect.getsource(_ORIGINAL).encode("utf-8")).hexdigest()[:8]


def install() -> bool:
    """Put :func:`render` in place of MkDocs' ``Page.render``, if MkDocs' is the one it was copied from."""
    if pages.Page.render is render:
        return True
    if mkdocs_render_hash() != MKDOCS_RENDER:
        return False
    pages.Page.render = render  # type: ignore[method-assign]
    return True


def uninstall() -> None:
    """MkDocs' own ``Page.render`` back (for the test that compares the two)."""
    pages.Page.render = _ORIGINAL  # type: ignore[method-assign]
