"""The site tree is brought up to date in place: a file already right is not written again.

A build used to set the last tree aside, delete it and write every file and folder again:
at 5,000 entities that disk work cost more than rendering the pages. Now only what changed
is written, what is no longer part of the tree goes, and nothing in it is ever followed
through a link.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.render_site.tree import prepare_tree, sync_tree
from tests.test_cli import charter

ROOTS = Path(__file__).resolve().parent.parent / "roots"


def _files(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8") for p in root.rglob("*") if p.is_file()}


def test_only_what_differs_is_written_and_what_is_gone_is_deleted(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    first = {"index.md": "# Home\n", "risks/r-01/index.md": "# R-01\n", "risks/r-02/index.md": "# R-02\n"}
    assert sync_tree(tree, dict(first)) == set(first)
    (tree / "risks" / "r-01" / "index.md").write_text("# R-01 half wri", encoding="utf-8")  # a killed build's
    (tree / "stray.md").write_text("left over", encoding="utf-8")
    second = {"index.md": "# Home\n", "risks/r-01/index.md": "# R-01\n", "risks/r-03/index.md": "# R-03 ±\n"}
    assert sync_tree(tree, dict(second)) == {"risks/r-01/index.md", "risks/r-03/index.md"}
    assert _files(tree) == second
    assert not (tree / "risks" / "r-02").exists()  # its folder went with its page
    assert sync_tree(tree, dict(second)) == set()


def test_a_page_takes_the_place_of_a_stale_file_or_folder(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    sync_tree(tree, {"risks": "a file where a folder is now", "plan/index.md": "# Plan\n"})
    now = {"risks/index.md": "# Risks\n", "plan": "a file where a folder was"}
    assert sync_tree(tree, dict(now)) == set(now)
    assert _files(tree) == now


def test_a_copied_image_is_compared_like_a_page(tmp_path: Path) -> None:
    image = tmp_path / "map.png"
    image.write_bytes(b"\x89PNG first")
    tree = tmp_path / "tree"
    assert sync_tree(tree, {"media/map.png": image}) == {"media/map.png"}
    assert sync_tree(tree, {"media/map.png": image}) == set()
    image.write_bytes(b"\x89PNG second")
    assert sync_tree(tree, {"media/map.png": image}) == {"media/map.png"}
    assert (tree / "media" / "map.png").read_bytes() == b"\x89PNG second"


def test_links_in_the_tree_are_removed_never_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "index.md").write_text("not the tree's", encoding="utf-8")
    tree = tmp_path / "tree"
    sync_tree(tree, {"index.md": "# Home\n"})
    (tree / "risks").symlink_to(outside, target_is_directory=True)
    (tree / "page.md").symlink_to(outside / "index.md")
    assert sync_tree(tree, {"index.md": "# Home\n", "risks/index.md": "# Risks\n", "page.md": "# Page\n"}) == {
        "risks/index.md",
        "page.md",
    }
    assert not (tree / "risks").is_symlink() and not (tree / "page.md").is_symlink()
    assert _files(outside) == {"index.md": "not the tree's"}


def test_the_downloads_folder_is_kept_by_the_sync_and_emptied_before_printing(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    downloads = prepare_tree(tree)
    downloads.mkdir()
    (downloads / "strategy.pdf").write_bytes(b"%PDF")
    sync_tree(tree, {"index.md": "# Home\n"}, keep="downloads")
    assert (downloads / "strategy.pdf").read_bytes() == b"%PDF"
    assert prepare_tree(tree) == downloads and not downloads.exists()
    assert _files(tree) == {"index.md": "# Home\n"}


def test_a_second_build_rewrites_no_file_of_the_tree_and_an_edit_only_its_pages(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(ROOTS / "general", project)
    build = ["build", "content", "--no-print", "--edition", "public", "-q"]
    assert charter(*build, cwd=project).returncode == 0
    tree = project / "build" / "public" / "site-src"
    before = {p: p.stat().st_mtime_ns for p in tree.rglob("*") if p.is_file()}
    fresh = _files(tree)
    assert charter(*build, cwd=project).returncode == 0
    assert {p: p.stat().st_mtime_ns for p in tree.rglob("*") if p.is_file()} == before
    chapter = next(p for p in sorted((project / "content").rglob("*.md")) if "\n# " in p.read_text(encoding="utf-8"))
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\nA sentence added.\n", encoding="utf-8")
    assert charter(*build, cwd=project).returncode == 0
    changed = {
        p.relative_to(tree).as_posix() for p in tree.rglob("*") if p.is_file() and p.stat().st_mtime_ns != before.get(p)
    }
    assert changed and all(
        "A sentence added." in (tree / c).read_text(encoding="utf-8") for c in changed if c.endswith(".md")
    )
    synced = _files(tree)
    shutil.rmtree(project / "build")
    assert charter(*build, cwd=project).returncode == 0
    assert _files(tree) == synced != fresh  # what a build from nothing writes
