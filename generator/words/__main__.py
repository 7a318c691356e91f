"""``python -m generator.words``: write ``messages.txt``, every message ``say()`` is given in the source.

A message is the first argument of a call to ``say`` written as a string literal. A call
with anything else there (a variable, an f-string) is listed as a problem: its words could
never be found in a catalogue.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from generator.words import HERE

SOURCE = HERE.parent


def extract(source: Path = SOURCE) -> tuple[list[str], list[str]]:
    """The messages of every ``say("...")`` below ``source``, sorted; and the calls that give no literal."""
    found: set[str] = set()
    problems: list[str] = []
    for path in sorted(source.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "say":
                first = node.args[0] if node.args else None
                if isinstance(first, ast.Constant) and isinstance(first.value, str) and "\n" not in first.value:
                    found.add(first.value)
                else:
                    where = f"{path.relative_to(source.parent)}:{node.lineno}"
                    problems.append(f"{where}: say() needs a string literal of one line")
    return sorted(found), problems


def main() -> int:
    found, problems = extract()
    for problem in problems:
        print(problem, file=sys.stderr)
    (HERE / "messages.txt").write_text("".join(f"{m}\n" for m in found), encoding="utf-8")
    print(f"{len(found)} messages written to {HERE / 'messages.txt'}")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
