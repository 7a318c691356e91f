"""The DOCX's file properties, as Word's Info pane shows them: the edition's title, the publication's date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest

from generator.render_print.names import file_stem
from tests.print.conftest import Built

pytestmark = pytest.mark.slow  # builds and reads print editions


@pytest.fixture(scope="module", params=["sample", "energy"])
def built(request: pytest.FixtureRequest) -> Built:
    return request.getfixturevalue(request.param)


def test_properties_name_the_edition_and_date_the_publication_not_the_build(built: Built) -> None:
    settings = built.whole.settings
    stems = {file_stem(settings, d, e): (d, e) for d in settings.documents for e in (settings.editions or [None])}
    files = [d.filename for d in built.downloads if d.format == "DOCX"]
    assert files
    for name in files:
        document, edition = stems[Path(name).stem]
        midnight = dt.datetime.combine(document.date or settings.date, dt.time())  # a progress report: its own
        properties = docx.Document(str(built.out_dir / name)).core_properties
        assert properties.created is not None and properties.modified is not None
        assert (properties.created.replace(tzinfo=None), properties.modified.replace(tzinfo=None)) == (midnight,) * 2
        assert document.title in properties.title
        if edition is not None and len(settings.editions) > 1:
            assert edition.title in properties.title, properties.title
