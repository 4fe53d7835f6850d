"""The ODT report has the Word report's house style: A4 pages, the Annex 3 grid on
landscape pages, bordered tables with a shaded heading row, headings in the house
colour and a "Page n of N" footer. Read from the document's XML as LibreOffice
resolves it (a paragraph's style, its parents, its master page), never by bytes.

Rows and pages as in Word: short rows and heading rows are kept on one page, checked
here in the file (and in the PDF LibreOffice lays out from it in test_odt_layout.py).
Widow and orphan control in the cells is checked in the file only: LibreOffice 7.4
leaves a single line of a cell at the foot of a page when a row breaks, with or without
it (as Word's output does)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from sendreview.resources import data_dir
from tests.conftest import BROOKFIELD, RIVERSIDE, Invoke
from tests.report.odt_doc import (
    BRAND,
    GRID,
    HEADING_FILL,
    NS,
    SHORT_ROW,
    Odt,
    cm,
    kept_whole,
    odt,
    q,
    rough_height,
    row_cells,
    text_of,
)


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


def _reference_odt(table_text_size: str) -> bytes:
    """The built-in reference.odt, its "Table Contents" style's font size replaced."""
    source = data_dir("templates") / "report" / "reference.odt"
    out = io.BytesIO()
    with zipfile.ZipFile(source) as z, zipfile.ZipFile(out, "w") as new:
        for info in z.infolist():
            data = z.read(info)
            if info.filename == "styles.xml":
                # the file's own prefixes (style:, fo:…) kept when it is written back
                for _, (prefix, uri) in ET.iterparse(io.BytesIO(data), events=("start-ns",)):
                    ET.register_namespace(prefix, uri)
                root = ET.fromstring(data)
                style = root.find(".//style:style[@style:name='Table_20_Contents']", NS)
                props = None if style is None else style.find("style:text-properties", NS)
                assert props is not None and props.get(q("fo:font-size")) == "9pt"
                props.set(q("fo:font-size"), table_text_size)
                data = ET.tostring(root, encoding="UTF-8", xml_declaration=True)
            new.writestr(info, data)
    return out.getvalue()


@pytest.mark.parametrize("size", ["x%", "9" * 400 + "%", "large"])
def test_a_reviews_reference_odt_with_an_unreadable_font_size_is_used(
    cli: Invoke, riverside: Path, tmp_path: Path, size: str
) -> None:
    """A review's own reference.odt whose table text has a size that cannot be read (or
    would be infinite) still gives a report: the size is ignored, the columns fitted."""
    (riverside / "templates").mkdir()
    (riverside / "templates" / "reference.odt").write_bytes(_reference_odt(size))
    result = cli("report", str(riverside), "-f", "odt", "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    doc = Odt(next((tmp_path / "out").glob("*.odt")))
    assert doc.prop("paragraph", "Table_20_Contents", "text-properties", "fo:font-size") == size
    columns = [
        doc.prop("table-column", c.get(q("table:style-name"), ""), "table-column-properties",
                 "style:column-width")
        for c in doc.body.iter(q("table:table-column"))
    ]  # fmt: skip
    assert len(columns) > 10 and all(c and cm(c) > 1 for c in columns), columns


def test_a_font_size_in_percent_is_of_the_parent_styles_size() -> None:
    """As LibreOffice reads it: 50% of a parent of 20pt is 10pt, not 50% of ODF's 12pt;
    a size that cannot be read is the parent's."""
    from sendreview.report.odt_tables import Styles

    def style(name: str, parent: str, size: str) -> str:
        return (
            f'<style:style style:name="{name}" style:family="paragraph" '
            f'style:parent-style-name="{parent}">'
            f'<style:text-properties fo:font-size="{size}"/></style:style>'
        )

    declared = " ".join(f'xmlns:{p}="{uri}"' for p, uri in NS.items())
    named = ET.fromstring(
        f"<office:document-styles {declared}><office:styles>"
        '<style:default-style style:family="paragraph">'
        '<style:text-properties fo:font-size="8pt"/></style:default-style>'
        + style("Big", "", "20pt")
        + style("Half", "Big", "50%")
        + style("Quarter", "Half", "50%")
        + style("Unreadable", "Half", "x%")
        + style("OfDefault", "", "150%")
        + "</office:styles></office:document-styles>"
    )
    content = ET.fromstring(f"<office:document-content {declared}/>")
    styles = Styles.read(content, named)
    sizes = {n: styles.text("paragraph", n, 12.0, False)[0] for n in
             ("Big", "Half", "Quarter", "Unreadable", "OfDefault", "Missing")}  # fmt: skip
    assert sizes == {
        "Big": 20.0,
        "Half": 10.0,
        "Quarter": 5.0,
        "Unreadable": 10.0,
        "OfDefault": 12.0,
        "Missing": 8.0,
    }
