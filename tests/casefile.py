"""Read diagnostic case files: a mutation of a sample publication and the expected output.

A case file reads::

    # what the case is about (any number of comment lines)
    ## args: check content --strict
    ## edit register.md
    - lead: AG-POLICE
    + lead: AG-POLICEE
    ## write extra.md
    (the whole file, up to the next '## ' line)
    ## delete plan.md
    ## expect 1
    content/register.md:25:7: error[E-REF-UNKNOWN]: ...

A ``write`` section writes a line that starts with ``##`` as ``\\##`` (``\\## Tasking``), so that
it is not read as the next section. ``edit`` replaces the first line equal to each ``-`` line with the ``+`` line that
follows it (a ``-`` line with no ``+`` deletes it). Paths are relative to the content folder.
The ``expect`` section is compared with everything the command printed, exactly.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Case:
    """One parsed case file."""

    name: str
    args: list[str] = field(default_factory=lambda: ["check", "content"])
    writes: dict[str, bytes] = field(default_factory=dict)
    edits: list[tuple[str, list[tuple[str, str | None]]]] = field(default_factory=list)
    deletes: list[str] = field(default_factory=list)
    exit_code: int = 1
    expected: str = ""

    def apply(self, base: Path, work: Path) -> Path:
        """Copy ``base`` to ``work`` and apply the mutation; returns the project folder."""
        shutil.copytree(base, work, symlinks=True)
        content = work / "content"
        for rel in self.deletes:
            target = content / rel
            if target.is_dir():
                shutil.rmtree(target)
            else:
                target.unlink()
        for rel, pairs in self.edits:
            path = content / rel
            lines = path.read_text(encoding="utf-8").split("\n")
            for old, new in pairs:
                index = lines.index(old)  # a case that names a missing line is a broken case
                if new is None:
                    del lines[index]
                else:
                    lines[index] = new
            path.write_text("\n".join(lines), encoding="utf-8")
        for rel, data in self.writes.items():
            path = content / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        return work


def _unescape(text: str) -> bytes:
    r"""Case files may write raw bytes as \xNN and a tab as \t inside 'write' sections."""
    return text.encode("utf-8").decode("unicode_escape").encode("latin-1")


def parse_case(path: Path) -> Case:
    """Parse a case file."""
    case = Case(name=path.stem)
    section: list[str] | None = None
    sections: list[tuple[str, list[str]]] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("## "):
            section = []
            sections.append((line[3:].strip(), section))
        elif section is not None:
            section.append(line[1:] if line.startswith("\\##") else line)  # '\## x' writes a '## x' heading
    for header, body in sections:
        verb, _, rest = header.partition(" ")
        if verb == "args:":
            case.args = rest.split()
        elif verb == "write":
            raw, _, flag = rest.partition(" ")
            text = "\n".join(body).rstrip("\n") + "\n"
            case.writes[raw] = _unescape(text) if flag == "escaped" else text.encode("utf-8")
        elif verb == "delete":
            case.deletes.append(rest)
        elif verb == "edit":
            pairs: list[tuple[str, str | None]] = []
            for item in body:
                if item.startswith("- "):
                    pairs.append((item[2:], None))
                elif item.startswith("+ ") or item == "+":
                    old, new = pairs[-1]
                    pairs[-1] = (old, item[2:] if new is None else f"{new}\n{item[2:]}")
            case.edits.append((rest, pairs))
        elif verb == "expect":
            case.exit_code = int(rest)
            case.expected = "\n".join(body).strip("\n")
        else:
            raise ValueError(f"{path}: unknown section '## {header}'")
    return case


def edited_copy(content: Path, work: Path, edits: dict[str, list[tuple[str, str]]]) -> Path:
    """A copy of a content folder at ``work/content`` with text replaced: file → [(old, new), ...], once each."""
    copy = work / "content"
    shutil.copytree(content, copy)
    for name, pairs in edits.items():
        path = copy / name
        text = path.read_text(encoding="utf-8")
        for old, new in pairs:
            assert old in text, f"{name} has no {old!r}"  # a test that names a missing text is a broken test
            text = text.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")
    return copy
