"""The README's field tables, written from the schemas.

    python -m generator.schema.docs [README.md]

rewrites every generated section of the README: the text between ``<!-- fields:NAME -->``
and ``<!-- /fields:NAME -->``. ``tests/test_readme_fields.py`` fails when the README and the
schemas disagree, so a field added to a schema is documented before it lands.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.diagnostics import article
from generator.model.kinds import KINDS
from generator.model.vocabulary import Vocabularies
from generator.schema.chapters import VIEW_DESCRIPTIONS, VIEW_OPTIONS, FrontMatterFields, SignatureFields, ViewFields
from generator.schema.entities import ENTITY_SCHEMAS, EntityFields
from generator.schema.publication import PublicationFields
from generator.schema.slots import Slot, extra_slot, slots, withholdable
from generator.schema.types import Scores

_HEADER = "| field | value | default | meaning |\n|---|---|---|---|"


def _kind_words(kind: str, *, plural: bool) -> str:
    label = KINDS[kind].label if kind in KINDS else None
    if label is None:
        return kind
    return label.plural if plural else f"{article(label.singular)} {label.singular}"


def _bounds(slot: Slot) -> str:
    low, high = slot.bounds
    return f" from {low} to {high}" if low is not None and high is not None else ""


def value(slot: Slot) -> str:
    """What a field holds, in words."""
    if slot.refers:
        if slot.shape == "list":
            return "IDs of " + " or ".join(_kind_words(k, plural=True) for k in slot.refers)
        return "the ID of " + " or ".join(_kind_words(k, plural=False) for k in slot.refers)
    one_of = slot.one_of
    if one_of is not None:
        if slot.shape == "map":
            return "{field: level}"
        if one_of.levels:
            return "one of the publication's levels"
        if one_of.vocabulary:
            values = Vocabularies().named(one_of.vocabulary).values
            return ", ".join(f"`{v}`" for v in values) + f", or one of the publication's own (`{one_of.vocabulary}`)"
        return ", ".join(f"`{v}`" for v in one_of.fixed.values) if one_of.fixed else "text"
    scores = slot.marker(Scores)
    if scores is not None:
        return "{factor: score}, every score factor" if scores.factors else "{dimension: score}"
    if slot.shape == "model" and slot.inner is not None:
        return "a mapping: " + ", ".join(f"`{key}`" for key in slots(slot.inner))
    if slot.shape == "models" and slot.inner is not None:
        return "a list of {" + ", ".join(f"`{key}`" for key in slots(slot.inner)) + "}"
    if slot.shape == "map":
        return "{key: " + slot.named + "}"
    return slot.named + _bounds(slot)


def default(slot: Slot) -> str:
    """The default, as a drafter would write it; 'required' for a required field."""
    if not slot.has_default:
        return "required"
    given: Any = slot.default()
    if given in (None, "", [], {}) or isinstance(given, BaseModel):
        return ""
    if isinstance(given, bool):
        return "yes" if given else "no"
    return f"`{given}`"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _row(slot: Slot, name: str) -> str:
    return f"| `{name}` | {_cell(value(slot))} | {default(slot)} | {_cell(slot.info.description or '')} |"


def table(schema: type[BaseModel], *, skip: tuple[str, ...] = ()) -> str:
    """One schema's fields as a Markdown table."""
    rows = [_row(slot, key) for key, slot in slots(schema).items() if key not in skip]
    return "\n".join([_HEADER, *rows])


def _nested(schema: type[BaseModel], prefix: str) -> Iterator[tuple[str, type[BaseModel]]]:
    """The nested schemas below a schema, each with the path a drafter writes: ``controls[]``, ``raci``."""
    for key, slot in slots(schema).items():
        if slot.inner is not None:
            path = f"{prefix}{key}[]" if slot.shape == "models" else f"{prefix}{key}"
            yield path, slot.inner
            yield from _nested(slot.inner, f"{path}.")
    extra = extra_slot(schema)
    if extra is not None and extra.inner is not None:
        yield f"{prefix}<factor>[]", extra.inner


_COMMON = tuple(EntityFields.model_fields)


def _withheld(schema: type[EntityFields]) -> str:
    """Which required fields ``restricted:`` may withhold (every optional one may)."""
    required = [key for key, slot in slots(schema).items() if key not in _COMMON and not slot.has_default]
    allowed = [f"`{key}`" for key in required if withholdable(schema, key)]
    shown = ", ".join(allowed) if allowed else "none"
    return f"`restricted:` may withhold any optional field; of the required ones: {shown}."


def entities() -> str:
    """The fields every entity has, then each kind's own."""
    parts = ["Every entity has these fields:", "", table(EntityFields)]
    for kind, spec in KINDS.items():
        schema = ENTITY_SCHEMAS[kind]
        parts += ["", f"**{kind}** ({spec.label.plural}): {schema.DESCRIPTION}", ""]
        parts += [table(schema, skip=_COMMON), "", _withheld(schema)]
        for path, inner in _nested(schema, ""):
            parts += ["", f"`{kind}.{path}`:", "", table(inner)]
    return "\n".join(parts)


def front_matter() -> str:
    """The front matter of a chapter."""
    return table(FrontMatterFields)


def views() -> str:
    """Every view, what it renders and the options it takes."""
    options = slots(ViewFields)
    rows = ["| `show` | what it renders | options |", "|---|---|---|"]
    for show, renders in VIEW_DESCRIPTIONS.items():
        taken = ", ".join(f"`{key}` ({value(options[key])})" for key in VIEW_OPTIONS.get(show, ()))
        rows.append(f"| `{show}` | {renders} | {taken} |")
    base = ("title", "classification")
    rows += ["", "Every view also takes " + " and ".join(f"`{k}` ({options[k].info.description})" for k in base) + "."]
    return "\n".join(rows)


def signature() -> str:
    """A ``yaml signature`` block."""
    return table(SignatureFields)


def publication() -> str:
    """``publication.yml`` and its nested mappings."""
    parts = [table(PublicationFields)]
    for path, inner in _nested(PublicationFields, ""):
        parts += ["", f"`{path}`:", "", table(inner)]
    return "\n".join(parts)


SECTIONS: dict[str, Callable[[], str]] = {
    "front-matter": front_matter,
    "entities": entities,
    "views": views,
    "signature": signature,
    "publication": publication,
}
"""Each generated section of the README, by its marker name."""


def _pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"(<!-- fields:{name} -->\n)(.*?)(<!-- /fields:{name} -->)", re.DOTALL)


def sections_of(text: str) -> dict[str, str | None]:
    """What the README holds in each generated section (None where the markers are missing)."""
    found: dict[str, str | None] = {}
    for name in SECTIONS:
        match = _pattern(name).search(text)
        found[name] = match.group(2) if match else None
    return found


def rewrite(text: str) -> str:
    """The README with every generated section written afresh."""
    for name, make in SECTIONS.items():
        text = _pattern(name).sub(_section(make()), text)
    return text


def _section(body: str) -> Callable[[re.Match[str]], str]:
    return lambda match: match.group(1) + "\n" + body + "\n\n" + match.group(3)


def main(argv: list[str]) -> int:
    path = Path(argv[0] if argv else "README.md")
    text = path.read_text(encoding="utf-8")
    missing = [name for name, held in sections_of(text).items() if held is None]
    if missing:
        print(f"{path}: no markers for {', '.join(missing)} (<!-- fields:NAME --> ... <!-- /fields:NAME -->)")
        return 1
    new = rewrite(text)
    if new != text:
        path.write_text(new, encoding="utf-8")
        print(f"{path}: field tables rewritten")
    else:
        print(f"{path}: field tables up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
