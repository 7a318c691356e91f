"""The sample's EPUB 3 as a reading system opens it."""

from __future__ import annotations

import html
import posixpath
import re
import zipfile
from html.parser import HTMLParser

import pytest

from tests.print.conftest import Built, first_document_chapters, plain

pytestmark = pytest.mark.slow  # reads the print editions of the sample


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        if tag == "a" and values.get("href"):
            self.hrefs.append(str(values["href"]))


def test_epub_is_a_valid_epub_3_container(sample: Built) -> None:
    with zipfile.ZipFile(sample.file("EPUB")) as book:
        first = book.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert book.read("mimetype") == b"application/epub+zip"
        container = book.read("META-INF/container.xml").decode("utf-8")
        opf_path = re.search(r'full-path="([^"]+)"', container)
        assert opf_path
        opf = book.read(opf_path.group(1)).decode("utf-8")
    assert re.search(r'<package[^>]*version="3\.0"', opf)
    assert "<dc:language>en</dc:language>" in opf
    assert sample.publication.settings.documents[0].title in opf


def test_navigation_document_lists_every_chapter(sample: Built) -> None:
    with zipfile.ZipFile(sample.file("EPUB")) as book:
        nav_name = next(n for n in book.namelist() if n.endswith("nav.xhtml"))
        nav = book.read(nav_name).decode("utf-8")
    assert re.search(r'<nav[^>]*epub:type="toc"', nav)
    listed = plain(html.unescape(re.sub(r"<[^>]+>", " ", nav)))
    for chapter in first_document_chapters(sample.publication):
        words = plain(re.sub(r"^Annex [A-Z]: ", "", chapter.title))
        assert words in listed, f"'{words}' is not in the navigation"


def test_internal_links_resolve(sample: Built) -> None:
    with zipfile.ZipFile(sample.file("EPUB")) as book:
        pages = {n: book.read(n).decode("utf-8") for n in book.namelist() if n.endswith(".xhtml")}
    ids: dict[str, set[str]] = {}
    hrefs: list[tuple[str, str]] = []
    for name, text in pages.items():
        parser = _Ids()
        parser.feed(text)
        ids[name] = parser.ids
        hrefs += [(name, href) for href in parser.hrefs]
    checked = 0
    for source, href in hrefs:
        if href.startswith(("http:", "https:", "mailto:")):
            continue
        path, _, fragment = href.partition("#")
        target = posixpath.normpath(posixpath.join(posixpath.dirname(source), path)) if path else source
        assert target in ids, f"{source} links to a missing file {target}"
        if fragment:
            assert fragment in ids[target], f"{source} links to a missing anchor {href}"
        checked += 1
    assert checked > 100
