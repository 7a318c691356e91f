"""The shape of the code's imports: the command line sits on top, and nothing imports it back."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

GENERATOR = Path(__file__).resolve().parents[1] / "generator"


def _package(path: Path) -> str:
    """Where a file's relative imports start: ``generator/render_site/serve.py`` → ``generator.render_site``."""
    return ".".join(path.parent.relative_to(GENERATOR.parent).parts)


def _imported(source: str, package: str) -> set[str]:
    """Every module a file imports, anywhere in it (lazy imports inside functions too), by its full name."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            module = ".".join(part for part in (base, node.module or "") if part)
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)  # ``from generator import cli``
    return found


def _imports_cli(source: str, package: str) -> bool:
    return any(name == "generator.cli" or name.startswith("generator.cli.") for name in _imported(source, package))


def test_only_main_imports_the_command_line() -> None:
    importers = sorted(
        path.relative_to(GENERATOR.parent).as_posix()
        for path in GENERATOR.rglob("*.py")
        if path != GENERATOR / "__main__.py"
        if _imports_cli(path.read_text(encoding="utf-8"), _package(path))
    )
    assert importers == [], "the command line is the top of the code: nothing below it may import generator.cli"


@pytest.mark.parametrize(
    ("source", "package"),
    [
        ("import generator.cli\n", "generator"),
        ("from generator.cli import main\n", "generator.render_site"),
        ("from generator import cli\n", "generator.render_site"),
        ("def run():\n    from generator.cli import print_report\n", "generator"),
        ("from .cli import main\n", "generator"),
        ("from . import cli\n", "generator"),
        ("from ..cli import main\n", "generator.render_site"),
        ("from .. import cli\n", "generator.render_print"),
    ],
)
def test_every_spelling_of_the_import_is_seen(source: str, package: str) -> None:
    assert _imports_cli(source, package)


def test_a_module_of_a_similar_name_is_not_the_command_line() -> None:
    assert not _imports_cli("from generator.client import x\nfrom generator import diagnostics\n", "generator")
