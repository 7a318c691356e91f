"""The files Charter ships beside its code: the default site configuration, the themes and the sample.

In the repository they stay where the project's layout puts them (``mkdocs.yml``,
``themes/site``, ``themes/print`` and ``content/`` at the top). Building the wheel copies
them into the package, under ``generator/_data/`` (see ``setup.py``), so an installed
Charter finds them inside itself. An editable install (``pip install -e .``) or a run from
the source tree has no ``_data`` folder and reads them from the repository instead.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
DATA_FOLDER = "_data"
"""The folder, inside the installed package, that the wheel's build copies the shipped files into."""
SHIPPED = ("mkdocs.yml", "themes/site", "themes/print", "content")
"""What the wheel carries, by its path in the repository (and below :data:`DATA_FOLDER`)."""


def shipped_root() -> Path:
    """The folder holding the shipped files: the package's ``_data``, else the repository's top."""
    inside = _PACKAGE / DATA_FOLDER
    return inside if (inside / "mkdocs.yml").is_file() else _PACKAGE.parent


def site_config() -> Path:
    """Charter's own ``mkdocs.yml``: the defaults under every project's site configuration."""
    return shipped_root() / "mkdocs.yml"


def site_theme() -> Path:
    """Charter's Material overrides (partials, ``charter.css``, ``charter.js``): always in the site's theme."""
    return shipped_root() / "themes" / "site"


def print_theme() -> Path:
    """Charter's print theme: the Typst template, the DOCX reference document, the EPUB stylesheet."""
    return shipped_root() / "themes" / "print"


def sample_content() -> Path:
    """The Solmara sample publication, which ``charter new --sample`` copies."""
    return shipped_root() / "content"
