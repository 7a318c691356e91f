"""What rendering one page needs to know: where the page is, and how to reach everything else."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.render_site.escape import PIPE, esc, md_inline
from generator.render_site.links import SiteMap, relative, relative_file


@dataclass
class PageContext:
    """One page being rendered: its folder, the site map, and the HTML ids used so far."""

    folder: str
    """The page's folder below the site root ('' for the landing page)."""
    sitemap: SiteMap
    _ids: dict[str, int] = field(default_factory=dict)

    def href(self, entity_id: str) -> str | None:
        """The address of an entity from this page, or None when it has no place on the site."""
        return self.sitemap.href(self.folder, entity_id)

    def page(self, folder: str, fragment: str = "") -> str:
        """The address of another page from this page."""
        return relative(self.folder, folder, fragment)

    def file(self, path: str) -> str:
        """The address of a file of the site (``downloads/…``, ``diagrams/…``) from this page."""
        return relative_file(self.folder, path)

    def new_id(self, prefix: str) -> str:
        """An HTML id unique on this page."""
        n = self._ids.get(prefix, 0) + 1
        self._ids[prefix] = n
        return f"{prefix}-{n}"

    def link(self, entity_id: str, text: str) -> str:
        """An HTML link to an entity showing ``text`` (escaped), or the bare text when it has no address."""
        href = self.href(entity_id)
        return f'<a href="{esc(href)}">{esc(text)}</a>' if href else esc(text)

    def title_link(self, entity_id: str) -> str:
        """An HTML link to an entity showing its title."""
        return self.link(entity_id, self.sitemap.titles.get(entity_id, entity_id))

    def ref_markdown(self, entity_id: str, words: str | None) -> str:
        """A prose reference as a Markdown link: the target's title, or the writer's own words."""
        title = self.sitemap.titles.get(entity_id, entity_id)
        target = self.sitemap.markdown_target(self.folder, entity_id)
        text = md_inline(title) if words is None else words.replace("|", PIPE)
        if target is None:
            return text
        if words is None:
            return f"[{text}]({target})"
        tooltip = " ".join(f"{entity_id}: {title}".replace('"', "'").split())
        # Markdown reads backslashes and code spans even inside a link's title, and a table a '|'.
        tooltip = tooltip.replace("\\", "\\\\").replace("`", "&#96;").replace("|", PIPE)
        return f'[{text}]({target} "{tooltip}")'
