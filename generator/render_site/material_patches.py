"""A MkDocs hook that corrects invalid HTML in Material's ``base.html`` as the theme loads it.

``mkdocs.yml`` names this file under ``hooks:``. Material's partials that write invalid
HTML are copied into ``themes/site/partials/`` and corrected there, but ``base.html``
cannot be: it names Material's scripts and stylesheets by content hash
(``bundle.<hash>.min.js``), so a copy would load assets that the next Material release
no longer ships. Instead each line it gets wrong is replaced in its source when Jinja
loads it. A replacement whose text is no longer in the template fails the build, so an
upgrade of Material cannot bring the invalid markup back unnoticed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

TOGGLE_FORM = "__md-toggles"
"""The id of the empty form that owns Material's drawer and search toggles."""


@dataclass(frozen=True)
class Patch:
    """One exact replacement in one of Material's templates."""

    template: str
    """The template's name as the theme loads it, e.g. ``base.html``."""
    old: str
    """The text to replace; it must occur exactly once."""
    new: str
    """What replaces it."""

    def apply(self, source: str, filename: str | None) -> str:
        """The template source with the replacement made; fails if ``old`` is not there once."""
        found = source.count(self.old)
        if found != 1:
            raise PluginError(
                f"{filename or self.template}: expected once, found {found} times: {self.old!r}; "
                f"the installed Material changed this template, so update {__file__}"
            )
        return source.replace(self.old, self.new)


PATCHES = (
    # HTML allows autocomplete only on text-like inputs, not on checkboxes. Material puts
    # autocomplete="off" on its two toggles so that a reload in Firefox, which restores
    # checkboxes, does not bring the menu or the search back open. Browsers read the same
    # setting from the control's form owner, so the toggles belong to an empty form with it.
    Patch(
        "base.html",
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
        f'<form id="{TOGGLE_FORM}" autocomplete="off" hidden></form>\n'
        f'    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" form="{TOGGLE_FORM}">',
    ),
    Patch(
        "base.html",
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
        f'<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" form="{TOGGLE_FORM}">',
    ),
)


class PatchingLoader(jinja2.BaseLoader):
    """A template loader that makes the :data:`PATCHES` in what another loader finds."""

    def __init__(self, inner: jinja2.BaseLoader, patches: tuple[Patch, ...] = PATCHES) -> None:
        self.inner = inner
        self.patches = patches

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        """The template's source, patched when it is one the patches name."""
        source, filename, uptodate = self.inner.get_source(environment, template)
        for patch in self.patches:
            if patch.template == template:
                source = patch.apply(source, filename)
        return source, filename, uptodate

    def list_templates(self) -> list[str]:
        """The templates the inner loader knows."""
        return self.inner.list_templates()


def on_env(env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """MkDocs hook: load the theme's templates through a :class:`PatchingLoader`."""
    if env.loader is not None:
        env.loader = PatchingLoader(env.loader)
    return env
