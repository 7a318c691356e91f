-- Annex headings, for pandoc's Typst writer: Charter writes an annex's heading with its
-- letter ("Annex C: Document control", classes `annex` and `annex-letter-C`), as the DOCX
-- and the EPUB print it. Typst numbers the heading itself ("Annex C", from the counter
-- that Charter sets before it), so the text loses its "Annex C:".

if FORMAT ~= "typst" then
  return {}
end

function Header(el)
  local letter = nil
  for _, class in ipairs(el.classes) do
    letter = letter or class:match("^annex%-letter%-(%u+)$")
  end
  if el.level ~= 1 or letter == nil then
    return nil
  end
  local c = el.content
  if #c >= 4 and c[1].t == "Str" and c[1].text == "Annex" and c[2].t == "Space"
      and c[3].t == "Str" and c[3].text == letter .. ":" and c[4].t == "Space" then
    for _ = 1, 4 do
      c:remove(1)
    end
  end
  return el
end
