"""Markers every test gets from where it lives.

``browser`` marks every test under ``tests/browser/``: each one launches Chromium. A test
that builds the print editions carries ``slow`` itself (``pytestmark`` in its module).
``pytest -m "not browser and not slow"`` runs the rest, the quick subset; plain ``pytest``
runs everything.
"""

from __future__ import annotations

from pathlib import Path

import pytest

BROWSER = Path(__file__).parent / "browser"


@pytest.hookimpl(tryfirst=True)  # before ``-m`` deselects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test under tests/browser/ ``browser``."""
    for item in items:
        if BROWSER in item.path.parents:
            item.add_marker(pytest.mark.browser)
