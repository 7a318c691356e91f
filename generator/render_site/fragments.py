"""Small HTML pieces the pages are made of: fact lists, link lists, breadcrumbs, pagers."""

from __future__ import annotations

from collections.abc import Sequence

from generator.render_site.escape import esc
from generator.render_site.html_blocks import raw
from generator.words import say


def facts(rows: Sequence[tuple[str, str]]) -> str:
    """A description list of (term, HTML value); rows with an empty value are left out."""
    items = "".join(f"<div><dt>{esc(term)}</dt><dd>{value}</dd></div>" for term, value in rows if value)
    return f'<dl class="charter-facts">{items}</dl>' if items else ""


def joined(parts: Sequence[str], separator: str = ", ") -> str:
    """HTML parts joined by a separator; '' when there are none."""
    return separator.join(p for p in parts if p)


def item_list(items: Sequence[str], *, empty: str = "", css: str = "charter-links") -> str:
    """A bulleted list of HTML items, or a paragraph saying there are none."""
    if not items:
        return f'<p class="charter-none">{esc(empty)}</p>' if empty else ""
    return f'<ul class="{css}">' + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def paragraph(text: str, css: str = "") -> str:
    """A paragraph of plain text; '' when the text is empty."""
    if not text.strip():
        return ""
    klass = f' class="{css}"' if css else ""
    return f"<p{klass}>{esc(' '.join(text.split()))}</p>"


def breadcrumbs(trail: Sequence[tuple[str, str]], current: str) -> str:
    """A breadcrumb trail of (href, label) links ending at the current page's label."""
    links = "".join(f'<li><a href="{esc(href)}">{esc(label)}</a></li>' for href, label in trail)
    return (
        f'<nav class="charter-crumbs" aria-label="{say("Breadcrumb")}"><ol>{links}'
        f'<li><span aria-current="page">{esc(current)}</span></li></ol></nav>'
    )


def pager(label: str, previous: tuple[str, str] | None, following: tuple[str, str] | None) -> str:
    """Links to the previous and next page of the same kind, as (href, label) pairs."""
    parts = []
    if previous:
        label_prev = say("Previous: {title}", title=esc(previous[1]))
        parts.append(f'<a rel="prev" href="{esc(previous[0])}">{label_prev}</a>')
    if following:
        label_next = say("Next: {title}", title=esc(following[1]))
        parts.append(f'<a rel="next" href="{esc(following[0])}">{label_next}</a>')
    if not parts:
        return ""
    return f'<nav class="charter-pager" aria-label="{esc(label)}">{"".join(parts)}</nav>'


def block(*parts: str) -> str:
    """Raw HTML parts as Markdown blocks, each on its own line with blank lines around it.

    Each is marked as generated (:func:`generator.render_site.html_blocks.raw`): Python-Markdown never parses it.
    """
    kept = [raw(p) for p in parts if p]
    return "\n\n" + "\n\n".join(kept) + "\n\n" if kept else "\n"
