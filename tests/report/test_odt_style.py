"""The ODT report has the Word report's house style: A4 pages, the Annex 3 grid on
landscape pages, bordered tables with a shaded heading row, headings in the house
colour and a "Page n of N" footer. Read from the document's XML as LibreOffice
resolves it (a paragraph's style, its parents, its master page), never by bytes."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from tests.conftest import BROOKFIELD, RIVERSIDE

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


@pytest.mark.parametrize("kind", ["review", "self-evaluation", "follow-up"])
@pytest.mark.parametrize("example", [RIVERSIDE, BROOKFIELD], ids=lambda p: p.name)
def test_pages_are_a4_with_page_n_of_n(rendered: dict[str, Path], example: Path, kind: str) -> None:
    if f"{example.name}-{kind}.odt" not in rendered:
        pytest.skip("no such report for this example")
    doc = odt(rendered, example, kind)
    assert doc.page("Standard") == (21.0, 29.7, "portrait")
    for master, _ in doc.blocks_with_master():
        width, height, _ = doc.page(master)
        assert sorted((width, height)) == [21.0, 29.7], master
    for master in {m for m, _ in doc.blocks_with_master()} | {"Standard"}:
        footer = doc.masters[master].find("style:footer", NS)
        assert footer is not None, master
        assert footer.find(".//text:page-number", NS) is not None
        assert footer.find(".//text:page-count", NS) is not None
        assert text_of(footer).startswith("Page ") and " of " in text_of(footer)


@pytest.mark.parametrize("example", [RIVERSIDE, BROOKFIELD], ids=lambda p: p.name)
def test_the_annex_3_grid_is_on_landscape_pages(rendered: dict[str, Path], example: Path) -> None:
    doc = odt(rendered, example)
    blocks = doc.blocks_with_master()
    tables = [(master, b) for master, b in blocks if b.tag == q("table:table")]
    grid_at = next(i for i, (_, b) in enumerate(blocks) if text_of(b) == GRID)
    grid = next(b for _, b in blocks[grid_at:] if b.tag == q("table:table"))
    for master, table in tables:
        expected = "landscape" if table is grid else "portrait"
        assert doc.page(master)[2] == expected, text_of(table)[:60]
    assert doc.page(blocks[grid_at][0]) == (29.7, 21.0, "landscape")  # with its heading
    after = blocks[blocks.index(next(x for x in blocks if x[1] is grid)) + 1 :]
    headings = [(m, b) for m, b in after if b.tag == q("text:h")]
    assert headings and all(doc.page(m)[2] == "portrait" for m, _ in headings)


@pytest.mark.parametrize("example", [RIVERSIDE, BROOKFIELD], ids=lambda p: p.name)
def test_tables_have_borders_and_a_shaded_heading_row(
    rendered: dict[str, Path], example: Path
) -> None:
    doc = odt(rendered, example)
    tables = list(doc.body.iter(q("table:table")))
    assert len(tables) >= 5
    for table in tables:
        for cell in table.iter(q("table:table-cell")):
            name = cell.get(q("table:style-name"), "")
            for side in ("top", "bottom", "left", "right"):
                border = doc.prop("table-cell", name, "table-cell-properties", f"fo:border-{side}")
                border = border or doc.prop(
                    "table-cell", name, "table-cell-properties", "fo:border"
                )
                assert border and border != "none", (name, side)
    heads = [h for t in tables for h in t.findall("table:table-header-rows", NS)]
    assert len(heads) >= 5  # the key-facts table has none
    in_heads = {id(c) for h in heads for c in h.iter(q("table:table-cell"))}
    for table in tables:
        for cell in table.iter(q("table:table-cell")):
            name = cell.get(q("table:style-name"), "")
            fill = doc.prop("table-cell", name, "table-cell-properties", "fo:background-color")
            shaded = (fill or "").lower() == HEADING_FILL
            assert shaded == (id(cell) in in_heads), (name, text_of(cell)[:40])


@pytest.mark.parametrize("example", [RIVERSIDE, BROOKFIELD], ids=lambda p: p.name)
def test_headings_and_text_have_the_house_style(rendered: dict[str, Path], example: Path) -> None:
    doc = odt(rendered, example)
    headings = list(doc.body.iter(q("text:h")))
    assert len(headings) > 10
    for h in headings:
        name = h.get(q("text:style-name"), "")
        colour = doc.prop("paragraph", name, "text-properties", "fo:color")
        assert (colour or "").lower() == BRAND, text_of(h)
        assert doc.prop("paragraph", name, "text-properties", "fo:font-weight") == "bold"
    for name in ("Title", "Text_20_body", "Table_20_Contents"):
        assert doc.prop("paragraph", name, "text-properties", "style:font-name") == "Arial"
    title = doc.prop("paragraph", "Title", "text-properties", "fo:color")
    assert (title or "").lower() == BRAND
