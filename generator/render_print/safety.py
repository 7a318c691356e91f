"""Print safety: prose never reaches pandoc as raw markup or metadata, and no output carries a script.

pandoc reads the assembled Markdown in :data:`generator.render_print.pandoc_run.MARKDOWN_FORMAT`,
which has no raw TeX, raw attributes or metadata blocks, and raw HTML only as tags that
the filter shows as text (and comments, which it drops), so nothing a drafter writes can
become raw Typst, Office XML, HTML or pandoc metadata. Charter's own raw markup
(page numbers, landscape pages, section breaks) is written as code that carries
:data:`RAW_CLASS`, a class with a key drawn afresh by every process: prose cannot guess it,
and :data:`FILTER`, run when pandoc reads the Markdown (every format is written from what
it read, see :mod:`.pandoc_ast`), turns that code into raw markup. The same filter holds
every output to the site's prose rules (links, images, attributes); a link to an anchor the
document lacks becomes its words (:mod:`.pandoc_ast`, which sees the whole document).

After pandoc has written a file, :func:`check_output` reads it back and refuses it when it
carries anything that could run: the last line of defence, which never fires unless one
of the others has failed.
"""

from __future__ import annotations

import os
import re
import secrets
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from generator.errors import BuildError

RAW_CLASS = f"charter-raw-{secrets.token_hex(12)}"
"""The class of the code that Charter's own raw markup is written as (see :func:`raw_block`)."""

RAW_FORMATS = ("typst", "openxml")
"""The raw formats Charter writes: Typst for the PDF, Office XML for the DOCX."""

FILTER = r"""-- Charter's print safety filter: run when pandoc reads the assembled Markdown of a print edition.
--
-- pandoc reads the assembled Markdown with raw TeX, raw attributes and metadata blocks turned
-- off, and raw HTML only as tags this filter shows as text, so nothing a drafter writes can
-- become raw Typst, raw Office XML, raw HTML or metadata. Charter's own raw markup is written
-- as code carrying a class with this build's secret key (CHARTER_RAW_CLASS, filled in when
-- the filter is written), which prose cannot guess; this filter turns that code into raw
-- blocks and spans. It also makes every
-- output follow the site's prose rules whatever the Markdown said:
--   * a link goes to an anchor (``#id``) or to a web or mail address, or it is text (a link
--     to an anchor the document lacks becomes text in pandoc_ast.py, which sees it whole);
--   * an image is one of the document's own files (images/…, diagrams/…), or its alt text;
--   * no element keeps an attribute outside a short list (no on…=, style=, src=, href=).

local RAW_CLASS = "CHARTER_RAW_CLASS"
local FORMATS = { typst = true, openxml = true }
local KEPT_ATTRIBUTES = { ["custom-style"] = true, alt = true, width = true, height = true, lang = true, dir = true }
local LINK_SCHEMES = { http = true, https = true, mailto = true }

local function clean(el)
  local drop = {}
  for key, _ in pairs(el.attributes) do
    if not KEPT_ATTRIBUTES[key:lower()] then
      drop[#drop + 1] = key
    end
  end
  for _, key in ipairs(drop) do
    el.attributes[key] = nil
  end
  return el
end

-- A browser drops blanks and control characters from an address before it reads the scheme.
local function scheme_of(target)
  local squeezed = target:gsub("[%z\1-\32\127]", "")
  local scheme = squeezed:match("^([%a][%w+.-]*):")
  return scheme and scheme:lower() or nil, squeezed
end

local function link_allowed(target)
  local scheme, squeezed = scheme_of(target)
  if scheme then
    return LINK_SCHEMES[scheme] == true
  end
  -- an anchor in the document: an identifier, never an address nor a Typst label it cannot be
  return squeezed == target and target:match("^#[^%s%c()<>\"'\\#!]+$") ~= nil
end

local function image_allowed(src)
  local scheme, squeezed = scheme_of(src)
  if scheme or squeezed ~= src or src:find("\\", 1, true) then
    return false
  end
  for part in src:gmatch("[^/]+") do
    if part == ".." then
      return false
    end
  end
  return src:match("^images/[^/]") ~= nil or src:match("^diagrams/[^/]") ~= nil
end

local function without_comments(text)
  return (text:gsub("<!%-%-.-%-%->", ""))
end

local function raw_format(el)
  if el.classes[1] == RAW_CLASS and FORMATS[el.classes[2]] then
    return el.classes[2]
  end
  return nil
end

return {
  {
    -- The only raw markup the reader makes is HTML: comments are dropped (one could hide text
    -- that the prose renderer missed), every other tag is shown as the text written.
    RawBlock = function(el)
      local text = without_comments(el.text)
      if text:match("^%s*$") then
        return {}
      end
      return pandoc.CodeBlock(text)
    end,
    RawInline = function(el)
      local text = without_comments(el.text)
      if text == "" then
        return {}
      end
      return pandoc.Str(text)
    end,
    CodeBlock = function(el)
      local format = raw_format(el)
      if format then
        return pandoc.RawBlock(format, el.text)
      end
      return clean(el)
    end,
    Code = function(el)
      local format = raw_format(el)
      if format then
        return pandoc.RawInline(format, el.text)
      end
      return clean(el)
    end,
    Link = function(el)
      if not link_allowed(el.target) then
        return pandoc.Span(el.content)
      end
      return clean(el)
    end,
    Image = function(el)
      if not image_allowed(el.src) then
        return pandoc.Span(el.caption)
      end
      return clean(el)
    end,
    Span = clean,
    Div = clean,
    Header = clean,
    Table = clean,
    Figure = clean,
  },
}
""".replace("CHARTER_RAW_CLASS", RAW_CLASS)
"""The Lua filter: Charter's raw code becomes raw markup; links, images and attributes are held to the site's rules."""

FORMAT_FILTERS = {
    "typst": r"""-- Charter's format filter for Typst, run first when pandoc writes it from the document the
-- safety filter read: Charter's template defines no ``horizontalrule``, which pandoc's Typst
-- writer calls for a rule.
return {
  {
    HorizontalRule = function()
      return pandoc.RawBlock("typst", "#align(center, line(length: 50%, stroke: 0.5pt))")
    end,
  },
}
""",
    "docx": r"""-- Charter's format filter for Word, run first when pandoc writes it from the document the
-- safety filter read: an entity ID (Charter's .charter-id span) never breaks at its hyphens,
-- each of which becomes Word's own non-breaking hyphen (w:noBreakHyphen, which Word's text
-- reads as '-'). Typst boxes the ID; the EPUB's CSS keeps the span on one line.
return {
  {
    Span = function(el)
      if el.classes:includes("charter-id") then
        return el:walk({
          Str = function(s)
            local parts = {}
            for piece, dash in s.text:gmatch("([^-]*)(-?)") do
              if piece ~= "" then
                parts[#parts + 1] = pandoc.Str(piece)
              end
              if dash ~= "" then
                parts[#parts + 1] = pandoc.RawInline("openxml", "<w:r><w:noBreakHyphen/></w:r>")
              end
            end
            return parts
          end,
        })
      end
    end,
  },
}
""",
}
"""What only one writer needs, by the format pandoc writes; a format with none runs no filter.

A Lua filter costs pandoc a pass over the whole document even where it changes nothing (a
quarter of a second for the sample's EPUB), so each format gets only its own.
"""


def write_filter(folder: Path) -> Path:
    """:data:`FILTER` as a file in ``folder``, written whole before any pandoc run can read it.

    The file is this process's own (its key differs from any other build's), so two builds
    that share a work folder never read each other's filter.
    """
    return _write_lua(folder, "charter-safety", FILTER)


def write_format_filter(folder: Path, to: str) -> Path | None:
    """The format filter of ``to`` (:data:`FORMAT_FILTERS`) as a file in ``folder``; None if it has none."""
    text = FORMAT_FILTERS.get(to)
    return None if text is None else _write_lua(folder, f"charter-format-{to}", text)


def _write_lua(folder: Path, name: str, text: str) -> Path:
    path = folder / f"{name}-{os.getpid()}.lua"
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return path
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / f".{name}-{os.getpid()}-{secrets.token_hex(4)}.lua"
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)  # atomic: a run in another thread never reads half a filter
    return path


# -- the last line of defence: the written files -------------------------------------------

LINK_SCHEMES = frozenset({"http", "https", "mailto"})
"""The only schemes an output may link to."""
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_BLANKS = re.compile(r"[\x00-\x20\x7f]+")
_ACTIVE_ELEMENTS = frozenset(
    {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "base", "handler", "listener"}
    | {"set", "animate", "animatemotion", "animatetransform"}  # SVG animation can rewrite an href
)
_ADDRESS_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "poster", "data", "background", "srcset", "cite", "codebase"}
)
_FIELDS = frozenset({"TOC", "PAGE", "NUMPAGES", "SECTIONPAGES", "STYLEREF"})
"""The only Word fields a DOCX may hold: the contents and the header and footer of Charter's reference document."""
_HYPERLINK_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_FIELD_CODE = re.compile(r'<w:instrText[^>]*>([^<]*)</w:instrText>|w:instr="([^"]*)"')
_DOCX_ACTIVE = re.compile(r"<w:(altChunk|object|control)\b|<v:imagedata\b[^>]*r:href")
_TYPST_LINK = re.compile(r'\blink\(\s*"((?:[^"\\]|\\.)*)"')


def unsafe_address(value: str) -> bool:
    """Whether an address has a scheme other than a web or mail one (blanks dropped, as a browser does)."""
    found = _SCHEME.match(_BLANKS.sub("", value))
    return found is not None and found.group(1).lower() not in LINK_SCHEMES


def check_output(path: Path, fmt: str) -> None:
    """Refuse (delete, and raise BuildError for) a written file that carries anything that could run.

    ``fmt`` is ``"EPUB"``, ``"DOCX"`` or ``"Typst"`` (the source of the PDF).
    """
    checks = {"EPUB": epub_problems, "DOCX": docx_problems, "Typst": typst_problems}
    problems = checks[fmt](path)
    if problems:
        path.unlink(missing_ok=True)
        listed = "\n  ".join(problems[:10])
        raise BuildError(f"{path.name} would carry active content, so it was not written:\n  {listed}")


def epub_problems(path: Path) -> list[str]:
    """What in an EPUB's documents and images could run: scripts, frames, event handlers, script addresses."""
    problems: list[str] = []
    with zipfile.ZipFile(path) as book:
        for name in book.namelist():
            if name.lower().endswith((".xhtml", ".html", ".htm", ".svg", ".xml", ".opf", ".ncx")):
                problems += [f"{name}: {p}" for p in _xml_problems(book.read(name))]
    return problems


def _element_problems(root: ElementTree.Element) -> list[str]:
    problems: list[str] = []
    for element in root.iter():
        tag = _local(element.tag).lower()
        if tag in _ACTIVE_ELEMENTS:
            problems.append(f"a <{tag}> element")
        for key, value in element.attrib.items():
            name = _local(key).lower()
            if name.startswith("on"):
                problems.append(f"an event handler {name}= on <{tag}>")
            elif (name in _ADDRESS_ATTRIBUTES and unsafe_address(value)) or (name == "style" and _active_style(value)):
                problems.append(f"{name}={value[:60]!r} on <{tag}>")
            elif tag == "meta" and name == "http-equiv":
                problems.append("a <meta http-equiv>")
    return problems


def _active_style(value: str) -> bool:
    squeezed = _BLANKS.sub("", value).lower()
    return "script:" in squeezed or "expression(" in squeezed


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def docx_problems(path: Path) -> list[str]:
    """What in a DOCX could run or fetch: outside relationships that are not web links, fields, embedded objects."""
    problems: list[str] = []
    with zipfile.ZipFile(path) as document:
        for name in document.namelist():
            if name.endswith(".rels"):
                problems += [f"{name}: {p}" for p in _relationship_problems(document.read(name))]
            elif name.lower().endswith(".svg"):  # an image, embedded as it is: no script in it either
                problems += [f"{name}: {p}" for p in _xml_problems(document.read(name))]
            elif name.startswith("word/") and name.endswith(".xml"):
                xml = document.read(name).decode("utf-8", errors="replace")
                for match in _FIELD_CODE.finditer(xml):
                    code = (match.group(1) or match.group(2) or "").replace("&quot;", '"').strip()
                    if code and code.split()[0].upper() not in _FIELDS:
                        problems.append(f"{name}: a field {code[:60]!r}")
                if (active := _DOCX_ACTIVE.search(xml)) is not None:
                    problems.append(f"{name}: {active.group(0)[:40]!r}")
    return problems


def _xml_problems(data: bytes) -> list[str]:
    """What in an XML document (XHTML, SVG, the package's own files) could run."""
    try:
        return _element_problems(ElementTree.fromstring(data))
    except ElementTree.ParseError as exc:
        return [f"not well-formed XML ({exc})"]


def _relationship_problems(data: bytes) -> list[str]:
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        return [f"not well-formed XML ({exc})"]
    problems = []
    for relationship in root.iter():
        if relationship.get("TargetMode") != "External":
            continue
        target = relationship.get("Target", "")
        if relationship.get("Type") != _HYPERLINK_TYPE or unsafe_address(target) or not _SCHEME.match(target):
            problems.append(f"an outside target {target[:60]!r}")
    return problems


def typst_problems(path: Path) -> list[str]:
    """Links in a Typst source (the PDF's) to anything but a web or mail address."""
    text = path.read_text(encoding="utf-8")
    return [
        f"a link to {m.group(1)[:60]!r}"
        for m in _TYPST_LINK.finditer(text)
        if unsafe_address(re.sub(r"\\(.)", r"\1", m.group(1)))
    ]
