"""The publication's own identity in ``publication.yml``: issuer, emblem, imprint and accessibility statement.

The emblem is printed on every cover and may stand on the web: it must be an SVG or PNG
file of the content folder, safe to publish (see :mod:`generator.load.images`), and have
alternative text, since a tagged PDF/UA-1 and an accessible EPUB need one for every image.
"""

from __future__ import annotations

from pathlib import Path

from generator.diagnostics import Location
from generator.load.images import check_image
from generator.load.yamlnodes import YMap
from generator.model.settings import Accessibility, Imprint
from generator.schema.publication import AccessibilityFields, PublicationFields
from generator.validate.schema_reader import SchemaReader

EMBLEM_FORMATS = (".svg", ".png")
"""The emblem's formats: both print sharp on a cover and show in every output."""


def read_imprint(fields: PublicationFields) -> Imprint:
    i = fields.imprint
    if i is None:
        return Imprint()
    return Imprint(
        reference=i.reference,
        copyright=i.copyright,
        licence=i.licence,
        contact=i.contact,
        alternative_formats=i.alternative_formats,
    )


def read_accessibility(fields: PublicationFields) -> Accessibility:
    """What the accessibility statement says: the publication's own words, the imprint's where it gives none."""
    a = fields.accessibility or AccessibilityFields.model_validate({})
    imprint = fields.imprint
    return Accessibility(
        body=a.body or fields.issuer,
        law=a.law,
        contact=a.contact or (imprint.contact if imprint else ""),
        alternative_formats=a.alternative_formats or (imprint.alternative_formats if imprint else ""),
        response=a.response,
        enforcement=a.enforcement,
        reviewed=a.reviewed,
        tested_by=a.tested_by,
        known_issues=tuple(a.known_issues),
    )


def check_emblem(fields: PublicationFields, node: YMap, r: SchemaReader, root: Path | None) -> str | None:
    """The emblem's path below the content folder when it can be printed; None (reported) otherwise."""
    emblem = fields.emblem.strip()
    where = _value_at(node, "emblem", r)
    if not emblem:
        if fields.emblem_alt:
            r.error(
                _value_at(node, "emblem_alt", r),
                "E-EMBLEM",
                ("emblem_alt",),
                "there is alternative text but no emblem",
                "give the emblem's file in 'emblem:', or delete 'emblem_alt:'",
            )
        return None
    ok = True
    if not fields.emblem_alt.strip():
        r.error(
            where,
            "E-EMBLEM",
            ("emblem_alt",),
            f"the emblem '{emblem}' has no alternative text",
            "say what it shows in 'emblem_alt:', e.g. 'Emblem of the Republic of Solmara'",
        )
        ok = False
    if not emblem.lower().endswith(EMBLEM_FORMATS):
        r.error(
            where,
            "E-EMBLEM",
            ("emblem",),
            f"the emblem '{emblem}' is not an SVG or PNG file",
            "save the emblem as SVG (best: it prints sharp at any size) or PNG",
        )
        return None
    if root is None:
        return emblem if ok else None
    real_root = root.resolve()
    path = root / emblem
    if emblem.startswith("/") or not path.resolve().is_relative_to(real_root):
        r.error(where, "E-EMBLEM", ("emblem",), f"the emblem '{emblem}' is outside the content folder", _HINT)
        return None
    if not path.is_file():
        r.error(where, "E-EMBLEM", ("emblem",), f"the emblem '{emblem}' does not exist", _HINT)
        return None
    before = len(r.report.errors)
    check_image(path, real_root, emblem, where, r.report)  # a link, a mislabelled or an unsafe file
    return emblem if ok and len(r.report.errors) == before else None


_HINT = "give the emblem's path below the content folder, e.g. 'emblem: images/emblem.svg'"


def _value_at(node: YMap, key: str, r: SchemaReader) -> Location:
    value = node.items.get(key)
    return r.at(value) if value is not None else r.key_location(node, key)
