-- Orphan rows, for pandoc's Typst writer: Typst has no orphan control for table rows,
-- but it never splits a table's footer. A table that may break across pages (Charter
-- puts it in a div of class `charter-breaks`: more rows than tables.py's
-- KEEP_WHOLE_MAX_ROWS, so not kept on one page whole) gets its last two rows as its
-- footer, which the template prints once (`set table.footer(repeat: false)`), so no page
-- holds only a table's last row.
--
-- The trade-off: those two rows are tagged as the table's footer (TFoot) in the PDF's
-- structure, still in reading order, at the end. Small tables never break, so they keep
-- every row in the body.

if FORMAT ~= "typst" then
  return {}
end

local KEPT = 2

local function keep_last_rows(tbl)
  if #tbl.bodies ~= 1 or #tbl.foot.rows > 0 then
    return nil
  end
  local rows = tbl.bodies[1].body
  if #rows < 2 * KEPT then
    return nil
  end
  local last = {}
  for i = #rows - KEPT + 1, #rows do
    table.insert(last, rows[i])
  end
  for _ = 1, KEPT do
    table.remove(rows)
  end
  tbl.bodies[1].body = rows
  tbl.foot.rows = last
  return tbl
end

function Div(div)
  -- What the PDF prints on pages of its own (the imprint, see frontmatter.py).
  if div.classes:includes("charter-not-typst") then
    return {}
  end
  -- A signature (frontmatter.py's signature_markdown): the template's charter-signature block.
  if div.classes:includes("charter-signature") then
    local blocks = { pandoc.RawBlock("typst", "#charter-signature[") }
    for _, b in ipairs(div.content) do
      table.insert(blocks, b)
    end
    table.insert(blocks, pandoc.RawBlock("typst", "]"))
    return blocks
  end
  if div.classes:includes("charter-breaks") then
    return div:walk({ Table = keep_last_rows })
  end
end
