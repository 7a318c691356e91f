"""Every EPUB of the sample and of the energy root, as epubcheck and a reader see it.

epubcheck (Debian's ``epubcheck``, W3C's validator) finds nothing in any of them; every
document of the reading order carries the edition's marking first and last; images are
sized relative to the line, never in points; the metadata names the edition and its date.
"""

from __future__ import annotations

import posixpath
import re
import shutil
import subprocess
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from xml.etree import ElementTree

import pytest

from generator.model import Edition
from generator.render_print.names import file_stem
from tests.print.conftest import Built

pytestmark = pytest.mark.slow  # builds and reads print editions

EPUBCHECK = Path("/usr/share/java/epubcheck.jar")
"""Debian's epubcheck (``apt-get install epubcheck``): a jar, run with ``java -jar``."""
JAVA_OPTIONS = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]
"""A short run needs no optimising compiler nor parallel collector: half the CPU time of the defaults."""

XHTML = "{http://www.w3.org/1999/xhtml}"
OPF = "{http://www.idpf.org/2007/opf}"
DC = "{http://purl.org/dc/elements/1.1/}"


def epubcheck(epub: Path) -> list[str]:
    """epubcheck's fatal errors, errors and warnings for an EPUB (its usage messages are no findings)."""
    java = shutil.which("java")
    if java is None or not EPUBCHECK.is_file():
        pytest.fail(f"the EPUB tests need Debian's epubcheck at {EPUBCHECK} and java (apt-get install epubcheck)")
    finished = subprocess.run(
        [java, *JAVA_OPTIONS, "-jar", str(EPUBCHECK), str(epub)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    output = finished.stdout + finished.stderr
    counts = re.search(r"Messages: (\d+) fatals? / (\d+) errors? / (\d+) warnings?", output)
    assert counts, f"epubcheck did not report on {epub.name}:\n{output}"
    findings = [line for line in output.splitlines() if re.match(r"(FATAL|ERROR|WARNING)\(", line)]
    if counts.group(0) != "Messages: 0 fatals / 0 errors / 0 warnings" and not findings:
        findings = [counts.group(0)]
    return findings


def epubs(built: Built) -> list[tuple[Path, Edition | None]]:
    """Every EPUB of a build, with the edition it prints (None for a publication without editions)."""
    settings = built.whole.settings
    stems = {
        file_stem(settings, document, edition): edition
        for document in settings.documents
        for edition in (settings.editions or [None])
    }
    found = [(built.out_dir / d.filename, stems[Path(d.filename).stem]) for d in built.downloads if d.format == "EPUB"]
    assert found
    return found


def package(book: zipfile.ZipFile) -> tuple[str, ElementTree.Element]:
    """The package document's path and root."""
    container = ElementTree.fromstring(book.read("META-INF/container.xml"))
    path = next(e.get("full-path") for e in container.iter() if e.get("full-path"))
    assert path
    return path, ElementTree.fromstring(book.read(path))


def spine_documents(book: zipfile.ZipFile) -> dict[str, ElementTree.Element]:
    """Every XHTML document of the reading order, by its path in the zip, parsed."""
    path, opf = package(book)
    manifest = {item.get("id"): item.get("href") for item in opf.iter(f"{OPF}item")}
    documents = {}
    for itemref in opf.iter(f"{OPF}itemref"):
        name = posixpath.normpath(posixpath.join(posixpath.dirname(path), str(manifest[itemref.get("idref")])))
        documents[name] = ElementTree.fromstring(book.read(name))
    return documents


def marking_of(built: Built, edition: Edition | None) -> str:
    return (edition.level if edition else built.whole.settings.levels[-1]).upper()


@pytest.fixture(scope="module", params=["sample", "energy"])
def built(request: pytest.FixtureRequest) -> Built:
    return request.getfixturevalue(request.param)


def test_epubcheck_finds_nothing_in_any_epub(built: Built) -> None:
    books = [epub for epub, _ in epubs(built)]
    with ThreadPoolExecutor(2) as pool:  # one epubcheck per core of the CI machine
        findings = dict(zip([epub.name for epub in books], pool.map(epubcheck, books), strict=True))
    assert findings == {name: [] for name in findings}


def test_every_document_of_the_reading_order_is_marked_first_and_last(built: Built) -> None:
    for epub, edition in epubs(built):
        marking = marking_of(built, edition)
        with zipfile.ZipFile(epub) as book:
            documents = spine_documents(book)
        assert len(documents) > 5
        unmarked = []
        for name, root in documents.items():
            body = root.find(f"{XHTML}body")
            assert body is not None, name
            blocks = list(body)
            ends = [blocks[0], blocks[-1]] if blocks else []
            if [("".join(e.itertext()).strip(), e.get("class")) for e in ends] != [(marking, "charter-marking")] * 2:
                unmarked.append(name)
        assert unmarked == [], f"{epub.name}: {len(unmarked)} of {len(documents)} documents lack the marking"


def test_images_are_sized_relative_to_the_line(built: Built) -> None:
    sized = 0
    for epub, _ in epubs(built):
        with zipfile.ZipFile(epub) as book:
            documents = spine_documents(book)
        for name, root in documents.items():
            for image in root.iter(f"{XHTML}img"):
                assert image.get("width") is None and image.get("height") is None, f"{name}: {image.attrib}"
                widths = re.findall(r"(?:^|;)\s*(?:max-)?width\s*:\s*([^;]+)", image.get("style") or "")
                assert all(re.fullmatch(r"[\d.]+(%|em)", w.strip()) for w in widths), f"{name}: {image.get('style')}"
                sized += len(widths)
    if built.whole.settings.short_title == "NMSS":
        assert sized >= 4  # the sample's timeline (three parts) and organisation chart


def test_metadata_names_the_edition_and_dates_the_publication(built: Built) -> None:
    settings = built.whole.settings
    of = {file_stem(settings, d, e): d for d in settings.documents for e in (settings.editions or [None])}
    for epub, edition in epubs(built):
        document = of[epub.stem]
        with zipfile.ZipFile(epub) as book:
            _, opf = package(book)
        title = opf.find(f"{OPF}metadata/{DC}title")
        assert title is not None and title.text
        assert document.title in title.text
        if edition is not None and len(settings.editions) > 1:
            assert edition.title in title.text, title.text
        date = opf.find(f"{OPF}metadata/{DC}date")
        assert date is not None and date.text == (document.date or settings.date).isoformat()
        modified = [m.text for m in opf.iter(f"{OPF}meta") if m.get("property") == "dcterms:modified"]
        assert modified == [f"{settings.date.isoformat()}T00:00:00Z"]
