"""Every link of the built sample site leads somewhere, and nothing is fetched from outside it."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tests.site.conftest import Built

RESOURCE_ATTRS = {("script", "src"), ("link", "href"), ("img", "src"), ("source", "src"), ("iframe", "src")}


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.resources: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id":
                self.ids.add(value)
            elif name == "href" and tag == "a":
                self.links.append(value)
            # A canonical link names the page's published address; browsers never fetch it.
            if (tag, name) in RESOURCE_ATTRS and ("rel", "canonical") not in attrs:
                self.resources.append(value)


def _parse(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def _target(site: Path, page: Path, href: str) -> tuple[Path, str]:
    parts = urlsplit(href)
    folder = page.parent.relative_to(site).as_posix()
    if not parts.path:
        path = page.relative_to(site).as_posix()
    elif parts.path.startswith("/"):  # 404.html links from the site root: it is served at any depth
        path = posixpath.normpath(unquote(parts.path).lstrip("/") or ".")
    else:
        path = posixpath.normpath(posixpath.join(folder, unquote(parts.path)))
    target = site / path
    if target.is_dir() or parts.path.endswith("/"):
        target = target / "index.html"
    return target, parts.fragment


def test_every_internal_link_and_anchor_resolves(sample_site: Built) -> None:
    site = sample_site.site
    pages = {page: _parse(page) for page in site.rglob("*.html")}
    broken = []
    checked = 0
    for page, parsed in pages.items():
        for href in parsed.links:
            if urlsplit(href).scheme or href.startswith(("mailto:", "javascript:")):
                continue
            target, fragment = _target(site, page, href)
            checked += 1
            if not target.is_file():
                broken.append(f"{page.relative_to(site)}: {href} (no file)")
            elif fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _parse(target).ids
                if fragment not in ids:
                    broken.append(f"{page.relative_to(site)}: {href} (no id '{fragment}')")
    assert checked > 1000
    assert not broken, "broken links:\n" + "\n".join(broken[:40])


def test_every_resource_is_part_of_the_site(sample_site: Built) -> None:
    site = sample_site.site
    outside = []
    for page in site.rglob("*.html"):
        for src in _parse(page).resources:
            if urlsplit(src).scheme or src.startswith("//"):
                outside.append(f"{page.relative_to(site)}: {src}")
            elif not _target(site, page, src)[0].is_file():
                outside.append(f"{page.relative_to(site)}: {src} (missing)")
    assert not outside, "resources from outside the site or missing:\n" + "\n".join(outside[:40])


def test_stylesheets_fetch_nothing_from_outside(sample_site: Built) -> None:
    for sheet in sample_site.site.rglob("*.css"):
        text = sheet.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "@import url(http" not in text, sheet


def test_every_entity_page_links_back_to_what_refers_to_it(sample_site: Built) -> None:
    page = (sample_site.site / "risks" / "r-pir-01" / "index.html").read_text(encoding="utf-8")
    listed, _, referenced = page.partition('id="referenced-by"')
    # the actions and objectives that name the risk are listed under its response, not again below
    for href in ('href="../../actions/act-10/"', 'href="../../objectives/obj-2/"'):
        assert href in listed and href not in referenced
