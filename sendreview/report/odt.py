"""Finishing touches to pandoc's ODT output that a reference ODT cannot give.

- Table borders and the shaded heading row: pandoc writes the style of every table
  cell into the document itself (``TableHeaderRowCell``, ``TableRowCell``, both
  without borders), where the reference document's styles cannot reach; here they get
  the Word report's thin blue-grey borders, cell padding and heading fill.
- Lists inside table cells: pandoc gives each list's paragraphs a style of its own,
  based on the body text's; inside a table they are based on the table text's
  instead, so that a cell's list is as small as the rest of the cell, as in Word.
  pandoc also gives each list a list style of its own, indented 1.27 cm a level; in a
  cell the indent is the Word report's instead (0.5 cm a level, the bullet hanging
  0.4 cm): in a column a quarter of the page wide the big indent took a fifth of
  every line.
- Table columns fitted to their words, short rows kept on one page
  (sendreview/report/odt_tables.py).
- The table of contents: pandoc writes an empty index that LibreOffice fills only when
  asked to update it; we put the headings in straight away (linked to their places),
  so the contents show in every viewer, and LibreOffice can still add page numbers.

The document is edited as XML (ElementTree), never as text. The zip is rewritten with
its entries in the same order and with pandoc's own timestamps, the mimetype first and
stored, so the file stays a valid and reproducible ODF package.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

from sendreview.report.fitting import LIST_HANG, LIST_STEP
from sendreview.report.odt_tables import FO, OFFICE, STYLE, TABLE, TEXT, Styles, fit_tables

XLINK = "http://www.w3.org/1999/xlink"

BORDER = "0.5pt solid #A6B4C6"
HEADING_FILL = "#E3EAF3"
# the Word table style's cell margins: 50 twips above and below, 90 at the sides
PADDING = {"top": "0.088cm", "bottom": "0.088cm", "left": "0.159cm", "right": "0.159cm"}
CELL_STYLES = {"TableHeaderRowCell": HEADING_FILL, "TableRowCell": None}
TOC_LEVELS = {"1": "Contents_20_1", "2": "Contents_20_2"}
BODY_STYLES = ("Text_20_body", "First_20_paragraph")
CELL_TEXT = "Table_20_Contents"
TOC_LINK = "Index_20_Link"  # a character style of reference.odt: contents not shown as links


def _cells(automatic: ET.Element) -> None:
    for style in automatic.findall(f"{{{STYLE}}}style"):
        name = style.get(f"{{{STYLE}}}name", "")
        if name not in CELL_STYLES or style.get(f"{{{STYLE}}}family") != "table-cell":
            continue
        props = style.find(f"{{{STYLE}}}table-cell-properties")
        if props is None:
            props = ET.SubElement(style, f"{{{STYLE}}}table-cell-properties")
        props.set(f"{{{FO}}}border", BORDER)
        for side, width in PADDING.items():
            props.set(f"{{{FO}}}padding-{side}", width)
        fill = CELL_STYLES[name]
        if fill:
            props.set(f"{{{FO}}}background-color", fill)


def _styles_used(el: ET.Element, in_cell: bool, used: dict[tuple[str, bool], set[str]]) -> None:
    """The paragraph ("p") and list ("list") styles used inside table cells (True) and
    outside them (False)."""
    for child in el:
        if child.tag in (f"{{{TEXT}}}p", f"{{{TEXT}}}h", f"{{{TEXT}}}list"):
            kind = "list" if child.tag == f"{{{TEXT}}}list" else "p"
            used[(kind, in_cell)].add(child.get(f"{{{TEXT}}}style-name", ""))
        _styles_used(child, in_cell or child.tag == f"{{{TABLE}}}table-cell", used)


def _compact(list_style: ET.Element) -> None:
    """Each level LIST_STEP further in, its bullet hanging LIST_HANG to the left of the
    text and aligned at its left, as Word places it."""
    for level_style in list_style:
        level = int(level_style.get(f"{{{TEXT}}}level", "1"))
        props = level_style.find(f"{{{STYLE}}}list-level-properties")
        if props is None:  # first, where the schema has it
            props = ET.Element(f"{{{STYLE}}}list-level-properties")
            level_style.insert(0, props)
        for old in ("space-before", "min-label-width", "min-label-distance"):
            props.attrib.pop(f"{{{TEXT}}}{old}", None)
        props.set(f"{{{TEXT}}}list-level-position-and-space-mode", "label-alignment")
        props.set(f"{{{FO}}}text-align", "start")
        aligned = props.find(f"{{{STYLE}}}list-level-label-alignment")
        if aligned is None:
            aligned = ET.SubElement(props, f"{{{STYLE}}}list-level-label-alignment")
        left = f"{LIST_STEP * level:g}pt"
        aligned.set(f"{{{TEXT}}}label-followed-by", "listtab")
        aligned.set(f"{{{TEXT}}}list-tab-stop-position", left)
        aligned.set(f"{{{FO}}}margin-left", left)
        aligned.set(f"{{{FO}}}text-indent", f"{-LIST_HANG:g}pt")


def _cell_lists(automatic: ET.Element, text: ET.Element) -> None:
    used: dict[tuple[str, bool], set[str]] = {
        (kind, cell): set() for kind in ("p", "list") for cell in (True, False)
    }
    _styles_used(text, False, used)
    paragraphs = used[("p", True)] - used[("p", False)]
    lists = used[("list", True)] - used[("list", False)]
    for style in automatic:
        name = style.get(f"{{{STYLE}}}name")
        if (
            style.tag == f"{{{STYLE}}}style"
            and name in paragraphs
            and style.get(f"{{{STYLE}}}parent-style-name") in BODY_STYLES
        ):
            style.set(f"{{{STYLE}}}parent-style-name", CELL_TEXT)
        elif style.tag == f"{{{TEXT}}}list-style" and name in lists:
            _compact(style)


def _entries(text: ET.Element) -> list[ET.Element]:
    entries = []
    for heading in text.iter(f"{{{TEXT}}}h"):
        style = TOC_LEVELS.get(heading.get(f"{{{TEXT}}}outline-level", ""))
        mark = heading.find(f"{{{TEXT}}}bookmark-start")
        if style is None or mark is None:
            continue
        p = ET.Element(f"{{{TEXT}}}p", {f"{{{TEXT}}}style-name": style})
        link = ET.SubElement(
            p,
            f"{{{TEXT}}}a",
            {
                f"{{{XLINK}}}type": "simple",
                f"{{{XLINK}}}href": f"#{mark.get(f'{{{TEXT}}}name')}",
                f"{{{TEXT}}}style-name": TOC_LINK,
                f"{{{TEXT}}}visited-style-name": TOC_LINK,
            },
        )
        link.text = "".join(heading.itertext())
        entries.append(p)
    return entries


def _fill_toc(text: ET.Element) -> None:
    toc = text.find(f"{{{TEXT}}}table-of-content")
    if toc is None or toc.find(f"{{{TEXT}}}index-body") is not None:
        return
    source = toc.find(f"{{{TEXT}}}table-of-content-source")
    template = None if source is None else source.find(f"{{{TEXT}}}index-title-template")
    body = ET.SubElement(toc, f"{{{TEXT}}}index-body")
    if template is not None:
        title = ET.SubElement(body, f"{{{TEXT}}}index-title", {f"{{{TEXT}}}name": "Contents"})
        ET.SubElement(
            title,
            f"{{{TEXT}}}p",
            {f"{{{TEXT}}}style-name": template.get(f"{{{TEXT}}}style-name", "")},
        ).text = template.text
    body.extend(_entries(text))


def _namespaces(data: bytes) -> None:
    """Keep pandoc's own prefixes (text:, style:, …) when the document is written back."""
    for _, (prefix, uri) in ET.iterparse(io.BytesIO(data), events=("start-ns",)):
        ET.register_namespace(prefix, uri)


def finish_content(data: bytes, styles: bytes | None = None) -> bytes:
    """content.xml finished; `styles` is the package's styles.xml, for the named styles
    and the pages the tables are fitted to."""
    _namespaces(data)
    root = ET.fromstring(data)
    automatic = root.find(f"{{{OFFICE}}}automatic-styles")
    text = root.find(f"{{{OFFICE}}}body/{{{OFFICE}}}text")
    if automatic is not None and text is not None:  # pandoc writes both
        _cells(automatic)
        _cell_lists(automatic, text)
        # after the cells' padding and the lists' styles above: both count in the widths
        named = None if styles is None else ET.fromstring(styles)
        fit_tables(text, Styles.read(root, named), automatic)
        _fill_toc(text)
    written: bytes = ET.tostring(root, encoding="UTF-8", xml_declaration=True)
    return written


def finish(path: Path) -> None:
    with zipfile.ZipFile(path) as z:
        entries = [(info, z.read(info)) for info in z.infolist()]
    styles = next((data for info, data in entries if info.filename == "styles.xml"), None)
    with zipfile.ZipFile(path, "w") as z:
        for info, data in entries:
            if info.filename == "content.xml":
                data = finish_content(data, styles)
            # each entry keeps its own compression: the mimetype stays stored
            z.writestr(info, data)
