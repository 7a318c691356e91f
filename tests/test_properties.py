"""Property tests: whatever a drafter types, the checker answers with diagnostics, never a traceback."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.diagnostics import Location, Report
from generator.model import View
from generator.pipeline import read_publication
from generator.resolve.editions import for_edition
from generator.schema import VIEWS
from generator.views import render_view

MINIMAL = Path(__file__).parent / "roots" / "minimal" / "content"
FILES = sorted(p.relative_to(MINIMAL).as_posix() for p in MINIMAL.rglob("*") if p.is_file())
SNIPPETS = [
    "\n",
    ":",
    " ",
    "- ",
    "[[",
    "]]",
    "```",
    "---",
    "{",
    "}",
    "[",
    "]",
    "&a ",
    "*a",
    "\t",
    "'",
    '"',
    "#",
    "id: ",
    "R-THEFT-01",
    "AG-PORT",
    "classification=SECRET",
    "{classification=NOPE}",
    "\ufeff",
    "\x00",
    "é",
    "\u202e",
    "9",
    "-1",
    "2026-02-30",
    "yes",
    "NO",
    "~",
    "!!python/object:os.system",
]


@st.composite
def mutations(draw: st.DrawFn) -> tuple[str, int, int, str]:
    """A file, a span to replace, and what to put there."""
    name = draw(st.sampled_from(FILES))
    size = (MINIMAL / name).stat().st_size
    start = draw(st.integers(0, size))
    length = draw(st.integers(0, 40))
    insert = draw(st.one_of(st.sampled_from(SNIPPETS), st.text(max_size=12)))
    return name, start, length, insert


def _check_never_crashes(content: Path) -> None:
    report = Report()
    publication = read_publication(content, report)  # must not raise
    for diagnostic in report.diagnostics:
        assert diagnostic.location.line >= 1 and diagnostic.location.col >= 1
        assert diagnostic.format().startswith(str(content))
    if publication is not None and not report.errors:
        for show in VIEWS.values:
            for block in render_view(View(show=show, location=Location("x")), publication):
                if hasattr(block, "svg"):
                    block.svg(lambda _id: None)
        for edition in publication.settings.editions:
            for_edition(publication, edition, Report())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(mutations(), min_size=1, max_size=4))
def test_mutated_publication_never_crashes(edits: list[tuple[str, int, int, str]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        shutil.copytree(MINIMAL, content)
        for name, start, length, insert in edits:
            path = content / name
            raw = path.read_bytes()
            path.write_bytes(raw[:start] + insert.encode("utf-8", "surrogatepass") + raw[start + length :])
        _check_never_crashes(content)


TITLE = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)


@settings(max_examples=60, deadline=None)
@given(titles=st.lists(TITLE, min_size=1, max_size=5), scores=st.lists(st.integers(-2, 8), min_size=2, max_size=2))
def test_generated_risks_never_crash(titles: list[str], scores: list[int]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        shutil.copytree(MINIMAL, content)
        blocks = []
        for index, title in enumerate(titles):
            quoted = title.replace("\\", "\\\\").replace('"', '\\"')
            blocks.append(
                f'```yaml risk\nid: R-GEN-{index}\ntitle: "{quoted}"\nthreat: TH-THEFT\nlead: AG-PORT\n'
                f"inherent: {{likelihood: {scores[0]}, impact: {scores[1]}}}\nresidual: {{likelihood: 1, impact: 1}}\n"
                f"target: {{likelihood: 1, impact: 1}}\nreview: 2026-12-31\n```\n"
            )
        (content / "generated.md").write_text("# Generated\n\n" + "\n".join(blocks), encoding="utf-8")
        _check_never_crashes(content)
