"""Read ``publication.yml`` into :class:`Settings`, checking the scales hold together.

The fields are those of :class:`~generator.schema.publication.PublicationFields`; what spans
fields is checked here: the levels listed once, the factors each with a scale, the formula
naming factors, and the bands covering every possible score once.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from generator.diagnostics import Location, Report
from generator.load.source import SourceFile
from generator.load.yamlnodes import YMap, YNode, YScalar, YSeq
from generator.model import Band, Document, Edition, Language, Revision, ScaleLevel, Scales, Settings
from generator.model.markings import marking_styles
from generator.model.settings import direction_of
from generator.schema import DEFAULT_LEVELS, PublicationFields
from generator.schema.choices import Choices
from generator.schema.publication import ScalesFields
from generator.validate.heatmap import read_heatmap
from generator.validate.identity import check_emblem, read_accessibility, read_imprint
from generator.validate.ids import ID_HINT, ID_PATTERN
from generator.validate.schema_reader import SchemaReader, node_at
from generator.validate.vocabulary import read_vocabulary
from generator.words import gaps, messages

SCALE_KEYS = tuple(ScalesFields.model_fields)


def read_settings(node: YMap, path: str, report: Report, root: Path | None = None) -> Settings | None:
    """The publication's settings, or None when they are too broken to check content against.

    ``root`` is the content folder, where the emblem must be (not looked for when None).
    """
    file = SourceFile(rel_path="publication.yml", display_path=path)
    r = SchemaReader(file, report, "publication", Choices.of(None))
    node = _without_stray_scale_keys(node, r)
    fields = r.read(PublicationFields, node, choose=lambda f: _choices(f, node, r))
    if fields is None:
        return None
    levels = list(fields.classification.levels) if fields.classification else list(DEFAULT_LEVELS)
    levels = levels or list(DEFAULT_LEVELS)
    scales = _read_scales(fields.scales, node_at(node, ("scales",)), r) if fields.scales is not None else None
    if scales is None or fields.date is None:
        return None  # content cannot be checked without scales, nor dated without a date; both reported
    editions = [Edition(**e.__dict__) for e in fields.editions]
    settings = Settings(
        title=fields.title,
        short_title=fields.short_title or fields.title,
        subtitle=fields.subtitle,
        country=fields.country,
        edition=fields.edition,
        version=fields.version,
        date=fields.date,
        status=fields.status,
        language=fields.language,
        levels=levels,
        default_level=(fields.classification.default if fields.classification else None) or levels[0],
        editions=editions or [Edition(id="public", title="Public edition", level=levels[0])],
        documents=_read_documents(fields, node, r),
        scales=scales,
        history=[Revision(**h.__dict__) for h in fields.history],
        threat_catalogue=fields.threat_catalogue,
        emblem=check_emblem(fields, node, r, root),
        emblem_alt=fields.emblem_alt.strip(),
        issuer=fields.issuer,
        imprint=read_imprint(fields),
        accessibility=read_accessibility(fields),
        markings=marking_styles(levels, _read_colours(fields, levels, node, r)),
        vocabulary=read_vocabulary(fields.vocabulary, node_at(node, ("vocabulary",)), r),
        path=path,
        languages=_read_languages(fields, node, r),
    )
    return settings


def _check_words(code: str, location: Location, r: SchemaReader) -> None:
    """A warning when Charter cannot write its own words (captions, headers, notices) in a language."""
    missing = gaps(code)
    if not missing:
        return
    shown = "; ".join(f"'{m}'" for m in missing[:3])
    some = "any" if len(missing) == len(messages()) else f"{len(missing)} of the {len(messages())}"
    r.report.warning(
        location,
        "W-MESSAGE-MISSING",
        f"Charter's catalogue has no {code} for {some} words it writes itself (such as {shown}): "
        f"the {code} pages show them in English",
        f"add them to generator/words/{code}/ (English message: translation), or tell the Charter team",
    )


def _read_languages(fields: PublicationFields, node: YMap, r: SchemaReader) -> list[Language]:
    """The languages it is published in, its own first: each once, the default among them."""
    default = fields.language
    languages: dict[str, Language] = {}
    where = node_at(node, ("languages",))
    for index, entry in enumerate(fields.languages):
        at = node_at(where, (index,))
        location = r.at(at) if at is not None else r.file.at(1)
        if entry.code in languages:
            r.error(
                location,
                "E-LANGUAGE-TWICE",
                ("languages", index),
                f"the language {entry.code} is listed twice",
                "list each language once",
            )
            continue
        direction = entry.dir if entry.dir in ("rtl", "ltr") else direction_of(entry.code)
        languages[entry.code] = Language(entry.code, entry.name or entry.code, direction, entry.required)
        _check_words(entry.code, location, r)
    if languages and default not in languages:
        r.error(
            r.key_location(node, "languages"),
            "E-LANGUAGE-DEFAULT",
            ("languages",),
            f"the publication's language ({default}) is not among its languages",
            f"add '- {{code: {default}}}' to languages, or set 'language:' to the one the content is written in",
        )
    own = languages.pop(default, None) or Language(default, default, direction_of(default))
    return [own, *languages.values()]


def _read_colours(fields: PublicationFields, levels: list[str], node: YMap, r: SchemaReader) -> dict[str, str]:
    """The marking colours the publication sets, each for one of its levels."""
    colours = dict(fields.classification.colours) if fields.classification else {}
    where = node_at(node, ("classification", "colours"))
    for level in [level for level in colours if level not in levels]:
        del colours[level]
        r.error(
            r.key_location(where, level) if isinstance(where, YMap) else r.file.at(1),
            "E-MARKING-LEVEL",
            ("classification", "colours", level),
            f"'{level}' is not one of the classification levels ({', '.join(levels)})",
            "give a colour to a level listed in classification.levels",
        )
    return colours


def _choices(fields: PublicationFields, node: YMap, r: SchemaReader) -> Choices:
    """The levels the publication lists (each once), for the fields that name one."""
    if fields.classification is None or not fields.classification.levels:
        return Choices.of(None)
    items = node_at(node, ("classification", "levels"))
    seen: set[str] = set()
    for index, level in enumerate(fields.classification.levels):
        if level in seen:
            item = node_at(items, (index,)) if isinstance(items, YSeq) else items
            where = r.at(item) if item is not None else r.file.at(1)
            r.error(where, "E-SCALE", ("classification", "levels"), f"the level '{level}' is listed twice")
        seen.add(level)
    return Choices(tuple(fields.classification.levels))


def _without_stray_scale_keys(node: YMap, r: SchemaReader) -> YMap:
    """``scales`` holds one key per factor besides its own: any other key is reported, then left out."""
    scales = node.items.get("scales")
    if not isinstance(scales, YMap):
        return node
    factors_node = scales.items.get("factors")
    factors = [
        item.text.strip()
        for item in (factors_node.items if isinstance(factors_node, YSeq) else [factors_node])
        if isinstance(item, YScalar) and not item.is_null
    ]
    known = [*SCALE_KEYS, *factors]
    stray = [key for key in scales.items if key not in known]
    if not stray or not factors:  # without factors, no key can be told from a factor's scale
        return node
    for key in stray:
        r.unknown(scales, key, ("scales", key), known)
    kept = YMap(
        {k: v for k, v in scales.items.items() if k not in stray},
        {k: v for k, v in scales.key_pos.items() if k not in stray},
        scales.line,
        scales.col,
    )
    return YMap({**node.items, "scales": kept}, node.key_pos, node.line, node.col)


def _read_documents(fields: PublicationFields, node: YMap, r: SchemaReader) -> list[Document]:
    documents = []
    for index, d in enumerate(fields.documents):
        chapters = None if d.chapters is None or d.chapters == ["all"] else list(d.chapters)
        at = r.original(("documents",), index)
        where = node_at(node, ("documents", at))
        if not ID_PATTERN.match(d.id):
            r.error(
                _key(r, where, "id"), "E-ID-FORMAT", ("documents", at, "id"), f"'{d.id}' is not a valid ID", ID_HINT
            )
        if d.kind == "progress-report" and chapters is None:
            r.error(
                _key(r, where, "chapters"),
                "E-DOCUMENT-CHAPTERS",
                ("documents", at, "chapters"),
                "a progress report carries chapters of its own, not 'all'",
                "list its chapters, e.g. chapters: [progress/2027.md]",
            )
        documents.append(Document(id=d.id, title=d.title, chapters=chapters, kind=d.kind, date=d.date))
    return documents


def _key(r: SchemaReader, where: YNode | None, name: str) -> Location:
    """Where a document's field is written (the file's start when its entry is not a mapping)."""
    return r.key_location(where, name) if isinstance(where, YMap) else r.file.at(1)


def _read_scales(fields: ScalesFields, node: YNode | None, r: SchemaReader) -> Scales | None:
    factors = list(fields.factors)
    if not factors or not isinstance(node, YMap):
        return None
    steps = fields.model_extra or {}
    levels: dict[str, list[ScaleLevel]] = {}
    for factor in factors:
        if not steps.get(factor):
            r.error(
                r.key_location(node, factor),
                "E-SCALE",
                ("scales", factor),
                f"the factor '{factor}' has no scale",
                f"add '{factor}:' with a list of {{score, label, definition}} steps",
            )
            return None
        levels[factor] = [ScaleLevel(**step.__dict__) for step in steps[factor]]
    formula = [part.strip() for part in (fields.formula or " * ".join(factors)).split("*")]
    for part in formula:
        if part not in factors:
            r.error(
                r.key_location(node, "formula"),
                "E-SCALE",
                ("scales", "formula"),
                f"'{part}' is not one of the factors ({', '.join(factors)})",
                "the formula multiplies factors, e.g. 'likelihood * impact'",
            )
            return None
    dimensions = {d.id: d.name or d.id for d in fields.impact_dimensions}
    bands = [Band(**b.__dict__) for b in fields.bands]
    scales = Scales(
        factors=factors,
        formula=formula,
        levels=levels,
        impact_dimensions=dimensions,
        bands=bands,
        heatmap=read_heatmap(fields.heatmap, factors, formula, node, r),
    )
    scales.bands_cover = _bands_cover(scales, node, r)  # a gap is reported, and the content still checked
    return scales


def _bands_cover(scales: Scales, node: YMap, r: SchemaReader) -> bool:
    """Check that every possible score falls in exactly one band."""
    possible = sorted(
        {
            scales.score(dict(zip(scales.factors, combo, strict=True)))
            for combo in itertools.product(*([lv.score for lv in scales.levels[f]] for f in scales.factors))
        }
    )
    where = r.key_location(node, "bands")
    path = ("scales", "bands")
    if not scales.bands:
        r.error(where, "E-SCALE", path, "there are no rating bands", "add bands with name, min, max and colour")
        return False
    ok = True
    for score in possible:
        holders = [b.name for b in scales.bands if b.min <= score <= b.max]
        if not holders:
            r.error(
                where,
                "E-SCALE",
                path,
                f"no band holds the score {score}",
                "make the bands' min and max cover every score without gaps",
            )
            ok = False
        elif len(holders) > 1:
            r.error(
                where,
                "E-SCALE",
                path,
                f"the score {score} falls in more than one band ({', '.join(holders)})",
                "make the bands' ranges not overlap",
            )
            ok = False
    return ok
