"""A publication's own vocabulary (``vocabulary:`` in publication.yml) reaches every reader and table."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from generator.diagnostics import Report
from generator.model.vocabulary import Vocabularies, Vocabulary, default_label
from generator.pipeline import read_publication
from tests.site.conftest import MINIMAL, build_site, copy_content

VOCABULARY = """
vocabulary:
  agency_types: [cyber, health-authority]
  committee_tiers: [regional]
  indicator_levels: [impact]
  action_statuses:
    - {id: suspended, label: On hold}
    - paused-for-review
"""

VIEWS = """
```yaml view
show: actions
```

```yaml view
show: indicators
```

```yaml view
show: timeline
```

```yaml view
show: committees
```
"""


def _extended(tmp_path: Path) -> Path:
    """The minimal publication with a vocabulary, and one entity of each added value."""
    content = copy_content(MINIMAL, tmp_path / "content")
    publication = content / "publication.yml"
    publication.write_text(publication.read_text(encoding="utf-8") + VOCABULARY, encoding="utf-8")
    structure = content / "structure.md"
    text = structure.read_text(encoding="utf-8").replace("  type: police\n", "  type: cyber\n")
    text = text.replace(
        "The committee meets every quarter.",
        "```yaml committee\nid: CM-NORTH\nname: Northern Harbour Committee\ntier: regional\nparent: CM-HSC\n"
        "chair: AG-POLICE\n```\n\nThe committee meets every quarter; {{count agencies type=cyber}} agency is cyber.",
    )
    structure.write_text(text, encoding="utf-8")
    plan = content / "plan.md"
    text = plan.read_text(encoding="utf-8").replace("status: progressing", "status: suspended")
    text = text.replace("level: outcome", "level: impact")
    plan.write_text(text + VIEWS, encoding="utf-8")
    return content


def _article(page: Path) -> str:
    """A page's article as a reader reads it: tags removed, entities read, spaces collapsed."""
    source = page.read_text(encoding="utf-8")
    article = source[source.index("<article") : source.index("</article>")]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", article)).split())


@pytest.mark.parametrize(
    ("value", "label"), [("cyber", "Cyber"), ("health-authority", "Health authority"), ("x-2", "X 2")]
)
def test_a_value_without_a_label_reads_as_its_words(value: str, label: str) -> None:
    assert default_label(value) == label


def test_the_engine_vocabularies_keep_their_labels() -> None:
    vocabularies = Vocabularies()
    assert vocabularies.committee_tiers.label("sub-committee") == "Sub-committee"
    assert vocabularies.committee_tiers.label("national") == "National committee"
    assert vocabularies.action_statuses.values == ("planned", "progressing", "finished", "delayed")


def test_an_added_value_follows_the_engines_and_is_not_the_engines() -> None:
    statuses = Vocabulary.of(("planned",)).extended({"suspended": "On hold"})
    assert statuses.values == ("planned", "suspended")
    assert (statuses.label("suspended"), statuses.is_engine("suspended"), statuses.is_engine("planned")) == (
        "On hold",
        False,
        True,
    )


def test_added_values_check_clean_and_carry_their_labels(tmp_path: Path) -> None:
    report = Report()
    publication = read_publication(_extended(tmp_path), report)
    assert publication is not None
    assert [d.format() for d in report.diagnostics] == []  # no W-ACTION-STATUS: an added status has no date rule
    vocabulary = publication.settings.vocabulary
    assert vocabulary.agency_types.values[-2:] == ("cyber", "health-authority")
    assert vocabulary.action_statuses.labels["paused-for-review"] == "Paused for review"
    assert vocabulary.indicator_levels.label("impact") == "Impact"


def test_the_site_shows_the_added_values_by_their_labels(tmp_path: Path) -> None:
    built = build_site(_extended(tmp_path), tmp_path / "work")
    assert built.status == 0, built.stderr
    plan = _article(built.site / "plan" / "index.html")
    assert (
        "Status Risks treated ACT-01 Fence the container quay OBJ-1 HA CM-HSC 1 Feb 2026 31 Dec 2026 On hold"
        in plan
    )
    assert "IND-01 Containers stolen per year Impact OBJ-1" in plan
    assert "Tier Regional" in plan
    timeline = next((built.build_dir / "site-src").rglob("timeline*.svg")).read_text(encoding="utf-8")
    assert ">On hold<" in timeline and 'fill="#d9dde1"' in timeline  # its label, on a plain grey bar
    assert "1 agency is cyber" in _article(built.site / "structure" / "index.html")


def test_the_general_root_has_an_agency_of_its_own_type() -> None:
    report = Report()
    publication = read_publication(MINIMAL.parents[1] / "general" / "content", report)
    assert publication is not None and not report.errors
    assert {a.id: a.type for a in publication.agencies}["AG-CERT"] == "cyber"
