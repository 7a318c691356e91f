"""Escaping for the three places content text lands in the site tree: HTML, Markdown, YAML.

Every string that comes from content goes through one of these functions on its way
into a page, so a title such as ``Piracy <& robbery> | *armed*`` reads as written and
never becomes markup.
"""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache

from generator.render_site.html_blocks import strip_marks

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#])")
PIPE = "&#124;"
"""A ``|`` that does not end a Markdown table cell (``\\|`` would need the tables extension)."""


@lru_cache(maxsize=1 << 16)
def esc(text: str) -> str:
    """Escape text for an HTML text node or a quoted attribute value.

    Cached: the same titles and names are escaped for every page that links to them.
    """
    return html.escape(strip_marks(text), quote=True)


def md_inline(text: str) -> str:
    """Escape plain text for a Markdown inline context: a heading, link text or list item.

    HTML-significant characters become entities and Markdown's emphasis, link, code,
    attribute-list and heading characters are backslash-escaped. A ``|`` becomes an
    entity too, so a title in a Markdown table stays in its cell. Newlines become spaces.
    """
    flat = " ".join(strip_marks(text).split())
    return _MD_SPECIAL.sub(r"\\\1", html.escape(flat, quote=False)).replace("|", PIPE)


def yaml_string(text: str) -> str:
    """A YAML double-quoted scalar holding ``text`` exactly (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def front_matter(
    title: str,
    *,
    hide: tuple[str, ...] = (),
    description: str = "",
    lang: str = "",
    direction: str = "",
    notice: str = "",
) -> str:
    """A page's front matter: the title and description (HTML-escaped, since themes print them
    unescaped), what parts of the theme's layout the page hides (``toc``, ``navigation``) and
    its own language and direction (checked values; Charter's ``main.html`` puts them on the page)."""
    lines = ["---", f"title: {yaml_string(esc(' '.join(title.split())))}"]
    if description:
        lines.append(f"description: {yaml_string(esc(' '.join(description.split())))}")
    if hide:
        lines.append("hide: [" + ", ".join(hide) + "]")
    if lang:
        lines.append(f"charter_lang: {yaml_string(esc(lang))}")
    if direction:
        lines.append(f"charter_dir: {yaml_string(esc(direction))}")
    if notice:
        lines.append(f"charter_notice: {yaml_string(esc(notice))}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"
