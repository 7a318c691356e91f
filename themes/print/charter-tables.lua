-- Orphan rows, for pandoc's Typst writer: Typst has no orphan control for table rows,
-- but it never splits a table's footer. A table of four rows or more gets its last two
-- rows as its footer, which the template prints once (`set table.footer(repeat: false)`),
-- so no page holds only a table's last row.

if FORMAT ~= "typst" then
  return {}
end

local KEPT = 2

function Table(tbl)
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
