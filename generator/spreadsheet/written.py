"""The entities as the content writes them: each one's mapping, its file and the lines it stands on.

Export reads the values from here (as written, not as resolved: a sheet round-trips to the
same bytes), and import edits these lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.load.source import DataBlock, LoadedContent, SourceFile
from generator.load.yamlnodes import YMap, YSeq
from generator.schema import ENTITY_SCHEMAS


@dataclass(slots=True)
class Written:
    """One entity's mapping in its data block."""

    kind: str
    id: str
    node: YMap
    file: SourceFile
    block: DataBlock
    end: int
    """The line after the entity's last line: the next list item's, or the block's closing fence."""
    in_list: bool
    """Whether the block holds a list of entities (``- id: ...``)."""

    @property
    def data(self) -> dict[str, Any]:
        return self.node.data or {}


def written_entities(content: LoadedContent) -> list[Written]:
    """Every entity a data block writes, in file order (built-in threats are written nowhere)."""
    found: list[Written] = []
    for file in content.files:
        for block in file.blocks:
            if block.kind not in ENTITY_SCHEMAS or block.failed:
                continue
            data = block.data
            if isinstance(data, YMap):
                found.extend(_one(block.kind, data, file, block, block.end_line, in_list=False))
            elif isinstance(data, YSeq):
                maps = [item for item in data.items if isinstance(item, YMap)]
                if not maps:
                    continue
                ends = [item.line for item in maps[1:]] + [block.end_line]
                for item, end in zip(maps, ends, strict=True):
                    found.extend(_one(block.kind, item, file, block, end, in_list=True))
    return found


def _one(kind: str, node: YMap, file: SourceFile, block: DataBlock, end: int, *, in_list: bool) -> list[Written]:
    entity_id = (node.data or {}).get("id")
    if not isinstance(entity_id, str):
        return []
    return [Written(kind, entity_id.strip(), node, file, block, end, in_list)]
