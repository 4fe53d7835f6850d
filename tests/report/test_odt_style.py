"""The ODT report has the Word report's house style: A4 pages, the Annex 3 grid on
landscape pages, bordered tables with a shaded heading row, headings in the house
colour and a "Page n of N" footer. Read from the document's XML as LibreOffice
resolves it (a paragraph's style, its parents, its master page), never by bytes.

Rows and pages as in Word: short rows and heading rows are kept on one page, checked
in the file and in the PDF LibreOffice lays out from it. Widow and orphan control in
the cells is checked in the file only: LibreOffice 7.4 leaves a single line of a cell
at the foot of a page when a row breaks, with or without it (as Word's output does)."""

from __future__ import annotations

import math
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
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


# Word's list indent in a table cell (docx_tables.py): 0.5 cm a level, bullet hanging 0.4 cm
LIST_STEP_CM, LIST_HANG_CM = 0.5, 0.4
SHORT_ROW = 0.4  # of the page's text height, as in the Word report


def cell_lists(
    el: ET.Element, in_cell: bool = False, depth: int = 0, style: str = ""
) -> Iterator[tuple[bool, int, str]]:
    """(inside a table cell, level, list style) for every list: a nested list is a level
    deeper, in its own style or its parent's."""
    for child in el:
        if child.tag == q("text:list"):
            name = child.get(q("text:style-name")) or style
            yield in_cell, depth + 1, name
            yield from cell_lists(child, in_cell, depth + 1, name)
        else:
            inside = in_cell or child.tag == q("table:table-cell")
            yield from cell_lists(child, inside, depth if inside == in_cell else 0, style)


def list_level(doc: Odt, style: str, level: int) -> ET.Element:
    found = doc.content.find(
        f".//text:list-style[@style:name='{style}']/*[@text:level='{level}']"
        "/style:list-level-properties",
        NS,
    )
    assert found is not None, (style, level)
    return found


@pytest.mark.parametrize("example", [RIVERSIDE, BROOKFIELD], ids=lambda p: p.name)
def test_lists_in_table_cells_are_indented_as_in_word(
    rendered: dict[str, Path], example: Path
) -> None:
    """In a cell, a list's text starts 0.5 cm in a level, its bullet 0.4 cm before it;
    elsewhere the lists keep pandoc's 1.27 cm."""
    doc = odt(rendered, example)
    lists = list(cell_lists(doc.body))
    assert any(level == 2 for in_cell, level, _ in lists if in_cell)  # nested ones too
    assert any(not in_cell for in_cell, _, _ in lists)
    for in_cell, level, style in lists:
        props = list_level(doc, style, level)
        aligned = props.find("style:list-level-label-alignment", NS)
        assert aligned is not None, style
        left = cm(aligned.get(q("fo:margin-left"), "0cm"))
        if not in_cell:
            assert left >= 1.2, (style, level)
            continue
        assert props.get(q("text:list-level-position-and-space-mode")) == "label-alignment"
        assert left == pytest.approx(LIST_STEP_CM * level, abs=0.01), (style, level)
        assert cm(aligned.get(q("fo:text-indent"), "0cm")) == pytest.approx(-LIST_HANG_CM, abs=0.01)
        tab = aligned.get(q("text:list-tab-stop-position"), "0cm")
        assert cm(tab) == pytest.approx(left, abs=0.01), (style, level)


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


@pytest.mark.parametrize("example", [RIVERSIDE, BROOKFIELD], ids=lambda p: p.name)
def test_heading_rows_and_short_rows_are_kept_on_one_page(
    rendered: dict[str, Path], example: Path
) -> None:
    """A heading row, and a row clearly shorter than 40% of its page's text, may not
    break across pages; a row clearly taller (the Annex 3 grid's) may."""
    doc = odt(rendered, example)
    kept, rough = 0, 0
    for master, table in doc.blocks_with_master():
        if table.tag != q("table:table"):
            continue
        _, height, _ = doc.page(master)
        text_height = height - 4  # the margins, header and footer: about 4 cm
        for row, heading in row_cells(table):
            estimate = rough_height(doc, table, row)
            if heading or estimate < 0.75 * SHORT_ROW * text_height:
                assert kept_whole(doc, row), text_of(row)[:60]
                kept += 1
            elif estimate > 1.25 * SHORT_ROW * text_height:
                assert not kept_whole(doc, row), text_of(row)[:60]
                rough += 1
    assert kept > 50
    if example is RIVERSIDE:
        assert rough  # the grid's long rows may break


def inherited(doc: Odt, name: str, attr: str) -> str | None:
    """A paragraph property from the style, its parents, or the default paragraph style."""
    found = doc.prop("paragraph", name, "paragraph-properties", attr)
    if found is None:
        default = doc.styles.find(
            ".//style:default-style[@style:family='paragraph']/style:paragraph-properties", NS
        )
        found = None if default is None else default.get(q(attr))
    return found


@pytest.mark.parametrize("example", [RIVERSIDE, BROOKFIELD], ids=lambda p: p.name)
def test_paragraphs_in_cells_have_widow_and_orphan_control(
    rendered: dict[str, Path], example: Path
) -> None:
    doc = odt(rendered, example)
    paragraphs = [
        p for cell in doc.body.iter(q("table:table-cell")) for p in cell.iter(q("text:p"))
    ]
    assert len(paragraphs) > 100
    for p in paragraphs:
        name = p.get(q("text:style-name"), "")
        assert inherited(doc, name, "fo:widows") == "2", name
        assert inherited(doc, name, "fo:orphans") == "2", name


@dataclass(frozen=True)
class Word:
    text: str
    top: float


@pytest.fixture(scope="module")
def landscape_pages(
    rendered: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
) -> dict[Path, list[list[Word]]]:
    """example → the words of each landscape page of its review, as LibreOffice lays out
    the ODT (pdftotext's words with their places)."""
    soffice, pdftotext = shutil.which("soffice"), shutil.which("pdftotext")
    if soffice is None or pdftotext is None:
        pytest.skip(
            "LibreOffice (soffice) or pdftotext is missing; install Debian packages "
            "libreoffice-writer-nogui and poppler-utils to run the ODT page layout test"
        )
    base = tmp_path_factory.mktemp("odt-pages")
    profile = f"-env:UserInstallation={(base / 'profile').as_uri()}"
    documents = {
        example: rendered[f"{example.name}-review.odt"] for example in (RIVERSIDE, BROOKFIELD)
    }
    subprocess.run(
        [soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", str(base)]
        + [str(d) for d in documents.values()],
        check=True,
        capture_output=True,
        timeout=300,
    )
    xhtml = "{http://www.w3.org/1999/xhtml}"
    out = {}
    for example, path in documents.items():
        pdf = base / path.with_suffix(".pdf").name
        laid_out = subprocess.run(
            [pdftotext, "-bbox-layout", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout
        out[example] = [
            [Word(w.text or "", float(w.get("yMin", "0"))) for w in page.iter(f"{xhtml}word")]
            for page in ET.fromstring(laid_out).iter(f"{xhtml}page")
            if float(page.get("width", "0")) > float(page.get("height", "0"))
        ]
    return out


def squeezed(text: str) -> str:
    """Text without its spaces: a line break in the PDF is a space, or none after a hyphen."""
    return "".join(text.split())


@pytest.mark.parametrize("example", [RIVERSIDE, BROOKFIELD], ids=lambda p: p.name)
def test_the_grid_keeps_short_rows_whole_and_repeats_its_heading(
    rendered: dict[str, Path], landscape_pages: dict[Path, list[list[Word]]], example: Path
) -> None:
    """Laid out by LibreOffice: each page of the Annex 3 grid starts with its heading row,
    and each short row (kept whole in the file, or clearly short) starts and ends on one
    page: the first and last words of each of its cells are on that page."""
    doc = odt(rendered, example)
    blocks = doc.blocks_with_master()
    grid_at = next(i for i, (_, b) in enumerate(blocks) if text_of(b) == GRID)
    master, grid = next((m, b) for m, b in blocks[grid_at:] if b.tag == q("table:table"))
    pages = landscape_pages[example]
    assert len(pages) >= 2  # a grid of several pages: something to check
    heading = ("Focus", "Strengths", "Areas", "Recommendations")
    for number, words in enumerate(pages, start=1):
        tops = {w.top for w in words if w.text == "Focus"}
        top = next(
            (
                t
                for t in sorted(tops)
                if all(any(w.text == h and abs(w.top - t) < 1 for w in words) for h in heading)
            ),
            None,
        )
        assert top is not None, f"landscape page {number}: no heading row"
        above = " ".join(w.text for w in words if w.top < top - 1)
        assert above in ("", GRID), f"landscape page {number} starts with {above[:60]!r}"
    text_height = doc.page(master)[1] - 4
    on_pages = [squeezed(" ".join(w.text for w in words)) for words in pages]
    checked = 0
    for row, heading_row in row_cells(grid):
        if heading_row or not (
            kept_whole(doc, row) or rough_height(doc, grid, row) < 0.75 * SHORT_ROW * text_height
        ):
            continue
        snippets = []
        for cell in row.iter(q("table:table-cell")):
            words = text_of(cell).split()
            snippets += [squeezed(" ".join(words[:3])), squeezed(" ".join(words[-3:]))]
        assert any(all(s in page for s in snippets) for page in on_pages), text_of(row)[:60]
        checked += 1
    assert checked >= 5
