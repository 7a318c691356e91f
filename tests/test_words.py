"""Charter's own words in the page's language: the message list, the catalogues, and a view in French."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from generator.diagnostics import Location, Report
from generator.model import View
from generator.pipeline import read_publication
from generator.render_site.context import PageContext
from generator.render_site.links import SiteMap
from generator.render_site.tables import render_table
from generator.resolve import Publication
from generator.views import Table, render_view
from generator.views.text import counted, quarter
from generator.words import HERE, catalogue, gaps, long_date, month_year, say, speaking
from generator.words.__main__ import extract

REPO = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def test_messages_txt_lists_exactly_the_messages_of_the_source() -> None:
    found, problems = extract()
    assert problems == [], "a say() whose words no catalogue could hold"
    written = (HERE / "messages.txt").read_text(encoding="utf-8").split("\n")
    assert found == [m for m in written if m], "messages.txt is stale: run python -m generator.words"


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_every_message_has_a_translation_that_keeps_its_placeholders(lang: str) -> None:
    assert gaps(lang) == []
    for message, translation in catalogue(lang).items():
        assert sorted(PLACEHOLDER.findall(translation)) == sorted(PLACEHOLDER.findall(message)), (lang, message)
        assert translation.strip(), (lang, message)


def test_say_speaks_the_current_language_and_english_by_default() -> None:
    assert say("Referenced by") == "Referenced by"
    assert say("{count} risks", count=3) == "3 risks"
    with speaking("fr"):
        assert say("Referenced by") == "Cité par"
        assert say("{count} risks", count=3) == "3 risques"
        with speaking("ar"):
            assert say("Referenced by") == "يُشار إليه في"
        assert say("Withheld") == "Non communiqué"
    assert say("Withheld") == "Withheld"


def test_dates_are_written_as_the_language_writes_them() -> None:
    day = dt.date(2027, 3, 31)
    assert long_date(day) == "31 March 2027" and month_year(day) == "March 2027" and quarter(day) == "Q1 2027"
    with speaking("fr"):
        assert long_date(day) == "31 mars 2027"
        assert month_year(day) == "mars 2027"
        assert quarter(day) == "T1 2027"


def test_plurals_follow_the_language_rule() -> None:
    one, many = "{count} risk", "{count} risks"
    assert [counted(n, one, many) for n in (0, 1, 2)] == ["0 risks", "1 risk", "2 risks"]
    with speaking("fr"):
        words = [counted(n, say("{count} risk"), say("{count} risks")) for n in (0, 1, 2)]
    assert words == ["0 risque", "1 risque", "2 risques"]


@pytest.fixture(scope="module")
def sample() -> Publication:
    report = Report()
    publication = read_publication(REPO / "content", report)
    assert publication is not None and not report.errors, report
    return publication


def _table(publication: Publication, show: str) -> Table:
    block = render_view(View(show=show, location=Location("test.md")), publication)[0]
    assert isinstance(block, Table)
    return block


def test_the_register_renders_in_french_and_english(sample: Publication) -> None:
    page = PageContext("plan", SiteMap(sample))
    with speaking("fr"):
        french = render_table(_table(sample, "register"), page)
        heatmap = _table(sample, "heatmap")
    english = render_table(_table(sample, "register"), PageContext("plan", SiteMap(sample)))
    assert "<caption" in french and "Registre des risques</caption>" in french
    assert ">Catégorie de menaces<" in french or 'title="Catégorie de menaces"' in french
    assert "Threat category" not in french and "Risk register" not in french
    assert "Threat category" in english and "Risk register</caption>" in english
    assert heatmap.caption == "Carte des risques résiduels"
    assert "risques placés selon" in heatmap.notes[0]


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_each_message_is_translated_once_in_a_language(lang: str) -> None:
    """Two files of one language giving the same message two translations: only one would ever print."""
    import yaml

    seen: dict[str, str] = {}
    twice = []
    for path in sorted((HERE / lang).glob("*.yml")):
        for message in yaml.safe_load(path.read_text(encoding="utf-8")) or {}:
            if message in seen:
                twice.append(f"{message!r} in {seen[message]} and {path.name}")
            seen[message] = path.name
    assert twice == []
