"""The content folder as it was at an earlier revision, read out of git into a folder of its own.

A revision is what ``since:`` (or ``charter changes REV``) names: a version in
``publication.yml``'s history that gives its commit, or anything git can read as a commit
(a hash, a tag, a branch). The content at that commit is written with ``git archive`` into a
temporary folder and read from there by the same stages as the working tree, so the two are
compared through the same model. Nothing here runs a shell: git is given its arguments as a
list, and the revision is checked as a revision before anything else sees it.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path

from generator.model import Revision


class Unavailable(Exception):
    """Why the revision cannot be read: one sentence for the diagnostic, and what would make it readable."""

    def __init__(self, reason: str, hint: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.hint = hint


@dataclass(frozen=True, slots=True)
class Found:
    """A revision found in git: the commit it names and where the content folder lies in the repository."""

    commit: str
    top: Path
    folder: str
    """The content folder, relative to the repository's top (``.`` when it is the top)."""


def git_revision(since: str, history: list[Revision]) -> str:
    """What git should read for ``since``: the commit of the version of that name, or ``since`` itself.

    Raises :class:`Unavailable` for a version of the history that names no commit.
    """
    for revision in history:
        if revision.version == since:
            if not revision.commit:
                raise Unavailable(
                    f"version {since} of publication.yml's history names no commit",
                    "add 'commit: ...' to that version's entry in history, with the commit it was issued from "
                    "(git log --oneline -- publication.yml shows them), or give a tag",
                )
            return revision.commit
    return since


def find(root: Path, revision: str) -> Found:
    """The commit ``revision`` names in the git repository that holds ``root``; :class:`Unavailable` if none."""
    if not revision or revision.startswith("-") or any(c.isspace() or c in "\0:" for c in revision):
        raise Unavailable(f"'{revision}' is not a revision", "name a commit, a tag or a version of the history")
    if shutil.which("git") is None:
        raise Unavailable("git is not installed here", "install git to compare the publication's versions")
    top_text = _git(root, "rev-parse", "--show-toplevel")
    if top_text is None:
        raise Unavailable(
            "the content folder is not in a git repository", "keep the content in git to compare its versions"
        )
    top = Path(top_text)
    commit = _git(top, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}")
    if commit is None:
        if _git(top, "rev-parse", "--is-shallow-repository") == "true":
            raise Unavailable(
                f"revision {revision} is not in this clone, which holds only the latest history",
                "fetch the whole history: git fetch --unshallow --tags (in CI: fetch-depth: 0)",
            )
        raise Unavailable(
            f"revision {revision} is not in this repository",
            "name a commit, a tag, or a version of publication.yml's history that gives its commit",
        )
    folder = root.resolve().relative_to(top.resolve()).as_posix()
    return Found(commit, top, folder or ".")


def extract(found: Found, into: Path) -> Path:
    """Write the content folder at ``found.commit`` under ``into``; the folder written.

    Only regular files and folders are written, and only inside ``into`` (tarfile's "data"
    filter refuses links out, devices and absolute names).
    """
    archive = subprocess.run(
        ["git", "-C", str(found.top), "archive", "--format=tar", found.commit, "--", found.folder],
        capture_output=True,
        check=False,
    )
    if archive.returncode != 0:
        raise Unavailable(
            f"the content folder {found.folder} does not exist at commit {found.commit[:12]}",
            "name a revision from after the content folder was added",
        )
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")
    written = into / found.folder
    if not (written / "publication.yml").is_file():
        raise Unavailable(f"the content folder at commit {found.commit[:12]} has no publication.yml")
    return written


def _git(where: Path, *args: str) -> str | None:
    """Git's answer (its output, stripped), or None when it fails or is not installed."""
    try:
        done = subprocess.run(["git", "-C", str(where), *args], capture_output=True, text=True, check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip() if done.returncode == 0 else None
