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

function Header(h)
  local set = settings(h.attr)
  if set == "" then
    return nil
  end
  local content = pandoc.write(pandoc.Pandoc({ pandoc.Plain(h.content) }), "typst"):gsub("%s+$", "")
  h.content = { pandoc.RawInline("typst", "#text(" .. set .. ")[" .. content .. "]") }
  return h
end
