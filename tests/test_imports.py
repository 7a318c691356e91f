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


def _module_of(path: Path) -> str:
    parts = path.relative_to(GENERATOR.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _graph() -> dict[str, set[str]]:
    """Every module of generator/ and the modules of generator/ it imports at its top level (not inside functions)."""
    modules = {_module_of(path): path for path in GENERATOR.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        found: set[str] = set()
        for node in tree.body:  # top level only: a lazy import inside a function breaks no circle at start-up
            if isinstance(node, ast.ImportFrom):
                base = package.rsplit(".", node.level - 1)[0] if node.level else ""
                module = ".".join(part for part in (base, node.module or "") if part)
                found.update(m for m in (module, *(f"{module}.{a.name}" for a in node.names)) if m in modules)
            elif isinstance(node, ast.Import):
                found.update(a.name for a in node.names if a.name in modules)
        graph[name] = found - {name}
    return graph


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The import circles of a graph, each as the modules around it."""
    found: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                found.append([*stack[stack.index(target) :], target])
            elif target not in state:
                visit(target)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return found


def test_no_module_imports_one_that_imports_it_back() -> None:
    """A package's __init__ importing its own submodules is no circle; a submodule importing a later stage would be."""
    graph = {name: {t for t in targets if not name.startswith(f"{t}.")} for name, targets in _graph().items()}
    assert "generator.schema.entities" in graph["generator.validate.entities"]  # the graph holds the imports
    assert "generator.load.yamlnodes" in graph["generator.schema.types"]
    assert _circles(graph) == []


def test_a_circle_is_found() -> None:
    assert _circles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]


def test_no_module_of_the_generator_is_over_400_lines() -> None:
    long = {
        path.relative_to(GENERATOR.parent).as_posix(): lines
        for path in GENERATOR.rglob("*.py")
        if (lines := path.read_text(encoding="utf-8").count("\n")) > 400
    }
    assert long == {}, "split these by what they do: a newcomer finds a feature by its module's name"
