"""The website: the resolved publication as a Markdown tree, then MkDocs with Material.

``write_tree`` never imports MkDocs; ``run_mkdocs`` and ``serve`` are the only places
that do, so the generator stays portable to another static-site builder.
"""

from generator.render_site.mkdocs_run import run_mkdocs, theme_dirs
from generator.render_site.tree import prepare_tree, write_tree

__all__ = ["prepare_tree", "run_mkdocs", "theme_dirs", "write_tree"]
