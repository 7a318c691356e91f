"""Every page of the sample site: accessible (axe, WCAG 2.2 AA), error-free and self-contained."""

from __future__ import annotations

from tests.browser.conftest import PageRecord, SampleSite, crawled_pages
from tests.browser.support import site_pages


def _report(records: list[PageRecord], attribute: str) -> str:
    lines = []
    for record in records:
        for item in getattr(record, attribute):
            lines.append(f"  /{record.path}: {item}")
    return "\n".join(lines)


def test_the_crawl_visits_every_page(crawl: list[PageRecord], sample: SampleSite) -> None:
    paths = [record.path for record in crawl]
    assert paths == sorted(crawled_pages(sample.root))
    every = set(site_pages(sample.root))
    assert {p for p in every if not p.startswith("fr/")} <= set(paths)  # every page of the English site
    assert {p for p in every if p.startswith("fr/") and p.count("/") <= 2} <= set(paths)  # the French chapters
    assert "fr/risks/" in paths and sum(p.startswith("fr/risks/") for p in paths) == 2  # its index and one risk
    kinds = ("risks/", "agencies/", "committees/", "objectives/", "actions/", "indicators/", "threats/")
    for kind in kinds:
        assert kind in paths, f"no index page {kind}"
    assert len(paths) > len(sample.publication.chapters) + len(sample.publication.risks)


def test_axe_finds_no_violation_on_any_page(crawl: list[PageRecord]) -> None:
    failing = [record for record in crawl if record.violations]
    assert not failing, f"axe violations on {len(failing)} pages:\n" + _report(failing, "violations")


def test_no_console_error_on_any_page(crawl: list[PageRecord]) -> None:
    failing = [record for record in crawl if record.console_errors]
    assert not failing, "console errors:\n" + _report(failing, "console_errors")


def test_no_failed_request_on_any_page(crawl: list[PageRecord]) -> None:
    failing = [record for record in crawl if record.failed_requests]
    assert not failing, "failed requests:\n" + _report(failing, "failed_requests")


def test_no_page_requests_anything_outside_the_site(crawl: list[PageRecord]) -> None:
    failing = [record for record in crawl if record.outside_requests]
    assert not failing, "requests leaving the site:\n" + _report(failing, "outside_requests")
