-- Annex headings, for pandoc's Typst writer: Charter writes an annex's heading with its
-- letter ("Annex C: Document control", classes `annex` and `annex-letter-C`), as the DOCX
-- and the EPUB print it. Typst numbers the heading itself ("Annex C", from the counter
-- that Charter sets before it), so the text loses its "Annex C:". The words are in the
-- document's language ("Annexe C : ..."): the prefix is every inline up to the first word
-- that ends with a colon, within the first few, when the letter stands among them.

if FORMAT ~= "typst" then
  return {}
end

local MAX_PREFIX = 6

function Header(el)
  local letter = nil
  for _, class in ipairs(el.classes) do
    letter = letter or class:match("^annex%-letter%-(%u+)$")
  end
  if el.level ~= 1 or letter == nil then
    return nil
  end
  local c = el.content
  local lettered = false
  for i = 1, math.min(#c, MAX_PREFIX) do
    if c[i].t == "Str" then
      local text = c[i].text
      lettered = lettered or text == letter or text == letter .. ":"
      if text:sub(-1) == ":" then
        if not lettered then
          return nil
        end
        local drop = (c[i + 1] and c[i + 1].t == "Space") and i + 1 or i
        for _ = 1, drop do
          c:remove(1)
        end
        return el
      end
    end
  end
  return nil
end
