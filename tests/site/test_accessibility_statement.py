"""The accessibility statement each edition's site carries, from publication.yml and from what Charter knows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.site.conftest import MINIMAL, Built, build_site, copy_content

HEADINGS = [
    "Compliance status",
    "What we know is limited",
    "Feedback, contact and other formats",
    "Enforcement procedure",
    "How this website was tested",
    "Preparation of this statement",
]


def _statement(built: Built) -> str:
    html = (built.site / "accessibility" / "index.html").read_text(encoding="utf-8")
    return html[html.index("<article") : html.index("</article>")]


def _headings(html: str) -> list[str]:
    return [re.sub(r"<a class=\"headerlink\".*?</a>|<[^>]+>", "", h).strip() for h in re.findall(r"<h2[^>]*>(.*?)</h2>", html)]


def test_the_sample_states_its_compliance_contact_enforcement_and_review(sample_site: Built) -> None:
    html = _statement(sample_site)
    assert _headings(html) == HEADINGS
    assert "It is made under Directive (EU) 2016/2102" in html
    assert "The National Maritime Security Committee wants as many people as possible" in html
    assert "This website is fully compliant with the Web Content Accessibility Guidelines (WCAG) version 2.2" in html
    assert "access@jmsc.gov.sl.example" in html and "We will reply within 10 working days." in html
    assert "Office of the Ombudsman for Public Administration" in html
    assert "large print, Braille, audio and easy read" in html  # the imprint's alternative formats
    assert "NVDA and VoiceOver" in html
    assert "prepared on 26 February 2027, when version 1.1.0" in html and "last reviewed on 19 February 2027" in html


def test_every_page_reaches_the_statement(sample_site: Built) -> None:
    home = (sample_site.site / "index.html").read_text(encoding="utf-8")
    assert 'href="accessibility/">accessibility statement</a>' in home
    named = {"en": "Accessibility statement", "fr": "Déclaration d’accessibilité"}
    for top, lang in ((sample_site.site, "en"), (sample_site.site / "fr", "fr")):  # each language's own statement
        pages = [p for p in sorted(top.rglob("index.html")) if lang == "fr" or "fr" not in p.relative_to(top).parts]
        assert len(pages) > 100
        for page in pages:
            depth = len(page.relative_to(top).parts) - 1
            itself = page.parent.name == "accessibility" and depth == 1
            link = f'<a href="{"./" if itself else "../" * depth + "accessibility/"}">{named[lang]}</a>'
            assert link in page.read_text(encoding="utf-8"), page


def test_a_publication_that_says_nothing_gets_a_complete_statement(tmp_path: Path) -> None:
    built = build_site(MINIMAL, tmp_path)
    assert built.status == 0, built.stderr
    html = _statement(built)
    assert _headings(html) == HEADINGS
    assert "It is made under" not in html
    assert "write to the body that publishes this website" in html
    assert "ask for your complaint to be reviewed by someone senior" in html


@pytest.fixture
def with_known_issues(tmp_path: Path) -> Built:
    content = copy_content(MINIMAL, tmp_path / "content")
    yml = content / "publication.yml"
    yml.write_text(
        yml.read_text(encoding="utf-8")
        + "accessibility:\n  law: uk\n  known_issues:\n"
        + "    - 'The 2019 harbour map <script>alert(1)</script> has no text version & no alt text.'\n",
        encoding="utf-8",
    )
    built = build_site(content, tmp_path / "work")
    assert built.status == 0, built.stderr
    return built


def test_known_issues_make_the_site_partially_compliant_and_are_listed_escaped(with_known_issues: Built) -> None:
    html = _statement(with_known_issues)
    assert _headings(html) == [HEADINGS[0], "Content that is not accessible", *HEADINGS[1:]]
    assert "partially compliant with the Web Content Accessibility Guidelines" in html
    assert "<li>The 2019 harbour map &lt;script&gt;alert(1)&lt;/script&gt; has no text version &amp; no alt text.</li>" in html
    assert "Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018" in html
    assert "The Equality and Human Rights Commission (EHRC) is responsible" in html
