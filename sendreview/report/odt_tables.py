"""ODT tables fitted to their words, as the Word tables are (sendreview/report/fitting.py).

pandoc gives each column of an ODT table a share of the table (rel-column-width) from
the template's proportions, and LibreOffice broke the longest word of a narrow column
mid-word ("communicati|on" in an Owner column). Each column now gets at least its
longest word, in the size and weight the cell's styles give it (bold headings, bold
spans, a list's indent, the cell's padding and borders), and the rest is shared out as
the template had it. A table is as wide as the text of its page, read from the page
styles of the document: the Annex 3 grid sits on landscape pages (the Lua filter's
marker paragraph has a style that names the "Landscape" master page).

Rows and pages, as in Word (sendreview/report/docx_tables.py): a heading row, and a row
estimated at no more than SHORT_ROW of its page's text height, is kept on one page
(fo:keep-together on the row's style); a longer row (the Annex 3 grid's) may break
between its lines. Widow and orphan control comes from reference.odt's default
paragraph style, which the cells' paragraphs inherit.

The cells' text is 9pt here, unlike in Word: LibreOffice uses the "Table Contents"
paragraph style of reference.odt as it stands.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from sendreview.report import fitting
from sendreview.report.fitting import LINE_HEIGHT, SHORT_ROW, TWIPS_PER_PT, fit, pieces

OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
POINTS = {"pt": 1.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "in": 72.0, "pc": 12.0, "px": 0.75}
# columns are fitted in twips, as in Word: fine enough, and whole numbers
# A4 with 2 cm margins, where the document gives none
A4_TEXT = (17 * POINTS["cm"], 25.7 * POINTS["cm"])
KEEP_ROW = "TableRowKeep"  # the row style written for rows kept on one page
DEFAULT_SIZE = 12.0  # ODF's, where no style gives a size


def _length(value: str | None) -> float | None:
    """An ODF length in points ("0.159cm"; of a border, "0.5pt solid #A6B4C6", its width)."""
    found = re.search(r"(-?\d+(?:\.\d+)?)(pt|cm|mm|in|pc|px)\b", value or "")
    return _finite(float(found[1]) * POINTS[found[2]]) if found else None


def _number(value: str | None, unit: str) -> float | None:
    """A number followed by `unit` ("85%", "2.5*"), or None for anything else."""
    found = re.fullmatch(rf"\s*(\d+(?:\.\d+)?)\s*{re.escape(unit)}\s*", value or "")
    return _finite(float(found[1])) if found else None


def _finite(value: float) -> float | None:
    # a thousand digits make a float of inf, and inf of the widths a NaN
    return value if math.isfinite(value) else None


def _font_size(value: str | None, size: float) -> float:
    """A font size in points, `size` being the size it is relative to (a percentage)
    and the one kept when the value cannot be read or is no size at all."""
    share = _number(value, "%")
    found = size * share / 100 if share is not None else _length(value)
    return found if found is not None and found > 0 else size


@dataclass(frozen=True)
class Styles:
    """The document's styles, by family and name: the named ones of styles.xml and the
    automatic ones of content.xml, with each family's default, and its pages."""

    by_name: dict[tuple[str, str], ET.Element]
    defaults: dict[str, ET.Element]
    lists: dict[str, ET.Element]
    text_areas: dict[str, tuple[float, float]]  # master page → its text's width, height (pt)

    @classmethod
    def read(cls, content: ET.Element, styles: ET.Element | None) -> Styles:
        containers = [content.find(f"{{{OFFICE}}}automatic-styles")]
        if styles is not None:
            containers.append(styles.find(f"{{{OFFICE}}}styles"))
        by_name: dict[tuple[str, str], ET.Element] = {}
        lists: dict[str, ET.Element] = {}
        for container in reversed(containers):  # an automatic style wins over a named one
            for style in container if container is not None else []:
                name = style.get(f"{{{STYLE}}}name", "")
                if style.tag == f"{{{STYLE}}}style":
                    by_name[(style.get(f"{{{STYLE}}}family", ""), name)] = style
                elif style.tag == f"{{{TEXT}}}list-style":
                    lists[name] = style
        defaults = {
            d.get(f"{{{STYLE}}}family", ""): d
            for d in (styles.iter(f"{{{STYLE}}}default-style") if styles is not None else [])
        }
        return cls(by_name, defaults, lists, _text_areas(styles))

    def get(self, family: str, name: str | None, props: str | None, attr: str) -> str | None:
        """A property of a style (in its `props` element, or on the style itself if None),
        or of the styles it is based on, or of the family's default."""
        seen: set[str] = set()
        while name and (family, name) in self.by_name and name not in seen:
            seen.add(name)
            style = self.by_name[(family, name)]
            found = style if props is None else style.find(f"{{{STYLE}}}{props}")
            if found is not None and found.get(attr) is not None:
                return found.get(attr)
            name = style.get(f"{{{STYLE}}}parent-style-name")
        default = self.defaults.get(family)
        if default is None or props is None:
            return None
        found = default.find(f"{{{STYLE}}}{props}")
        return None if found is None else found.get(attr)

    def size(self, family: str, name: str | None, size: float) -> float:
        """The font size of text in this style, points, inside text of `size`: the
        family's default, then each style from the outermost parent in, a percentage
        being of the size its parent gives."""
        chain = []
        seen: set[str] = set()
        while name and (family, name) in self.by_name and name not in seen:
            seen.add(name)
            chain.append(self.by_name[(family, name)])
            name = chain[-1].get(f"{{{STYLE}}}parent-style-name")
        default = self.defaults.get(family)
        for style in [*([] if default is None else [default]), *reversed(chain)]:
            props = style.find(f"{{{STYLE}}}text-properties")
            if props is not None:
                size = _font_size(props.get(f"{{{FO}}}font-size"), size)
        return size

    def text(self, family: str, name: str | None, size: float, bold: bool) -> tuple[float, bool]:
        """The font size (points) and weight of text in this style, inside text of `size`
        and `bold`."""
        size = self.size(family, name, size)
        weight = self.get(family, name, "text-properties", f"{{{FO}}}font-weight")
        if weight is not None:
            bold = weight == "bold" or (weight.isdigit() and int(weight) >= 600)
        return size, bold

    def indent(self, list_style: str | None, level: int) -> float:
        """How far in a list item's text starts at this level (1 for the outermost)."""
        style = self.lists.get(list_style or "")
        for item in style if style is not None else []:
            if item.get(f"{{{TEXT}}}level") != str(level):
                continue
            props = item.find(f"{{{STYLE}}}list-level-properties")
            aligned = (
                None if props is None else props.find(f"{{{STYLE}}}list-level-label-alignment")
            )
            if aligned is not None:
                return _length(aligned.get(f"{{{FO}}}margin-left")) or 0.0
            if props is not None:  # the older way: the label's space, then the label
                before = _length(props.get(f"{{{TEXT}}}space-before")) or 0.0
                return before + (_length(props.get(f"{{{TEXT}}}min-label-width")) or 0.0)
        return 0.0


def _margin(props: ET.Element, side: str) -> float:
    found = _length(props.get(f"{{{FO}}}margin-{side}")) or _length(props.get(f"{{{FO}}}margin"))
    return found or 0.0


def _text_areas(styles: ET.Element | None) -> dict[str, tuple[float, float]]:
    if styles is None:
        return {}
    layouts = {
        layout.get(f"{{{STYLE}}}name", ""): layout
        for layout in styles.iter(f"{{{STYLE}}}page-layout")
    }
    areas = {}
    for master in styles.iter(f"{{{STYLE}}}master-page"):
        layout = layouts.get(master.get(f"{{{STYLE}}}page-layout-name", ""))
        props = None if layout is None else layout.find(f"{{{STYLE}}}page-layout-properties")
        if layout is None or props is None:
            continue
        width = _length(props.get(f"{{{FO}}}page-width"))
        height = _length(props.get(f"{{{FO}}}page-height"))
        # a header or footer takes its height and its gap out of the text's
        ends = sum(
            (_length(hf.get(f"{{{FO}}}min-height")) or 0.0)
            + _margin(hf, "top")
            + _margin(hf, "bottom")
            for hf in layout.iter(f"{{{STYLE}}}header-footer-properties")
        )
        if width and height:
            areas[master.get(f"{{{STYLE}}}name", "")] = (
                width - _margin(props, "left") - _margin(props, "right"),
                height - _margin(props, "top") - _margin(props, "bottom") - ends,
            )
    return areas


def _chars(
    el: ET.Element, styles: Styles, size: float, bold: bool
) -> Iterator[tuple[str, float, bool]]:
    """The characters of a paragraph (or of a span in it), each in its size and weight."""
    if el.tag == f"{{{TEXT}}}note":  # its citation is a number; its body is not in the cell
        return
    if el.tag in (f"{{{TEXT}}}span", f"{{{TEXT}}}a"):
        size, bold = styles.text("text", el.get(f"{{{TEXT}}}style-name"), size, bold)
    if el.tag in (f"{{{TEXT}}}s", f"{{{TEXT}}}tab", f"{{{TEXT}}}line-break"):
        yield " ", size, bold
    yield from ((c, size, bold) for c in el.text or "")
    for child in el:
        yield from _chars(child, styles, size, bold)
        yield from ((c, size, bold) for c in child.tail or "")


def _paragraphs(
    el: ET.Element, depth: int = 0, list_style: str | None = None
) -> Iterator[tuple[ET.Element, int, str | None]]:
    """(paragraph, list level or 0, list style) for each paragraph of a cell."""
    for child in el:
        if child.tag in (f"{{{TEXT}}}p", f"{{{TEXT}}}h"):
            yield child, depth, list_style
        elif child.tag == f"{{{TEXT}}}list":
            style = child.get(f"{{{TEXT}}}style-name") or list_style
            yield from _paragraphs(child, depth + 1, style)
        elif child.tag != f"{{{TABLE}}}table":
            yield from _paragraphs(child, depth, list_style)


@dataclass(frozen=True)
class Paragraph:
    words: list[float]  # the width of each unbreakable piece, points
    size: float  # its font size, points
    indent: float  # a list item's, points
    spacing: float  # above and below it, points


@dataclass(frozen=True)
class Cell:
    paragraphs: list[Paragraph]
    sides: float  # padding and borders, left and right, points
    ends: float  # padding and borders, top and bottom, points

    def need(self) -> float:
        """The width the cell needs for its longest word, points."""
        return fitting.need(((p.words, p.indent) for p in self.paragraphs), self.sides, 1.0)

    def height(self, width: float) -> float:
        """About how tall the cell is in a column this wide, points."""
        return self.ends + sum(
            fitting.lines(p.words, fitting.space(p.size), width - self.sides - p.indent)
            * p.size
            * LINE_HEIGHT
            + p.spacing
            for p in self.paragraphs
        )


def _cell(cell: ET.Element, styles: Styles) -> Cell:
    cell_style = cell.get(f"{{{TABLE}}}style-name")

    def edge(side: str) -> float:
        found = 0.0
        for prop in ("padding", "border"):
            value = styles.get(
                "table-cell", cell_style, "table-cell-properties", f"{{{FO}}}{prop}-{side}"
            )
            value = value or styles.get(
                "table-cell", cell_style, "table-cell-properties", f"{{{FO}}}{prop}"
            )
            found += _length(value) or 0.0
        return found

    paragraphs = []
    for p, level, list_style in _paragraphs(cell):
        name = p.get(f"{{{TEXT}}}style-name")
        size, bold = styles.text("paragraph", name, DEFAULT_SIZE, False)
        spacing = sum(
            _length(styles.get("paragraph", name, "paragraph-properties", f"{{{FO}}}{m}")) or 0.0
            for m in ("margin-top", "margin-bottom")
        )
        indent = styles.indent(list_style, level) if level else 0.0
        paragraphs.append(
            Paragraph(pieces(list(_chars(p, styles, size, bold))), size, indent, spacing)
        )
    return Cell(paragraphs, edge("left") + edge("right"), edge("top") + edge("bottom"))


def _rows(el: ET.Element, heading: bool = False) -> Iterator[tuple[ET.Element, bool]]:
    """Each row of a table, and whether it is a heading row (repeated on each page)."""
    for child in el:
        if child.tag == f"{{{TABLE}}}table-row":
            yield child, heading
        elif child.tag in (
            f"{{{TABLE}}}table-header-rows",
            f"{{{TABLE}}}table-rows",
            f"{{{TABLE}}}table-row-group",
        ):
            yield from _rows(child, heading or child.tag == f"{{{TABLE}}}table-header-rows")


def _repeated(el: ET.Element) -> int:
    value = el.get(f"{{{TABLE}}}number-columns-repeated", "1")
    return int(value) if value.isdigit() else 1


def _cells(row: ET.Element, styles: Styles) -> Iterator[tuple[int, int, Cell]]:
    """(first column, columns spanned, cell) for each cell of a row."""
    col = 0
    for cell in row:
        if cell.tag == f"{{{TABLE}}}table-cell":
            spanned = cell.get(f"{{{TABLE}}}number-columns-spanned", "1")
            yield col, int(spanned) if spanned.isdigit() else 1, _cell(cell, styles)
        col += _repeated(cell)


Row = tuple[ET.Element, bool, list[tuple[int, int, Cell]]]  # the row, heading?, its cells


def _keep_rows(rows: list[Row], widths: list[float], height: float) -> None:
    """Keep heading rows and short rows on one page: a row style with keep-together."""
    for row, heading, cells in rows:
        if row.get(f"{{{TABLE}}}style-name"):
            continue  # pandoc writes none; a style of its own is left as it is
        tallest = max(
            (cell.height(sum(widths[col : col + span])) for col, span, cell in cells),
            default=0.0,
        )
        if heading or tallest <= SHORT_ROW * height:
            row.set(f"{{{TABLE}}}style-name", KEEP_ROW)


def _fit_table(table: ET.Element, styles: Styles, area: tuple[float, float]) -> None:
    columns = [
        c.get(f"{{{TABLE}}}style-name", "")
        for c in table.iter(f"{{{TABLE}}}table-column")
        for _ in range(_repeated(c))
    ]
    props = [styles.by_name.get(("table-column", name)) for name in columns]
    if not columns or len(set(columns)) < len(columns) or None in props:
        return  # columns sharing a style cannot be given widths of their own
    rows = [(row, heading, list(_cells(row, styles))) for row, heading in _rows(table)]
    needs = [0.0] * len(columns)
    for _, _, cells in rows:
        for col, span, cell in cells:
            if span == 1 and col < len(needs):
                needs[col] = max(needs[col], cell.need())
    name = table.get(f"{{{TABLE}}}style-name")
    width = _length(styles.get("table", name, "table-properties", f"{{{STYLE}}}width"))
    if width is None:
        share = _number(styles.get("table", name, "table-properties", f"{{{STYLE}}}rel-width"), "%")
        width = area[0] * (100.0 if share is None else share) / 100
    template = []
    for style in props:
        column = None if style is None else style.find(f"{{{STYLE}}}table-column-properties")
        rel = None if column is None else _number(column.get(f"{{{STYLE}}}rel-column-width"), "*")
        absolute = None if column is None else _length(column.get(f"{{{STYLE}}}column-width"))
        template.append(rel if rel is not None else absolute or 1.0)
    widths = fit(template, [n * TWIPS_PER_PT for n in needs], int(width * TWIPS_PER_PT))
    for style, twips in zip(props, widths, strict=True):
        assert style is not None
        column = style.find(f"{{{STYLE}}}table-column-properties")
        if column is None:
            column = ET.SubElement(style, f"{{{STYLE}}}table-column-properties")
        column.set(f"{{{STYLE}}}column-width", f"{twips / TWIPS_PER_PT / POINTS['cm']:.3f}cm")
        column.set(f"{{{STYLE}}}rel-column-width", f"{twips}*")
    _keep_rows(rows, [w / TWIPS_PER_PT for w in widths], area[1])


def _blocks(el: ET.Element) -> Iterator[ET.Element]:
    """The paragraphs, headings and tables of the text, in order, not those in tables."""
    for child in el:
        if child.tag in (f"{{{TEXT}}}p", f"{{{TEXT}}}h", f"{{{TABLE}}}table"):
            yield child
        else:
            yield from _blocks(child)


def fit_tables(text: ET.Element, styles: Styles, automatic: ET.Element) -> None:
    """Fit each table to the text of its page: a paragraph whose style names a master
    page (the Lua filter's landscape markers) starts pages of that master page. The row
    style of the rows kept on one page goes into `automatic`."""
    page = "Standard"
    for block in _blocks(text):
        family = "table" if block.tag == f"{{{TABLE}}}table" else "paragraph"
        name = block.get(f"{{{TABLE}}}style-name" if family == "table" else f"{{{TEXT}}}style-name")
        master = styles.get(family, name, None, f"{{{STYLE}}}master-page-name")
        page = master or page
        if family == "table":
            _fit_table(block, styles, styles.text_areas.get(page, A4_TEXT))
    if any(r.get(f"{{{TABLE}}}style-name") == KEEP_ROW for r in text.iter(f"{{{TABLE}}}table-row")):
        style = ET.SubElement(
            automatic,
            f"{{{STYLE}}}style",
            {f"{{{STYLE}}}name": KEEP_ROW, f"{{{STYLE}}}family": "table-row"},
        )
        ET.SubElement(
            style, f"{{{STYLE}}}table-row-properties", {f"{{{FO}}}keep-together": "always"}
        )
