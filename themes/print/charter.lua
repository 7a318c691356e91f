-- Charter's pandoc filter for the print editions.
--
-- The assembled Markdown marks what pipe tables and figures cannot say in divs and spans;
-- this filter turns those marks into each writer's own terms:
--   .view[widths]   relative column widths of the table inside      (every format)
--   .landscape      the table gets landscape pages                    (Typst, DOCX)
--   .anchor#id      a cross-reference target                          (Typst: a metadata label)
--   .marker[fill]   a rating chip whose text is always shown           (Typst, HTML/EPUB)
--   .summary        an entity summary box                              (Typst)
--   .table-note     the key under a table                              (Typst)
--   Image           figures carry their alt text into PDF/UA-1         (Typst)

local typst = FORMAT == "typst"
local docx = FORMAT == "docx"
local html = FORMAT:match("html") or FORMAT:match("epub")

local function typst_string(text)
  text = text:gsub("\\", "\\\\"):gsub('"', '\\"'):gsub("\n", " ")
  return '"' .. text .. '"'
end

local function raw(code)
  return pandoc.RawBlock("typst", code)
end

local function hex_colour(value)
  if value and value:match("^#%x%x%x%x%x%x$") then
    return value
  end
  return nil
end

local function typst_inlines(inlines)
  local doc = pandoc.Pandoc({ pandoc.Plain(inlines) })
  return (pandoc.write(doc, "typst"):gsub("%s+$", ""))
end

-- Page geometry for DOCX sections (twentieths of a point), from the paper metadata.
local paper = "a4"
local section_refs = ""
local function docx_section(landscape)
  local w, h = 11906, 16838
  if paper == "letter" then
    w, h = 12240, 15840
  end
  local size
  if landscape then
    size = string.format('<w:pgSz w:w="%d" w:h="%d" w:orient="landscape"/>', h, w)
  else
    size = string.format('<w:pgSz w:w="%d" w:h="%d"/>', w, h)
  end
  local margins = '<w:pgMar w:top="1418" w:right="1247" w:bottom="1418" w:left="1247" '
    .. 'w:header="567" w:footer="567" w:gutter="0"/>'
  return pandoc.RawBlock(
    "openxml",
    "<w:p><w:pPr><w:sectPr>" .. section_refs .. size .. margins .. "</w:sectPr></w:pPr></w:p>"
  )
end

local function set_widths(div)
  local widths = {}
  for w in (div.attributes.widths or ""):gmatch("[%d%.]+") do
    widths[#widths + 1] = tonumber(w)
  end
  if #widths == 0 then
    return
  end
  div.content = div.content:walk({
    Table = function(tbl)
      if #tbl.colspecs == #widths then
        for i, spec in ipairs(tbl.colspecs) do
          tbl.colspecs[i] = { spec[1], widths[i] }
        end
      end
      return tbl
    end,
  })
end

local function image_typst(img, caption_inlines, identifier)
  local alt = img.attributes.alt
  if not alt or alt == "" then
    alt = pandoc.utils.stringify(img.caption)
  end
  if alt == "" then
    alt = pandoc.utils.stringify(caption_inlines or {})
  end
  if alt == "" then
    alt = "Image"
  end
  local args = typst_string(img.src) .. ", alt: " .. typst_string(alt)
  local width = img.attributes.width
  if width then
    args = args .. ", width: " .. (width:match("^%d+%%$") or width:match("^%d+pt$") or "100%")
  end
  local code = "image(" .. args .. ")"
  if caption_inlines then
    code = "#figure(" .. code .. ", caption: [" .. typst_inlines(caption_inlines) .. "])"
    if identifier and identifier ~= "" then
      code = code .. "<" .. identifier .. ">"
    end
    return code
  end
  return "#box(" .. code .. ")"
end

-- The heat map as a Typst table whose cells are filled with their band's colour. Each
-- cell still names its band, so colour is never the only signal.
local function heatmap_typst(div)
  local tbl = nil
  div.content:walk({
    Table = function(t)
      tbl = tbl or t
    end,
  })
  if not tbl then
    return nil
  end
  local widths = {}
  for w in (div.attributes.widths or ""):gmatch("[%d%.]+") do
    widths[#widths + 1] = w .. "fr"
  end
  if #widths ~= #tbl.colspecs then
    widths = {}
    for i = 1, #tbl.colspecs do
      widths[i] = "1fr"
    end
  end
  local function cell_code(cell, bold)
    local fill = nil
    local blocks = cell.contents:walk({
      Link = function(link)
      -- An ID such as R-SMG-01 never breaks at its hyphens.
      if typst and link.target:match("^#E%-") and pandoc.utils.stringify(link.content) == link.target:sub(4) then
        return { pandoc.RawInline("typst", "#box["), link, pandoc.RawInline("typst", "]") }
      end
    end,

    Span = function(span)
        if span.classes:includes("marker") then
          fill = fill or hex_colour(span.attributes.fill)
          return pandoc.Strong(span.content)
        end
      end,
    })
    local body = pandoc.write(pandoc.Pandoc(blocks), "typst"):gsub("%s+$", "")
    if bold then
      body = "#strong[" .. body .. "]"
    end
    if fill then
      return 'table.cell(fill: rgb("' .. fill .. '").lighten(55%))[' .. body .. "]"
    end
    return "[" .. body .. "]"
  end
  local lines = { "#figure(", "  kind: table,", "  table(", "    columns: (" .. table.concat(widths, ", ") .. "),", "    table.header(" }
  for _, row in ipairs(tbl.head.rows) do
    for _, cell in ipairs(row.cells) do
      lines[#lines + 1] = "      " .. cell_code(cell, false) .. ","
    end
  end
  lines[#lines + 1] = "    ),"
  for _, body in ipairs(tbl.bodies) do
    for _, row in ipairs(body.body) do
      for i, cell in ipairs(row.cells) do
        lines[#lines + 1] = "    " .. cell_code(cell, i == 1) .. ","
      end
    end
  end
  lines[#lines + 1] = "  ),"
  local caption = pandoc.utils.blocks_to_inlines(tbl.caption.long)
  lines[#lines + 1] = "  caption: [" .. typst_inlines(caption) .. "],"
  lines[#lines + 1] = ")"
  return div.content:walk({
    Table = function()
      return raw(table.concat(lines, "\n"))
    end,
  })
end

return {
  {
    Meta = function(meta)
      if meta.papersize then
        paper = pandoc.utils.stringify(meta.papersize)
      end
      if meta["docx-section-refs"] then
        section_refs = pandoc.utils.stringify(meta["docx-section-refs"])
      end
    end,
  },
  {
    Figure = function(fig)
      if not typst then
        return nil
      end
      local img = nil
      fig.content:walk({
        Image = function(i)
          img = img or i
        end,
      })
      if not img then
        return nil
      end
      local caption = pandoc.utils.blocks_to_inlines(fig.caption.long)
      return raw(image_typst(img, caption, fig.identifier))
    end,

    Div = function(div)
      if typst and div.classes:includes("view-heatmap") then
        div.content = heatmap_typst(div) or div.content
        return div
      end
    end,
  },
  {
    Image = function(img)
      if typst then
        return pandoc.RawInline("typst", image_typst(img, nil, nil))
      end
    end,

    Link = function(link)
      -- An ID such as R-SMG-01 never breaks at its hyphens.
      if typst and link.target:match("^#E%-") and pandoc.utils.stringify(link.content) == link.target:sub(4) then
        return { pandoc.RawInline("typst", "#box["), link, pandoc.RawInline("typst", "]") }
      end
    end,

    Span = function(span)
      if span.classes:includes("anchor") and typst and span.identifier ~= "" then
        return pandoc.RawInline("typst", "#metadata(none)<" .. span.identifier .. ">")
      end
      if span.classes:includes("marker") then
        local fill = hex_colour(span.attributes.fill)
        if typst and fill then
          return { pandoc.RawInline("typst", '#charter-marker(rgb("' .. fill .. '"))[') }
            .. span.content
            .. { pandoc.RawInline("typst", "]") }
        end
        if html and fill then
          span.attributes.fill = nil
          span.attributes.style = "background-color: " .. fill .. "33; border-left: 3px solid " .. fill
          return span
        end
      end
    end,

    Div = function(div)
      if div.classes:includes("view") then
        set_widths(div)
        div.attributes.widths = nil
        local landscape = div.classes:includes("landscape")
        if typst then
          if landscape then
            return { raw("#charter-landscape[") } .. div.content .. { raw("]") }
          end
          return div.content
        end
        if docx and landscape then
          return { docx_section(false) } .. div.content .. { docx_section(true) }
        end
        return div
      end
      if div.classes:includes("landscape") then
        if typst then
          return { raw("#charter-landscape[") } .. div.content .. { raw("]") }
        end
        if docx then
          return { docx_section(false) } .. div.content .. { docx_section(true) }
        end
        return div.content
      end
      if typst and div.classes:includes("summary") then
        return { raw("#charter-summary[") } .. div.content .. { raw("]") }
      end
      if typst and div.classes:includes("table-note") then
        return { raw("#charter-note[") } .. div.content .. { raw("]") }
      end
    end,
  },
}
