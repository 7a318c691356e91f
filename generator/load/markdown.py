"""Read the Markdown files of a content folder: front matter, data blocks, references.

markdown-it-py finds the fenced blocks and headings with their source lines; the YAML of
each data block is parsed with :mod:`generator.load.yamlnodes`. Nothing here knows what a
risk or an agency is: that is the validate stage's business.
"""

from __future__ import annotations

import bisect
import html
import itertools
import re
from collections.abc import Callable

from markdown_it import MarkdownIt

from generator.diagnostics import Location, Report
from generator.load import failclosed, yamlnodes
from generator.load.failclosed import CODE_SPAN
from generator.load.source import DataBlock, Marking, Prose, ProseRef, SourceFile
from generator.load.yamlnodes import YMap

REF_PATTERN = re.compile(r"\[\[([^\[\]|\n]*)(?:\|([^\[\]\n]*))?\]\]")

_LEVEL_ATTR = re.compile(r"\s*\{\s*classification\s*=\s*([^\s{}]+)\s*\}\s*$")
_INFO_OPTION = re.compile(r"^classification=(\S+)$")

_md = MarkdownIt("commonmark").disable(["inline", "text_join", "normalize"])
"""The block structure only. ``normalize`` goes too: :func:`read_text` has already turned every
line ending into ``\n`` and refused a file with NUL bytes, which is all it would do."""


def read_text(raw: bytes, file: SourceFile, report: Report) -> str | None:
    """Decode a file's bytes as UTF-8, dropping a BOM and normalising line endings."""
    if b"\x00" in raw:
        chapter = file.rel_path.endswith(".md")
        report.error(
            file.at(1),
            "E-FILE-BINARY",
            f"this is a binary file, not {'Markdown ' if chapter else ''}text",
            "move it out of content/ or give it another extension than .md" if chapter else "save it as UTF-8 text",
        )
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        report.error(
            file.at(line, col),
            "E-FILE-ENCODING",
            f"the file is not UTF-8 (byte 0x{raw[exc.start]:02x} cannot be decoded)",
            "save the file as UTF-8 in your editor",
        )
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_markdown(text: str, file: SourceFile, report: Report) -> None:
    """Fill ``file`` with the front matter, segments, headings and references of ``text``."""
    lines = text.split("\n")
    body_start = _read_front_matter(lines, file, report)
    if not text.strip():
        report.warning(file.at(1), "W-FILE-EMPTY", "the file is empty", "write the chapter, or delete the file")
        return
    tokens = _md.parse(_masked(lines, body_start))
    kinds = failclosed.line_kinds(tokens, body_start)
    if "<!--" in text and failclosed.drop_comments(lines, kinds.code, file, report):
        tokens = _md.parse(_masked(lines, body_start))  # the comments are gone: read the file again
        kinds = failclosed.line_kinds(tokens, body_start)
    failclosed.check_tokens(tokens, lines, file, report)

    blocks: list[DataBlock] = []
    sections: list[tuple[int, int, Marking]] = []
    for index, token in enumerate(tokens):
        if token.map is None:
            continue
        start, end = token.map
        if token.type == "fence":
            info = token.info.split()
            if len(info) >= 2 and info[0] == "yaml" and token.level == 0 and not lines[start].startswith(" "):
                block = _read_block(token.content, info[1], start, end, lines, file, report)
                block.classification = _read_info_options(info[2:], lines[start], start, file, report)
                blocks.append(block)
        elif token.type == "heading_open":
            level = int(token.tag[1])
            heading_text = tokens[index + 1].content.strip()
            kinds.heading_lines.add(start)
            marker = _LEVEL_ATTR.search(heading_text)
            if marker and token.level == 0 and _LEVEL_ATTR.search(lines[start]):
                column = lines[start].rfind("{") + 1
                sections.append((start, level, Marking(marker.group(1), file.at(start + 1, column))))
                heading_text = heading_text[: marker.start()].rstrip()
                lines[start] = _LEVEL_ATTR.sub("", lines[start])
                kinds.marker_lines.add(start)
            elif "{" in lines[start]:
                failclosed.check_heading_attributes(lines[start], start, file, report)
            file.headings.append((level, heading_text, start + 1))
    visible = failclosed.visible_lines(lines, kinds.code)
    failclosed.check_lines(lines, visible, body_start, kinds, file, report)

    spans = file.sections = _section_spans(sections, file.headings, len(lines))
    _build_segments(lines, body_start, blocks, file, spans)
    _find_refs(visible, kinds.html, file)
    failclosed.check_split_refs(visible, kinds.html, file, report)
    _check_safety(visible, file, report)


def _masked(lines: list[str], body_start: int) -> str:
    """The file's text with the front matter blanked, so markdown-it's line numbers are the file's."""
    return "\n".join([""] * body_start + lines[body_start:])


Span = tuple[int, int, Marking]
"""A classified section: its first line index, the index after its last line, and its level."""


def _read_info_options(
    options: list[str], fence_line: str, start: int, file: SourceFile, report: Report
) -> Marking | None:
    """Options written after the kind on a data block's fence line."""
    marking = None
    for option in options:
        match = _INFO_OPTION.match(option)
        column = fence_line.find(option) + 1
        if match:
            marking = Marking(match.group(1), file.at(start + 1, column))
        else:
            report.error(
                file.at(start + 1, column),
                "E-BLOCK-OPTION",
                f"unknown data block option '{option}'",
                "the only option is 'classification=LEVEL'",
            )
    return marking


def _section_spans(
    sections: list[tuple[int, int, Marking]], headings: list[tuple[int, str, int]], n_lines: int
) -> list[Span]:
    """Each classified heading's section runs to the next heading of the same or a higher level."""
    spans = []
    for start, level, marking in sections:
        end = next((line - 1 for h_level, _, line in headings if line - 1 > start and h_level <= level), n_lines)
        spans.append((start, end, marking))
    return spans


def _section_at(spans: list[Span], index: int) -> Marking | None:
    """The level of the innermost classified section holding line ``index``."""
    found = None
    for start, end, marking in spans:
        if start <= index < end:
            found = marking  # spans are in document order, so a later one is nested deeper
    return found


def _read_front_matter(lines: list[str], file: SourceFile, report: Report) -> int:
    """Parse front matter if the file opens with ``---``; return the first body line index."""
    if not lines or lines[0].rstrip() != "---":
        return 0
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            break
    else:
        report.error(
            file.at(1),
            "E-FRONTMATTER",
            "front matter opened with '---' is never closed",
            "end the front matter with a line of three dashes '---'",
        )
        return 0
    file.front_matter_line = 1
    try:
        data = yamlnodes.parse("\n".join(lines[1:index]), first_line=2)
    except yamlnodes.YamlProblem as problem:
        report.error(file.at(problem.line, problem.col), problem.code, problem.message, problem.hint)
        return index + 1
    if data is not None and not isinstance(data, YMap):
        report.error(
            file.at(2),
            "E-FRONTMATTER",
            "front matter must be a mapping of keys to values",
            "write it as 'title: ...' lines",
        )
    elif data is not None:
        file.front_matter = data
    return index + 1


def _read_block(
    content: str, kind: str, start: int, end: int, lines: list[str], file: SourceFile, report: Report
) -> DataBlock:
    fence_line = lines[start]
    kind_col = fence_line.find(kind, fence_line.find("yaml") + 4) + 1
    block = DataBlock(
        kind=kind, data=None, location=file.at(start + 1, 1), kind_col=max(kind_col, 1), end_line=end, text=content
    )
    try:
        block.data = yamlnodes.parse(content, first_line=start + 2)
    except yamlnodes.YamlProblem as problem:
        report.error(file.at(problem.line, problem.col), problem.code, f"{kind} block: {problem.message}", problem.hint)
        block.failed = True
    return block


def _build_segments(
    lines: list[str], body_start: int, blocks: list[DataBlock], file: SourceFile, spans: list[Span]
) -> None:
    heading_lines = sorted(line - 1 for _, _, line in file.headings)
    cursor = body_start
    for i, block in enumerate(blocks):
        start = block.location.line - 1
        _add_prose(lines, cursor, start, file, spans)
        block.section = _section_at(spans, start)
        file.segments.append(block)
        next_block = blocks[i + 1].location.line - 1 if i + 1 < len(blocks) else len(lines)
        next_heading = next((h for h in heading_lines if h >= block.end_line), len(lines))
        stop = min(next_block, next_heading)
        block.narrative = "\n".join(lines[block.end_line : stop]).strip("\n")
        block.narrative_line = block.end_line + 1
        _add_prose(lines, block.end_line, stop, file, spans, narrative_of=block)
        cursor = stop
    _add_prose(lines, cursor, len(lines), file, spans)


def _add_prose(
    lines: list[str], start: int, stop: int, file: SourceFile, spans: list[Span], narrative_of: DataBlock | None = None
) -> None:
    """Add the prose of lines ``start``..``stop``, cut where a classified section starts or ends."""
    cuts = sorted({start, stop, *(edge for s, e, _ in spans for edge in (s, e) if start < edge < stop)})
    for first, last in itertools.pairwise(cuts):
        text = "\n".join(lines[first:last])
        if text.strip():
            file.segments.append(Prose(text, first + 1, _section_at(spans, first), narrative_of))


def _find_refs(visible: list[str], html: set[int], file: SourceFile) -> None:
    """The ``[[ID]]`` references of the prose (``visible``: code blanked), outside HTML blocks."""
    for index, line in enumerate(visible):
        if "[[" not in line or index in html:
            continue
        for match in REF_PATTERN.finditer(line):
            target = match.group(1).strip()
            text = match.group(2).strip() if match.group(2) is not None else None
            file.refs.append(ProseRef(target, text, file.at(index + 1, match.start() + 1)))


_UNSAFE_HTML = re.compile(
    r"<\s*(script|iframe|object|embed|style|form|base|meta|link)\b|(?<![^\s{:])on[a-z]+\s*=", re.IGNORECASE
)
_LINK_TARGET = re.compile(r"(!?)\[[^\[\]\n]*\]\(\s*<?([^)\s>]*)|^[ ]{0,3}\[(?!\^)[^\[\]\n]*\]:[ \t]*<?([^\s>]*)")
"""An image, a link or a reference definition ([label]: target; not a footnote) on one line.

The text in brackets holds no '[': a line of a million '[' must not be scanned a million times."""
_URL_TARGET = re.compile(
    r"\]\([ \t]*\n?[ \t]*<?[ \t]*([^)\s>]*)"  # an inline link or image; Markdown lets it start on the next line
    r"|^[ ]{0,3}\[(?!\^)[^\[\]\n]*\]:[ \t]*\n?[ \t]*<?([^\s>]*)",  # a reference definition, not a footnote
    re.MULTILINE,
)
_HAS_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//")
_ATTR_LIST = re.compile(r"\{:?[^{}\n]*\}")
"""An attribute list, ``{: #id .class key=value }``: it can set any attribute of an element, ``href`` too."""
_ATTR_VALUE = re.compile(r"[^\s={}]+=[\"']?\s*([^\s\"'}]*)")
_UNSAFE_SCHEME = re.compile(r"^(javascript|vbscript|data):", re.IGNORECASE)
_NOT_IN_SCHEME = re.compile(r"[\x00-\x20]")
"""Blanks and control characters, which a browser drops from a link before reading its scheme."""


_TRIGGERS = re.compile(r"[<=\]{]")
"""A character one of the safety checks' patterns needs."""


def _lines_holding(text: str, pattern: re.Pattern[str]) -> list[int]:
    """The indexes of the lines of ``text`` where ``pattern`` matches, in order, each once."""
    found: list[int] = []
    line, last = 0, 0
    for match in pattern.finditer(text):
        line += text.count("\n", last, match.start())
        last = match.start()
        if not found or found[-1] != line:
            found.append(line)
    return found


def _check_safety(visible: list[str], file: SourceFile, report: Report) -> None:
    """Refuse prose that would run code in a reader's browser; note the images it shows and the files it links.

    ``visible`` holds the file's lines with code blanked.
    """
    # Each pattern needs a character most lines lack: only the lines that hold one are read.
    text = "\n".join(visible)
    for index in _lines_holding(text, _TRIGGERS):
        line = visible[index]
        unsafe = _UNSAFE_HTML.search(line) if "<" in line or "=" in line else None
        if unsafe:
            report.error(
                file.at(index + 1, unsafe.start() + 1),
                "E-PROSE-UNSAFE",
                f"raw HTML '{unsafe.group(0).strip()}' is not allowed in prose",
                "write the text in Markdown; scripts, frames, styles and event handlers are refused",
            )
        for match in _LINK_TARGET.finditer(line) if "]" in line else ():
            group = 2 if match.group(2) is not None else 3
            target = match.group(group)
            if match.group(1) and _HAS_SCHEME.match(_browser_reads(target)):
                _refuse_remote_image(target, file.at(index + 1, match.start(group) + 1), report)
            elif (
                target
                and not (match.group(1) and target.startswith("#"))
                and not _HAS_SCHEME.match(_browser_reads(target))
            ):
                found = file.images if match.group(1) else file.links  # '#anchor' links too: they are checked
                found.append((target, file.at(index + 1, match.start(group) + 1)))
        for attributes in _ATTR_LIST.finditer(line) if "{" in line else ():
            for value in _ATTR_VALUE.finditer(attributes.group(0)):
                _check_scheme(value.group(1), file.at(index + 1, attributes.start() + value.start(1) + 1), report)
    if "]" not in text:
        return
    if "![" in text:
        _check_image_references(visible, file, report)
    starts = list(itertools.accumulate((len(line) + 1 for line in visible), initial=0))
    for match in _URL_TARGET.finditer(text):
        group = match.lastindex or 1
        offset = match.start(group)
        index = bisect.bisect_right(starts, offset) - 1
        _check_scheme(match.group(group), file.at(index + 1, offset - starts[index] + 1), report)


_DEFINITION = re.compile(r"^[ ]{0,3}\[(?!\^)([^\[\]\n]*)\]:[ \t]*<?([^\s>]*)")
_IMAGE_BY_LABEL = re.compile(r"!\[([^\[\]\n]*)\](?:\[([^\[\]\n]*)\])?(?!\()")
"""A reference-style image, ``![alt][label]``, ``![label][]`` or ``![label]``."""


def _check_image_references(visible: list[str], file: SourceFile, report: Report) -> None:
    """Refuse reference-style images whose definition is an outside address."""
    remote = {}
    for line in visible:
        found = _DEFINITION.match(line)
        if found and _HAS_SCHEME.match(_browser_reads(found.group(2))):
            remote[_label(found.group(1))] = found.group(2)
    if not remote:
        return
    for index, line in enumerate(visible):
        for match in _IMAGE_BY_LABEL.finditer(line) if "![" in line else ():
            label = _label(match.group(2) or match.group(1))
            if label in remote:
                _refuse_remote_image(remote[label], file.at(index + 1, match.start() + 1), report)


def _label(text: str) -> str:
    return " ".join(text.split()).casefold()


def _refuse_remote_image(target: str, location: Location, report: Report) -> None:
    report.error(
        location,
        "E-IMAGE-REMOTE",
        f"the image '{target}' is on another site: the page would make a request outside itself",
        "save the image into content/ and refer to it by its path from this chapter",
    )


def _check_scheme(target: str, location: Location, report: Report) -> None:
    scheme = _unsafe_scheme(target)
    if scheme:
        report.error(
            location,
            "E-PROSE-UNSAFE",
            f"a '{scheme}:' link runs code instead of going somewhere",
            "link to a page or a web address (https://...)",
        )


def _unsafe_scheme(target: str) -> str | None:
    """The code-running scheme of a link target, if it has one."""
    found = _UNSAFE_SCHEME.match(_browser_reads(target))
    return found.group(1).lower() if found else None


def _browser_reads(target: str) -> str:
    """A link target as a browser reads its scheme: entities decoded, blanks and control characters dropped."""
    return _NOT_IN_SCHEME.sub("", html.unescape(target))


def outside_code(line: str, change: Callable[[str], str]) -> str:
    """Apply ``change`` to the parts of a line that are not inline code; code spans stay as written."""
    parts: list[str] = []
    cursor = 0
    for span in CODE_SPAN.finditer(line):
        parts.append(change(line[cursor : span.start()]))
        parts.append(span.group(0))
        cursor = span.end()
    parts.append(change(line[cursor:]))
    return "".join(parts)
