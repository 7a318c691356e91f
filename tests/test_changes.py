"""What changed since an earlier version: ``charter changes`` and the ``changes`` view.

Two fixture publications (``tests/roots/changes/before`` and ``after``) are committed one after
the other into a git repository of the test's own, as a committee's repository would hold its
versions 1.0 and 1.1; ``after``'s history names the commit of ``before``. The report must list
exactly the changes written into ``after``, and each edition only what it may show.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from generator.cli import main
from generator.diagnostics import Report
from generator.pipeline import read_publication
from generator.resolve import Publication
from generator.resolve.editions import for_edition
from generator.views import render_view
from generator.views.blocks import Table

ROOTS = Path(__file__).resolve().parent / "roots" / "changes"


def git(where: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(where), *args], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def commit_versions(repo: Path) -> str:
    """A repository holding ``before`` as version 1.0, then ``after`` as 1.1; the commit of 1.0."""
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.email", "drafter@example.org")
    git(repo, "config", "user.name", "Drafter")
    shutil.copytree(ROOTS / "before", repo / "content")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Version 1.0")
    first = git(repo, "rev-parse", "HEAD")
    shutil.rmtree(repo / "content")
    shutil.copytree(ROOTS / "after", repo / "content")
    settings = repo / "content" / "publication.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("BEFORE_COMMIT", first), encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Version 1.1")
    return first


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("changes") / "repo"
    commit_versions(repo)
    return repo


def _read(content: Path) -> tuple[Publication, Report]:
    report = Report()
    publication = read_publication(content, report, printed=False)
    assert publication is not None
    return publication, report


WHOLE = """\
Changes since version 1.0 of 1 March 2026, in the whole publication:
Risks: 1 added, 2 removed, 3 changed
  R-1 Theft of containers from the quay: Re-scored (residual): 4 (Medium) -> 6 (High)
  R-1 Theft of containers from the quay: Lead agency: Harbour Police -> Harbour Authority
  R-3 removed: Pilferage from the bonded warehouse
  R-4 added: Jamming of satellite navigation in the approaches
  R-5 CANARYCHANGETITLE insider access to the berth: Re-scored (residual): 6 (High) -> 9 (High)
  R-6 Tampering with the quay cameras: Re-scored (residual): 2 (Low) -> 4 (Medium)
  R-7 removed: CANARYREMOVEDTITLE tailgating through the staff gate
Actions: 1 added, 1 removed, 2 changed
  ACT-01 Fence the container quay: Status: Progressing -> Finished
  ACT-02 Train the berth staff: Status: Planned -> Progressing
  ACT-02 Train the berth staff: Dates: 1 March 2026 to 30 September 2026 -> 1 March 2026 to 31 March 2027
  ACT-03 removed: Survey the warehouse locks
  ACT-04 added: Test the berth's alarm each month
Indicators: 0 added, 0 removed, 3 changed
  IND-01 Containers stolen per year: New measurements: 28 February 2026: 11 containers -> 31 December 2026: 8 containers
  IND-02 Staff trained: Target: 40 staff by 2027 -> 60 staff by 2027
  IND-03 Camera faults reported: New measurements: No measurement -> 31 December 2026: 777 faults
Committees: 1 added, 0 removed, 1 changed
  CM-HSC Harbour Security Committee: Chair: Harbour Authority -> Harbour Police
  CM-HSC Harbour Security Committee: Members joined: (none) -> Harbour Authority
  CM-HSC Harbour Security Committee: Members left: Harbour Police -> (none)
  CM-HSC Harbour Security Committee: Industry members joined: (none) -> CANARYCHANGEMEMBER Stevedores
  CM-SUB added: Quay Sub-Committee
"""


def test_charter_changes_reports_exactly_what_changed(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["changes", "1.0", str(repo / "content")]) == 0
    assert capsys.readouterr().out == WHOLE


def test_a_commit_or_a_tag_names_the_same_version(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(repo, "tag", "v1.0", "HEAD~1")
    for revision in ("v1.0", "HEAD~1", git(repo, "rev-parse", "HEAD~1")[:10]):
        assert main(["changes", revision, str(repo / "content")]) == 0
        assert capsys.readouterr().out == WHOLE


def test_the_public_edition_shows_no_change_to_what_it_withholds(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["changes", "1.0", str(repo / "content"), "--edition", "public"]) == 0
    out = capsys.readouterr().out
    # R-5 is OFFICIAL (shown by its public name alone), R-7 is OFFICIAL with no public text, R-6's residual
    # scores, IND-03's values and CM-HSC's industry members are withheld
    withheld = ("  R-5 ", "  R-6 ", "  R-7 ", "  IND-03 ", "  CM-HSC Harbour Security Committee: Industry")
    expected = "".join(line for line in WHOLE.splitlines(keepends=True) if not line.startswith(withheld))
    assert out == (
        expected.replace("in the whole publication", "in the Public edition (PUBLIC)")
        .replace("Risks: 1 added, 2 removed, 3 changed", "Risks: 1 added, 1 removed, 1 changed")
        .replace("Indicators: 0 added, 0 removed, 3 changed", "Indicators: 0 added, 0 removed, 2 changed")
    )
    assert main(["changes", "1.0", str(repo / "content"), "--edition", "official"]) == 0
    assert capsys.readouterr().out == WHOLE.replace("in the whole publication", "in the Official edition (OFFICIAL)")


def _view_tables(publication: Publication) -> list[Table]:
    chapter = next(c for c in publication.chapters if c.title == "Annual review")
    view = next(s for s in chapter.segments if getattr(s, "show", "") == "changes")
    blocks = render_view(view, publication)  # type: ignore[arg-type]
    assert all(isinstance(b, Table) for b in blocks)
    return [b for b in blocks if isinstance(b, Table)]


def _texts(table: Table) -> list[list[str]]:
    return [[c.text for c in row] for row in table.rows]


def test_the_view_puts_the_report_in_a_chapter_for_each_edition(repo: Path) -> None:
    publication, report = _read(repo / "content")
    assert not [d for d in report.diagnostics if "CHANGES" in d.code]
    tables = _view_tables(publication)
    assert [t.caption for t in tables] == [
        "Changes since version 1.0 of 1 March 2026",
        "Risks: changes since version 1.0 of 1 March 2026",
        "Actions: changes since version 1.0 of 1 March 2026",
        "Indicators: changes since version 1.0 of 1 March 2026",
        "Committees: changes since version 1.0 of 1 March 2026",
    ]
    assert _texts(tables[0]) == [
        ["Risks", "1", "2", "3"],
        ["Actions", "1", "1", "2"],
        ["Indicators", "0", "0", "3"],
        ["Committees", "1", "0", "1"],
    ]
    assert _texts(tables[1])[0] == [
        "R-1",
        "Theft of containers from the quay",
        "Re-scored (residual)",
        "4 (Medium)",
        "6 (High)",
    ]
    public = for_edition(publication, publication.settings.editions[0], Report())
    tables = _view_tables(public)
    assert _texts(tables[0])[0] == ["Risks", "1", "1", "1"]
    shown = " ".join(text for table in tables for row in _texts(table) for text in row)
    assert "CANARYCHANGETITLE" not in shown and "777" not in shown and "R-6" not in shown and "R-7" not in shown
    assert "CANARYREMOVEDTITLE" not in shown and "CANARYCHANGEMEMBER" not in shown
    assert "R-5" not in shown  # withheld in both versions: its public name did not change


def test_a_shallow_clone_says_so_in_one_line_and_the_view_says_the_comparison_is_unavailable(
    repo: Path, tmp_path: Path
) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)], check=True)
    publication, report = _read(clone / "content")
    found = [d.format() for d in report.diagnostics if "CHANGES" in d.code]
    first = git(repo, "rev-parse", "HEAD~1")
    assert found == [
        f"{clone}/content/review.md:10:1: note[N-CHANGES-UNAVAILABLE]: no comparison with 1.0: revision {first} "
        "is not in this clone, which holds only the latest history\n"
        "  hint: fetch the whole history: git fetch --unshallow --tags (in CI: fetch-depth: 0)"
    ]
    assert not report.failed(strict=True)
    (table,) = _view_tables(publication)
    assert table.rows == []
    assert table.empty == (
        f"The comparison with 1.0 is unavailable: revision {first} is not in this clone, which holds only the latest "
        "history."
    )


def _after_edited(tmp_path: Path, name: str, old: str, new: str) -> tuple[Path, Report]:
    """``after`` copied outside git with one edit, and what reading it reports."""
    content = tmp_path / "content"
    shutil.copytree(ROOTS / "after", content)
    edited = content / name
    text = edited.read_text(encoding="utf-8")
    assert old in text
    edited.write_text(text.replace(old, new), encoding="utf-8")
    return content, _read(content)[1]


def test_a_version_that_names_no_commit_is_a_warning_at_the_view(tmp_path: Path) -> None:
    content, report = _after_edited(tmp_path, "publication.yml", ", commit: BEFORE_COMMIT", "")
    assert [d.format() for d in report.diagnostics if "CHANGES" in d.code] == [
        f"{content}/review.md:10:1: warning[W-CHANGES-COMMIT]: version 1.0 of publication.yml's history names no "
        "commit\n  hint: add 'commit: ...' to that version's entry in history, with the commit it was issued from "
        "(git log --oneline -- publication.yml shows them), or give a tag"
    ]


def test_charter_changes_says_why_it_cannot_compare(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["changes", "9.9", str(repo / "content")]) == 1
    assert capsys.readouterr().err == (
        "charter: error: no comparison with 9.9: revision 9.9 is not in this repository\n"
        "  hint: name a commit, a tag, or a version of publication.yml's history that gives its commit\n"
    )
    with pytest.raises(SystemExit) as usage:  # an option, never a revision given to git
        main(["changes", "-p", str(repo / "content")])
    assert usage.value.code == 2
    assert main(["changes", "--", "--output=x", str(repo / "content")]) == 1
    assert "'--output=x' is not a revision" in capsys.readouterr().err
    assert not (repo / "x").exists()
    outside = tmp_path / "outside"
    shutil.copytree(ROOTS / "before", outside)
    assert main(["changes", "HEAD", str(outside)]) == 1
    assert capsys.readouterr().err == (
        "charter: error: no comparison with HEAD: the content folder is not in a git repository\n"
        "  hint: keep the content in git to compare its versions\n"
    )


def test_the_changes_view_needs_since(tmp_path: Path) -> None:
    content, report = _after_edited(tmp_path, "review.md", 'since: "1.0"\n', "")
    assert [d.format() for d in report.errors] == [
        f"{content}/review.md:9:1: error[E-FIELD-MISSING]: view changes.since: the changes view needs the version "
        "to compare with\n  hint: add 'since: 1.0' (a version of publication.yml's history that gives its commit, "
        "or a git tag)"
    ]


CHANGE_CANARIES = ["CANARYREMOVEDTITLE", "CANARYCHANGEMEMBER", "CANARYCHANGETITLE"]
"""A removed restricted risk's title, a withheld field's new value and a restricted risk's title: only the
changes view (and, for the last two, the restricted edition's own pages) can carry them."""


@pytest.mark.slow
def test_no_withheld_change_reaches_the_public_editions_outputs(repo: Path, tmp_path: Path) -> None:
    import io

    from generator.build import build
    from generator.leakcheck import output_text
    from generator.progress import Progress

    status = build(
        repo / "content",
        project_dir=Path(__file__).resolve().parent.parent,
        site_dir=tmp_path / "site",
        build_dir=tmp_path / "build",
        progress=Progress(io.StringIO(), interactive=False),
    )
    assert status == 0

    def carrying(edition: str, canary: str) -> list[str]:
        found = []
        for path in sorted((tmp_path / "site" / edition).rglob("*")):
            if path.is_file() and (canary.encode() in path.read_bytes() or canary.casefold() in output_text(path)):
                found.append(path.relative_to(tmp_path / "site" / edition).as_posix())
        return found

    for canary in CHANGE_CANARIES:
        assert carrying("public", canary) == [], canary
        assert carrying("official", canary), canary
    # the removed risk's title is on no page of its own: the changes view carries it, on the site and in print
    assert {p.rsplit("/", 1)[-1] for p in carrying("official", "CANARYREMOVEDTITLE")} >= {"index.html"}
    assert any(p.endswith(".pdf") for p in carrying("official", "CANARYREMOVEDTITLE"))
    page = (tmp_path / "site" / "public" / "review" / "index.html").read_text(encoding="utf-8")
    assert "Risks: changes since version 1.0 of 1 March 2026" in page and "777" not in page
