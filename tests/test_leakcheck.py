"""The leak check and code words: what is found, where it is reported, and what is not a leak.

The publication under ``tests/roots/codewords`` lists two code words in a SECRET file,
uses one of them in a SECRET section, and has a public table whose adjacent cells read
"... power grid" | "Sabotage ..." next to a SECRET heading "Grid sabotage".
"""

from __future__ import annotations

import gzip
import io
import shutil
import struct
import zipfile
import zlib
from pathlib import Path

import pytest

from generator.build import build
from generator.diagnostics import Location, Report
from generator.leakcheck import Secret, codeword_secrets, find_leaks, secrets
from generator.model import Edition
from generator.output_text import ReadAhead, normalise, read_output
from generator.pipeline import read_publication
from generator.progress import Progress
from generator.resolve import Publication
from generator.resolve.editions import for_edition
from tests.test_cli import charter

REPO = Path(__file__).resolve().parent.parent
ROOT = Path(__file__).parent / "roots" / "codewords"
PUBLIC = Edition("public", "Public edition", "PUBLIC")
LISTED = "content/handling.md:12:3"  # where 'OPERATION TIDEWATER' is listed


def _project(tmp_path: Path, edits: dict[str, list[tuple[str, str]]] | None = None) -> Path:
    """A copy of the codewords publication with each (old, new) text replaced once."""
    project = tmp_path / "project"
    shutil.copytree(ROOT, project)
    for name, pairs in (edits or {}).items():
        path = project / "content" / name
        text = path.read_text(encoding="utf-8")
        for old, new in pairs:
            assert old in text, old
            text = text.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")
    return project


def _publication(project: Path, monkeypatch: pytest.MonkeyPatch) -> Publication:
    monkeypatch.chdir(project)
    report = Report()
    publication = read_publication(Path("content"), report)
    assert publication is not None and not report.errors, [d.format() for d in report.errors]
    return publication


def _build(project: Path, monkeypatch: pytest.MonkeyPatch, *, with_print: bool = False) -> int:
    monkeypatch.chdir(project)
    return build(
        Path("content"),
        project_dir=REPO,
        site_dir=project / "site",
        build_dir=project / "build",
        with_print=with_print,
        progress=Progress(io.StringIO(), interactive=False),
    )


def _old_site(project: Path) -> Path:
    old = project / "site" / "public" / "index.html"
    old.parent.mkdir(parents=True)
    old.write_text("the last good site", encoding="utf-8")
    return old


def _png(text: bytes) -> bytes:
    """A real one-pixel PNG whose tEXt chunk carries ``text``."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"tEXt", b"Comment\x00" + text)
        + chunk(b"IDAT", zlib.compress(b"\x00\x00"))
        + chunk(b"IEND", b"")
    )


def _pdf(source: str) -> bytes:
    import typst

    return typst.compile(source.encode("utf-8"), format="pdf", ignore_system_fonts=True)


def _zip(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return buffer.getvalue()


GRID = Secret(normalise("Grid sabotage"), Location("content/sites.md", 14, 1))


# -- what is a secret, and where it was written -----------------------------------------------


def test_a_restricted_section_is_reported_at_its_own_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    whole = _publication(_project(tmp_path), monkeypatch)
    hidden = {s.text: s.origin for s in secrets(whole, for_edition(whole, PUBLIC, Report()))}
    assert hidden["grid sabotage"] == Location("content/sites.md", 14, 1)  # the heading, not the file's line 1
    assert hidden["the 'north' feeder - the old one"] == Location("content/sites.md", 16, 1)
    assert hidden["is watched under operation tidewater since march"] == Location("content/sites.md", 16, 38)


def test_a_restricted_field_is_reported_at_its_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = _project(
        tmp_path,
        {
            "register.md": [
                ("key_assets: [Container quay]", "key_assets: [Gate seven of the container quay]"),
                ("scenario: A gang removes two containers overnight.", "restricted: {key_assets: SECRET}"),
            ]
        },
    )
    whole = _publication(project, monkeypatch)
    hidden = secrets(whole, for_edition(whole, PUBLIC, Report()))
    assert [(s.text, s.origin) for s in hidden if "gate" in s.text] == [
        ("gate seven of the container quay", Location("content/register.md", 24, 1))
    ]


def test_code_words_are_secrets_only_for_editions_below_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    whole = _publication(_project(tmp_path), monkeypatch)
    public = codeword_secrets(whole.codewords, for_edition(whole, PUBLIC, Report()))
    assert [(s.text, str(s.origin)) for s in public] == [
        ("operation tidewater", LISTED),
        ("cape vell radar site", "content/handling.md:13:3"),
    ]
    secret_edition = for_edition(whole, Edition("restricted", "Committee edition", "SECRET"), Report())
    assert codeword_secrets(whole.codewords, secret_edition) == []
    assert secret_edition.codewords == []  # the cut copies renderers see never hold the list


# -- no false positives across boundaries, and what outputs change ------------------------------

TABLE = (
    "<table><tr><th>Post</th><th>Weakness</th></tr>\n"
    "<tr><td>Substation and power grid</td>\n<td>Sabotage of the feeder line</td></tr></table>"
)


def test_adjacent_table_cells_are_not_one_text(tmp_path: Path) -> None:
    (tmp_path / "sites").mkdir()
    (tmp_path / "sites" / "index.html").write_text(f"<html><body>{TABLE}</body></html>", encoding="utf-8")
    # MkDocs' search index writes a table as its cells' words one after the other
    index = '{"docs": [{"location": "sites/", "title": "Sites", "text": "Post Weakness Substation and power grid '
    index += 'Sabotage of the feeder line"}]}'
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(index, encoding="utf-8")
    (tmp_path / "doc.docx").write_bytes(
        _zip(
            {
                "word/document.xml": "<w:document><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>Power grid</w:t></w:r>"
                "</w:p></w:tc><w:tc><w:p><w:r><w:t>Sabotage</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>"
            }
        )
    )
    (tmp_path / "doc.pdf").write_bytes(_pdf("#table(columns: 2, [Substation and power grid], [Sabotage of the line])"))
    assert find_leaks(tmp_path, [GRID]) == []


def test_a_search_index_entry_for_a_page_without_those_cells_is_a_leak(tmp_path: Path) -> None:
    (tmp_path / "sites").mkdir()
    (tmp_path / "sites" / "index.html").write_text("<p>Four posts.</p>", encoding="utf-8")
    (tmp_path / "search_index.json").write_text(
        '{"docs": [{"location": "sites/", "title": "Sites", "text": "<p>Four posts.</p> Power grid sabotage"}]}',
        encoding="utf-8",
    )
    assert [leak.format() for leak in find_leaks(tmp_path, [GRID])] == [
        "search_index.json: carries restricted text 'grid sabotage' in docs[0].text (written at content/sites.md:14:1)"
    ]


@pytest.mark.parametrize(
    "shown",
    [
        "The “north” feeder – the old one… is watched under Operation Tidewater since March.",
        "The &#8220;north&#8221; feeder &ndash; the old one&hellip; is watched under Operation&nbsp;Tidewater "
        "since March.",
        "The ‘north’ feeder — the\u202fold one... is watched under Opera\u00adtion Tide\u200bwater since March.",
        "The «north» feeder -- the old one\u2009… is <em>watched</em> under <b>Operation Tidewater</b> since March.",
        "THE 'NORTH' FEEDER − THE OLD ONE… IS WATCHED UNDER OPERATION TIDEWATER SINCE MARCH.",
    ],
)
def test_what_the_outputs_change_is_still_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shown: str) -> None:
    whole = _publication(_project(tmp_path), monkeypatch)
    hidden = secrets(whole, for_edition(whole, PUBLIC, Report()))
    out = tmp_path / "out"
    out.mkdir()
    (out / "page.html").write_text(f"<main><p>{shown}</p></main>", encoding="utf-8")
    found = [leak.format() for leak in find_leaks(out, hidden)]
    assert "page.html: carries restricted text 'the 'north' feeder - the old one' in <p> near byte 9 " in found[0]
    assert len(found) == 2  # the two sentences of the section


def test_ligatures_and_curly_quotes_in_a_pdf_are_found(tmp_path: Path) -> None:
    secret = Secret(normalise('The "official" financing of the site'), Location("content/x.md", 3, 1))
    # Typst prints '"' as curly quotes and may set "fi" as a ligature; the text layer is checked as printed
    (tmp_path / "plan.pdf").write_bytes(_pdf('First page.\n#pagebreak()\nThe "ofﬁcial" ﬁnancing of the site.'))
    assert [leak.format() for leak in find_leaks(tmp_path, [secret])] == [
        "plan.pdf: carries restricted text 'the 'official' financing of the site' on page 2 "
        "(written at content/x.md:3:1)"
    ]


# -- every format, every byte, and where ---------------------------------------------------------


def test_each_format_says_where_the_text_stands(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    whole = _publication(_project(tmp_path), monkeypatch)
    cut = for_edition(whole, PUBLIC, Report())
    hidden = [*codeword_secrets(whole.codewords, cut), GRID]
    out = tmp_path / "out"
    (out / "downloads").mkdir(parents=True)
    (out / "downloads" / "plan.pdf").write_bytes(_pdf("Page one.\n#pagebreak()\nSurvey flown for Operation Tidewater."))
    (out / "downloads" / "plan.docx").write_bytes(
        _zip(
            {
                "[Content_Types].xml": "<Types/>",
                "word/document.xml": "<w:document><w:body><w:p><w:r><w:t>Grid </w:t></w:r><w:r><w:rPr><w:b/></w:rPr>"
                "<w:t>sabotage</w:t></w:r></w:p></w:body></w:document>",
            }
        )
    )
    (out / "downloads" / "plan.epub").write_bytes(
        _zip(
            {
                "mimetype": "application/epub+zip",
                "EPUB/text/ch001.xhtml": "<html><body><h1>Sites</h1><p>Past the Cape Vell\nradar site.</p>"
                "</body></html>",
            }
        )
    )
    (out / "media").mkdir()
    (out / "media" / "map.png").write_bytes(_png(b"Survey flown for Operation Tidewater"))
    (out / "fonts.woff2").write_bytes(b"\x00\x01binary\xff\xfeGRID SABOTAGE\x00")
    (out / "sitemap.xml.gz").write_bytes(
        gzip.compress(b"<urlset><url><loc>x</loc><lastmod>Cape Vell radar site</lastmod></url></urlset>")
    )
    (out / "index.html").write_text('<p>Plain.</p><img src="map.png" alt="Grid sabotage map">', encoding="utf-8")
    assert [leak.format() for leak in find_leaks(out, hidden, prefix="public/")] == [
        "public/downloads/plan.docx: carries restricted text 'grid sabotage' in word/document.xml <w:p> near byte 35 "
        "(written at content/sites.md:14:1)",
        "public/downloads/plan.epub: carries the code word 'Cape Vell radar site' (SECRET) in EPUB/text/ch001.xhtml "
        "<p> near byte 38 (listed at content/handling.md:13:3)",
        "public/downloads/plan.pdf: carries the code word 'OPERATION TIDEWATER' (SECRET) on page 2 "
        f"(listed at {LISTED})",
        "public/fonts.woff2: carries restricted text 'grid sabotage' near byte 10 (written at content/sites.md:14:1)",
        "public/index.html: carries restricted text 'grid sabotage' in alt of <img> near byte 37 "
        "(written at content/sites.md:14:1)",
        f"public/media/map.png: carries the code word 'OPERATION TIDEWATER' (SECRET) near byte 66 (listed at {LISTED})",
        "public/sitemap.xml.gz: carries the code word 'Cape Vell radar site' (SECRET) in sitemap.xml <lastmod> "
        "near byte 34 (listed at content/handling.md:13:3)",
    ]


def test_a_code_word_is_found_at_a_word_start_only() -> None:
    from generator.validate.codewords import normalised_pattern, pattern

    finder = normalised_pattern(["TIDEWATER"])
    assert finder is not None
    assert [bool(finder.search(normalise(text))) for text in ("op-tidewater", "Tidewater’s", "subtidewater")] == [
        True,
        True,
        False,
    ]
    assert pattern("Cape Vell radar site").search("past *Cape  Vell*\nradar site") is not None


def test_every_output_file_is_read_whatever_its_name(tmp_path: Path) -> None:
    chapter = "# Grid sabotage {classification=SECRET}\n\nThe north feeder is watched.\n"
    (tmp_path / "logo.png").write_text(chapter, encoding="utf-8")  # a chapter copied under an image's name
    assert "grid sabotage" in read_output(tmp_path / "logo.png").text
    assert find_leaks(tmp_path, [GRID])[0].format() == (
        "logo.png: carries restricted text 'grid sabotage' near byte 2 (written at content/sites.md:14:1)"
    )


# -- code words at check time --------------------------------------------------------------------

IN_PROSE = {
    "sites.md": [
        (
            "The harbour has four posts and one power supply.",
            "The harbour has four posts; Operation\nTidewater watches one.",
        )
    ],
    "plan.md": [("title: Fence the container quay", "title: Fence the quay before operation tidewater")],
}
EXPECTED_CHECK = (
    "content/plan.md:19:1: error[E-CODEWORD]: action ACT-01.title: the code word 'OPERATION TIDEWATER' (SECRET) is "
    "in text the public edition shows\n"
    f"  hint: write it another way, or mark this text SECRET (the code word is listed at {LISTED})\n"
    "content/sites.md:8:29: error[E-CODEWORD]: the code word 'OPERATION TIDEWATER' (SECRET) is in text the public "
    "edition shows\n"
    f"  hint: write it another way, or mark this text SECRET (the code word is listed at {LISTED})\n"
    "charter: 2 errors, 0 warnings\n"
)


def test_a_code_word_in_public_text_fails_the_check(tmp_path: Path) -> None:
    result = charter("check", "content", cwd=_project(tmp_path, IN_PROSE))
    assert (result.returncode, result.stdout + result.stderr) == (1, EXPECTED_CHECK)


def test_a_code_word_in_public_text_fails_the_build_and_keeps_the_old_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(tmp_path, IN_PROSE)
    old = _old_site(project)
    assert _build(project, monkeypatch) == 1
    captured = capsys.readouterr()
    assert captured.out + captured.err == EXPECTED_CHECK
    assert old.read_text(encoding="utf-8") == "the last good site"


def test_a_code_word_only_an_output_carries_fails_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(
        tmp_path,
        {"sites.md": [("one power supply.", "one power supply.\n\n![Map of the posts](map.png)")]},
    )
    (project / "content" / "map.png").write_bytes(_png(b"Survey flown for Operation Tidewater"))  # no prose says it
    old = _old_site(project)
    assert _build(project, monkeypatch) == 1
    assert capsys.readouterr().err == (
        "charter: error: the public edition carries text above PUBLIC:\n"
        "  public/media/map.png: carries the code word 'OPERATION TIDEWATER' (SECRET) near byte 66 "
        f"(listed at {LISTED})\n"
        "charter: the previous site/ is unchanged\n"
    )
    assert old.read_text(encoding="utf-8") == "the last good site"


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (
            ("classification: SECRET\n", "classification: PUBLIC\n"),
            "content/handling.md:11:1: error[E-CODEWORD-LEVEL]: the code words are at PUBLIC, the lowest level: "
            "every edition would publish the list\n"
            "  hint: mark the block or its file above PUBLIC, e.g. ```yaml codewords classification=SECRET\n",
        ),
        (
            ("- Cape Vell radar site", "- {term: Cape Vell}"),
            "content/handling.md:13:3: error[E-CODEWORD]: a code word must be a term written as text\n"
            "  hint: list one term per line: '- OPERATION TIDEWATER'\n",
        ),
    ],
)
def test_a_code_word_list_that_cannot_work_is_an_error(tmp_path: Path, edit: tuple[str, str], expected: str) -> None:
    result = charter("check", "content", cwd=_project(tmp_path, {"handling.md": [edit]}))
    assert (result.returncode, result.stdout + result.stderr) == (1, expected + "charter: 1 error, 0 warnings\n")


def test_the_list_is_never_rendered_and_the_editions_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = _project(tmp_path)
    assert _build(project, monkeypatch, with_print=True) == 0
    site = project / "site"
    carriers = {
        p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and "tidewater" in read_output(p).text
    }
    assert "cape vell" not in " ".join(read_output(p).text for p in site.rglob("*") if p.is_file())
    assert {c.split("/")[0] for c in carriers} == {"restricted"}  # the SECRET section, in the SECRET edition only
    assert {"restricted/sites/index.html", "restricted/downloads/hsp-plan-restricted-0.1.0.pdf"} <= carriers


def test_a_file_read_ahead_is_used_only_for_the_very_same_bytes(tmp_path: Path) -> None:
    """A build reads its printed files while MkDocs runs; the check trusts that only for identical bytes."""
    printed, site = tmp_path / "downloads", tmp_path / "site" / "downloads"
    printed.mkdir()
    site.mkdir(parents=True)
    clean = _pdf("#par[Substation maintenance]")
    (printed / "doc.pdf").write_bytes(clean)
    (printed / "doc.docx").write_bytes(_zip({"word/document.xml": "<w:document><w:t>Harbour</w:t></w:document>"}))
    with ReadAhead() as ahead:
        ahead.start(sorted(printed.iterdir()))
        # the published PDF is the printed one; the published DOCX is not: it carries the secret
        (site / "doc.pdf").write_bytes(clean)
        leaked = _zip({"word/document.xml": "<w:document><w:t>Substation and power grid sabotage</w:t></w:document>"})
        (site / "doc.docx").write_bytes(leaked)
        assert ahead.holds(site / "doc.pdf") and not ahead.holds(site / "doc.docx")
        leaks = find_leaks(tmp_path / "site", [GRID], ahead=ahead)
    assert [leak.path for leak in leaks] == ["downloads/doc.docx"]
