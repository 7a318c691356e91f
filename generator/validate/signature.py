"""A ``yaml signature`` block: the name, office, place and date of who signs a foreword.

It is read into a :class:`~generator.model.Signature`, a passage whose text is its lines,
so that the checks of prose (code words, leaks, editions) read it too.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.diagnostics import Report
from generator.load.source import DataBlock, SourceFile
from generator.load.yamlnodes import YMap, YNode
from generator.model import Signature
from generator.schema.chapters import SignatureFields
from generator.schema.choices import Choices
from generator.validate.schema_reader import SchemaReader

SIGNATURE = "signature"
"""The block kind."""


def read_signature(
    block: DataBlock, items: Sequence[YNode], file: SourceFile, choices: Choices, report: Report, level: str
) -> Signature | None:
    """The signature the block holds, or None (reported) when it cannot be read."""
    reader = SchemaReader(file, report, SIGNATURE, choices)
    if len(items) != 1 or not isinstance(items[0], YMap):
        node = items[0] if items else None
        where = file.at(node.line, node.col) if node is not None else block.location
        reader.report.error(
            where,
            "E-BLOCK-SHAPE",
            "a signature block holds one signature, as a mapping",
            "write 'name:', 'title:', 'place:' and 'date:', one signature to a block",
        )
        return None
    fields = reader.read(SignatureFields, items[0])
    if fields is None:
        return None
    signature = Signature(
        "",
        block.location.line,
        level,
        name=fields.name.strip(),
        role=fields.title.strip(),
        place=fields.place.strip(),
        date=fields.date,
    )
    signature.text = "\n".join(signature.lines)
    return signature
