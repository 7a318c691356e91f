"""Build hook: copy the shipped files into the package as the wheel is built.

The repository keeps ``mkdocs.yml``, ``themes/`` and ``content/`` at its top, where a
reader expects them; an installed Charter needs them inside its package. ``build_py``
copies each into ``generator/_data/`` of the build (never into the source tree), which is
where ``generator.packaged`` looks first. An editable install reads them in place.
Everything else about the package is in ``pyproject.toml``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SHIPPED = ("mkdocs.yml", "themes/site", "themes/print", "content")  # as generator.packaged.SHIPPED


class BuildWithShippedFiles(build_py):
    """``build_py`` that also copies the site configuration, the themes and the sample into the package."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads them from the repository
        target = Path(self.build_lib) / "generator" / "_data"
        for name in SHIPPED:
            source, dest = ROOT / name, target / name
            if dest.exists():
                shutil.rmtree(dest) if dest.is_dir() else dest.unlink()
            dest.parent.mkdir(parents=True, exist_ok=True)
            if source.is_dir():
                shutil.copytree(source, dest, ignore=shutil.ignore_patterns("__pycache__", ".charter-output"))
            else:
                shutil.copy2(source, dest)


setup(cmdclass={"build_py": BuildWithShippedFiles})
