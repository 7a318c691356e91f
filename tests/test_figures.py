"""Figures in prose: ``{{count ...}}`` computed for each edition, its errors, and counts written by hand."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.diagnostics import Report
from generator.model import Chapter, Passage
from generator.pipeline import read_publication
from generator.resolve import Publication
from generator.resolve.editions import for_edition
from tests.test_cli import charter

ROOT = Path(__file__).parent / "roots" / "figures" / "content"


def _copy(tmp_path: Path, edits: dict[str, list[tuple[str, str]]] | None = None) -> Path:
    content = tmp_path / "content"
    shutil.copytree(ROOT, content)
    for name, pairs in (edits or {}).items():
        path = content / name
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        for old, new in pairs:
            assert old in text, old
            text = text.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")
    return content


def _read(content: Path) -> tuple[Publication, list[str]]:
    report = Report()
    publication = read_publication(content, report)
    assert publication is not None
    return publication, [d.format().removeprefix(f"{content}/") for d in report.sorted()]


def _edition(whole: Publication, edition_id: str) -> Publication:
    edition = next(e for e in whole.settings.editions if e.id == edition_id)
    report = Report()
    cut = for_edition(whole, edition, report)
    assert not report.diagnostics, [d.format() for d in report.diagnostics]
    return cut


def _prose(publication: Publication, path: str) -> str:
    chapter: Chapter = next(c for c in publication.chapters if c.path == path)
    return "\n".join(s.text for s in chapter.segments if isinstance(s, Passage))


FIGURES = (
    "The register assesses {public} risks. With the controls in place,\n"
    "{medium} are Medium, {high} High and\n"
    "{very_high} Very high; before them,\n"
    "{worse} were High or worse.\n"
    "{theft} risks concern theft."
)


def test_each_edition_counts_what_it_shows(tmp_path: Path) -> None:
    whole, diagnostics = _read(_copy(tmp_path))
    assert diagnostics == []
    public, restricted = _edition(whole, "public"), _edition(whole, "restricted")
    # The public edition lists R-THEFT-02 withheld (no band) and shows R-SPILL-01 only in its group.
    assert FIGURES.format(public=3, medium="two", high="zero", very_high="zero", worse="one", theft="Two") in _prose(
        public, "register.md"
    )
    assert FIGURES.format(public=4, medium="two", high="one", very_high="one", worse="three", theft="Two") in _prose(
        restricted, "register.md"
    )
    # the whole publication (charter serve without an edition) shows every figure
    assert _prose(whole, "register.md") == _prose(restricted, "register.md")
    # a narrative is computed for the edition too, on its chapter and on its entity's page
    assert "one of the\nrisks are led by the police" in _prose(public, "register.md")
    assert public.entities["R-THEFT-01"].narrative.endswith("one of the\nrisks are led by the police.")
    assert restricted.entities["R-THEFT-01"].narrative.endswith("two of the\nrisks are led by the police.")
    assert "of which\none are under way" in _prose(public, "plan.md")
    assert "The plan has one objective and 1 actions" in _prose(public, "plan.md")
    assert "The plan has one objective and 2 actions" in _prose(restricted, "plan.md")


def test_figures_in_code_stay_as_written(tmp_path: Path) -> None:
    whole, _ = _read(_copy(tmp_path))
    text = _prose(_edition(whole, "public"), "register.md")
    assert "A drafter writes `{{count risks}}` to quote a figure:" in text
    assert "```markdown\nThe register assesses {{count risks}} risks.\n```" in text


def test_the_pages_of_both_editions_carry_their_own_figures(tmp_path: Path) -> None:
    content = _copy(tmp_path)
    result = charter("build", str(content), "--no-print", "--strict", "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr

    def page(edition: str) -> str:
        html = (tmp_path / "site" / edition / "register" / "index.html").read_text(encoding="utf-8")
        main = html.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]
        return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", main))

    public, restricted = page("public"), page("restricted")
    assert "The register assesses 3 risks. With the controls in place, two are Medium, zero High" in public
    assert "The register assesses 4 risks. With the controls in place, two are Medium, one High" in restricted
    for text in (public, restricted):
        # a figure outside code never reaches the page as written; inside code it does
        assert text.count("{{count risks}}") == 2, text


CASES = """\
Bad figures: {{count risk}} and {{count risks band=Hihg}} and {{count risks stage=final band=High}}.
More: {{count actions status=delayd}} and {{count risks threat=TH-THEFF}} and {{count risks lead=TH-THEFT}}.
And: {{count risks colour=red}} and {{sum risks}} and {{ }} and {{count risks stage=target}}.
Also {{count threats assessed=maybe}} and {{count risks band=High band=Low}} and {{count risks band="Very}}.
Never closed: {{count risks
"""


def test_a_figure_that_cannot_be_computed_is_an_error_at_its_place(tmp_path: Path) -> None:
    content = _copy(tmp_path, {"extra.md": [("", "# Extra\n\n" + CASES + "\n`{{not a figure` in code is fine.\n")]})
    _, diagnostics = _read(content)
    assert diagnostics == [
        "extra.md:3:22: error[E-FIGURE-KIND]: {{count risk}}: cannot count 'risk'\n  hint: did you mean 'risks'?",
        "extra.md:3:52: error[E-FIGURE-VALUE]: {{count risks band=Hihg}}: unknown band 'Hihg'\n"
        "  hint: did you mean 'High'?",
        "extra.md:3:83: error[E-FIGURE-VALUE]: {{count risks stage=final band=High}}: unknown stage 'final'\n"
        "  hint: risks 'stage' is one of: inherent, residual, target",
        "extra.md:4:30: error[E-FIGURE-VALUE]: {{count actions status=delayd}}: unknown status 'delayd'\n"
        "  hint: did you mean 'delayed'?",
        "extra.md:4:64: error[E-FIGURE-REF]: {{count risks threat=TH-THEFF}}: unknown threat 'TH-THEFF'\n"
        "  hint: did you mean 'TH-THEFT'?",
        "extra.md:4:98: error[E-FIGURE-REF]: {{count risks lead=TH-THEFT}}: 'TH-THEFT' is a threat, not an agency\n"
        "  hint: 'lead' names an agency by its ID",
        "extra.md:5:20: error[E-FIGURE-FILTER]: {{count risks colour=red}}: risks have no filter 'colour'\n"
        "  hint: the filters of risks are: band, stage, threat, lead, agency, objective, words",
        "extra.md:5:39: error[E-FIGURE-SYNTAX]: {{sum risks}}: unknown figure 'sum'\n"
        "  hint: a figure reads {{count <kind> [key=value ...]}}; inside code (`{{...}}`) it stays as written",
        "extra.md:5:55: error[E-FIGURE-SYNTAX]: '{{ }}' is empty\n  hint: write {{count risks}}, for example",
        "extra.md:5:79: error[E-FIGURE-FILTER]: {{count risks stage=target}}: 'stage' chooses the scores 'band' "
        "reads, and there is no 'band'\n  hint: add band=<band name>, or remove stage",
        "extra.md:6:31: error[E-FIGURE-VALUE]: {{count threats assessed=maybe}}: 'assessed' is yes or no, not 'maybe'",
        "extra.md:6:67: error[E-FIGURE-FILTER]: {{count risks band=High band=Low}}: 'band' is given twice",
        "extra.md:6:101: error[E-FIGURE-SYNTAX]: {{count risks band=\"Very}}: the quote after 'band=' is never closed",
        "extra.md:7:15: error[E-FIGURE-UNCLOSED]: '{{' is never closed on its line\n"
        "  hint: write the figure on one line, {{count risks}}; to show '{{' itself, write it as code: `{{`",
    ]


BY_HAND = """\
# Counts

The register holds 12 risks, and eighteen High ones; six would be Very high.
Fourteen are High, thirty-one actions are planned and 1,200 agencies... no.
Not counts: Objective 3 risks, in 2027 High season, a score of 10 to 15 High, two of the
High risks, two high-speed craft, [[R-THEFT-01|two risks]], [three actions](plan.md),
`5 High` in code, three High-level meetings and {{count risks band=High}} High.

```text
4 High in a fence
```
"""


def test_a_count_written_by_hand_is_a_warning_at_the_number(tmp_path: Path) -> None:
    _, diagnostics = _read(_copy(tmp_path, {"extra.md": [("", BY_HAND)]}))
    tail = "is a count written by hand: it stays the same in every edition, whatever each one leaves out"
    hint = "so that each edition computes its own"
    assert diagnostics == [
        f"extra.md:3:20: warning[W-FIGURE-BY-HAND]: '12 risks' {tail}\n  hint: write {{{{count risks}}}} {hint}",
        f"extra.md:3:34: warning[W-FIGURE-BY-HAND]: 'eighteen High' {tail}\n"
        f"  hint: write {{{{count risks band=High}}}} {hint}",
        f"extra.md:3:54: warning[W-FIGURE-BY-HAND]: 'six would be Very high' {tail}\n"
        f'  hint: write {{{{count risks band="Very high"}}}} {hint}',
        f"extra.md:4:1: warning[W-FIGURE-BY-HAND]: 'Fourteen are High' {tail}\n"
        f"  hint: write {{{{count risks band=High}}}} {hint}",
        f"extra.md:4:20: warning[W-FIGURE-BY-HAND]: 'thirty-one actions' {tail}\n"
        f"  hint: write {{{{count actions}}}} {hint}",
        f"extra.md:4:55: warning[W-FIGURE-BY-HAND]: '1,200 agencies' {tail}\n"
        f"  hint: write {{{{count agencies}}}} {hint}",
    ]


def test_another_language_and_other_bands(tmp_path: Path) -> None:
    """Numbers are spelled only in English; a count before a band name is found in any language."""
    content = _copy(
        tmp_path,
        {
            "publication.yml": [
                ("language: en", "language: fr"),
                ("{name: Medium,", "{name: Modéré,"),
                ("{name: Very high,", "{name: Très élevé,"),
            ],
            "register.md": [
                ("{{count risks band=Medium words}}", "{{count risks band=Modéré words}}"),
                ('band="Very high" words}}', 'band="Très élevé"}}'),
                ('band="High,Very high" stage', 'band="High,Très élevé" stage'),
            ],
            "extra.md": [("", "# Autre\n\nLe registre compte 3 Très élevé, 2 Modéré et three High.\n")],
        },
    )
    whole, diagnostics = _read(content)
    tail = "is a count written by hand: it stays the same in every edition, whatever each one leaves out"
    assert diagnostics == [
        f"extra.md:3:20: warning[W-FIGURE-BY-HAND]: '3 Très élevé' {tail}\n"
        '  hint: write {{count risks band="Très élevé"}} so that each edition computes its own',
        f"extra.md:3:34: warning[W-FIGURE-BY-HAND]: '2 Modéré' {tail}\n"
        "  hint: write {{count risks band=Modéré}} so that each edition computes its own",
    ]
    # 'words' spells numbers in English only: a French edition shows digits
    assert "in place,\n2 are Medium, 1 High and\n1 Very high;" in _prose(_edition(whole, "restricted"), "register.md")


@pytest.mark.parametrize(
    ("prose", "expected"),
    [
        ("{{count risks words}} risks.", "Four risks."),
        ("Done. {{count risks words}} risks.", "Done. Four risks."),
        ("- {{count risks words}} risks", "- Four risks"),
        ("| {{count risks words}} |", "| Four |"),
        ("We count\n{{count risks words}} risks.", "We count\nfour risks."),
        ("We count.\n{{count risks words}} risks.", "We count.\nFour risks."),
        ("**Risks.** {{count risks words}} in all.", "**Risks.** Four in all."),
        ("all {{count risks threat=TH-THEFT,TH-SPILL}} and {{count threats malicious=no words}}", "all 4 and one"),
        ("{{count risks objective=OBJ-1 agency=AG-PORT}} {{count agencies type=police}}", "3 1"),
    ],
)
def test_words_and_capitals(tmp_path: Path, prose: str, expected: str) -> None:
    content = _copy(tmp_path, {"extra.md": [("", f"# Extra\n\n{prose}\n")]})
    whole, diagnostics = _read(content)
    assert diagnostics == []
    assert _prose(whole, "extra.md") == f"# Extra\n\n{expected}\n"
