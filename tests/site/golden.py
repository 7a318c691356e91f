"""Golden site trees: the Markdown tree of each fixture publication, kept under tests/site/golden/.

Regenerate them after an intended change, then review the diff:

    python -m tests.site.golden
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from generator.render_site import write_tree
from generator.render_site.nav import SOURCES_PATH
from tests.site.conftest import MINIMAL, load

GOLDEN = Path(__file__).resolve().parent / "golden"
ROOTS = {"minimal": MINIMAL}
"""Golden name → the content folder it is rendered from."""


def render(content: Path, tree: Path) -> int:
    """Write the site tree of a content folder; returns its page count."""
    return write_tree(load(content), tree, downloads=[])


MACHINE_SPECIFIC = {SOURCES_PATH}
"""Files that name where the content lies on this machine, left out of the golden copies."""


def files_of(tree: Path) -> dict[str, str]:
    """Every file below a tree, by its path, as text."""
    files = sorted(p for p in tree.rglob("*") if p.is_file())
    texts = {p.relative_to(tree).as_posix(): p.read_text(encoding="utf-8") for p in files}
    return {path: text for path, text in texts.items() if path not in MACHINE_SPECIFIC}


def regenerate() -> None:
    """Rewrite every golden tree from its content."""
    for name, content in ROOTS.items():
        target = GOLDEN / name
        with tempfile.TemporaryDirectory() as work:
            render(content, Path(work) / "tree")
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(Path(work) / "tree", target, ignore=lambda folder, names: {"sources.json"})
        print(f"wrote {target.relative_to(GOLDEN.parent.parent.parent)}")


if __name__ == "__main__":
    regenerate()
