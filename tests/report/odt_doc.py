"""An ODT report read as LibreOffice resolves it (a paragraph's style, its parents, its
master page), for the ODT tests (test_odt_style.py, test_odt_layout.py)."""

from __future__ import annotations

import math
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree as ET

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
}
BRAND = "#1f3a5f"
HEADING_FILL = "#e3eaf3"
GRID = "Strengths, areas for development and recommendations"
SHORT_ROW = 0.4  # of the page's text height, as in the Word report


def q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


def cm(length: str) -> float:
    for unit, factor in (("cm", 1.0), ("mm", 0.1), ("in", 2.54), ("pt", 2.54 / 72)):
        if length.endswith(unit):
            return round(float(length.removesuffix(unit)) * factor, 2)
    raise ValueError(length)


class Odt:
    """The styles and body of an ODT, with the lookups LibreOffice makes."""

    def __init__(self, path: Path) -> None:
        with zipfile.ZipFile(path) as z:
            self.content = ET.fromstring(z.read("content.xml"))
            self.styles = ET.fromstring(z.read("styles.xml"))
        self.by_name: dict[tuple[str, str], ET.Element] = {}
        # content's automatic styles win over the shared ones of the same name
        for root in (self.styles, self.content):
            for style in root.iter(q("style:style")):
                self.by_name[(style.get(q("style:family"), ""), style.get(q("style:name"), ""))] = (
                    style
                )
        self.layouts = {
            el.get(q("style:name")): el for el in self.styles.iter(q("style:page-layout"))
        }
        self.masters = {
            el.get(q("style:name")): el for el in self.styles.iter(q("style:master-page"))
        }
        text = self.content.find("office:body/office:text", NS)
        assert text is not None
        self.body = text

    def prop(self, family: str, name: str, props: str, attr: str) -> str | None:
        """A style's property, from the style itself or the styles it is based on."""
        style = self.by_name.get((family, name))
        while style is not None:
            found = style.find(q(f"style:{props}"))
            if found is not None and found.get(q(attr)) is not None:
                return found.get(q(attr))
            parent = style.get(q("style:parent-style-name"))
            style = self.by_name.get((family, parent or ""))
        return None

    def page(self, master: str) -> tuple[float, float, str]:
        layout = self.layouts[self.masters[master].get(q("style:page-layout-name"))]
        props = layout.find("style:page-layout-properties", NS)
        assert props is not None
        return (
            cm(props.get(q("fo:page-width"), "0cm")),
            cm(props.get(q("fo:page-height"), "0cm")),
            props.get(q("style:print-orientation"), ""),
        )

    def blocks_with_master(self) -> list[tuple[str, ET.Element]]:
        """Each top-level block of the body, with the master page it is laid out on: a
        paragraph whose style names a master page starts a page of that master page."""
        master, out = "Standard", []
        for block in self.body:
            style = self.by_name.get(("paragraph", block.get(q("text:style-name"), "")))
            if style is not None and style.get(q("style:master-page-name")):
                master = style.get(q("style:master-page-name"), "")
            out.append((master, block))
        return out


def text_of(el: ET.Element) -> str:
    return " ".join("".join(el.itertext()).split())


def odt(rendered: dict[str, Path], example: Path, kind: str = "review") -> Odt:
    return Odt(rendered[f"{example.name}-{kind}.odt"])


def row_cells(table: ET.Element) -> Iterator[tuple[ET.Element, bool]]:
    """Each row of a table, and whether it is a heading row."""
    for child in table:
        if child.tag == q("table:table-row"):
            yield child, False
        elif child.tag == q("table:table-header-rows"):
            yield from ((row, True) for row in child.iter(q("table:table-row")))
        elif child.tag in (q("table:table-rows"), q("table:table-row-group")):
            yield from row_cells(child)


def rough_height(doc: Odt, table: ET.Element, row: ET.Element) -> float:
    """A rough height of the row, cm: 9pt text of about half an em a character, lines
    of 1.2 times the size, in the column's width less 0.4 cm of padding and indent."""
    widths = []
    for column in table.iter(q("table:table-column")):
        width = doc.prop(
            "table-column",
            column.get(q("table:style-name"), ""),
            "table-column-properties",
            "style:column-width",
        )
        widths.append(cm(width or "0cm"))
    tallest = 0.0
    for cell, width in zip(row.iter(q("table:table-cell")), widths, strict=False):
        room = max(width - 0.4 - (0.5 if cell.find(".//text:list", NS) else 0), 0.5)
        lines = sum(
            math.ceil(len(text_of(p)) * 0.5 * 9 / 72 * 2.54 / room) or 1
            for p in cell.iter(q("text:p"))
        )
        tallest = max(tallest, lines * 9 * 1.2 / 72 * 2.54)
    return tallest


def kept_whole(doc: Odt, row: ET.Element) -> bool:
    keep = doc.prop(
        "table-row", row.get(q("table:style-name"), ""), "table-row-properties", "fo:keep-together"
    )
    return keep == "always"
