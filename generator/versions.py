"""The versions of the tools a build runs with, for ``charter --version`` and bug reports."""

from __future__ import annotations

from importlib import metadata


def tool_versions() -> list[tuple[str, str]]:
    """(name, version) of MkDocs, Material for MkDocs, pandoc and Typst; 'not installed' where one is missing."""
    found: list[tuple[str, str]] = []
    for name, package in (("mkdocs", "mkdocs"), ("mkdocs-material", "mkdocs-material"), ("typst", "typst")):
        try:
            found.append((name, metadata.version(package)))
        except metadata.PackageNotFoundError:
            found.append((name, "not installed"))
    try:
        import pypandoc  # type: ignore[import-untyped]

        found.insert(2, ("pandoc", str(pypandoc.get_pandoc_version())))
    except (ImportError, OSError, RuntimeError):
        found.insert(2, ("pandoc", "not installed"))
    return found
