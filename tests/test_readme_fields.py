"""The README's field tables are the schemas': a changed field fails here until the README follows.

``python -m generator.schema.docs README.md`` rewrites them.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pytest
from pydantic import Field

from generator.schema import docs
from generator.schema.entities import ENTITY_SCHEMAS, AgencyFields
from generator.schema.types import Text

README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.mark.parametrize("name", sorted(docs.SECTIONS))
def test_the_readme_holds_the_generated_table(name: str) -> None:
    held = docs.sections_of(README.read_text(encoding="utf-8"))[name]
    assert held is not None, f"README.md lacks <!-- fields:{name} --> ... <!-- /fields:{name} -->"
    assert held == "\n" + docs.SECTIONS[name]() + "\n\n", "the README is out of date: python -m generator.schema.docs"


def test_a_new_field_changes_the_table(monkeypatch: pytest.MonkeyPatch) -> None:
    class Extended(AgencyFields):
        KIND: ClassVar[str] = "agency"
        website: Text = Field("", description="the agency's web address")

    monkeypatch.setitem(ENTITY_SCHEMAS, "agency", Extended)
    assert "| `website` | text |  | the agency's web address |" in docs.entities()
    held = docs.sections_of(README.read_text(encoding="utf-8"))["entities"]
    assert held != "\n" + docs.entities() + "\n\n"


def test_the_tables_name_types_defaults_and_what_can_be_withheld() -> None:
    tables = docs.entities()
    assert "| `imo` | whole number from 1 to 12 |  |" in tables
    assert "| `malicious` | yes/no | yes | whether the threat is caused on purpose |" in tables
    assert "| `tier` | `national`, `sub-committee`, `port`, `working-group`, or one of the publication's own" in tables
    assert "| `members` | IDs of agencies |  | its member agencies |" in tables
    assert "| `key_assets` | list of texts |  | what would be harmed |" in tables
    assert "| `id` | value | required |" in docs.publication()  # a vocabulary item's value
    assert "`restricted:` may withhold any optional field; of the required ones: `title`, `inherent`" in tables
    assert "`indicator`" not in tables or "of the required ones: `name`." in tables
