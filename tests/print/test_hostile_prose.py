"""Hostile prose in print: nothing a drafter writes runs, fetches, hides or becomes metadata.

The loader refuses most of these inputs with a diagnostic. These tests do not rely on it:
they put the hostile text straight into a chapter's Passage of a publication already read,
so what is tested is the print renderers' own defence (the shared prose sanitiser, pandoc
reading no raw markup and no metadata, the safety filter, and the check of every written
file). Each test asserts what a reader of the PDF, DOCX or EPUB gets.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pypdf
import pytest

from generator.errors import BuildError
from generator.model import Passage
from generator.render_print import build_documents
from generator.render_print.epub_out import BookFacts, write_epub
from generator.render_print.pandoc_ast import convert_markdown, read_document
from generator.render_print.prose import HeadingLevels, render_prose
from generator.render_print.safety import RAW_CLASS, check_output, docx_problems, epub_problems
from generator.resolve import Publication
from tests.print.conftest import MINIMAL, ROOT, plain, read

pytestmark = pytest.mark.slow  # builds print editions

HOSTILE = """\
Plain words: price $5 and 50% @agency #tag C:\\temp a {=typst} b --- c x < y & z.

```{=typst}
#("TYPST" + "-RAN-BLOCK")
```

Inline `#("TYPST" + "-RAN-INLINE")`{=typst} here.

```{=openxml}
OPENXML_FIELD
```

```{=html}
<script>alert("HTML-RAN")</script>
```

Span `<script>alert(1)</script>`{=html} and `\\input{x}`{=latex}.

```{=latex}
\\immediate\\write18{touch /tmp/charter-latex-ran}
```

---
title: OVERRIDDEN-TITLE
marking: OVERRIDDEN-MARKING
---

<script>alert("script block")</script>

An <img src=x onerror=alert(1)> and <svg onload=alert(2)> in a line.

[js link](javascript:alert(1)) <javascript:alert(2)> [vb link](vbscript:msgbox) [data link](data:text/html,hi)
[tab link](java\tscript:alert(3)) [ref link][evil] [entity link](java&#115;cript:alert(4))

[evil]: javascript:alert(5)

[attr link](#chapter-plan){onclick="alert(6)"} [span words]{onmouseover="alert(7)"}

::: {onload="alert(8)" style="background:url(javascript:alert(9))"}
Div words.
:::

![remote image](https://evil.example/track.png) ![outside file](../../../../etc/hostname)

[outside link](https://example.org/page) and <https://example.org/auto>.

A [lost anchor](#no-such-heading) stays words.

<!-- HIDDEN-COMMENT -->

Setext words
---

```{.charter-raw-0123456789abcdef .typst}
#("FORGED" + "-RAN")
```

```
code keeps <b>{=typst}</b> --- as written
```
"""

HOSTILE = HOSTILE.replace(
    "OPENXML_FIELD",
    '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r><w:instrText>INCLUDEPICTURE "http://evil.example/x.png"</w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
)

SCHEMES = ("javascript", "vbscript", "data")


def _hostile(tmp_path: Path, text: str = HOSTILE) -> tuple[Publication, Path, Path]:
    """The minimal publication with ``text`` as the last passage of its plan chapter, printed."""
    publication = read(MINIMAL)
    chapter = next(c for c in publication.chapters if c.path == "plan.md")
    chapter.segments.append(Passage(text, 999, "PUBLIC"))
    out, work = tmp_path / "downloads", tmp_path / "work"
    build_documents(publication, out, project_dir=ROOT, work_dir=work)
    return publication, out, work


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The hostile publication's downloads and work folders."""
    _publication, out, work = _hostile(tmp_path_factory.mktemp("hostile"))
    return out, work


def _file(out: Path, suffix: str) -> Path:
    return next(out.glob(f"*{suffix}"))


def _epub_documents(epub: Path) -> dict[str, str]:
    with zipfile.ZipFile(epub) as book:
        return {n: book.read(n).decode("utf-8") for n in book.namelist() if n.endswith(".xhtml")}


def _xml_text(xml: str) -> str:
    return plain("".join(ElementTree.fromstring(xml).itertext()))


def _pdf_text(pdf: Path) -> str:
    return plain(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)


def _unsafe(address: str) -> bool:
    squeezed = re.sub(r"[\x00-\x20]", "", address).lower()
    return squeezed.startswith(tuple(f"{s}:" for s in SCHEMES))


def test_epub_has_no_script_handler_or_script_address(printed: tuple[Path, Path]) -> None:
    epub = _file(printed[0], ".epub")
    documents = _epub_documents(epub)
    for name, xml in documents.items():
        for element in ElementTree.fromstring(xml).iter():
            tag = element.tag.rsplit("}", 1)[-1]
            assert tag not in {"script", "iframe", "object", "embed", "svg"}, name
            for key, value in element.attrib.items():
                assert not key.rsplit("}", 1)[-1].lower().startswith("on"), (name, key)
                assert key != "style" or "javascript" not in value, name
                if key in {"href", "src"}:
                    assert not _unsafe(value), (name, value)
                    assert "evil.example" not in value, (name, value)
    assert epub_problems(epub) == []


def test_epub_reads_as_the_text_written(printed: tuple[Path, Path]) -> None:
    documents = _epub_documents(_file(printed[0], ".epub"))
    text = " ".join(_xml_text(xml) for xml in documents.values())
    hrefs = [h for xml in documents.values() for h in re.findall(r'href="([^"]*)"', xml)]
    assert "Plain words: price $5 and 50% @agency #tag C:\\temp a {=typst} b --- c x < y & z." in text
    assert '<script>alert("script block")</script>' in text  # shown, not run
    assert "An <img src=x onerror=alert(1)> and <svg onload=alert(2)> in a line." in text
    assert "title: OVERRIDDEN-TITLE marking: OVERRIDDEN-MARKING ---" in text  # text, not metadata
    assert "Setext words ---" in text
    assert "code keeps <b>{=typst}</b> --- as written" in text
    assert "HIDDEN-COMMENT" not in text and all("HIDDEN-COMMENT" not in x for x in documents.values())
    words_shown = (
        "js link",
        "vb link",
        "data link",
        "tab link",
        "ref link",
        "entity link",
        "remote image",
        "outside file",
    )
    for words in words_shown:
        assert words in text
    assert "https://example.org/page" in hrefs and "https://example.org/auto" in hrefs
    assert "#no-such-heading" not in hrefs and "A lost anchor stays words." in text
    with zipfile.ZipFile(_file(printed[0], ".epub")) as book:
        opf = next(book.read(n).decode("utf-8") for n in book.namelist() if n.endswith(".opf"))
        media = [n for n in book.namelist() if "/media/" in n]
    assert "<dc:title" in opf and "Harbour Security Plan" in opf
    assert "OVERRIDDEN" not in opf
    assert not any("hostname" in n or "track" in n for n in media), media
    assert not list(printed[1].parent.rglob("hostname"))  # nothing copied from outside the content folder


def test_docx_has_no_outside_target_field_or_raw_xml(printed: tuple[Path, Path]) -> None:
    docx = _file(printed[0], ".docx")
    with zipfile.ZipFile(docx) as document:
        parts = {n: document.read(n).decode("utf-8") for n in document.namelist() if n.endswith((".xml", ".rels"))}
    targets = [
        (r.get("Target", ""), r.get("TargetMode"))
        for name, xml in parts.items()
        if name.endswith(".rels")
        for r in ElementTree.fromstring(xml).iter()
    ]
    external = [t for t, mode in targets if mode == "External"]
    assert external and all(t.startswith(("https://", "http://", "mailto:")) for t in external), external
    assert "https://example.org/page" in external
    assert not any("evil.example" in t or _unsafe(t) for t, _mode in targets)
    body = parts["word/document.xml"]
    fields = re.findall(r"<w:instrText[^>]*>([^<]*)<", body) + re.findall(r'w:instr="([^"]*)"', body)
    assert [f.split()[0] for f in fields] == ["TOC"]
    assert "<w:altChunk" not in body
    text = _xml_text(body)
    assert 'INCLUDEPICTURE "http://evil.example/x.png"' in text  # the raw block is shown as code
    assert "title: OVERRIDDEN-TITLE" in text and "HIDDEN-COMMENT" not in text
    assert "Plain words: price $5 and 50% @agency #tag" in text
    assert "Harbour Security Plan" in parts["docProps/core.xml"] and "OVERRIDDEN" not in parts["docProps/core.xml"]
    assert docx_problems(docx) == []


def test_pdf_ran_no_typst_from_prose_and_links_only_to_the_web(printed: tuple[Path, Path]) -> None:
    pdf = _file(printed[0], ".pdf")
    text = _pdf_text(pdf)
    assert "TYPST-RAN" not in text and "FORGED-RAN" not in text
    assert '#("TYPST" + "-RAN-BLOCK")' in text  # shown as code
    assert "Plain words: price $5 and 50% @agency #tag C:\\temp a {=typst} b --- c x < y & z." in text
    assert "title: OVERRIDDEN-TITLE" in text and "HIDDEN-COMMENT" not in text
    assert "A lost anchor stays words." in text  # a link to no label would stop Typst: it prints as text
    reader = pypdf.PdfReader(pdf)
    assert reader.metadata is not None and reader.metadata.title == "Harbour Security Plan"
    for page in reader.pages:
        assert "PUBLIC" in (page.extract_text() or "")
        assert "OVERRIDDEN-MARKING" not in (page.extract_text() or "").split("\n")[0]
    uris = [
        str(annotation.get_object()["/A"]["/URI"])
        for page in reader.pages
        for annotation in page.get("/Annots") or []
        if "/A" in annotation.get_object() and "/URI" in annotation.get_object()["/A"]
    ]
    assert "https://example.org/page" in uris
    assert all(u.startswith(("https://", "http://", "mailto:")) for u in uris), uris


def test_typst_source_holds_prose_only_as_text(printed: tuple[Path, Path]) -> None:
    typ = next(printed[1].rglob("*.typ")).read_text(encoding="utf-8")
    assert "evil.example/track.png" not in typ
    assert not re.search(r'link\("\s*(javascript|vbscript|data)', typ, re.IGNORECASE)
    assert RAW_CLASS not in typ  # Charter's raw code became raw Typst
    lines = typ.split("\n")
    payloads = [i for i, line in enumerate(lines) if line.startswith(('#("TYPST"', '#("FORGED"'))]
    assert len(payloads) == 2 and all(lines[i - 1] == "```" for i in payloads)  # Typst raw text, not code


def test_pandoc_alone_reads_no_raw_markup_or_metadata(tmp_path: Path) -> None:
    """Markdown that never went through the prose renderer still cannot run: the reader and the filter hold."""
    markdown = tmp_path / "raw.md"
    markdown.write_text("# Raw\n\n" + HOSTILE, encoding="utf-8")
    epub = tmp_path / "raw.epub"
    metadata = tmp_path / "meta.json"
    metadata.write_text('{"title": "Real title", "lang": "en"}', encoding="utf-8")
    # the marking and title are Charter's own text, written into every document escaped
    facts = BookFacts("Real title <i>", "PUBLIC <script>alert(3)</script>", dt.date(2026, 1, 2), 450.0)
    write_epub(read_document(markdown), epub, theme=ROOT / "themes" / "print", facts=facts, metadata=metadata)
    documents = _epub_documents(epub)
    assert all("HIDDEN-COMMENT" not in xml for xml in documents.values())  # a comment is dropped, even here
    assert "An <img src=x onerror=alert(1)> and <svg onload=alert(2)> in a line." in " ".join(
        _xml_text(xml) for xml in documents.values()
    )
    for xml in documents.values():
        for element in ElementTree.fromstring(xml).iter():
            assert element.tag.rsplit("}", 1)[-1] != "script"
            assert not any(key.lower().startswith("on") for key in element.attrib)
            assert not any(_unsafe(element.get(key, "")) for key in ("href", "src"))
            assert "evil.example" not in element.get("src", "")
    with zipfile.ZipFile(epub) as book:
        opf = next(book.read(n).decode("utf-8") for n in book.namelist() if n.endswith(".opf"))
    assert "Real title" in opf and "OVERRIDDEN" not in opf
    assert '<dc:title id="epub-title-1">Real title &lt;i&gt;</dc:title>' in opf
    texts = [_xml_text(xml) for xml in documents.values()]
    assert all(text.count("PUBLIC <SCRIPT>ALERT(3)</SCRIPT>") >= 2 for text in texts), "the marking is text"
    typ = tmp_path / "raw.typ"
    convert_markdown(markdown, to="typst", output=typ, args=[])
    source = typ.read_text(encoding="utf-8")
    assert '\n#("TYPST"' not in source and 'link("javascript' not in source


def test_a_written_file_with_a_script_is_refused(tmp_path: Path) -> None:
    epub = tmp_path / "bad.epub"
    with zipfile.ZipFile(epub, "w") as book:
        book.writestr("EPUB/text/ch001.xhtml", '<html xmlns="http://www.w3.org/1999/xhtml"><body onload="x"/></html>')
        book.writestr("EPUB/media/a.svg", '<svg xmlns="http://www.w3.org/2000/svg"><script>x</script></svg>')
    with pytest.raises(BuildError, match=r"bad\.epub would carry active content") as refused:
        check_output(epub, "EPUB")
    assert "onload" in str(refused.value) and "<script>" in str(refused.value)
    assert not epub.exists()
    docx = tmp_path / "bad.docx"
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"'
        ' Target="javascript:alert(1)" TargetMode="External"/></Relationships>'
    )
    with zipfile.ZipFile(docx, "w") as document:
        document.writestr("word/_rels/document.xml.rels", rels)
        document.writestr("word/document.xml", '<w:document><w:instrText>INCLUDEPICTURE "http://x"</w:instrText>')
    problems = docx_problems(docx)
    assert any("javascript:alert(1)" in p for p in problems) and any("INCLUDEPICTURE" in p for p in problems)


def test_print_prose_is_defused_like_the_site() -> None:
    """The print prose renderer itself: the site's sanitiser, then what pandoc alone would read otherwise."""
    prose = (
        "Words `x`{=typst} and {=html} a --- b <b onclick=x>bold</b> [j](javascript:alert(1))\n"
        "---\n\n"
        "```{=typst}\n#panic()\n```\n\n"
        "<div onclick=x>\n\n<!-- gone -->\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |"
    )
    out = render_prose(prose, lambda target, words: words or target, HeadingLevels(last=1)).split("\n")
    assert out[0] == "Words `x`\\{=typst} and \\{=html} a \\-\\-\\- b &lt;b onclick=x>bold&lt;/b> [j](#!alert(1))"
    assert out[1] == "\\-\\-\\-"  # under text: never a heading, never the end of a metadata block
    assert out[3:6] == ["```", "#panic()", "```"]
    assert out[7] == "&lt;div onclick=x>" and "gone" not in "\n".join(out)
    assert out[-2] == "|---|---|"  # a table's rule stays Markdown
    forged = render_prose(f"`x`{{.{RAW_CLASS} .typst}}", lambda target, words: target, HeadingLevels(last=1))
    assert "charter\\-raw-" in forged and RAW_CLASS not in forged
