"""Fixtures for the browser tests: the sample site, built once per session, served and crawled.

The crawl visits every page of the site once, in a few parallel Chromium sessions, runs
axe-core on it and records every console error, failed request and request that leaves
the site. The tests then assert on that record, so axe runs once per page.

``published`` builds any test publication of :data:`LAYOUT_ROOTS` (and others) on first
use, for the layout tests of tests/browser/test_layout.py.
"""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, Response, sync_playwright

from generator.build import build
from generator.diagnostics import Report
from generator.model import View
from generator.pipeline import read_publication
from generator.progress import Progress
from generator.render_site.links import SiteMap
from generator.resolve import Publication
from generator.resolve.editions import for_edition
from tests.browser.support import AXE, AXE_RUN, AXE_TAGS, CHROMIUM, CHROMIUM_ARGS, REPO, serve_folder, site_pages

CRAWLERS = 2
"""Parallel Chromium sessions for the crawl (one per core of the CI machine)."""

LAID_OUT = """() => document.readyState === "complete" &&
  [...document.querySelectorAll(".md-sidebar__scrollwrap")]
    .every(wrap => wrap.offsetParent === null || wrap.style.height !== "")"""
"""True once Material's script has sized the sidebars. Before that, on a short page, the
navigation overflows onto the footer for a moment, and axe run in that moment reports the
overlap as a contrast failure (seen on a loaded 2-core CI machine)."""


@dataclass
class SampleSite:
    """The sample publication and the site built from it."""

    root: Path
    publication: Publication
    sitemap: SiteMap


@dataclass
class PageRecord:
    """What happened while one page was loaded and checked."""

    path: str
    violations: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)


def _require_tools() -> None:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"the browser tests need Debian's Chromium at {CHROMIUM} (apt-get install chromium)")
    if not AXE.exists():
        pytest.fail(f"the browser tests need axe-core at {AXE}; run 'npm ci' in {REPO}")


@pytest.fixture(scope="session")
def sample(tmp_path_factory: pytest.TempPathFactory) -> SampleSite:
    """The sample content built into a site, once per session, exactly as ``charter build`` does."""
    work = built_site(REPO / "content", tmp_path_factory)
    report = Report()
    whole = read_publication(REPO / "content", report)
    assert whole is not None and not report.failed()
    public = next(e for e in whole.settings.editions if e.id == "public")
    publication = for_edition(whole, public, report)  # the public edition is the site under test
    return SampleSite(work / "site" / "public", publication, SiteMap(publication))


@pytest.fixture(scope="session")
def base_url(sample: SampleSite) -> Iterator[str]:
    """The sample site served on 127.0.0.1."""
    with serve_folder(sample.root) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless."""
    _require_tools()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    """A fresh browser tab whose relative URLs resolve against the sample site."""
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


def crawled_pages(site: Path) -> list[str]:
    """The pages the crawl visits: every page of the site's own language, and those of the others as above."""
    from generator.render_site.links import PAGE_FOLDERS

    kept: list[str] = []
    seen: set[tuple[str, str]] = set()
    for path in site_pages(site):
        parts = path.split("/")
        if len(parts[0]) in (2, 3) and (site / parts[0] / "search").is_dir() and len(parts) >= 4:
            folder = (parts[0], parts[1])  # another language's entity page: ar/risks/r-pir-01/
            if parts[1] in PAGE_FOLDERS.values():
                if folder in seen:
                    continue
                seen.add(folder)
        kept.append(path)
    return kept


def _crawl_share(base_url: str, paths: list[str]) -> list[PageRecord]:
    records: list[PageRecord] = []
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = chromium.new_context(viewport={"width": 1280, "height": 900})
        context.add_init_script(path=str(AXE))
        tab = context.new_page()
        current = PageRecord("")

        def on_console(message: ConsoleMessage) -> None:
            if message.type == "error":
                current.console_errors.append(message.text)

        def on_request(request: Request) -> None:
            if not request.url.startswith((base_url, "data:", "blob:")):
                current.outside_requests.append(request.url)

        def on_failed(request: Request) -> None:
            # ERR_ABORTED is the crawl itself leaving a page while its search worker or favicon
            # still loads; a file that is missing answers 404 and is caught by on_response.
            if request.failure != "net::ERR_ABORTED":
                current.failed_requests.append(f"{request.url} ({request.failure})")

        def on_response(response: Response) -> None:
            if response.status >= 400:
                current.failed_requests.append(f"{response.url} (HTTP {response.status})")

        tab.on("console", on_console)
        tab.on("pageerror", lambda error: current.console_errors.append(str(error)))
        tab.on("request", on_request)
        tab.on("requestfailed", on_failed)
        tab.on("response", on_response)
        for path in paths:
            current = PageRecord(path)
            records.append(current)
            tab.goto(base_url + path, wait_until="load")
            tab.wait_for_function(LAID_OUT)
            tab.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
            current.violations = tab.evaluate(AXE_RUN, AXE_TAGS)
        chromium.close()
    return records


@pytest.fixture(scope="session")
def crawl(sample: SampleSite, base_url: str) -> list[PageRecord]:
    """Every page of the sample site, loaded and checked by axe, with what went wrong on each.

    The French site has the same pages in another language: all of its chapters, indexes and
    other pages are crawled, and of the entity pages (the same template filled from the same
    data) the first of each folder, which keeps the crawl's time near the English site's.
    """
    _require_tools()
    paths = crawled_pages(sample.root)
    shares = [paths[i::CRAWLERS] for i in range(CRAWLERS)]
    with ThreadPoolExecutor(CRAWLERS) as pool:
        records = [record for share in pool.map(lambda s: _crawl_share(base_url, s), shares) for record in share]
    return sorted(records, key=lambda r: r.path)


LAYOUT_ROOTS = [
    REPO / "content",
    REPO / "tests" / "roots" / "general" / "content",
    REPO / "tests" / "roots" / "energy" / "content",
]
"""The publications whose view pages tests/browser/test_layout.py checks; one line adds another."""

_HOLDS_A_VIEW = re.compile(r'class="[^"]*\b(charter-table-wrap|charter-diagram)\b')


@dataclass
class PublishedSite:
    """One test publication's public edition, built into a site and served."""

    name: str
    """A short name for messages: 'sample' for the shipped content, else the root's folder."""
    root: Path
    publication: Publication
    view_pages: list[str]
    """Site paths ('' for the home page) of every page that holds a view, in reading order."""
    base_url: str


def layout_root_name(content: Path) -> str:
    """'sample' for the shipped content, else the test root's folder name ('general')."""
    return "sample" if content == REPO / "content" else content.parent.name


_BUILT: dict[Path, Path] = {}


def built_site(content: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The work folder (``site/``, ``build/``) of a content folder's site, built on first use and then shared.

    ``sample`` and ``published`` both serve the shipped sample: one build, read by both and changed by neither.
    """
    if content not in _BUILT:
        work = tmp_path_factory.mktemp(f"site-{layout_root_name(content)}")
        status = build(
            content,
            project_dir=REPO,
            site_dir=work / "site",
            build_dir=work / "build",
            with_print=False,
            progress=Progress(io.StringIO(), interactive=False),
        )
        assert status == 0, f"charter build failed on {content}"
        _BUILT[content] = work
    return _BUILT[content]


def _view_pages(site: Path, publication: Publication) -> list[str]:
    """The chapters that place a view, then every other top-level page that holds a table or diagram.

    The top-level pages are the generated listings (the full register at ``risks/``, the
    action index at ``actions/``...) and the home page; one page per entity is left out.
    """
    sitemap = SiteMap(publication)
    chapters = [
        sitemap.chapter_folders[chapter.path] + "/"
        for chapter in publication.chapters
        if any(isinstance(segment, View) for segment in chapter.segments)
    ]
    listings = [
        path
        for path in site_pages(site)
        if (path == "" or (path.endswith("/") and path.count("/") == 1))
        and path not in chapters
        and _HOLDS_A_VIEW.search((site / path / "index.html").read_text(encoding="utf-8"))
    ]
    return chapters + listings


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[Path], PublishedSite]]:
    """Build, once per session and only when first asked, a test publication's site, and serve it.

    A root whose content folder does not exist yet is skipped, with its path as the reason.
    """
    sites: dict[Path, PublishedSite] = {}
    with contextlib.ExitStack() as servers:

        def get(content: Path) -> PublishedSite:
            if not content.is_dir():
                pytest.skip(f"{content.relative_to(REPO)} does not exist yet")
            if content not in sites:
                name = layout_root_name(content)
                work = built_site(content, tmp_path_factory)
                report = Report()
                whole = read_publication(content, report)
                assert whole is not None and not report.failed()
                edition = next((e for e in whole.settings.editions if e.id == "public"), whole.settings.editions[0])
                publication = for_edition(whole, edition, report)
                root = work / "site" / edition.id
                url = servers.enter_context(serve_folder(root))
                sites[content] = PublishedSite(name, root, publication, _view_pages(root, publication), url)
            return sites[content]

        yield get
