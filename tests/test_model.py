"""The model: scores and bands are computed once, from the publication's scales."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import Report
from generator.model import Band, Raci, Risk, ScaleLevel, Scales
from generator.pipeline import read_publication

MINIMAL = Path(__file__).parent / "roots" / "minimal" / "content"


@pytest.fixture(scope="module")
def publication():  # type: ignore[no-untyped-def]
    report = Report()
    result = read_publication(MINIMAL, report)
    assert result is not None and not report.diagnostics
    return result


def _scales() -> Scales:
    levels = [ScaleLevel(score, str(score)) for score in range(1, 6)]
    return Scales(
        factors=["likelihood", "impact"],
        formula=["likelihood", "impact"],
        levels={"likelihood": levels, "impact": levels},
        impact_dimensions={},
        bands=[
            Band("Low", 1, 4, "#2e7d32"),
            Band("Medium", 5, 9, "#f9a825"),
            Band("High", 10, 15, "#ef6c00"),
            Band("Very high", 16, 25, "#c62828"),
        ],
    )


@pytest.mark.parametrize(
    ("likelihood", "impact", "score", "band"),
    [
        (1, 1, 1, "Low"),
        (2, 2, 4, "Low"),
        (1, 5, 5, "Medium"),
        (3, 3, 9, "Medium"),
        (2, 5, 10, "High"),
        (3, 5, 15, "High"),
        (4, 4, 16, "Very high"),
        (5, 5, 25, "Very high"),
    ],
)
def test_score_and_band(likelihood: int, impact: int, score: int, band: str) -> None:
    scales = _scales()
    computed = scales.score({"likelihood": likelihood, "impact": impact})
    assert computed == score
    assert scales.band_for(computed).name == band


def test_three_factor_formula() -> None:
    scales = _scales()
    scales.factors.append("vulnerability")
    scales.formula.append("vulnerability")
    assert scales.score({"likelihood": 2, "impact": 3, "vulnerability": 4}) == 24


def test_risk_assessments_are_computed_in_the_model(publication) -> None:  # type: ignore[no-untyped-def]
    risk = publication.get("R-THEFT-01", Risk)
    assert (risk.inherent.score, risk.inherent.band.name) == (6, "High")
    assert (risk.residual.score, risk.residual.band.name) == (4, "Medium")
    assert (risk.target.score, risk.target.band.name) == (2, "Low")
    assert risk.impact_dimensions == {"economic": 2}


def test_relations(publication) -> None:  # type: ignore[no-untyped-def]
    risk = publication.get("R-THEFT-01", Risk)
    assert [o.id for o in publication.objectives_of_risk(risk)] == ["OBJ-1"]
    assert [a.id for a in publication.actions_of_risk(risk)] == ["ACT-01"]
    referrers = publication.referrers("R-THEFT-01")
    assert [getattr(r, "id", getattr(r, "path", None)) for r in referrers] == ["OBJ-1", "ACT-01", "plan.md"]


def test_raci_letters() -> None:
    raci = Raci(responsible="A", accountable="A", consulted=["B"], informed=["C"])
    assert [raci.role_of(x) for x in "ABCD"] == ["R/A", "C", "I", ""]


def test_builtin_threat_catalogue_is_replaced(publication) -> None:  # type: ignore[no-untyped-def]
    assert [t.id for t in publication.threats] == ["TH-THEFT", "TH-SPILL"]
