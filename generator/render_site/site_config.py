"""The MkDocs configuration a site is built with: the project's ``mkdocs.yml`` with what Charter's pages need.

Three layers, the later winning: Charter's own ``mkdocs.yml`` (the look and the Markdown
features, :func:`generator.packaged.site_config`), the project's ``mkdocs.yml`` when it has
one (a team's overrides: site name, palette, extra pages and stylesheets), and what comes
from the publication (navigation, marking). On top of all three Charter always adds what
its pages cannot work without (:data:`CHARTER_CSS`, :data:`CHARTER_JS`, its theme folder,
its hooks, ``font: false``), and it refuses a configuration that would make the site load
anything from outside itself. The result is one generated file beside the tree that
inherits the project's (``INHERIT``), so MkDocs still reads the project's own tags
(``!ENV``, ``!!python/name:``) itself.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import yaml

from generator import packaged
from generator.errors import BuildError
from generator.project import site_config_file
from generator.render_site.nav import OVERLAY_PATH

CHARTER_CSS = ("assets/stylesheets/charter.css",)
"""The stylesheets every page links, before the project's own (so the project's can override them)."""
CHARTER_JS = ("assets/javascripts/charter.js",)
"""The scripts every page loads: the tables' sorting, filters and scroll cues."""
HOOKS = (
    Path(__file__).resolve().with_name("material_patches.py"),
    Path(__file__).resolve().with_name("site_hook.py"),
)
"""Charter's MkDocs hooks, run after the project's own."""
_OUTSIDE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)


def base_config(project_dir: Path) -> Path:
    """The project's ``mkdocs.yml``, or the one shipped with Charter."""
    own = site_config_file(project_dir)
    if own.is_file():
        return own.resolve()
    shipped = packaged.site_config()
    if shipped.is_file():
        return shipped
    raise BuildError(f"no mkdocs.yml in {project_dir} and none shipped with Charter; create one (see the README)")


class _TolerantLoader(yaml.SafeLoader):
    """Reads a ``mkdocs.yml`` without executing its tags (``!ENV``, ``!!python/name:``…)."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_TolerantLoader.add_multi_constructor("!", _ignore_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


def read_config(path: Path) -> dict[str, Any]:
    """A ``mkdocs.yml`` as plain data (its tags read as nothing); a :class:`BuildError` when unreadable."""
    try:
        with path.open(encoding="utf-8") as handle:
            found = yaml.load(handle, Loader=_TolerantLoader) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise BuildError(f"{path}: cannot read the MkDocs configuration: {exc}") from None
    if not isinstance(found, dict):
        raise BuildError(f"{path}: the MkDocs configuration must be a mapping of settings")
    return found


def custom_theme_dir(base: Path, config: dict[str, Any]) -> Path | None:
    """The project's own theme folder (``theme.custom_dir``, relative to its ``mkdocs.yml``), if it names one."""
    theme = config.get("theme")
    if isinstance(theme, dict) and isinstance(theme.get("custom_dir"), str):
        return (base.parent / theme["custom_dir"]).resolve()
    return None


def theme_dirs(project_dir: Path) -> list[Path]:
    """The folders whose files MkDocs copies into every site as they are: Material's, the project's and Charter's.

    A site file byte-identical to the file at the same path in one of them came from a
    theme, never from content.
    """
    import material  # type: ignore[import-untyped]  # the theme package, imported here only like MkDocs

    found = [Path(material.__file__).resolve().parent / "templates"]
    try:
        base = base_config(project_dir)
        own = custom_theme_dir(base, read_config(base))
    except BuildError:
        own = None
    for folder in (own, packaged.site_theme().resolve()):
        if folder is not None and folder.is_dir() and folder not in found:
            found.append(folder)
    return found


def generated_config_path(tree_dir: Path) -> Path:
    """Where the generated configuration for a tree is written: beside the tree, never inside it."""
    return tree_dir.parent / f"{tree_dir.name}.mkdocs.yml"


def write_config(tree_dir: Path, site_dir: Path, *, project_dir: Path) -> Path:
    """Write the generated configuration that builds ``tree_dir`` into ``site_dir``; returns its path.

    The project's own pages (its ``docs_dir``, default ``docs/``) are copied into the tree
    and added to the navigation after the publication's.
    """
    base = base_config(project_dir)
    own = read_config(base)
    _refuse_outside_requests(base, own)
    try:
        settings = yaml.safe_load((tree_dir / OVERLAY_PATH).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise BuildError(f"the site tree {tree_dir} has no readable {OVERLAY_PATH}: {exc}") from None
    defaults = read_config(packaged.site_config()) if base != packaged.site_config() else {}
    config: dict[str, Any] = {"INHERIT": str(base)}
    config.update(_missing(defaults, own))
    for key in ("site_name", "site_description", "copyright"):  # the project's own wins over the publication's
        if key in settings and key not in own:
            config[key] = settings[key]
    for key, value in settings.items():
        if key not in ("site_name", "site_description", "copyright"):
            earlier = config.get(key)
            config[key] = {**earlier, **value} if isinstance(earlier, dict) and isinstance(value, dict) else value
    config["docs_dir"] = str(tree_dir.resolve())
    config["site_dir"] = str(site_dir.resolve())
    config["theme"] = _theme(base, own, defaults, settings.get("theme") or {})
    config["extra_css"] = _with_first(CHARTER_CSS, own.get("extra_css", defaults.get("extra_css")))
    config["extra_javascript"] = _with_first(CHARTER_JS, own.get("extra_javascript", defaults.get("extra_javascript")))
    config["hooks"] = [*_paths(base, own.get("hooks")), *(str(h) for h in HOOKS)]
    if isinstance(own.get("watch"), list):
        config["watch"] = _paths(base, own["watch"])
    config["nav"] = [*settings.get("nav", []), *_own_pages(base, own, tree_dir)]
    path = generated_config_path(tree_dir)
    path.write_text(
        "# Generated by charter build from "
        + str(base)
        + "; edit that file, not this one.\n"
        + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1000),
        encoding="utf-8",
    )
    return path


def _missing(defaults: dict[str, Any], own: dict[str, Any]) -> dict[str, Any]:
    """Charter's default settings the project's ``mkdocs.yml`` does not set, looking inside mappings."""
    result: dict[str, Any] = {}
    for key, value in defaults.items():
        if key not in own:
            result[key] = value
        elif isinstance(value, dict) and isinstance(own[key], dict):
            deeper = _missing(value, own[key])
            if deeper:
                result[key] = deeper
    return result


def _theme(base: Path, own: dict[str, Any], defaults: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """Material with the project's theme folder (Charter's is added after it by the hook) and no web fonts."""
    theme: dict[str, Any] = _missing(defaults.get("theme") or {}, own.get("theme") or {})
    theme.pop("custom_dir", None)
    theme["name"] = "material"
    theme["custom_dir"] = str(custom_theme_dir(base, own) or packaged.site_theme().resolve())
    theme["font"] = False  # no Google Fonts: the site makes no request outside itself
    theme.update(extra)
    return theme


def _with_first(required: tuple[str, ...], listed: object) -> list[Any]:
    """Charter's files, then the project's own (leaving out repeats of Charter's)."""
    own = listed if isinstance(listed, list) else []
    return [*required, *(item for item in own if item not in required)]


def _paths(base: Path, listed: object) -> list[str]:
    """Paths from a ``mkdocs.yml`` made absolute (they are relative to its folder); Charter's own hooks left out."""
    charter = {h.name for h in HOOKS}
    found = [str((base.parent / p).resolve()) for p in listed if isinstance(p, str)] if isinstance(listed, list) else []
    return [p for p in found if not (Path(p).name in charter and Path(p).parent == HOOKS[0].parent)]


def _mapping(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _refuse_outside_requests(base: Path, own: dict[str, Any]) -> None:
    """A :class:`BuildError` for each setting that would make a page load something from outside the site."""
    problems: list[str] = []
    for key in ("extra_css", "extra_javascript"):
        for item in own.get(key) or []:
            target = item.get("path") if isinstance(item, dict) else item
            if isinstance(target, str) and _OUTSIDE.match(target):
                problems.append(f"{key} loads {target}")
    theme = _mapping(own.get("theme"))
    for key in ("logo", "favicon"):
        if isinstance(theme.get(key), str) and _OUTSIDE.match(theme[key]):
            problems.append(f"theme.{key} loads {theme[key]}")
    if _mapping(own.get("extra")).get("analytics"):
        problems.append("extra.analytics loads an analytics script")
    if problems:
        raise BuildError(
            f"{base}: the site must make no request outside itself, but "
            + "; ".join(problems)
            + "\n  hint: put the file in the project's docs folder or theme folder (theme.custom_dir) and name it there"
        )


def _own_pages(base: Path, own: dict[str, Any], tree_dir: Path) -> list[Any]:
    """Copy the project's own pages (its ``docs_dir``) into the tree; returns their navigation entries.

    A docs folder that is the publication (it holds ``publication.yml``) or lies inside it
    (a ``mkdocs.yml`` kept in ``content/``) holds chapters, which the tree has already.
    """
    if base == packaged.site_config():
        return []
    docs = (base.parent / str(own.get("docs_dir") or "docs")).resolve()
    if not docs.is_dir() or any((folder / "publication.yml").is_file() for folder in (docs, *docs.parents)):
        return []
    pages: list[str] = []
    for source in sorted(docs.rglob("*")):
        relative = source.relative_to(docs)
        if not source.is_file() or any(part.startswith(".") for part in relative.parts):
            continue
        dest = tree_dir / relative
        if dest.exists():
            raise BuildError(f"{source}: the project's page would replace Charter's {relative.as_posix()}; rename it")
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, dest)
        if source.suffix == ".md":
            pages.append(relative.as_posix())
    nav = own.get("nav")
    return list(nav) if isinstance(nav, list) else pages
