--[[
sendreview's pandoc filter, applied to every report in every format.

1. Tables. Templates write a table as nested fenced divs:
     ::: {.table widths="20,40,40" header="1"}   (header: how many rows form the head)
     ::: {.row}
     ::: {.cell}
     Any **Markdown**, lists included.
     :::
     :::
     :::
   and this filter turns them into real tables (docx, odt, html and typst tables,
   with lists inside cells), which pandoc's own table syntaxes cannot do simply.
2. Safety. Text comes from people's YAML files: links may only go to the web,
   to e-mail or inside the document; images are never fetched or embedded unless
   sendreview made them itself (named in the metadata field "allowed-images").
]]

local function width_list(spec, n)
  local widths, total = {}, 0
  for w in string.gmatch(spec or "", "[^,%s]+") do
    widths[#widths + 1] = tonumber(w)
    total = total + tonumber(w)
  end
  if #widths ~= n or total == 0 then
    widths, total = {}, n
    for i = 1, n do widths[i] = 1 end
  end
  local out = {}
  for i = 1, n do out[i] = widths[i] / total end
  return out
end

local function build_table(div)
  local rows = {}
  for _, block in ipairs(div.content) do
    if block.t == "Div" and block.classes:includes("row") then
      local cells = {}
      for _, cell in ipairs(block.content) do
        if cell.t == "Div" and cell.classes:includes("cell") then
          local content = cell.content
          if #content == 1 and content[1].t == "Para" then  -- no paragraph gaps in a cell
            content = {pandoc.Plain(content[1].content)}
          end
          cells[#cells + 1] = pandoc.Cell(content)
        end
      end
      rows[#rows + 1] = pandoc.Row(cells)
    end
  end
  if #rows == 0 then return nil end
  local ncols = #rows[1].cells
  local widths = width_list(div.attributes.widths, ncols)
  local colspecs = {}
  for i = 1, ncols do colspecs[i] = {pandoc.AlignDefault, widths[i]} end
  local nhead = tonumber(div.attributes.header or "1")
  local head_rows, body_rows = {}, {}
  for i, row in ipairs(rows) do
    if i <= nhead then head_rows[#head_rows + 1] = row else body_rows[#body_rows + 1] = row end
  end
  local body = {
    attr = pandoc.Attr(),
    body = body_rows,
    head = {},
    row_head_columns = tonumber(div.attributes["row-heads"] or "0"),
  }
  local attr = pandoc.Attr(div.identifier, {"report-table", table.unpack(div.classes)})
  return pandoc.Table({long = {}, short = {}}, colspecs, pandoc.TableHead(head_rows),
                      {body}, pandoc.TableFoot(), attr)
end

local SAFE = {["http"] = true, ["https"] = true, ["mailto"] = true}

local function safe_target(target)
  if target:sub(1, 1) == "#" then return true end
  local scheme = target:match("^([%a][%w+.-]*):")
  return scheme ~= nil and SAFE[scheme:lower()] == true
end

local ids = {}
local allowed_images = {}

local function note_allowed_images(meta)
  local value = meta["allowed-images"]
  if value then
    for name in string.gmatch(pandoc.utils.stringify(value), "[^,]+") do
      allowed_images[name] = true
    end
  end
end

local function note_id(el)
  if el.identifier and el.identifier ~= "" then ids[el.identifier] = true end
end

local function draft_banner(div)
  if FORMAT == "typst" then
    return pandoc.RawBlock("typst", "#draft-banner[" .. pandoc.utils.stringify(div) .. "]")
  end
end

-- A wide section (the Annex 3 grid) gets landscape pages where pages exist. For docx the
-- markers become section breaks in sendreview/report/docx.py, which knows the page setup.
local function landscape(div)
  local before, after
  if FORMAT == "docx" then
    before = pandoc.RawBlock("openxml", '<w:p><w:pPr><w:pStyle w:val="SendreviewLandscapeStart"/></w:pPr></w:p>')
    after = pandoc.RawBlock("openxml", '<w:p><w:pPr><w:pStyle w:val="SendreviewLandscapeEnd"/></w:pPr></w:p>')
  elseif FORMAT == "typst" then
    before = pandoc.RawBlock("typst", "#set page(flipped: true)")
    after = pandoc.RawBlock("typst", "#set page(flipped: false)")
  else
    return div.content
  end
  local blocks = {before}
  for _, b in ipairs(div.content) do blocks[#blocks + 1] = b end
  blocks[#blocks + 1] = after
  return blocks
end

return {
  {
    Meta = note_allowed_images,
  },
  {
    Div = function(div)
      if div.classes:includes("table") then return build_table(div) end
      if div.classes:includes("draft") then return draft_banner(div) end
    end,
  },
  {
    Div = function(div)
      if div.classes:includes("landscape") then return landscape(div) end
    end,
  },
  {
    Span = note_id, Div = note_id, Header = note_id, Table = note_id,
  },
  {
    Link = function(link)
      local target = link.target
      if not safe_target(target) then return link.content end
      if target:sub(1, 1) == "#" and not ids[target:sub(2)] then return link.content end
    end,
    Image = function(img)
      if not allowed_images[img.src] then return pandoc.Emph(img.caption) end
    end,
  },
}
