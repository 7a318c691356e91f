-- The chapters' own images, for pandoc's Typst writer: it drops an image's alt text, and
-- a PDF/UA-1 compile refuses an image without one. Charter adds this filter only when a
-- chapter has images (its generated diagrams carry their alt text without it), because
-- it walks every inline of the document.

if FORMAT ~= "typst" then
  return {}
end

local function typst_string(text)
  text = text:gsub("\\", "\\\\"):gsub('"', '\\"'):gsub("\n", " ")
  return '"' .. text .. '"'
end

local function alt_of(img, fallback)
  local alt = img.attributes.alt
  if not alt or alt == "" then
    alt = pandoc.utils.stringify(img.caption)
  end
  if alt == "" then
    alt = fallback or "Image"
  end
  return alt
end

local function image_call(img, fallback)
  return "image(" .. typst_string(img.src) .. ", alt: " .. typst_string(alt_of(img, fallback)) .. ")"
end

return {
  {
    -- A paragraph holding only an image is a figure; its caption is the alt text's fallback.
    Figure = function(fig)
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
      local caption_typst = pandoc.write(pandoc.Pandoc({ pandoc.Plain(caption) }), "typst"):gsub("%s+$", "")
      local code = "#figure(" .. image_call(img, pandoc.utils.stringify(caption)) .. ", caption: [" .. caption_typst .. "])"
      if fig.identifier ~= "" then
        code = code .. "<" .. fig.identifier .. ">"
      end
      return pandoc.RawBlock("typst", code)
    end,
  },
  {
    Image = function(img)
      return pandoc.RawInline("typst", "#box(" .. image_call(img) .. ")")
    end,
  },
}
