"""ODT tables fitted to their words, as the Word tables are (sendreview/report/fitting.py).

pandoc gives each column of an ODT table a share of the table (rel-column-width) from
the template's proportions, and LibreOffice broke the longest word of a narrow column
mid-word ("communicati|on" in an Owner column). Each column now gets at least its
longest word, in the size and weight the cell's styles give it (bold headings, bold
spans, a list's indent, the cell's padding and borders), and the rest is shared out as
the template had it. A table is as wide as the text of its page, read from the page
styles of the document: the Annex 3 grid sits on landscape pages (the Lua filter's
marker paragraph has a style that names the "Landscape" master page).

The cells' text is 9pt here, unlike in Word: LibreOffice uses the "Table Contents"
paragraph style of reference.odt as it stands.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from sendreview.report.fitting import SLACK, SLACK_PT, fit, pieces

OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
POINTS = {"pt": 1.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "in": 72.0, "pc": 12.0, "px": 0.75}
TWIPS_PER_PT = 20  # the unit columns are fitted in: fine enough, and whole numbers
A4_TEXT_WIDTH = 17 * POINTS["cm"]  # A4 with 2 cm margins, where the document gives none
DEFAULT_SIZE = 12.0  # ODF's, where no style gives a size


def _length(value: str | None) -> float | None:
    """An ODF length in points ("0.159cm"; of a border, "0.5pt solid #A6B4C6", its width)."""
    found = re.search(r"(-?\d+(?:\.\d+)?)(pt|cm|mm|in|pc|px)\b", value or "")
    return float(found[1]) * POINTS[found[2]] if found else None


@dataclass(frozen=True)
class Styles:
    """The document's styles, by family and name: the named ones of styles.xml and the
    automatic ones of content.xml, with each family's default, and its pages."""

    by_name: dict[tuple[str, str], ET.Element]
    defaults: dict[str, ET.Element]
    lists: dict[str, ET.Element]
    text_widths: dict[str, float]  # master page → the width of its text, points

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
        return cls(by_name, defaults, lists, _text_widths(styles))

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

    def text(self, family: str, name: str | None, size: float, bold: bool) -> tuple[float, bool]:
        """The font size (points) and weight of text in this style, inside text of `size`
        and `bold`."""
        value = self.get(family, name, "text-properties", f"{{{FO}}}font-size")
        if value and value.endswith("%"):
            size = size * float(value[:-1]) / 100
        else:
            size = _length(value) or size
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


def _text_widths(styles: ET.Element | None) -> dict[str, float]:
    if styles is None:
        return {}
    layouts = {
        layout.get(f"{{{STYLE}}}name", ""): layout.find(f"{{{STYLE}}}page-layout-properties")
        for layout in styles.iter(f"{{{STYLE}}}page-layout")
    }
    widths = {}
    for master in styles.iter(f"{{{STYLE}}}master-page"):
        props = layouts.get(master.get(f"{{{STYLE}}}page-layout-name", ""))
        if props is None:
            continue
        margin = _length(props.get(f"{{{FO}}}margin"))
        width = _length(props.get(f"{{{FO}}}page-width"))
        left = _length(props.get(f"{{{FO}}}margin-left")) or margin or 0.0
        right = _length(props.get(f"{{{FO}}}margin-right")) or margin or 0.0
        if width:
            widths[master.get(f"{{{STYLE}}}name", "")] = width - left - right
    return widths


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


def _need(cell: ET.Element, styles: Styles) -> float:
    """The width a cell needs for its longest word, points."""
    cell_style = cell.get(f"{{{TABLE}}}style-name")
    sides = 0.0
    for side in ("left", "right"):
        for prop in ("padding", "border"):
            value = styles.get(
                "table-cell", cell_style, "table-cell-properties", f"{{{FO}}}{prop}-{side}"
            )
            value = value or styles.get(
                "table-cell", cell_style, "table-cell-properties", f"{{{FO}}}{prop}"
            )
            sides += _length(value) or 0.0
    need = 0.0
    for p, level, list_style in _paragraphs(cell):
        size, bold = styles.text("paragraph", p.get(f"{{{TEXT}}}style-name"), DEFAULT_SIZE, False)
        widths = pieces(list(_chars(p, styles, size, bold)))
        if widths:
            indent = styles.indent(list_style, level) if level else 0.0
            need = max(need, max(widths) * SLACK + SLACK_PT + indent)
    return need + sides


def _rows(el: ET.Element) -> Iterator[ET.Element]:
    for child in el:
        if child.tag == f"{{{TABLE}}}table-row":
            yield child
        elif child.tag in (
            f"{{{TABLE}}}table-header-rows",
            f"{{{TABLE}}}table-rows",
            f"{{{TABLE}}}table-row-group",
        ):
            yield from _rows(child)


def _repeated(el: ET.Element) -> int:
    value = el.get(f"{{{TABLE}}}number-columns-repeated", "1")
    return int(value) if value.isdigit() else 1


def _fit_table(table: ET.Element, styles: Styles, text_width: float) -> None:
    columns = [
        c.get(f"{{{TABLE}}}style-name", "")
        for c in table.iter(f"{{{TABLE}}}table-column")
        for _ in range(_repeated(c))
    ]
    props = [styles.by_name.get(("table-column", name)) for name in columns]
    if not columns or len(set(columns)) < len(columns) or None in props:
        return  # columns sharing a style cannot be given widths of their own
    needs = [0.0] * len(columns)
    for row in _rows(table):
        col = 0
        for cell in row:
            spanned = cell.get(f"{{{TABLE}}}number-columns-spanned", "1")
            if cell.tag == f"{{{TABLE}}}table-cell" and spanned == "1" and col < len(needs):
                needs[col] = max(needs[col], _need(cell, styles))
            col += _repeated(cell)
    name = table.get(f"{{{TABLE}}}style-name")
    width = _length(styles.get("table", name, "table-properties", f"{{{STYLE}}}width"))
    if width is None:
        share = styles.get("table", name, "table-properties", f"{{{STYLE}}}rel-width") or "100%"
        width = text_width * float(share.rstrip("%") or 100) / 100
    template = []
    for style in props:
        column = None if style is None else style.find(f"{{{STYLE}}}table-column-properties")
        rel = None if column is None else column.get(f"{{{STYLE}}}rel-column-width")
        absolute = None if column is None else _length(column.get(f"{{{STYLE}}}column-width"))
        template.append(float(rel.rstrip("*")) if rel else absolute or 1.0)
    widths = fit(template, [n * TWIPS_PER_PT for n in needs], int(width * TWIPS_PER_PT))
    for style, twips in zip(props, widths, strict=True):
        assert style is not None
        column = style.find(f"{{{STYLE}}}table-column-properties")
        if column is None:
            column = ET.SubElement(style, f"{{{STYLE}}}table-column-properties")
        column.set(f"{{{STYLE}}}column-width", f"{twips / TWIPS_PER_PT / POINTS['cm']:.3f}cm")
        column.set(f"{{{STYLE}}}rel-column-width", f"{twips}*")


def _blocks(el: ET.Element) -> Iterator[ET.Element]:
    """The paragraphs, headings and tables of the text, in order, not those in tables."""
    for child in el:
        if child.tag in (f"{{{TEXT}}}p", f"{{{TEXT}}}h", f"{{{TABLE}}}table"):
            yield child
        else:
            yield from _blocks(child)


def fit_tables(text: ET.Element, styles: Styles) -> None:
    """Fit each table to the text of its page: a paragraph whose style names a master
    page (the Lua filter's landscape markers) starts pages of that master page."""
    page = "Standard"
    for block in _blocks(text):
        family = "table" if block.tag == f"{{{TABLE}}}table" else "paragraph"
        name = block.get(f"{{{TABLE}}}style-name" if family == "table" else f"{{{TEXT}}}style-name")
        master = styles.get(family, name, None, f"{{{STYLE}}}master-page-name")
        page = master or page
        if family == "table":
            _fit_table(block, styles, styles.text_widths.get(page, A4_TEXT_WIDTH))
