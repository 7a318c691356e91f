"""Canary tests: a restricted string in every place restricted text can stand never reaches the
public edition's output (HTML, search index, sitemap, JS, PDF, DOCX, EPUB), and every one reaches
the restricted edition. The leak check fails a build that smuggles one into a public position."""

from __future__ import annotations

import html
import io
import re
import shutil
from pathlib import Path

import pytest

from generator.build import build
from generator.leakcheck import output_text
from generator.progress import Progress

pytestmark = pytest.mark.slow  # every format of both editions is built

REPO = Path(__file__).resolve().parent.parent
CANARY = Path(__file__).parent / "roots" / "canary"
CANARIES = [
    "CANARYFIELDASSET",  # a single restricted field
    "CANARYENTITYTITLE",  # a restricted entity's title
    "CANARYENTITYSCENARIO",  # a restricted entity's field
    "CANARYNARRATIVE",  # a restricted entity's narrative prose
    "CANARYFRONTMATTERTITLE",  # a restricted file (front matter), its title
    "CANARYFRONTMATTERTEXT",  # and its prose
    "CANARYSECTIONTEXT",  # a classified prose section
    "CANARYALTTEXT",  # image alt text in a classified section
    "CANARYTABLECELL",  # a table cell in a classified section
    "CANARYREFTITLE",  # the words of a reference in a classified section
    "CANARYBLOCKNAME",  # a data block classified on its fence line
    "CANARYACRONYM",  # a restricted acronym
    "CANARYGROUPONETITLE",  # a risk shown only as its group, a group of one
    "CANARYSECTIONNARRATIVE",  # the narrative of an entity inside a classified section
    "CANARYHEADINGTITLE",  # a classified first heading, in a file with a public title
    "CANARYHEADINGTEXT",  # and the text under it
    "CANARYFOLDERTITLE",  # an unmarked file in a folder marked by its index.md: its title
    "CANARYFOLDERTEXT",  # and its text
    "CANARYIMAGEFILE",  # the bytes of an image only a classified section shows
    "CANARYCODEWORD",  # a code word, listed in a restricted file and used in its prose
    "CANARYMEASUREMENTNOTE",  # an indicator's measurements, restricted as a field
    "CANARYPROGRESSNOTE",  # an action's status reports, restricted as a field
]
STAND_INS = ["CANARYPUBLICSUMMARY"]
"""A public summary restricted by ``restricted: {public_summary: ...}``: a stand-in no edition may show
(the restricted edition shows the risk itself)."""
NEVER = ["CANARYCOMMENT", *STAND_INS]
"""Text in an HTML comment: dropped before any renderer, so no edition carries it."""


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The canary publication built, both editions with their print files, once."""
    work = tmp_path_factory.mktemp("canary")
    status = build(
        CANARY / "content",
        project_dir=REPO,
        site_dir=work / "site",
        build_dir=work / "build",
        progress=Progress(io.StringIO(), interactive=False),
    )
    assert status == 0
    return work / "site"


def _outputs(site: Path) -> dict[str, tuple[bytes, str]]:
    return {
        p.relative_to(site).as_posix(): (p.read_bytes(), output_text(p)) for p in sorted(site.rglob("*")) if p.is_file()
    }


def test_both_editions_have_every_format(editions: Path) -> None:
    for edition in ("public", "restricted"):
        suffixes = {p.suffix for p in (editions / edition / "downloads").iterdir()}
        assert suffixes == {".pdf", ".docx", ".epub"}
        assert (editions / edition / "search" / "search_index.json").is_file()
        assert (editions / edition / "sitemap.xml").is_file()


@pytest.mark.parametrize("canary", CANARIES)
def test_no_canary_reaches_the_public_edition(editions: Path, canary: str) -> None:
    found = [
        name
        for name, (raw, text) in _outputs(editions / "public").items()
        if canary.encode() in raw or canary.casefold() in text
    ]
    assert found == []


@pytest.mark.parametrize("canary", CANARIES)
def test_every_canary_reaches_the_restricted_edition(editions: Path, canary: str) -> None:
    found = [
        name
        for name, (raw, text) in _outputs(editions / "restricted").items()
        if canary.encode() in raw or canary.casefold() in text
    ]
    assert found, f"{canary} is missing from the restricted edition"


@pytest.mark.parametrize("canary", NEVER)
@pytest.mark.parametrize("edition", ["public", "restricted"])
def test_a_comment_or_a_restricted_stand_in_reaches_no_edition(editions: Path, edition: str, canary: str) -> None:
    found = [
        name
        for name, (raw, text) in _outputs(editions / edition).items()
        if canary.encode() in raw or canary.casefold() in text
    ]
    assert found == []


def test_a_group_of_one_shows_no_scores(editions: Path) -> None:
    register = (editions / "public" / "risks" / "index.html").read_text(encoding="utf-8")
    row = next(r for r in register.split("<tr") if "Harbour intrusion" in r)
    cells = [html.unescape(re.sub(r"<[^>]+>", "", "<" + c)).strip() for c in row.split("<td")[1:]]
    assert cells[4:7] == ["Withheld", "Withheld", "Withheld"], cells
    assert not any(re.match(r"\d+ ", c) for c in cells), cells
    heatmap = (editions / "public" / "register" / "index.html").read_text(encoding="utf-8")
    assert "Harbour intrusion (group of" not in heatmap  # placed nowhere: its place would be its member's


def test_a_smuggled_restricted_text_fails_the_build_and_keeps_the_old_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import generator.render_site as render_site

    real_write_tree = render_site.write_tree

    def smuggling_write_tree(publication, tree_dir, *, downloads):  # type: ignore[no-untyped-def]
        pages = real_write_tree(publication, tree_dir, downloads=downloads)
        index = tree_dir / "index.md"
        index.write_text(
            index.read_text(encoding="utf-8") + "\n\nThe north fence is weak at CANARYSECTIONTEXT.\n", encoding="utf-8"
        )
        return pages

    monkeypatch.setattr(render_site, "write_tree", smuggling_write_tree)
    old = tmp_path / "site" / "public" / "index.html"
    old.parent.mkdir(parents=True)
    old.write_text("the last good site", encoding="utf-8")
    status = _build_without_print(tmp_path)
    err = capsys.readouterr().err
    assert status == 1
    assert "charter: error: the public edition carries text above PUBLIC:" in err
    assert "index.html: carries restricted text 'the north fence is weak at canarysectiontext'" in err
    assert "(written at " in err and "sections.md:" in err
    assert old.read_text(encoding="utf-8") == "the last good site"
    assert not (tmp_path / "site" / "restricted").exists()
    shutil.rmtree(tmp_path / "build")


def _build_without_print(tmp_path: Path) -> int:
    """Build the canary publication's site (no print) into ``tmp_path``; the exit status."""
    return build(
        CANARY / "content",
        project_dir=REPO,
        site_dir=tmp_path / "site",
        build_dir=tmp_path / "build",
        with_print=False,
        progress=Progress(io.StringIO(), interactive=False),
    )


DATA_CANARIES = {
    "register.csv": ["CANARYENTITYTITLE"],
    "register.json": ["CANARYENTITYTITLE"],
    "publication.json": ["CANARYENTITYTITLE", "CANARYENTITYSCENARIO", "CANARYFIELDASSET", "CANARYACRONYM"],
}
"""What the restricted edition's data files show that the public edition's withhold."""


def test_the_public_data_files_hold_no_canary_and_the_restricted_ones_do(editions: Path) -> None:
    public = sorted((editions / "public" / "data").iterdir())
    assert {p.name for p in public} >= {"register.csv", "raci.json", "publication.json", "publication.schema.json"}
    for path in public:
        raw, text = path.read_bytes(), output_text(path)
        found = [c for c in [*CANARIES, *NEVER] if c.encode() in raw or c.casefold() in text]
        assert found == [], path.name
    for name, canaries in DATA_CANARIES.items():
        raw = (editions / "restricted" / "data" / name).read_text(encoding="utf-8")
        assert [c for c in canaries if c not in raw] == [], name
        assert not [c for c in NEVER if c in raw], name
    register = (editions / "public" / "data" / "register.csv").read_text(encoding="utf-8")
    group = next(line for line in register.splitlines() if ",group," in line)
    assert group.startswith(",group,Harbour intrusion,,1,TH-THEFT,,,,,,,,,"), group  # a group of one: no scores


def test_a_restricted_text_smuggled_into_a_data_file_fails_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import generator.render_site as render_site

    real_write_tree = render_site.write_tree

    def smuggling_write_tree(publication, tree_dir, *, downloads):  # type: ignore[no-untyped-def]
        pages = real_write_tree(publication, tree_dir, downloads=downloads)
        data = tree_dir / "data" / "register.csv"
        data.write_text(
            data.read_text(encoding="utf-8") + 'R-X,risk,"The north fence is weak at CANARYSECTIONTEXT."\r\n'
        )
        return pages

    monkeypatch.setattr(render_site, "write_tree", smuggling_write_tree)
    status = _build_without_print(tmp_path)
    err = capsys.readouterr().err
    assert status == 1
    assert "public/data/register.csv: carries restricted text 'the north fence is weak at canarysectiontext'" in err
    assert not (tmp_path / "site" / "public").exists()


def test_withheld_measurements_leave_no_figure_in_the_public_charts(editions: Path) -> None:
    public = (editions / "public" / "indicators" / "ind-01" / "index.html").read_text(encoding="utf-8")
    restricted = (editions / "restricted" / "indicators" / "ind-01" / "index.html").read_text(encoding="utf-8")
    assert "11 containers" in restricted and "31 January 2026" in restricted
    assert "11 containers" not in public and "31 January 2026" not in public
    assert "no measurement yet; not yet measured." in public
    svg = (editions / "public" / "diagrams" / "indicator-IND-01.svg").read_text(encoding="utf-8")
    assert "<circle" not in svg  # no measured point is drawn
