"""Annex letters, given once by the model: the same letter on the web and in the PDF, DOCX and EPUB.

A publication written from the minimal one has three annexes: "Annex A: Glossary", an
annex whose title names no letter (it gets B), and "Annex E: Sources" (a drafter's letter,
skipping C and D, is kept). The generated annexes follow with F, G, ...
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from generator.diagnostics import Location, Report
from generator.model import Chapter, View
from generator.render_site.chapters import chapter_pages
from generator.render_site.render import Renderer
from generator.resolve.annexes import generated_letters
from generator.resolve.editions import for_edition
from tests.print.conftest import Built, build, page_texts, plain, read
from tests.site.conftest import MINIMAL, build_site, copy_content

ANNEXES = (
    ("glossary.md", "Annex A: Glossary", 100, "# Annex A: Glossary\n\nWords."),
    ("contacts.md", "Contacts", 110, "# Contacts\n\nWho to call."),
    ("sources.md", "Annex E: Sources", 120, "Where the figures come from."),
)
LETTERED = ["Annex A: Glossary", "Annex B: Contacts", "Annex E: Sources"]


def write_annexes(root: Path) -> Path:
    content = copy_content(MINIMAL, root / "content")
    for name, title, order, body in ANNEXES:
        text = f'---\ntitle: "{title}"\norder: {order}\nannex: true\n---\n\n{body}\n'
        (content / "annexes").mkdir(exist_ok=True)
        (content / "annexes" / name).write_text(text, encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_annexes(tmp_path_factory.mktemp("annex-letters"))


def test_the_model_letters_each_annex_once_keeping_a_drafters_letter(content: Path) -> None:
    publication = read(content)
    annexes = [c for c in publication.chapters if c.annex]
    assert [c.title for c in annexes] == LETTERED
    assert [c.letter for c in annexes] == ["A", "B", "E"]


def test_the_web_pages_titles_carry_the_letter(content: Path) -> None:
    site = Renderer.of(read(content))
    pages = {page.title: page for page in chapter_pages(site)}
    assert set(LETTERED) <= set(pages)
    contacts = pages["Annex B: Contacts"]
    assert "# Annex B: Contacts" in contacts.body and "# Contacts\n" not in contacts.body


@pytest.mark.slow
def test_the_built_sites_nav_and_titles_carry_the_letter(content: Path, tmp_path: Path) -> None:
    built = build_site(content, tmp_path)
    assert built.status == 0, built.stderr
    page = (built.site / "annexes" / "contacts" / "index.html").read_text(encoding="utf-8")
    nav = re.findall(r'class="md-nav__link[^"]*">\s*<span class="md-ellipsis">\s*(Annex [^<]*?)\s*</span>', page)
    assert nav == LETTERED
    assert "<title>Annex B: Contacts - " in page


@pytest.fixture(scope="module")
def printed(content: Path, tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build(content, tmp_path_factory.mktemp("annex-letters-print"))


@pytest.mark.slow
def test_the_pdf_keeps_the_drafters_letters(printed: Built) -> None:
    text = "\n".join(page_texts(printed.file("PDF")))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    for heading in ("Annex A Glossary", "Annex B Contacts", "Annex E Sources", "Annex F Risk register"):
        assert heading in lines, heading
    assert "Annex C Sources" not in lines and "Annex C Risk register" not in lines


@pytest.mark.slow
def test_docx_and_epub_headings_name_the_letter(printed: Built) -> None:
    document = docx.Document(str(printed.file("DOCX")))
    level_one = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1"]
    annexes = [t for t in level_one if t.startswith("Annex ")]
    assert annexes[:4] == [*LETTERED, "Annex F: Risk register"]
    assert len(set(annexes)) == len(annexes)
    with zipfile.ZipFile(printed.file("EPUB")) as epub:
        xhtml = "".join(epub.read(n).decode() for n in epub.namelist() if n.endswith(".xhtml"))
    for title in [*LETTERED, "Annex F: Risk register"]:
        assert f">{title}</h1>" in xhtml or f">{title}<" in xhtml, title


# -- one letter in every edition ---------------------------------------------------------------------------------

EDITIONS = (
    "editions:\n  - {id: public, title: Public edition, level: PUBLIC}\n"
    "  - {id: official, title: Partners' edition, level: OFFICIAL}\n"
)


@pytest.fixture(scope="module")
def two_editions(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The annexes above, with Contacts (B) OFFICIAL, a second edition to show it, and the register shown in a chapter.

    The public edition leaves Contacts out: B stays unused there, and the generated annexes are
    F, G, ... in both editions.
    """
    content = write_annexes(tmp_path_factory.mktemp("annex-editions"))
    settings = content / "publication.yml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace("editions:\n  - {id: public, title: Public edition, level: PUBLIC}\n", EDITIONS))
    contacts = content / "annexes" / "contacts.md"
    contacts.write_text(contacts.read_text().replace("annex: true\n", "annex: true\nclassification: OFFICIAL\n"))
    plan = content / "plan.md"
    plan.write_text(plan.read_text(encoding="utf-8") + "\n## The register\n\n```yaml view\nshow: register\n```\n")
    return content


def test_generated_annexes_are_lettered_once_from_the_whole_publication(two_editions: Path) -> None:
    publication = read(two_editions)
    assert publication.annex_letters == {"register": "F", "actions": "G", "committees": "H", "raci": "I"}
    for edition in publication.settings.editions:
        assert for_edition(publication, edition, Report()).annex_letters == publication.annex_letters


def test_an_annex_chapter_that_prints_a_generated_annex_lends_it_its_letter() -> None:
    here = Location("annexes/register.md", 1, 1)
    chapter = Chapter(path="annexes/register.md", title="Annex C: Register", order=1, location=here, annex=True)
    chapter.letter = "C"
    chapter.segments.append(View(show="register", location=here))
    filtered = Chapter(path="annexes/some.md", title="Annex D: Some", order=2, location=here, annex=True, letter="D")
    filtered.segments.append(View(show="actions", location=here, options={"lead": "AG-X"}))
    assert generated_letters([chapter, filtered]) == {"register": "C", "actions": "E", "committees": "F", "raci": "G"}


def test_each_editions_web_pages_keep_the_annexes_letters(two_editions: Path) -> None:
    publication = read(two_editions)
    titles = {}
    for edition in publication.settings.editions:
        site = Renderer.of(for_edition(publication, edition, Report()))
        titles[edition.id] = {page.title for page in chapter_pages(site) if page.title.startswith("Annex")}
    assert titles["public"] == {"Annex A: Glossary", "Annex E: Sources"}
    assert titles["official"] == {"Annex A: Glossary", "Annex B: Contacts", "Annex E: Sources"}


@pytest.fixture(scope="module")
def printed_editions(two_editions: Path, tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build(two_editions, tmp_path_factory.mktemp("annex-editions-print"))


def _pdf_lines(pdf: Path) -> list[str]:
    return [plain(line) for page in page_texts(pdf) for line in page.splitlines()]


@pytest.mark.slow
@pytest.mark.parametrize("edition", [None, "official"])
def test_every_editions_pdf_letters_the_generated_annexes_alike(printed_editions: Built, edition: str | None) -> None:
    lines = _pdf_lines(printed_editions.file("PDF", edition=edition))
    for heading in ("Annex A Glossary", "Annex E Sources", "Annex F Risk register", "Annex I RACI matrix"):
        assert heading in lines, heading
    assert ("Annex B Contacts" in lines) == (edition == "official")
    assert not [line for line in lines if re.match(r"Annex [BCD] (Risk register|Action plan)", line)]


@pytest.mark.slow
@pytest.mark.parametrize("edition", [None, "restricted"])
def test_the_samples_editions_letter_each_annex_alike(sample: Built, edition: str | None) -> None:
    """The restricted Annex D (protective measures) leaves D unused in the public edition."""
    pages = [plain(page) for page in page_texts(sample.file("PDF", edition=edition))]
    text = " ".join(pages)
    for heading in ("Annex C Document control", "Annex E Risk register", "Annex F Action plan", "Annex H RACI matrix"):
        assert heading in text, heading
    assert ("Annex D Vulnerable key assets" in text) == (edition == "restricted")
    assert "Annex D Risk register" not in text


# -- the pointer to an annex's table -----------------------------------------------------------------------------

POINTER = re.compile(r"The full register is in Annex (?P<letter>[A-Z]): Risk register \(page (?P<page>\d+)\)\.")


@pytest.mark.slow
@pytest.mark.parametrize("edition", [None, "restricted"])
def test_the_pointer_names_the_annex_its_letter_and_its_page(sample: Built, edition: str | None) -> None:
    reader = PdfReader(sample.file("PDF", edition=edition))
    pages = [plain(page) for page in page_texts(sample.file("PDF", edition=edition))]
    found = [(index, match) for index, page in enumerate(pages) for match in POINTER.finditer(page)]
    assert len(found) == 1, found
    _index, match = found[0]
    assert match.group("letter") == "E"
    annex_page = next(i for i, page in enumerate(pages) if "Annex E Risk register The full register of" in page)
    assert reader.page_labels[annex_page] == match.group("page")  # the number its footer prints
    assert "See the annex" not in " ".join(pages)


@pytest.mark.slow
def test_docx_and_epub_pointers_name_the_annex_and_link_it(sample: Built) -> None:
    document = docx.Document(str(sample.file("DOCX")))
    pointers = [p.text for p in document.paragraphs if re.match(r"The (full|committees).* (is|are) in Annex", p.text)]
    assert pointers == [
        "The full register is in Annex E: Risk register.",
        "The full action plan is in Annex F: Action plan.",
        "The full RACI matrix is in Annex H: RACI matrix.",
        "The committees’ full terms of reference are in Annex G: Terms of reference of the committees.",
    ]
    with zipfile.ZipFile(sample.file("EPUB")) as epub:
        xhtml = "".join(epub.read(n).decode() for n in epub.namelist() if n.endswith(".xhtml"))
    assert re.search(r'The full register is in <a href="[^"]*#annex-register">Annex E: Risk register</a>\.', xhtml)


@pytest.mark.slow
def test_the_energy_roots_pointer_names_its_annex(energy: Built) -> None:
    """The energy root's annexes are chapters A to D: its register is the generated Annex E."""
    assert energy.whole.annex_letters["register"] == "E"
    text = " ".join(plain(page) for page in page_texts(energy.file("PDF")))
    assert "Annex E Risk register" in text
    assert re.search(r"The full register is in Annex E: Risk register \(page \d+\)\.", text)
