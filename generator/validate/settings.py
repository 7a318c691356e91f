"""Read ``publication.yml`` into :class:`Settings`, checking the scales hold together."""

from __future__ import annotations

import itertools
import re

from generator.diagnostics import Report
from generator.load.source import SourceFile
from generator.load.yamlnodes import YMap
from generator.model import Band, Document, Edition, Revision, ScaleLevel, Scales, Settings
from generator.validate.fields import ID_PATTERN, FieldReader
from generator.validate.ids import ID_HINT
from generator.validate.vocabulary import read_vocabulary

STATUSES = ("draft", "consultation", "approved", "superseded")
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
DEFAULT_LEVELS = ["PUBLIC", "OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET"]

FIELDS = (
    "title",
    "short_title",
    "subtitle",
    "country",
    "edition",
    "version",
    "date",
    "status",
    "language",
    "classification",
    "editions",
    "documents",
    "scales",
    "history",
    "threat_catalogue",
    "emblem",
    "vocabulary",
)


def read_settings(node: YMap, path: str, report: Report) -> Settings | None:
    """The publication's settings, or None when they are too broken to check content against."""
    file = SourceFile(rel_path="publication.yml", display_path=path)
    r = FieldReader(node, file, report, "publication")
    levels, default_level = _read_levels(r)
    scales = _read_scales(r)
    settings = Settings(
        title=r.text("title", required=True),
        short_title=r.text("short_title"),
        subtitle=r.text("subtitle"),
        country=r.text("country", required=True),
        edition=r.text("edition"),
        version=r.text("version", required=True),
        date=r.date("date", required=True),  # type: ignore[arg-type]
        status=r.choice("status", STATUSES, default="draft", required=True),
        language=r.text("language", default="en"),
        levels=levels,
        default_level=default_level,
        editions=_read_editions(r, levels),
        documents=_read_documents(r),
        scales=scales,  # type: ignore[arg-type]
        history=_read_history(r),
        threat_catalogue=r.choice("threat_catalogue", ("extend", "replace"), default="extend"),
        emblem=r.text("emblem") or None,
        vocabulary=read_vocabulary(r),
        path=path,
    )
    r.finish(FIELDS)
    if scales is None or settings.date is None:
        return None
    settings.short_title = settings.short_title or settings.title
    return settings


def _read_levels(r: FieldReader) -> tuple[list[str], str]:
    node = r.mapping("classification")
    if node is None:
        return list(DEFAULT_LEVELS), DEFAULT_LEVELS[0]
    c = r.child(node, "classification")
    levels = c.text_list("levels", required=True) or list(DEFAULT_LEVELS)
    seen: set[str] = set()
    for item in c.scalar_items("levels"):
        if item.text in seen:
            c.error(c.value_location(item), "E-SCALE", "levels", f"the level '{item.text}' is listed twice")
        seen.add(item.text)
    default = c.choice("default", levels, default=levels[0])
    c.finish(("levels", "default"))
    return levels, default


def _read_editions(r: FieldReader, levels: list[str]) -> list[Edition]:
    editions = []
    for path, node in r.mappings("editions"):
        e = r.child(node, path)
        edition = Edition(
            id=e.text("id", required=True),
            title=e.text("title", required=True),
            level=e.choice("level", levels, default=levels[0], required=True),
            url=e.text("url"),
        )
        if edition.url and not edition.url.startswith(("https://", "http://")):
            e.error(
                e.key_location("url"),
                "E-FIELD-TYPE",
                "url",
                f"'{edition.url}' is not a web address",
                "write the edition's address in full, e.g. https://strategy.gov.example/",
            )
        e.finish(("id", "title", "level", "url"))
        editions.append(edition)
    return editions or [Edition(id="public", title="Public edition", level=levels[0])]


def _read_documents(r: FieldReader) -> list[Document]:
    documents = []
    for path, node in r.mappings("documents"):
        d = r.child(node, path)
        chapters_node = d.raw("chapters")
        chapters = None
        if chapters_node is not None and not (hasattr(chapters_node, "text") and chapters_node.text == "all"):
            chapters = d.text_list("chapters")
        document = Document(id=d.text("id", required=True), title=d.text("title", required=True), chapters=chapters)
        if document.id and not ID_PATTERN.match(document.id):
            d.error(
                d.key_location("id"),
                "E-ID-FORMAT",
                "id",
                f"'{document.id}' is not a valid ID",
                ID_HINT,
            )
        d.finish(("id", "title", "chapters"))
        documents.append(document)
    return documents


def _read_history(r: FieldReader) -> list[Revision]:
    history = []
    for path, node in r.mappings("history"):
        h = r.child(node, path)
        day = h.date("date", required=True)
        revision = Revision(
            version=h.text("version", required=True),
            date=day,  # type: ignore[arg-type]
            summary=h.text("summary", required=True),
            author=h.text("author"),
        )
        h.finish(("version", "date", "summary", "author"))
        if day is not None:
            history.append(revision)
    return history


def _read_scales(r: FieldReader) -> Scales | None:
    node = r.mapping("scales", required=True)
    if node is None:
        return None
    s = r.child(node, "scales")
    factors = s.text_list("factors", required=True)
    if not factors:
        return None
    levels: dict[str, list[ScaleLevel]] = {}
    for factor in factors:
        steps = []
        for path, step_node in s.mappings(factor):
            st = s.child(step_node, path)
            score = st.integer("score", required=True, low=0, high=100)
            steps.append(
                ScaleLevel(score=score or 0, label=st.text("label", required=True), definition=st.text("definition"))
            )
            st.finish(("score", "label", "definition"))
        if not steps:
            s.error(
                s.key_location(factor),
                "E-SCALE",
                factor,
                f"the factor '{factor}' has no scale",
                f"add '{factor}:' with a list of {{score, label, definition}} steps",
            )
            return None
        levels[factor] = steps
    formula_text = s.text("formula", default=" * ".join(factors))
    formula = [part.strip() for part in formula_text.split("*")]
    for part in formula:
        if part not in factors:
            s.error(
                s.key_location("formula"),
                "E-SCALE",
                "formula",
                f"'{part}' is not one of the factors ({', '.join(factors)})",
                "the formula multiplies factors, e.g. 'likelihood * impact'",
            )
            return None
    dimensions = {}
    for path, dim_node in s.mappings("impact_dimensions"):
        d = s.child(dim_node, path)
        dim_id = d.text("id", required=True)
        dimensions[dim_id] = d.text("name", default=dim_id)
        d.finish(("id", "name"))
    bands = []
    for path, band_node in s.mappings("bands"):
        b = s.child(band_node, path)
        band = Band(
            name=b.text("name", required=True),
            min=b.integer("min", required=True) or 0,
            max=b.integer("max", required=True) or 0,
            colour=b.text("colour", default="#757575"),
        )
        if not _COLOUR.match(band.colour):
            b.error(
                b.key_location("colour"),
                "E-FIELD-TYPE",
                "colour",
                f"'{band.colour}' is not a colour",
                "write a colour as #rrggbb, e.g. #c62828",
            )
        b.finish(("name", "min", "max", "colour"))
        bands.append(band)
    s.finish(("factors", "formula", "impact_dimensions", "bands", *factors))
    scales = Scales(factors=factors, formula=formula, levels=levels, impact_dimensions=dimensions, bands=bands)
    if not _bands_cover(scales, s):
        return None
    return scales


def _bands_cover(scales: Scales, s: FieldReader) -> bool:
    """Check that every possible score falls in exactly one band."""
    possible = sorted(
        {
            scales.score(dict(zip(scales.factors, combo, strict=True)))
            for combo in itertools.product(*([lv.score for lv in scales.levels[f]] for f in scales.factors))
        }
    )
    where = s.key_location("bands")
    if not scales.bands:
        s.error(where, "E-SCALE", "bands", "there are no rating bands", "add bands with name, min, max and colour")
        return False
    ok = True
    for score in possible:
        holders = [b.name for b in scales.bands if b.min <= score <= b.max]
        if not holders:
            s.error(
                where,
                "E-SCALE",
                "bands",
                f"no band holds the score {score}",
                "make the bands' min and max cover every score without gaps",
            )
            ok = False
        elif len(holders) > 1:
            s.error(
                where,
                "E-SCALE",
                "bands",
                f"the score {score} falls in more than one band ({', '.join(holders)})",
                "make the bands' ranges not overlap",
            )
            ok = False
    return ok
