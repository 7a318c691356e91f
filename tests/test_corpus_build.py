"""The bad-input corpus through ``charter build``, not only ``charter check``.

Every case ends one of two ways. Content with a problem: exit status 1, the same located
diagnostics ``charter check`` prints, no traceback, and the previous site left byte for
byte as it was. Legal content, however hostile: the build succeeds, and the text lands in
the pages escaped (no script, event handler or ``javascript:`` address of its own, no
table cell split by a ``|``) and intact (right-to-left, combining and decomposed letters
exactly as written).

The corpus is every case file under ``tests/diagnostics/`` (each mutates
``tests/roots/minimal``; ``test_diagnostics.py`` runs them through ``charter check``) and,
below them, the cases a case file cannot hold: huge, deeply nested and self-multiplying
YAML, symbolic links, a pipe, an empty content folder. Those run ``check`` and ``build``
in a child process with a time limit and 2 GB of address space, so a hang or a memory
blow-up fails the test instead of the machine.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.cli import main
from generator.load.yamlnodes import MAX_SCALAR
from tests.casefile import parse_case
from tests.test_cli import charter as run_charter

HERE = Path(__file__).parent
MINIMAL = HERE / "roots" / "minimal"
CASES = sorted((HERE / "diagnostics").glob("*.txt"))
PRINTED = {"51-markup-in-titles", "52-pipes-in-titles-and-cells", "57-decomposed-and-bidi-text"}
"""Legal cases built with their PDF, DOCX and EPUB too; the others use --no-print to stay fast."""
PRINT_ERRORS = {"102-print-glyph"}
"""Cases whose error only a build with print reports (a character no print font has)."""
MEMORY_LIMIT = 2 * 1024**3


# -- the previous site, and whether a build touched it ----------------------------------


@pytest.fixture(scope="module")
def previous_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A good site built once from the minimal publication: what a failed build must leave alone."""
    project = tmp_path_factory.mktemp("previous") / "project"
    shutil.copytree(MINIMAL, project)
    result = charter("build", "content", "--site-dir", "site", "--no-print", cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture
def site(previous_site: Path, tmp_path: Path) -> Path:
    """A copy of the previous site for one case to build over."""
    copy = tmp_path / "site"
    shutil.copytree(previous_site, copy, symlinks=True)
    return copy


def tree_state(root: Path) -> dict[str, str]:
    """Every path below ``root`` with what it is: a file's SHA-256, a link's target, or 'folder'."""
    state = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_symlink():
            state[rel] = f"link to {os.readlink(path)}"
        elif path.is_dir():
            state[rel] = "folder"
        else:
            state[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return state


# -- running Charter --------------------------------------------------------------------


def charter(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The command line in a child process with 2 GB of address space and a minute to finish."""
    return run_charter(*args, cwd=cwd, timeout=60, memory=MEMORY_LIMIT)


# -- reading the pages ------------------------------------------------------------------

_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"})
_ADDRESS_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "srcdoc", "data"})
_CODE_SCHEMES = ("javascript:", "vbscript:", "data:")


class Page(HTMLParser):
    """What a test needs from one HTML (or SVG, or XHTML) page: its elements, texts and tables."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.texts: dict[str, list[str]] = {}
        """The text of every closed element, by tag: what a reader sees, entities decoded."""
        self.tables: list[list[list[str]]] = []
        """Each table's rows, each row its cells' texts."""
        self._open: list[tuple[str, list[str]]] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, attrs))
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        if tag not in _VOID:
            self._open.append((tag, []))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index][0] == tag:
                text = "".join(self._open[index][1])
                del self._open[index:]
                self.texts.setdefault(tag, []).append(text)
                if tag in ("td", "th") and self.tables and self.tables[-1]:
                    self.tables[-1][-1].append(text)
                return

    def handle_data(self, data: str) -> None:
        for _, parts in self._open:
            parts.append(data)

    def text(self, tag: str) -> list[str]:
        """The texts of every ``tag`` element on the page."""
        return self.texts.get(tag, [])

    def headings(self) -> list[str]:
        """The texts of the page's ``h1`` headings, without their permalink sign."""
        return [text.removesuffix("\N{PILCROW SIGN}") for text in self.text("h1")]

    def tags(self, tag: str) -> list[list[tuple[str, str | None]]]:
        """The attributes of every ``tag`` element on the page."""
        return [attrs for name, attrs in self.elements if name == tag]


def page(public: Path, folder: str) -> Page:
    """The page of a folder of the site, parsed."""
    return Page((public / folder / "index.html").read_text(encoding="utf-8"))


def assert_no_code_from_content(markup: str, where: str) -> None:
    """No script, handler or code-running address that content could have put there."""
    parsed = Page(markup)
    for tag, attrs in parsed.elements:
        for name, value in attrs:
            assert not name.startswith("on"), f"{where}: <{tag} {name}={value!r}>"
            plain = "".join((value or "").split()).lower()
            if name in _ADDRESS_ATTRIBUTES:
                assert not plain.startswith(_CODE_SCHEMES), f"{where}: <{tag} {name}={value!r}>"
    for script in parsed.text("script"):
        assert "alert(" not in script, f"{where}: a script from content: {script[:80]!r}"


def assert_site_is_safe(public: Path) -> None:
    """Every page, diagram and the search index of a built edition carry no code from content."""
    for path in sorted([*public.rglob("*.html"), *public.rglob("*.svg")]):
        assert_no_code_from_content(path.read_text(encoding="utf-8"), str(path.relative_to(public)))
    index = json.loads((public / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        assert "<script" not in doc["title"] + doc["text"], doc["location"]


def epub_pages(public: Path) -> list[str]:
    """The XHTML pages of the edition's EPUB."""
    (epub,) = (public / "downloads").glob("*.epub")
    with zipfile.ZipFile(epub) as archive:
        return [archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".xhtml")]


# -- what each legal case must look like on the page -------------------------------------

RTL_NAME = (
    "\u0634\u0631\u0637\u0629 \u0627\u0644\u0645\u064a\u0646\u0627\u0621 \u2014 \u1e28arbour P\xf6li\xe7e \u0308x"
)
MARKUP_TITLE = "Theft | of <b>containers</b> **from** the [quay](x) & <script>"
PIPE_TITLE = 'Theft | of <b>containers</b> **from** the [quay](x) {: onclick="alert(1)"} `code` \\| end'
NFD_TITLE = "Bunker spill at the Po\u0308lic\u0327e berth \u202eLIO\u202c \u0645\u0631\u0641\u0623"
PUBLICATION_TITLE = "<script>alert(1)</script> Harbour | {{ config.site_name }} {% if x %} & Plan"


def _rtl_and_combining(public: Path) -> None:
    agency = page(public, "agencies/ag-police")
    assert RTL_NAME in agency.headings()
    (agencies,) = page(public, "agencies").tables
    assert [RTL_NAME, "", "Police", ""] in agencies


def _markup_in_titles(public: Path) -> None:
    risk = page(public, "risks/r-theft-01")
    assert f"R-THEFT-01 {MARKUP_TITLE}" in risk.headings()
    assert not risk.tags("b")
    assert any(MARKUP_TITLE in text for text in page(public, "register").text("a"))
    assert any(MARKUP_TITLE in text for xhtml in epub_pages(public) for text in Page(xhtml).text("td"))


def _pipes_in_titles_and_cells(public: Path) -> None:
    notes = page(public, "notes")
    written, register = notes.tables
    assert written == [
        ["Risk", "Owner"],
        [PIPE_TITLE, "Harbour Police"],
        ["own | words", "Harbour Police"],
        ["a | b in code", "c | d"],
    ]
    header, *rows = register
    assert rows and all(len(row) == len(header) for row in rows)
    assert any(PIPE_TITLE in cell for row in rows for cell in row)
    tooltip = "R-THEFT-01: " + PIPE_TITLE.replace('"', "'")
    assert [attrs for attrs in notes.tags("a") if ("title", tooltip) in attrs]  # [[R-THEFT-01|own words]]
    assert f"R-THEFT-01 {PIPE_TITLE}" in page(public, "risks/r-theft-01").headings()


def _bom_crlf_and_tabs(public: Path) -> None:
    markup = (public / "notes" / "index.html").read_text(encoding="utf-8")
    assert "\ufeff" not in markup and "\r" not in markup
    notes = Page(markup)
    assert any("between" in p and "words and Theft of containers from the quay here." in p for p in notes.text("p"))
    assert "code indented by a tab\n" in notes.text("code")
    assert "Carriage return, line feed" in notes.text("dd")


def _decomposed_and_bidi(public: Path) -> None:
    notes = page(public, "notes")
    paragraph = f"The Po\u0308lic\u0327e berth (\u0645\u0631\u0641\u0623) is next to {NFD_TITLE}."
    assert paragraph in notes.text("p")
    assert "Pöliçe" not in (public / "notes" / "index.html").read_text(encoding="utf-8")  # not normalised to NFC
    assert f"R-SPILL-01 {NFD_TITLE}" in page(public, "risks/r-spill-01").headings()
    assert any(NFD_TITLE in xhtml for xhtml in epub_pages(public))


def _markup_in_prose(public: Path) -> None:
    notes = page(public, "notes")
    assert not notes.tags("b") and not notes.tags("em") and not notes.tags("i")
    assert ("class", "box") not in [attr for attrs in notes.tags("div") for attr in attrs]
    assert "Patrols <b>double</b> when wind < 5 knots & swell > 2 m." in notes.text("p")
    assert '<div class="box">A box of <em>raw</em> HTML.</div>' in notes.text("p")
    assert notes.tables == [[["Cell with a | b in code", "Cell with <i>tags</i> & more"], ["one", "two"]]]
    hrefs = [value for attrs in notes.tags("a") for name, value in attrs if name == "href"]
    assert "https://www.imo.org/" in hrefs
    for path in public.rglob("*"):
        if path.is_file():
            assert b"drafting note" not in path.read_bytes(), path


def _markup_in_publication_title(public: Path) -> None:
    home = page(public, "")
    assert PUBLICATION_TITLE in home.text("title")
    assert PUBLICATION_TITLE in home.headings()


LEGAL_PAGES: dict[str, Callable[[Path], None]] = {
    "50-rtl-and-combining-text": _rtl_and_combining,
    "51-markup-in-titles": _markup_in_titles,
    "52-pipes-in-titles-and-cells": _pipes_in_titles_and_cells,
    "56-bom-crlf-and-tabs-are-fine": _bom_crlf_and_tabs,
    "57-decomposed-and-bidi-text": _decomposed_and_bidi,
    "58-markup-in-prose-is-shown": _markup_in_prose,
    "63-markup-in-publication-title": _markup_in_publication_title,
}


# -- the case files ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "case_path",
    [pytest.param(p, marks=pytest.mark.slow) if p.stem in PRINTED else p for p in CASES],
    ids=[p.stem for p in CASES],
)
def test_case_file_through_build(
    case_path: Path,
    site: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    case = parse_case(case_path)
    project = case.apply(MINIMAL, tmp_path / "project")
    before = tree_state(site)
    monkeypatch.chdir(project)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")  # the build sets it for itself when unset
    printing = [] if case.name in PRINTED | PRINT_ERRORS else ["--no-print"]
    code = main(["build", *case.args[1:], "--site-dir", str(site), *printing])
    captured = capsys.readouterr()
    output = (captured.err + captured.out).strip("\n")
    assert "Traceback" not in output
    if case.exit_code:
        assert (code, output) == (1, case.expected)  # what charter check prints, and nothing more
        assert tree_state(site) == before
        return
    *problems, summary = case.expected.splitlines()
    assert summary.startswith("content: OK")
    *reported, built = output.splitlines()
    assert code == 0, output
    assert reported == problems  # the warnings charter check prints, if any
    assert built.startswith(f"charter: built {site.name}/public/ in ")
    public = site / "public"
    assert_site_is_safe(public)
    if printing == []:
        assert sorted(p.suffix for p in (public / "downloads").iterdir()) == [".docx", ".epub", ".pdf"]
        for xhtml in epub_pages(public):
            assert_no_code_from_content(xhtml, "EPUB")
    check_pages = LEGAL_PAGES.get(case.name)
    if check_pages is not None:
        check_pages(public)


def test_every_legal_hostile_case_is_checked_on_the_page() -> None:
    names = {p.stem for p in CASES}
    assert set(LEGAL_PAGES) <= names
    assert set(LEGAL_PAGES) >= PRINTED


# -- the cases a case file cannot hold ---------------------------------------------------------


def _write_block(project: Path, yaml_text: str) -> None:
    (project / "content" / "hostile.md").write_text(
        f"# Hostile\n\n```yaml agency\n{yaml_text}\n```\n", encoding="utf-8"
    )


def _replace(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


THEFT = "Theft of containers from the quay"
"""The title of the minimal publication's first risk."""


def _laughs(first: str) -> str:
    """Nine levels of ten aliases each: a billion 'lol's if YAML expanded them."""
    rows = [f'{first}: &a0 "lol"']
    rows += [f"k{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    return "\n".join(rows)


def _alias_bomb_in_block(project: Path) -> None:
    _write_block(project, "id: AG-X\n" + _laughs("name"))


def _alias_bomb_in_publication(project: Path) -> None:
    publication = project / "content" / "publication.yml"
    publication.write_text(publication.read_text(encoding="utf-8") + _laughs("extra") + "\n", encoding="utf-8")


def _deep_flow_list(project: Path) -> None:
    _write_block(project, "id: AG-X\nname: " + "[" * 10_000 + "]" * 10_000)


def _deep_flow_mapping(project: Path) -> None:
    _write_block(project, "id: AG-X\nname: " + "{a: " * 10_000 + "x" + "}" * 10_000)


def _deep_block_list(project: Path) -> None:
    _write_block(project, "id: AG-X\nname:\n  " + "- " * 10_000 + "x")


def _deep_front_matter(project: Path) -> None:
    deep = "[" * 10_000 + "]" * 10_000
    (project / "content" / "deep.md").write_text(f"---\ntitle: {deep}\n---\n# Deep\n", encoding="utf-8")


def _fifty_megabytes_in_chapter(project: Path) -> None:
    _write_block(project, "id: AG-X\nname: " + "x" * (50 * 1024 * 1024))


def _fifty_megabytes_in_publication(project: Path) -> None:
    _replace(project / "content" / "publication.yml", "short_title: HSP", "short_title: " + "x" * (50 * 1024 * 1024))


def _fifteen_megabyte_title(project: Path) -> None:
    """Under the file size limit: a title this long would be copied onto every page that links the risk."""
    _replace(project / "content" / "register.md", THEFT, "word " * (3 * 1024 * 1024))


def _title_one_over_the_limit(project: Path) -> None:
    _replace(project / "content" / "register.md", THEFT, "x" * (MAX_SCALAR + 1))


def _pipe_named_like_a_chapter(project: Path) -> None:
    os.mkfifo(project / "content" / "pipe.md")  # reading it would wait for a writer forever


def _device_linked_as_chapter(project: Path) -> None:
    (project / "content" / "zero.md").symlink_to("/dev/zero")


def _empty_content_folder(project: Path) -> None:
    shutil.rmtree(project / "content")
    (project / "content").mkdir()


def _outside(project: Path) -> Path:
    outside = project.parent / "outside"
    outside.mkdir(exist_ok=True)
    (outside / "secret.md").write_text("# Secret\n\nNot for the site.\n", encoding="utf-8")
    (outside / "secret.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>\n', encoding="utf-8")
    return outside


def _chapter_linked_outside(project: Path) -> None:
    (project / "content" / "secret.md").symlink_to(_outside(project) / "secret.md")


def _folder_linked_outside(project: Path) -> None:
    (project / "content" / "annexes").symlink_to(_outside(project), target_is_directory=True)


def _image_linked_outside(project: Path) -> None:
    (project / "content" / "chart.svg").symlink_to(_outside(project) / "secret.svg")
    (project / "content" / "notes.md").write_text("# Notes\n\n![A chart](chart.svg)\n", encoding="utf-8")


def _image_through_dot_dot(project: Path) -> None:
    _outside(project)
    (project / "content" / "notes.md").write_text("# Notes\n\n![A chart](../../outside/secret.svg)\n", encoding="utf-8")


def _image_linked_inside(project: Path) -> None:
    (project / "content" / "img").mkdir()
    (project / "content" / "img" / "chart.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>\n')
    (project / "content" / "chart.svg").symlink_to("img/chart.svg")
    (project / "content" / "notes.md").write_text("# Notes\n\n![A chart](chart.svg)\n", encoding="utf-8")


def _image_linked_to_a_chapter(project: Path) -> None:
    """A symbolic link named like an image, to a restricted chapter: it would be copied into the public site."""
    (project / "content" / "secret.md").write_text("---\nclassification: SECRET\n---\n# Secret\n\nHidden.\n")
    (project / "content" / "chart.png").symlink_to("secret.md")
    (project / "content" / "notes.md").write_text("# Notes\n\n![A chart](chart.png)\n", encoding="utf-8")


def _image_hard_linked_to_a_chapter(project: Path) -> None:
    (project / "content" / "secret.md").write_text("---\nclassification: SECRET\n---\n# Secret\n\nHidden.\n")
    os.link(project / "content" / "secret.md", project / "content" / "chart.png")
    (project / "content" / "notes.md").write_text("# Notes\n\n![A chart](chart.png)\n", encoding="utf-8")


def _image_that_is_a_chapter(project: Path) -> None:
    (project / "content" / "chart.png").write_text("---\nclassification: SECRET\n---\n# Secret\n\nHidden.\n")
    (project / "content" / "notes.md").write_text("# Notes\n\n![A chart](chart.png)\n", encoding="utf-8")


def _svg_with_a_script(project: Path) -> None:
    (project / "content" / "chart.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(document.cookie)</script>\n</svg>\n'
    )
    (project / "content" / "notes.md").write_text("# Notes\n\n![A chart](chart.svg)\n", encoding="utf-8")


def _svg_with_a_handler_and_a_call_out(project: Path) -> None:
    (project / "content" / "chart.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">\n'
        '<rect width="5" height="5" onload="alert(1)"/>\n'
        '<image xlink:href="https://example.com/track.png"/>\n</svg>\n'
    )
    (project / "content" / "notes.md").write_text("# Notes\n\n![A chart](chart.svg)\n", encoding="utf-8")


def _svg_that_rewrites_a_link(project: Path) -> None:
    (project / "content" / "chart.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><a><animate attributeName="href" to="javascript:alert(1)"/>'
        "<text>x</text></a></svg>\n"
    )
    (project / "content" / "notes.md").write_text("# Notes\n\n![A chart](chart.svg)\n", encoding="utf-8")


def _chapter_name_not_utf8(project: Path) -> None:
    name = os.fsdecode(b"caf\xe9.md")
    (project / "content" / name).write_text("# Notes\n\nText.\n", encoding="utf-8")


def _real_images_in_a_folder(project: Path) -> None:
    folder = project / "content" / "media" / "charts"
    folder.mkdir(parents=True)
    (folder / "chart.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><rect width="4" height="4"/></svg>\n')
    (folder / "dot.png").write_bytes(PNG_1X1)
    (project / "content" / "notes.md").write_text(
        "# Notes\n\n![A chart](media/charts/chart.svg)\n\n![A dot](media/charts/dot.png)\n", encoding="utf-8"
    )


PNG_1X1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
)


BROKEN: dict[str, tuple[Callable[[Path], None], str]] = {
    "alias-bomb-in-a-block": (
        _alias_bomb_in_block,
        "content/hostile.md:5:7: error[E-YAML-ALIAS]: agency block: YAML anchors and aliases are not supported",
    ),
    "alias-bomb-in-publication": (
        _alias_bomb_in_publication,
        "content/publication.yml:37:8: error[E-YAML-ALIAS]: YAML anchors and aliases are not supported",
    ),
    "10000-deep-flow-list": (
        _deep_flow_list,
        "content/hostile.md:5:71: error[E-YAML-DEPTH]: agency block: YAML nests deeper than 64 levels",
    ),
    "10000-deep-flow-mapping": (
        _deep_flow_mapping,
        "content/hostile.md:5:263: error[E-YAML-DEPTH]: agency block: YAML nests deeper than 64 levels",
    ),
    "10000-deep-block-list": (
        _deep_block_list,
        "content/hostile.md:6:1: error[E-YAML-DEPTH]: agency block: YAML nests deeper than 64 levels",
    ),
    "10000-deep-front-matter": (
        _deep_front_matter,
        "content/deep.md:2:72: error[E-YAML-DEPTH]: YAML nests deeper than 64 levels",
    ),
    "50-MB-field-in-a-chapter": (
        _fifty_megabytes_in_chapter,
        "content/hostile.md:1:1: error[E-FILE-SIZE]: the file is larger than 20 MB",
    ),
    "50-MB-field-in-publication": (
        _fifty_megabytes_in_publication,
        "content/publication.yml:1:1: error[E-FILE-SIZE]: the file is larger than 20 MB",
    ),
    "15-MB-title": (
        _fifteen_megabyte_title,
        "content/register.md:19:8: error[E-YAML-LENGTH]: risk block: a YAML value is longer than 10,000 characters",
    ),
    "title-one-character-too-long": (
        _title_one_over_the_limit,
        "content/register.md:19:8: error[E-YAML-LENGTH]: risk block: a YAML value is longer than 10,000 characters",
    ),
    "pipe-named-like-a-chapter": (
        _pipe_named_like_a_chapter,
        "content/pipe.md:1:1: error[E-FILE-UNREADABLE]: cannot read the file: it is a pipe, socket or device, "
        "not a file",
    ),
    "device-linked-as-a-chapter": (
        _device_linked_as_chapter,
        "content/zero.md:1:1: error[E-PATH-OUTSIDE]: this link points outside the content folder",
    ),
    "empty-content-folder": (
        _empty_content_folder,
        "content/publication.yml:1:1: error[E-PUBLICATION-MISSING]: this content folder has no publication.yml",
    ),
    "chapter-linked-from-outside": (
        _chapter_linked_outside,
        "content/secret.md:1:1: error[E-PATH-OUTSIDE]: this link points outside the content folder",
    ),
    "folder-linked-from-outside": (
        _folder_linked_outside,
        "content/annexes:1:1: error[E-PATH-OUTSIDE]: this link points outside the content folder",
    ),
    "image-linked-from-outside": (
        _image_linked_outside,
        "content/notes.md:3:12: error[E-PATH-OUTSIDE]: the image 'chart.svg' lies outside the content folder",
    ),
    "image-linked-inside-content": (
        _image_linked_inside,
        "content/notes.md:3:12: error[E-IMAGE-LINK]: the image 'chart.svg' is a symbolic link: it could publish "
        "another file under an image's name",
    ),
    "image-linked-to-a-chapter": (
        _image_linked_to_a_chapter,
        "content/notes.md:3:12: error[E-IMAGE-LINK]: the image 'chart.png' is a symbolic link: it could publish "
        "another file under an image's name",
    ),
    "image-hard-linked-to-a-chapter": (
        _image_hard_linked_to_a_chapter,
        "content/notes.md:3:12: error[E-IMAGE-LINK]: the image 'chart.png' is a hard link to another file: it could "
        "publish that file under an image's name",
    ),
    "image-that-is-a-chapter": (
        _image_that_is_a_chapter,
        "content/notes.md:3:12: error[E-IMAGE-FORMAT]: the image 'chart.png' is named as PNG but is not an image",
    ),
    "svg-with-a-script": (
        _svg_with_a_script,
        "content/notes.md:3:12: error[E-IMAGE-UNSAFE]: the SVG image 'chart.svg' holds a <script> element (line 2): "
        "a reader's browser would run or fetch it",
    ),
    "svg-with-a-handler-and-a-call-out": (
        _svg_with_a_handler_and_a_call_out,
        "content/notes.md:3:12: error[E-IMAGE-UNSAFE]: the SVG image 'chart.svg' holds an event handler onload= "
        "(line 2) and 1 more: a reader's browser would run or fetch it",
    ),
    "svg-that-rewrites-a-link": (
        _svg_that_rewrites_a_link,
        "content/notes.md:3:12: error[E-IMAGE-UNSAFE]: the SVG image 'chart.svg' holds a <animate> element (line 1): "
        "a reader's browser would run or fetch it",
    ),
    "chapter-name-not-utf8": (
        _chapter_name_not_utf8,
        "content/caf\ufffd.md:1:1: error[E-FILE-NAME]: the file name is not UTF-8 text",
    ),
    "image-through-dot-dot": (
        _image_through_dot_dot,
        "content/notes.md:3:12: error[E-PATH-OUTSIDE]: the image '../../outside/secret.svg' lies outside the "
        "content folder",
    ),
}


@pytest.mark.parametrize("name", BROKEN)
def test_hostile_input_fails_in_check_and_build_alike(name: str, site: Path, tmp_path: Path) -> None:
    make, first_line = BROKEN[name]
    project = tmp_path / "project"
    shutil.copytree(MINIMAL, project)
    make(project)
    before = tree_state(site)
    check = charter("check", "content", cwd=project)
    build = charter("build", "content", "--site-dir", str(site), "--no-print", cwd=project)
    assert (check.returncode, check.stderr.splitlines()[:1]) == (1, [first_line])
    assert (build.returncode, build.stderr) == (1, check.stderr)
    assert "Traceback" not in build.stderr + build.stdout
    assert tree_state(site) == before


def _no_chapters(project: Path) -> None:
    for path in (project / "content").glob("*.md"):
        path.unlink()


def _title_at_the_limit(project: Path) -> None:
    _replace(project / "content" / "register.md", THEFT, "x" * MAX_SCALAR)


BRACKETS = 40_000


def _paragraph_of_brackets(project: Path) -> None:
    """Python-Markdown alone takes minutes over this (its issue #798: 20,000 took 56 s, and time grows with the
    square), so the build would hit the 60 s timeout; the renderer escapes the '[' that never close."""
    text = "# Notes\n\nBefore " + "[" * BRACKETS + " after, and [a link](https://example.org/) still.\n"
    (project / "content" / "notes.md").write_text(text, encoding="utf-8")


LEGAL: dict[str, tuple[Callable[[Path], None], str]] = {
    "no-chapters": (_no_chapters, "content: OK: 0 chapters, 0 agencies"),
    "title-at-the-limit": (_title_at_the_limit, "content: OK: 3 chapters"),
    "real-images-in-a-folder": (_real_images_in_a_folder, "content: OK: 4 chapters"),
    "a-paragraph-of-brackets": (_paragraph_of_brackets, "content: OK: 4 chapters"),
}


@pytest.mark.parametrize("name", LEGAL)
def test_legal_edge_builds(name: str, tmp_path: Path) -> None:
    make, summary = LEGAL[name]
    project = tmp_path / "project"
    shutil.copytree(MINIMAL, project)
    make(project)
    check = charter("check", "content", cwd=project)
    build = charter("build", "content", "--site-dir", "site", "--no-print", cwd=project)
    assert (check.returncode, check.stderr) == (0, "")
    assert check.stdout.startswith(summary)
    assert build.returncode == 0, build.stderr
    assert_site_is_safe(project / "site" / "public")
    if name == "real-images-in-a-folder":
        for image in ("chart.svg", "dot.png"):
            (copied,) = (project / "site" / "public").rglob(image)
            assert copied.read_bytes() == next((project / "content").rglob(image)).read_bytes()
    if name == "a-paragraph-of-brackets":
        notes = page(project / "site" / "public", "notes")
        (paragraph,) = [text for text in notes.text("p") if text.startswith("Before ")]
        assert paragraph == "Before " + "[" * BRACKETS + " after, and a link still."
        assert [attrs for attrs in notes.tags("a") if ("href", "https://example.org/") in attrs]


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) + len(BROKEN) + len(LEGAL) >= 40
