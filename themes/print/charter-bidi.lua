-- Direction and language, for pandoc's Typst writer: it gives a div's `lang` to Typst but
-- drops `dir`, and a heading's both. Charter writes them from the prose's attribute lists
-- (see generator/render_print/attributes.py), with `dir` one of rtl, ltr, auto and `lang`
-- a checked language tag, so both go into Typst as they are. A table in a right-to-left
-- div is laid out right to left, as Typst does for text in that direction.

if FORMAT ~= "typst" then
  return {}
end

local function settings(attr)
  local parts = {}
  local dir = attr.attributes.dir
  local lang = attr.attributes.lang
  if dir == "rtl" or dir == "ltr" then
    table.insert(parts, "dir: " .. dir)
  end
  if lang and lang:match("^[%a%d-]+$") then
    local code = lang:match("^(%a+)")
    table.insert(parts, 'lang: "' .. code:lower() .. '"')
  end
  return table.concat(parts, ", ")
end

function Div(div)
  local set = settings(div.attr)
  if set == "" then
    return nil
  end
  div.attributes.lang = nil
  div.attributes.dir = nil
  local blocks = { pandoc.RawBlock("typst", "#[#set text(" .. set .. ")") }
  for _, b in ipairs(div.content) do
    table.insert(blocks, b)
  end
  table.insert(blocks, pandoc.RawBlock("typst", "]"))
  return blocks
end

-- A heading in a right-to-left script is a bidi isolate (FSI ... PDI): in the contents
-- and the running head, left-to-right lines, its page or chapter number would otherwise
-- join its right-to-left run and print on the wrong side of it.
local FSI, PDI = utf8.char(0x2068), utf8.char(0x2069)

local function right_to_left(text)
  for _, c in utf8.codes(text) do
    if (c >= 0x0590 and c <= 0x08FF) or (c >= 0xFB1D and c <= 0xFDFF) or (c >= 0xFE70 and c <= 0xFEFF)
      or (c >= 0x10800 and c <= 0x10FFF) or (c >= 0x1E800 and c <= 0x1EFFF) then
      return true
    end
  end
  return false
end

function Header(h)
  if right_to_left(pandoc.utils.stringify(h.content)) then
    h.content:insert(1, pandoc.Str(FSI))
    h.content:insert(pandoc.Str(PDI))
  end
  local set = settings(h.attr)
  if set == "" then
    return h
  end
  local content = pandoc.write(pandoc.Pandoc({ pandoc.Plain(h.content) }), "typst"):gsub("%s+$", "")
  h.content = { pandoc.RawInline("typst", "#text(" .. set .. ")[" .. content .. "]") }
  return h
end
