"""Data files: entities kept in a plain YAML file instead of a chapter's data blocks.

A data file holds one kind of entity, and may carry a level for all of them::

    kind: risk
    classification: OFFICIAL      # optional
    entities:
      - id: R-PIR-01
        title: ...

It is read like one data block of that kind (every diagnostic at its ``file:line``), but it is
no chapter: its entities appear in the views, the indexes and their own pages. An editor
checks it as you type against the schema ``charter schema`` writes (``data-file.schema.json``).
"""

from __future__ import annotations

from generator.diagnostics import Report
from generator.load import yamlnodes
from generator.load.source import DataBlock, SourceFile
from generator.load.yamlnodes import YamlProblem, YMap, YScalar

DATA_SUFFIXES = (".yml", ".yaml")
KEYS = ("kind", "classification", "entities")


def is_data_file(rel_path: str) -> bool:
    """Whether a content file is a data file (by its name)."""
    return rel_path.endswith(DATA_SUFFIXES)


def parse_data_file(text: str, file: SourceFile, report: Report) -> None:
    """Read a data file into ``file``: one data block, and its level as front matter; problems to ``report``."""
    file.data_only = True
    try:
        node = yamlnodes.parse(text, first_line=1)
    except YamlProblem as problem:
        report.error(file.at(problem.line, problem.col), problem.code, f"data file: {problem.message}", problem.hint)
        return
    if not isinstance(node, YMap):
        report.error(
            file.at(1),
            "E-DATA-FILE",
            "a data file is a mapping with 'kind:' and 'entities:'",
            "start the file with 'kind: risk' (or agency, action, ...), then 'entities:' and a list of them",
        )
        return
    for key, (line, col) in node.key_pos.items():
        if key not in KEYS:
            report.error(
                file.at(line, col),
                "E-DATA-FILE",
                f"unknown key '{key}' in a data file",
                "a data file holds only kind, classification and entities",
            )
    kind = node.items.get("kind")
    if not isinstance(kind, YScalar) or kind.is_null:
        report.error(
            file.at(node.line, node.col),
            "E-DATA-FILE",
            "the data file does not say which kind of entity it holds",
            "add 'kind: risk' (or agency, committee, threat, objective, action, indicator, phase, acronym)",
        )
        return
    if "classification" in node.items:
        level = YMap(
            {"classification": node.items["classification"]}, {"classification": node.key_pos["classification"]}
        )
        level.data = {"classification": (node.data or {}).get("classification")}
        file.front_matter = level
    entities = node.items.get("entities")
    line = node.key_pos["kind"][0]
    after = [at for at, _ in node.key_pos.values() if at > node.key_pos.get("entities", (line, 1))[0]]
    block = DataBlock(
        kind=kind.text.strip(),
        data=None if entities is None or (isinstance(entities, YScalar) and entities.is_null) else entities,
        location=file.at(line, 1),
        kind_col=kind.col,
        end_line=min(after, default=len(text.rstrip("\n").split("\n")) + 1),  # a key after the list, or the end
        text=text,
    )
    file.segments.append(block)
