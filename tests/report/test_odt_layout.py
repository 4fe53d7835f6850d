"""The Annex 3 grid of the ODT report as LibreOffice lays it out: a heading row at the
top of each of its pages, and each short row (kept on one page in the file) whole on
one page, read from the PDF LibreOffice makes of the ODT."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from tests.conftest import BROOKFIELD, RIVERSIDE
from tests.report.odt_doc import (
    GRID,
    SHORT_ROW,
    kept_whole,
    odt,
    q,
    rough_height,
    row_cells,
    text_of,
)


@dataclass(frozen=True)
class Word:
    text: str
    top: float


@pytest.fixture(scope="module")
def landscape_pages(laid_out: dict[str, tuple[Path, str]]) -> dict[Path, list[list[Word]]]:
    """example → the words of each landscape page of its review, as LibreOffice lays out
    the ODT (pdftotext's words with their places)."""
    xhtml = "{http://www.w3.org/1999/xhtml}"
    out = {}
    for example in (RIVERSIDE, BROOKFIELD):
        _, words = laid_out[f"{example.name}-review.odt"]
        out[example] = [
            [Word(w.text or "", float(w.get("yMin", "0"))) for w in page.iter(f"{xhtml}word")]
            for page in ET.fromstring(words).iter(f"{xhtml}page")
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
