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
2. Safety. Text comes from people's YAML files.
   - The `md` Jinja filter hands pandoc the characters { } [ ] and ::: of reviewers'
     text as private-use stand-ins, so that they cannot open attributes, divs, spans
     or raw blocks; this filter turns them back into the characters typed.
   - Only the blocks templates make keep attributes: divs with the classes below
     (their known attributes only) and spans with an id. Every other div or span
     is replaced by its contents, every other element loses its attributes, raw
     HTML/TeX/Typst and math are shown as text, and headings inside lists, quotes
     or tables become paragraphs.
   - Links may only go to the web, to e-mail or inside the document; images are
     never fetched or embedded unless sendreview made them itself (named in the
     metadata field "allowed-images"). The one exception is sendreview's own: in HTML,
     an evidence attachment (a span the evidence template makes, whose path is checked
     below) links to the file in the review folder, relative to the report.
]]

local STAND_INS = {
  ["\u{E07B}"] = "{", ["\u{E07D}"] = "}", ["\u{E05B}"] = "[", ["\u{E05D}"] = "]",
  ["\u{E03A}"] = ":",
}

local function restore(text)
  if not text:find("\xEE", 1, true) then return text end
  for stand_in, char in pairs(STAND_INS) do
    text = text:gsub(stand_in, char)
  end
  return text
end

-- Divs templates make, and the attributes each may carry
local DIV_CLASSES = {table = true, row = true, cell = true, draft = true, landscape = true}
local DIV_ATTRIBUTES = {widths = "^[%d, ]*$", header = "^%d+$", ["row-heads"] = "^%d+$",
                        ["custom-style"] = "^[%w %-]+$"}

local function safe_id(id)
  if id ~= "" and id:match("^[%a][%w%-_.:]*$") and #id <= 100 then return id end
  return ""
end

local function div_attr(div)
  local classes = {}
  for _, c in ipairs(div.classes) do
    if DIV_CLASSES[c] then classes[#classes + 1] = c end
  end
  if #classes == 0 then return nil end
  local attributes = {}
  for name, value in pairs(div.attributes) do
    local pattern = DIV_ATTRIBUTES[name]
    if pattern and value:match(pattern) then attributes[name] = value end
  end
  return pandoc.Attr(safe_id(div.identifier), classes, attributes)
end

local function as_text(text) return pandoc.Str(restore(text)) end

-- A heading inside a list, quote, note or table cell (from people's text) is shown as a
-- bold line, as report/markdown.py shows one at the top of a text field.
local function flat_heading(h)
  return pandoc.Para({pandoc.Strong(h.content)})
end

local function no_headings(el)
  return el:walk({Header = flat_heading})
end

local sanitise = {
  traverse = "topdown",
  RawBlock = function(raw) return pandoc.Para({as_text(raw.text)}) end,
  RawInline = function(raw) return as_text(raw.text) end,
  Math = function(math) return as_text(math.text) end,
  Str = function(s)
    local text = restore(s.text)
    if text ~= s.text then return pandoc.Str(text) end
  end,
  Code = function(code) return pandoc.Code(restore(code.text)) end,
  CodeBlock = function(block) return pandoc.CodeBlock(restore(block.text)) end,
  Div = function(div)
    local attr = div_attr(div)
    if attr == nil then return div.content end
    div.attr = attr
    return div
  end,
  Span = function(span)
    local href = span.attributes.href or ""
    if span.classes:includes("attachment") and href:match("^[%w%-._~/%%]+$")
        and not ("/" .. href .. "/"):find("/%.%./") and href:sub(1, 1) ~= "/" then
      span.attr = pandoc.Attr("", {"attachment"}, {href = href})  -- an evidence attachment
      return span
    end
    local id = safe_id(span.identifier)
    if id == "" then return span.content end
    span.attr = pandoc.Attr(id)
    return span
  end,
  Header = function(h)
    h.attr = pandoc.Attr(safe_id(h.identifier))
    return h
  end,
  Link = function(link)
    link.attr = pandoc.Attr()
    link.target = restore(link.target)
    link.title = restore(link.title)
    return link
  end,
  Image = function(img)
    img.attr = pandoc.Attr()
    img.src = restore(img.src)
    img.title = restore(img.title)
    return img
  end,
  Table = function(tbl)
    tbl.attr = pandoc.Attr()
    return tbl
  end,
  Figure = function(fig) return fig.content end,
  Note = function(note) return pandoc.Note(no_headings(pandoc.Div(note.content)).content) end,
  BlockQuote = no_headings,
  BulletList = no_headings,
  OrderedList = no_headings,
  DefinitionList = no_headings,
}

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
          local content = no_headings(pandoc.Div(cell.content)).content
          if #content == 1 and content[1].t == "Para" then  -- no paragraph gaps in a cell
            content = {pandoc.Plain(content[1].content)}
          end
          cells[#cells + 1] = pandoc.Cell(content)
        end
      end
      rows[#rows + 1] = pandoc.Row(cells)
    end
  end
  if #rows == 0 then return div.content end
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
local attachments_base = nil  -- HTML only: the review folder, seen from the report

local function read_meta(meta)
  local value = meta["allowed-images"]
  if value then
    for name in string.gmatch(pandoc.utils.stringify(value), "[^,]+") do
      allowed_images[name] = true
    end
  end
  if meta["attachments-base"] then
    attachments_base = pandoc.utils.stringify(meta["attachments-base"])
  end
end

-- An evidence attachment: a link to the file in an HTML report, which sits beside the
-- review; elsewhere (a document that is printed or e-mailed) the file's name alone.
local function attachment(span)
  if not span.classes:includes("attachment") then return nil end
  if attachments_base and FORMAT:match("^html") then
    return pandoc.Link(span.content, attachments_base .. span.attributes.href)
  end
  return span.content
end

local function note_id(el)
  if el.identifier and el.identifier ~= "" then ids[el.identifier] = true end
end

-- Text as a Typst string literal: nothing in it can be read as Typst code.
local function typst_string(text)
  return '"' .. text:gsub("\\", "\\\\"):gsub('"', '\\"'):gsub("\n", " ") .. '"'
end

local function draft_banner(div)
  if FORMAT == "typst" then
    return pandoc.RawBlock("typst", "#draft-banner(" .. typst_string(pandoc.utils.stringify(div)) .. ")")
  end
end

-- A wide section (the Annex 3 grid) gets landscape pages where pages exist. For docx the
-- markers become section breaks in sendreview/report/docx.py, which knows the page setup.
-- For odt they are empty paragraphs whose styles (in reference.odt) start a page of the
-- "Landscape" master page, and then one of the standard master page again.
local function landscape(div)
  local before, after
  if FORMAT == "odt" then
    before = pandoc.RawBlock("opendocument", '<text:p text:style-name="SendreviewLandscapeStart"/>')
    after = pandoc.RawBlock("opendocument", '<text:p text:style-name="SendreviewLandscapeEnd"/>')
  elseif FORMAT == "docx" then
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

-- Typst: a list that opens a table cell must start on a line of its own. pandoc's Typst
-- writer puts a cell's first block right after its "[", on the line of the cells before
-- it ("[Reasons], [- Identifying SEND as an area for"), and wraps the item's text onto
-- lines indented only a little. Typst continues a list item only on lines indented past
-- its marker's column, so the first item ended at the end of that source line and the
-- rest became a paragraph of its own, outdented under the bullet. A raw newline before
-- the list puts its marker at the start of a line, at the same indent as the later items.
local LISTS = {BulletList = true, OrderedList = true}

-- Typst: a cell that opens with a bold lead-in paragraph and goes on (an evidence log
-- entry's title, then what was seen) keeps the lead-in on the page of the text after it.
-- A row may break between paragraphs (report.typ), and a title alone at the foot of a
-- page, its text under the next page's heading row, reads as an entry with nothing in it.
local function opens_with_lead_in(contents)
  local first = contents[1]
  return #contents > 1 and first.t == "Para" and first.content[1] ~= nil
    and first.content[1].t == "Strong"
end

local function typst_cell_lists(tbl)
  local function fix(rows)
    for _, row in ipairs(rows) do
      for _, cell in ipairs(row.cells) do
        local contents = cell.contents
        local first = contents[1]
        if first and LISTS[first.t] then
          table.insert(contents, 1, pandoc.RawBlock("typst", "\n"))
        elseif first and opens_with_lead_in(contents) then
          table.insert(contents, 2, pandoc.RawBlock("typst", "]"))
          table.insert(contents, 1, pandoc.RawBlock("typst", "#block(sticky: true)["))
        end
        cell.contents = contents
      end
    end
  end
  fix(tbl.head.rows)
  for _, body in ipairs(tbl.bodies) do
    fix(body.head)
    fix(body.body)
  end
  fix(tbl.foot.rows)
  return tbl
end

return {
  {
    Meta = read_meta,
  },
  sanitise,  -- first: every raw block after this one is sendreview's own
  {
    Div = function(div)
      if div.classes:includes("table") then return build_table(div) end
      if div.classes:includes("draft") then return draft_banner(div) end
    end,
  },
  {
    Div = function(div)
      if div.classes:includes("landscape") then return landscape(div) end
      if div.classes:includes("row") or div.classes:includes("cell") then return div.content end
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
  {
    Span = attachment,  -- after the links are checked: these are sendreview's own
  },
  {
    Table = function(tbl)
      if FORMAT == "typst" then return typst_cell_lists(tbl) end
    end,
  },
}
