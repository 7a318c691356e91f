"""Fail closed: a form in prose that Charter cannot read exactly is an error, never public text.

Charter's renderers (Python-Markdown for the site, pandoc for print) and its loader
(markdown-it) do not agree on every corner of Markdown. Where they could disagree about
what is a heading, a classification marker or a data block, the disagreement could put
restricted text into a public edition. So the loader refuses those forms outright, with a
diagnostic at the line, and every renderer sees only prose all three read the same way:

- headings are written with ``#`` and a space at the start of a line (no setext
  underlines, no ``##Heading``, no indented heading, none inside HTML blocks);
- a classification marker is exactly ``{classification=LEVEL}`` at the end of a ``#``
  heading; any other ``{...classification...}`` is unreadable, and an error;
- a data block's fence is exactly ```` ```yaml <kind> ````, at the start of a line; a fence
  that looks like one but is not read (```` ```YAML risk ````, ```` ```yml risk ````,
  ```` ```yaml-risk ````, indented, inside a list or an HTML block) is an error;
- HTML comments are dropped here, before any renderer sees the prose;
- raw pandoc blocks and spans (```` ```{=typst} ````, `` `x`{=html} ``) and YAML metadata
  blocks after the front matter are refused: prose never reaches pandoc as code or metadata.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from markdown_it.token import Token

from generator.diagnostics import Report
from generator.load.source import SourceFile

CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
"""An inline code span: `code` or ``code with a ` inside``."""


def blank_code_spans(line: str) -> str:
    """The line with each code span blanked out, so that columns stay where they were."""
    return CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line) if "`" in line else line


def visible_lines(lines: list[str], code: set[int]) -> list[str]:
    """Each line as prose rules read it: code blocks empty, code spans blanked."""
    return ["" if index in code else blank_code_spans(line) for index, line in enumerate(lines)]


_BRACES = re.compile(r"\{[^{}\n]*\}?")
"""A run in braces, closed or not: if it mentions a classification it must be a marker Charter reads."""
_LOOKALIKES = str.maketrans(
    {
        **dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\u00ad", ""),  # invisible characters
        **dict(zip("асеіјоркѕхуАСЕІЈОРКЅХУ", "aceijopksxyACEIJOPKSXY", strict=True)),  # Cyrillic look-alikes
        **dict(zip("αεικνορτυχΑΒΕΙΚΜΝΟΡΤΧϲ", "aeikvoptuxABEIKMNOPTXc", strict=True)),  # Greek look-alikes
    }
)
_MARKING_WORDS = re.compile(r"(?i:classif)\w*\s*[=:]\s*[A-Z][A-Z0-9_-]+\b|\b(?i:marked)\s*[=:]\s*[A-Z][A-Z0-9_-]+\b")
"""A heading that says its level in some other form: '(classification: SECRET)', '[classification=SECRET]'."""
_HEADING_ATTRS = re.compile(r"\{:?([^{}\n]*)\}\s*$")
_PLAIN_ATTR = re.compile(r"^[#.][\w-]+$")
_NO_SPACE_HEADING = re.compile(r"^#+[^\s#]")
"""``##Tasking``: Python-Markdown reads it as a heading, CommonMark and pandoc as text."""
_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
_YAML_FENCE_IN_TEXT = re.compile(r"^\s*(?:`{3,}|~{3,})\s*\{?\s*\.?(ya?ml)(?:[-_.:/]\w|\s+\S)", re.IGNORECASE)
"""A line inside an indented code block or an HTML block that opens what looks like a data block."""
_YAML_WORD = re.compile(r"^ya?ml(?:$|[-_.:/])", re.IGNORECASE)
_INCLUDE = re.compile(r"^\s*;?-{2,}8<-{2,}|\{%")
"""A snippet include (``--8<-- "file"``, pymdownx.snippets) or a template tag (``{% include %}``, mkdocs-macros):
with such an extension in a project's mkdocs.yml, a page would pull in any file, a restricted chapter too."""
_RAW_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1\{\s*=")
"""pandoc's raw inline: `` `#set page(...)`{=typst} ``."""


@dataclass
class LineKinds:
    """What markdown-it made of each line: code (fenced or indented), HTML block, or prose."""

    code: set[int] = field(default_factory=set)
    """Lines of fenced and indented code blocks, fences included."""
    code_content: set[int] = field(default_factory=set)
    """Lines inside fenced code blocks, fences excluded: text shown exactly as written."""
    indented: set[int] = field(default_factory=set)
    """Lines of indented code blocks."""
    html: set[int] = field(default_factory=set)
    marker_lines: set[int] = field(default_factory=set)
    """Heading lines whose classification marker the loader read."""
    heading_lines: set[int] = field(default_factory=set)
    """Lines of headings outside containers."""


def line_kinds(tokens: list[Token], body_start: int) -> LineKinds:
    """Sort the lines of a parsed file into code, HTML and prose."""
    kinds = LineKinds(code=set(range(body_start)))
    for token in tokens:
        if token.map is None:
            continue
        start, end = token.map
        if token.type in ("fence", "code_block"):
            kinds.code.update(range(start, end))
            if token.type == "fence":
                kinds.code_content.update(range(start + 1, end - 1))
            else:
                kinds.indented.update(range(start, end))
        elif token.type == "html_block":
            kinds.html.update(range(start, end))
    return kinds


def drop_comments(lines: list[str], code: set[int], file: SourceFile, report: Report) -> bool:
    """Remove every HTML comment outside code from ``lines`` (in place); True if any was removed.

    A comment can hide a restricted draft, and pandoc passes comments through to EPUB and
    HTML outputs, so no renderer may see one. Lines stay where they are, so every later
    diagnostic keeps its line number. An unclosed ``<!--`` is an error: renderers disagree
    on where it ends.
    """
    changed = False
    index = 0
    while index < len(lines):
        line = lines[index]
        start = _comment_start(line) if index not in code and "<!--" in line else -1
        if start < 0:
            index += 1
            continue
        end_line, end_col = index, line.find("-->", start + 2)
        while end_col < 0:
            end_line += 1
            if end_line >= len(lines) or end_line in code:
                report.error(
                    file.at(index + 1, start + 1),
                    "E-PROSE-COMMENT",
                    "this HTML comment '<!--' is never closed",
                    "end the comment with '-->', or delete it",
                )
                lines[index] = line[:start]
                for blank in range(index + 1, min(end_line, len(lines))):
                    lines[blank] = ""
                return True
            end_col = lines[end_line].find("-->")
        if end_line == index:
            lines[index] = line[:start] + line[end_col + 3 :]
        else:
            lines[index] = line[:start]
            for blank in range(index + 1, end_line):
                lines[blank] = ""
            lines[end_line] = lines[end_line][end_col + 3 :]
            index = end_line
        changed = True
    return changed


def _comment_start(line: str) -> int:
    """The column of the first ``<!--`` outside an inline code span, or -1."""
    spans = [m.span() for m in CODE_SPAN.finditer(line)] if "`" in line else []
    at = line.find("<!--")
    while at >= 0:
        if not any(s <= at < e for s, e in spans):
            return at
        at = line.find("<!--", at + 1)
    return -1


def check_tokens(tokens: list[Token], lines: list[str], file: SourceFile, report: Report) -> None:
    """Refuse headings and fences the renderers could read otherwise than the loader."""
    for token in tokens:
        if token.map is None:
            continue
        start, end = token.map
        if token.type == "heading_open" and token.markup in ("=", "-"):
            report.error(
                file.at(end, 1),
                "E-HEADING-FORM",
                f"a line of '{token.markup * 3}' under text makes that text a heading",
                "write headings with '#' ('## Title'); for a rule, leave a blank line above '---'",
            )
        elif token.type == "heading_open" and token.level == 0 and lines[start].startswith(" "):
            report.error(
                file.at(start + 1, 1),
                "E-HEADING-FORM",
                "a heading indented by spaces reads as a heading in print but as text on the site",
                "start the heading's '#' at the beginning of the line",
            )
        elif token.type == "fence":
            _check_fence(token, start, lines, file, report)


def _check_fence(token: Token, start: int, lines: list[str], file: SourceFile, report: Report) -> None:
    info = token.info.strip()
    column = len(lines[start]) - len(lines[start].lstrip()) + 1
    if "{=" in info.replace(" ", ""):
        report.error(
            file.at(start + 1, column),
            "E-PROSE-RAW",
            f"a raw output block '{token.markup}{info}' is not allowed in prose",
            "write the content in Markdown; Charter passes no code to the printed editions",
        )
        return
    words = info.split()
    if not words or not _YAML_WORD.match(words[0].lstrip("{.")):
        return
    if words[0] == "yaml" and len(words) >= 2:
        if token.level > 0 or column > 1:
            report.error(
                file.at(start + 1, column),
                "E-BLOCK-FENCE",
                f"the data block '{token.markup}{info}' is inside a list or quote, or indented, and is not read",
                "start a data block's fence at the beginning of a line, outside lists and quotes",
            )
        return
    if len(words) >= 2 or words[0].lower().lstrip("{.") not in ("yaml", "yml"):
        report.error(
            file.at(start + 1, column),
            "E-BLOCK-FENCE",
            f"the fence '{token.markup}{info}' looks like a data block but is not read as one",
            "a data block's fence reads exactly '```yaml <kind>'; for a YAML example write '```yaml' alone",
        )


def check_lines(
    lines: list[str], visible_text: list[str], body_start: int, kinds: LineKinds, file: SourceFile, report: Report
) -> None:
    """Refuse markers, headings, fences, raw spans and metadata blocks no reader would see alike.

    ``visible_text`` is :func:`visible_lines` of ``lines``.
    """
    for index in range(body_start, len(lines)):
        line = lines[index]
        if not line or index in kinds.code_content:
            continue
        in_html = index in kinds.html
        if not (in_html or line[0] in "#-;" or "{" in line or "`" in line or "8<" in line or index in kinds.indented):
            continue  # nothing on the line any rule below looks for: most lines of prose
        if in_html or index in kinds.indented:
            found = _YAML_FENCE_IN_TEXT.match(line)
            if found:
                where = "an indented code block" if index in kinds.indented else "an HTML block"
                report.error(
                    file.at(index + 1, found.start(1) + 1),
                    "E-BLOCK-FENCE",
                    f"a data block inside {where} is not read: it would be shown as text",
                    "start a data block's fence at the beginning of a line, outside HTML and indented code",
                )
            if index in kinds.code:
                continue
        visible = visible_text[index]
        if in_html and _ATX_HEADING.match(line):
            report.error(
                file.at(index + 1, 1),
                "E-HEADING-FORM",
                "a heading inside an HTML block is not read as a heading by every renderer",
                "close the HTML block (a blank line) before the heading, or write the page in Markdown",
            )
        elif _NO_SPACE_HEADING.match(visible):
            hashes = len(visible) - len(visible.lstrip("#"))
            report.error(
                file.at(index + 1, hashes + 1),
                "E-HEADING-FORM",
                f"'{_shorten(visible.strip())}' reads as a heading on the site but as text in print",
                f"put a space after the '{'#' * hashes}', or start the line with another character",
            )
        if index not in kinds.marker_lines and "{" in visible:
            _check_braces(visible, index, file, report)
        elif index in kinds.heading_lines and index not in kinds.marker_lines:
            said = _MARKING_WORDS.search(_fold_letters(visible))
            if said:
                report.error(
                    file.at(index + 1, said.start() + 1),
                    "E-MARKING",
                    f"this heading gives a level as '{said.group(0)}', which Charter cannot read",
                    "mark a section by ending its '#' heading with exactly {classification=LEVEL}",
                )
        include = _INCLUDE.search(visible) if "8<" in visible or "{%" in visible else None
        if include:
            report.error(
                file.at(index + 1, include.start() + 1),
                "E-PROSE-INCLUDE",
                "prose may not include other files or run template code",
                "copy the text into the chapter, or link the chapter it is in",
            )
        if "`" in line and _RAW_SPAN.search(line):
            raw = _RAW_SPAN.search(line)
            assert raw is not None
            report.error(
                file.at(index + 1, raw.start() + 1),
                "E-PROSE-RAW",
                "a raw output span ('`...`{=format}') is not allowed in prose",
                "write the text in Markdown; Charter passes no code to the printed editions",
            )
        if index > 0 and line.rstrip() == "---" and _opens_metadata(lines, index, body_start):
            report.error(
                file.at(index + 1, 1),
                "E-PROSE-METADATA",
                "a '---' line followed by text opens a metadata block in print, which would override the "
                "publication's title and marking",
                "put the page's settings in the front matter at the top of the file; for a rule, leave a "
                "blank line after '---'",
            )


def mentions_classification(text: str) -> bool:
    """Whether text names a classification, however it is spelt: any case, look-alike letters, hidden characters."""
    return "classif" in _fold_letters(text).casefold()


def _fold_letters(text: str) -> str:
    """Text with look-alike letters read as Latin and hidden characters dropped (the case is kept)."""
    return unicodedata.normalize("NFKC", text).translate(_LOOKALIKES)


def _check_braces(visible: str, index: int, file: SourceFile, report: Report) -> None:
    for found in _BRACES.finditer(visible):
        if mentions_classification(found.group(0)):
            report.error(
                file.at(index + 1, found.start() + 1),
                "E-MARKING",
                f"Charter cannot read the classification marker '{found.group(0)}' here",
                "mark a section by ending its '#' heading with exactly {classification=LEVEL}; "
                "mark a block on its fence line, an entity with 'classification:'",
            )
            return


def check_heading_attributes(line: str, line_index: int, file: SourceFile, report: Report) -> None:
    """A heading's attribute list may hold only ``#id`` and ``.class``: anything else could be a marking misspelt.

    Called for headings whose marker was not read; one that mentions a classification is
    reported as an unreadable marker instead.
    """
    found = _HEADING_ATTRS.search(line)
    if found is None or mentions_classification(found.group(0)):
        return
    if all(_PLAIN_ATTR.match(token) for token in found.group(1).split()):
        return
    report.error(
        file.at(line_index + 1, found.start() + 1),
        "E-HEADING-ATTR",
        f"Charter cannot read the attribute list '{found.group(0).strip()}' on a heading",
        "a heading takes {classification=LEVEL}, an {#id} or a {.class}; nothing else",
    )


def _opens_metadata(lines: list[str], index: int, body_start: int) -> bool:
    """Whether ``---`` at ``index`` starts what pandoc would read as a YAML metadata block."""
    before_blank = index == body_start or not lines[index - 1].strip()
    after = lines[index + 1] if index + 1 < len(lines) else ""
    return before_blank and bool(after.strip())


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


_REF_OPEN = re.compile(r"\[\[(?![^\[\]\n]*\]\])")
"""A ``[[`` with no ``]]`` after it on its line, and no other ``[[`` in between."""


def check_split_refs(visible_text: list[str], html: set[int], file: SourceFile, report: Report) -> None:
    """Refuse a ``[[ID|text]]`` reference broken over two lines.

    References are read, and cut for each edition, one line at a time: a broken one would be
    printed as written, brackets and ID, and no edition could replace it.
    """
    for index, line in enumerate(visible_text):
        found = _REF_OPEN.search(line) if "[[" in line and index not in html else None
        if found is None or index + 1 >= len(visible_text) or "]]" not in visible_text[index + 1]:
            continue
        report.error(
            file.at(index + 1, found.start() + 1),
            "E-REF-SPLIT",
            f"the reference '{line[found.start() :].strip()}' goes on to the next line, so it would be printed as "
            "written",
            "keep a reference's '[[' and ']]' on one line: break the line before it",
        )
