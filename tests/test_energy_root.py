"""The energy root: three factors on 4-point scales, a heat map of likelihood (threat ×
vulnerability) against impact, a replaced catalogue, 160 risks and a 40-chapter tree.

``tests/roots/energy/make.py`` writes it; these tests read its views as a reader would.
"""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.diagnostics import Location, Report
from generator.model import Edition, Risk, View
from generator.pipeline import read_publication
from generator.resolve import Publication
from generator.resolve.editions import for_edition
from generator.views import risk_tables
from generator.views.blocks import Link, Table

REPO = Path(__file__).resolve().parents[1]
ENERGY = REPO / "tests" / "roots" / "energy" / "content"
GENERAL = REPO / "tests" / "roots" / "general" / "content"
HERE = Location("register/index.md", 1, 1)


def check(content: Path) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main(["check", str(content), "--strict"])
    return code, out.getvalue()


@pytest.fixture(scope="module")
def public() -> Publication:
    report = Report()
    whole = read_publication(ENERGY, report)
    assert whole is not None and not report.errors
    return for_edition(whole, Edition("public", "Public edition", "PUBLIC"), Report())


def heatmap(publication: Publication, **options: str) -> Table:
    (table,) = risk_tables.heatmap(publication, View(show="heatmap", location=HERE, options=options))
    return table


def test_the_energy_root_checks_clean_in_strict_mode() -> None:
    code, out = check(ENERGY)
    assert code == 0, out
    assert "42 chapters, 18 agencies, 8 committees, 160 risks, 12 objectives, 48 actions, 24 indicators" in out


def test_the_generator_writes_what_is_committed(tmp_path: Path) -> None:
    script = (REPO / "tests" / "roots" / "energy" / "make.py").read_text(encoding="utf-8")
    copy = tmp_path / "make.py"
    copy.write_text(script, encoding="utf-8")
    namespace: dict[str, object] = {"__name__": "energy_make", "__file__": str(copy)}
    exec(compile(script, str(copy), "exec"), namespace)  # the repository's own script, run on a copy
    namespace["main"]()  # type: ignore[operator]
    written = sorted(p.relative_to(tmp_path / "content") for p in (tmp_path / "content").rglob("*") if p.is_file())
    assert written == sorted(p.relative_to(ENERGY) for p in ENERGY.rglob("*") if p.is_file())
    for rel in written:
        assert (tmp_path / "content" / rel).read_bytes() == (ENERGY / rel).read_bytes(), rel


def test_the_heat_map_shows_likelihood_against_impact_with_a_band_in_every_cell(public: Publication) -> None:
    table = heatmap(public, stage="residual")
    assert [c.name for c in table.columns] == ["Impact ↓ / Likelihood →", "1", "2", "3", "4", "6", "8", "9", "12", "16"]
    assert [row[0].text for row in table.rows] == ["4 Critical", "3 Severe", "2 Serious", "1 Minor"]
    bands = {"Low": (1, 8), "Medium": (9, 18), "High": (19, 36), "Very high": (37, 64)}
    placed = []
    for row in table.rows:
        impact = int(row[0].text.split()[0])
        for column, cell in zip(table.columns[1:], row[1:], strict=True):
            score = int(column.name) * impact
            assert cell.band is not None and cell.band.min <= score <= cell.band.max
            name = cell.parts[0].text  # type: ignore[union-attr]
            assert bands[name][0] <= score <= bands[name][1]  # the band in words, not colour alone
            ids = [p.text for p in cell.parts[1:] if p.text.startswith("R-")]  # type: ignore[union-attr]
            for risk_id in ids:
                values = public.get(risk_id, Risk).residual.values
                assert values["threat"] * values["vulnerability"] == int(column.name)
                assert values["impact"] == impact
            placed += ids
    assert sorted(placed) == sorted(r.id for r in public.risks if not r.withheld)
    assert len(placed) == 150  # the ten OFFICIAL risks stand as their public groups
    (note,) = table.notes
    assert note == (
        "150 risks placed by their residual likelihood (threat × vulnerability) and impact. "
        "Likelihood = threat × vulnerability; score = likelihood × impact. "
        "Each cell names its rating band; the IDs link to the risks."
    )


def test_a_cell_lists_exactly_its_risks(public: Publication) -> None:
    table = heatmap(public, stage="residual", threat="TH-CYBER")
    label = public.settings.scales.label
    expected: dict[tuple[str, str], list[str]] = {}
    for risk in public.risks:
        if risk.threat == "TH-CYBER" and not risk.withheld:
            v = risk.residual.values
            key = (f"{v['impact']} {label('impact', v['impact'])}", str(v["threat"] * v["vulnerability"]))
            expected.setdefault(key, []).append(risk.id)
    for row in table.rows:
        for column, cell in zip(table.columns[1:], row[1:], strict=True):
            ids = [p.text for p in cell.parts if isinstance(p, Link)]
            assert ids == sorted(expected.get((row[0].text, column.name), [])), (row[0].text, column.name)
    assert sum(len(v) for v in expected.values()) == 15


def test_coverage_shows_no_imo_column_for_a_replaced_catalogue(public: Publication) -> None:
    (table,) = risk_tables.coverage(public, View(show="coverage", location=HERE))
    assert [c.name for c in table.columns] == ["Threat category", "Status", "Risks", "Highest residual"]
    assert len(table.rows) == 10 and "Emerging" not in str(table.rows)


def test_coverage_of_an_extended_catalogue_numbers_the_imo_categories_only(tmp_path: Path) -> None:
    content = shutil.copytree(GENERAL, tmp_path / "content")
    yml = content / "publication.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("threat_catalogue: replace", "threat_catalogue: extend"))
    report = Report()
    publication = read_publication(content, report)
    assert publication is not None and not report.errors
    (table,) = risk_tables.coverage(publication, View(show="coverage", location=HERE))
    assert table.columns[0].name == "IMO No."
    numbers = [row[0].text for row in table.rows]
    assert numbers.count("Added") == 3 and sorted(n for n in numbers if n != "Added") == sorted(
        str(n) for n in range(1, 13)
    )
    assert table.notes[-1] == "Added: 3 categories of the publication's own."
