"""Word tables that lay out well: no word split mid-word, no lone line over a page break.

pandoc writes every table with fixed column widths taken from the template's
proportions. A narrow column (Owner, Priority, Who) then gets less room than its
longest word, and Word and LibreOffice break that word mid-word ("Headteach|er").
Owners, areas and methods differ from review to review, so the widths are fitted here,
per table, to the words the table actually holds:

- each column is given at least the width of its longest unbreakable word (measured with
  the font's own glyph widths, bold heading cells included), and the extra comes out of
  the columns that have room to spare, in proportion to that room. The template's
  proportions stay as they are wherever they already fit.
- the table keeps its fixed layout. Autofit would leave the sizing to each program, and
  LibreOffice and Google Docs do not autofit the way Word does, so the same file would
  read differently in each; fitted fixed widths look the same everywhere.

Rows and pages: a short row is kept on one page (`cantSplit`); a long row (the Annex 3
grid) may break between its lines, but never leaves a single line behind or ahead
(widow and orphan control on every paragraph of a cell). Heading rows repeat on each
page; pandoc marks them (`tblHeader`) and they are kept whole too.

Words are measured and widths shared out in sendreview/report/fitting.py, as for the
ODT report. Word and LibreOffice disagree about the size of text in a table
(the table style says 9pt; LibreOffice lets the paragraph style's 10.5pt win), so the
larger is used: fitted for either, the column is wide enough in both.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from sendreview.report import fitting
from sendreview.report.fitting import LINE_HEIGHT, SHORT_ROW, TWIPS_PER_PT, fit, pieces

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
LIST_STEP = round(fitting.LIST_STEP * TWIPS_PER_PT)  # twips
LIST_HANG = round(fitting.LIST_HANG * TWIPS_PER_PT)


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


def _int(el: ET.Element | None, attr: str = "w", default: int = 0) -> int:
    value = el.get(_w(attr)) if el is not None else None
    try:
        return int(float(value)) if value is not None else default
    except (ValueError, OverflowError):  # "inf" is a float, but no int
        return default


@dataclass(frozen=True)
class Styles:
    """What styles.xml says about the size and weight of text, and the cells' margins."""

    sizes: dict[str, int]  # style id → font size, half-points (following basedOn)
    bold: dict[str, bool]
    default_size: int
    margins: dict[str, int]  # table style id → left + right cell margin, twips

    @classmethod
    def read(cls, data: bytes | None) -> Styles:
        if data is None:
            return cls({}, {}, 24, {})
        root = ET.fromstring(data)
        by_id = {s.get(_w("styleId"), ""): s for s in root.iter(_w("style"))}

        def inherited(style_id: str, prop: str) -> ET.Element | None:
            seen: set[str] = set()
            while style_id in by_id and style_id not in seen:
                seen.add(style_id)
                found = by_id[style_id].find(f"{_w('rPr')}/{_w(prop)}")
                if found is not None:
                    return found
                based = by_id[style_id].find(_w("basedOn"))
                style_id = based.get(_w("val"), "") if based is not None else ""
            return None

        found = {i: inherited(i, "sz") for i in by_id}
        sizes = {i: _int(sz, "val") for i, sz in found.items() if sz is not None}
        bold = {i: _on(inherited(i, "b")) for i in by_id}
        default = root.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}/{_w('sz')}")
        margins = {
            i: max((_int(m.find(_w("left"))) for m in s.iter(_w("tblCellMar"))), default=108)
            + max((_int(m.find(_w("right"))) for m in s.iter(_w("tblCellMar"))), default=108)
            for i, s in by_id.items()
            if s.get(_w("type")) == "table"
        }
        return cls(sizes, bold, _int(default, "val", 24), margins)


def _on(el: ET.Element | None) -> bool:
    return el is not None and el.get(_w("val"), "true") not in ("0", "false", "off")


def _style_of(el: ET.Element, props: str, tag: str) -> str:
    found = el.find(f"{_w(props)}/{_w(tag)}")
    return found.get(_w("val"), "") if found is not None else ""


@dataclass(frozen=True)
class Paragraph:
    words: list[float]  # the width of each unbreakable piece, twips
    space: float  # the width of a space, twips
    size: float  # the largest font size, pt
    indent: int  # twips


def _paragraph(p: ET.Element, styles: Styles, table_size: int, heading: bool) -> Paragraph:
    """The paragraph's unbreakable pieces, measured run by run (a word can change
    weight halfway, like a bold term inside a sentence)."""
    p_style = _style_of(p, "pPr", "pStyle")
    base = max(table_size, styles.sizes.get(p_style, styles.default_size))
    chars: list[tuple[str, int, bool]] = []  # character, half-points, bold
    for run in p.iter(_w("r")):
        size = _int(run.find(f"{_w('rPr')}/{_w('sz')}"), "val", base)
        bold_el = run.find(f"{_w('rPr')}/{_w('b')}")
        bold = heading or styles.bold.get(p_style, False)
        bold = _on(bold_el) if bold_el is not None else bold
        for part in run:
            if part.tag == _w("t"):
                chars.extend((c, size, bold) for c in part.text or "")
            elif part.tag in (_w("tab"), _w("br"), _w("cr")):
                chars.append((" ", size, bold))
    # pieces() measures in points; sizes here are half-points, widths twips
    words = [w * TWIPS_PER_PT for w in pieces([(c, s / 2, b) for c, s, b in chars])]
    largest = max((s for _, s, _ in chars), default=base) / 2
    level = _list_level(p)
    indent = 0 if level is None else LIST_STEP * (level + 1)
    return Paragraph(words, fitting.space(largest) * TWIPS_PER_PT, largest, indent)


def _lines(para: Paragraph, width: float) -> int:
    """How many lines the paragraph takes in a column this wide."""
    return fitting.lines(para.words, para.space, width - para.indent)


def _cells(row: ET.Element) -> Iterator[tuple[int, int, ET.Element]]:
    """(first grid column, columns spanned, cell) for each cell of a row."""
    col = 0
    for tc in row.findall(_w("tc")):
        span = max(1, _int(tc.find(f"{_w('tcPr')}/{_w('gridSpan')}"), "val", 1))
        yield col, span, tc
        col += span


def _set_width(tc: ET.Element, twips: int) -> None:
    tc_pr = tc.find(_w("tcPr"))
    if tc_pr is None:
        tc_pr = ET.Element(_w("tcPr"))
        tc.insert(0, tc_pr)
    for old in tc_pr.findall(_w("tcW")):
        tc_pr.remove(old)
    at = 1 if tc_pr.find(_w("cnfStyle")) is not None else 0  # the schema's order
    tc_pr.insert(at, ET.Element(_w("tcW"), {_w("w"): str(twips), _w("type"): "dxa"}))


def _list_level(p: ET.Element) -> int | None:
    """The level of a list item (0 for the outermost), or None for a paragraph."""
    if p.find(f"{_w('pPr')}/{_w('numPr')}") is None:
        return None
    return _int(p.find(f"{_w('pPr')}/{_w('numPr')}/{_w('ilvl')}"), "val")


# the elements a paragraph's properties hold before its indentation (the schema's order)
_BEFORE_IND = {
    _w(t)
    for t in (
        "pStyle",
        "keepNext",
        "keepLines",
        "pageBreakBefore",
        "framePr",
        "widowControl",
        "numPr",
        "suppressLineNumbers",
        "pBdr",
        "shd",
        "tabs",
        "suppressAutoHyphens",
        "kinsoku",
        "wordWrap",
        "overflowPunct",
        "topLinePunct",
        "autoSpaceDE",
        "autoSpaceDN",
        "bidi",
        "adjustRightInd",
        "snapToGrid",
        "spacing",
    )
}


def _compact_list(p: ET.Element) -> None:
    """A list item in a cell indented by its bullet's width, not Word's 1.27 cm a level:
    in a column a quarter of the page wide, that indent took a fifth of every line."""
    level = _list_level(p)
    p_pr = p.find(_w("pPr"))
    if level is None or p_pr is None:
        return
    for old in p_pr.findall(_w("ind")):
        p_pr.remove(old)
    at = max((i + 1 for i, child in enumerate(p_pr) if child.tag in _BEFORE_IND), default=0)
    left = str(LIST_STEP * (level + 1))
    p_pr.insert(at, ET.Element(_w("ind"), {_w("left"): left, _w("hanging"): str(LIST_HANG)}))


def _widow_control(p: ET.Element) -> None:
    """On the paragraph itself: a review's own reference.docx may not set it in its styles
    (sendreview's does, in Normal)."""
    p_pr = p.find(_w("pPr"))
    if p_pr is None:
        p_pr = ET.Element(_w("pPr"))
        p.insert(0, p_pr)
    if p_pr.find(_w("widowControl")) is not None:
        return
    before = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr")
    at = sum(1 for child in p_pr if child.tag in {_w(t) for t in before})
    p_pr.insert(at, ET.Element(_w("widowControl")))


def _row_flag(row: ET.Element, name: str) -> None:
    tr_pr = row.find(_w("trPr"))
    if tr_pr is None:
        tr_pr = ET.Element(_w("trPr"))
        at = 1 if row.find(_w("tblPrEx")) is not None else 0
        row.insert(at, tr_pr)
    if tr_pr.find(_w(name)) is None:
        tr_pr.append(ET.Element(_w(name)))


def fit_table(tbl: ET.Element, styles: Styles, text_width: int, text_height: int) -> None:
    grid = tbl.find(_w("tblGrid"))
    if grid is None or not grid.findall(_w("gridCol")):
        return
    cols = grid.findall(_w("gridCol"))
    table_style = _style_of(tbl, "tblPr", "tblStyle")
    table_size = styles.sizes.get(table_style, 0)
    margins = styles.margins.get(table_style, 216)
    rows = tbl.findall(_w("tr"))
    heading = [row.find(f"{_w('trPr')}/{_w('tblHeader')}") is not None for row in rows]
    paragraphs = [
        [
            (col, span, [_paragraph(p, styles, table_size, head) for p in tc.iter(_w("p"))])
            for col, span, tc in _cells(row)
        ]
        for row, head in zip(rows, heading, strict=True)
    ]
    needs = [0.0] * len(cols)
    for row_cells in paragraphs:
        for col, span, paras in row_cells:
            if span == 1 and col < len(cols):
                need = fitting.need(((p.words, p.indent) for p in paras), margins, TWIPS_PER_PT)
                needs[col] = max(needs[col], need)
    widths = fit([float(_int(c)) for c in cols], needs, text_width)
    for c, width in zip(cols, widths, strict=True):
        c.set(_w("w"), str(width))
    for row, head, row_cells in zip(rows, heading, paragraphs, strict=True):
        height = 0.0
        for (col, span, paras), (_, _, tc) in zip(row_cells, _cells(row), strict=True):
            room = sum(widths[col : col + span])
            _set_width(tc, room)
            for p in tc.iter(_w("p")):
                _widow_control(p)
                _compact_list(p)
            # about 4pt of spacing between paragraphs
            points = sum(_lines(p, room - margins) * p.size * LINE_HEIGHT + 4 for p in paras)
            height = max(height, points * TWIPS_PER_PT)
        if head or height <= SHORT_ROW * text_height:
            _row_flag(row, "cantSplit")


def _page(sect: ET.Element) -> tuple[int, int]:
    """The text's width and height on the pages a section sets up, in twips."""
    size, margin = sect.find(_w("pgSz")), sect.find(_w("pgMar"))
    width = _int(size, "w", 11906) - _int(margin, "left", 1134) - _int(margin, "right", 1134)
    height = _int(size, "h", 16838) - _int(margin, "top", 1134) - _int(margin, "bottom", 1134)
    return width, height


def fit_tables(body: ET.Element, styles: Styles) -> None:
    """Fit every table of the body to the pages of its section (the landscape section
    of the Annex 3 grid is wider than the rest)."""
    sect = body.find(_w("sectPr"))
    if sect is None:
        return
    # a section's setup is in the paragraph that ends it, or the body's last sectPr
    for node in reversed(list(body)):
        ends = node.find(f"{_w('pPr')}/{_w('sectPr')}") if node.tag == _w("p") else None
        if ends is not None:
            sect = ends
        elif node.tag == _w("tbl"):
            fit_table(node, styles, *_page(sect))
