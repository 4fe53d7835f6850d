"""The PDF's layout, measured: bullets' wrapped lines, pages that tables run on from, and
whether poppler reads the file without complaint.

Issue 8, item 1: a list that opened a table cell (the Annex 3 grid, "Reasons for the
review", the self-evaluation) lost its first item's wrapped lines. They fell back to the
cell's left edge, under the bullet, and the item read as if it stopped mid-sentence.
These tests read where pypdf finds each piece of text on the page, so they check the
layout itself, not the Typst source that makes it.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import pytest

from tests.conftest import BROOKFIELD, RIVERSIDE

BULLETS = ("•", "‣", "–", "◦")
TOLERANCE = 1.0  # pt
# How far left of a bullet an outdented line can start: Typst sets a list's marker
# `indent` (0.3em) in from its cell or column, so text that falls back to the cell's
# edge starts a few points left of the bullet. Text of a column further left ends more
# than this before the bullet (a cell's inset plus the marker's indent).
OUTDENT_WINDOW = 7.0  # pt
# A nested list's bullet sits about 10pt right of its parent's (marker, gap, indent).
NEST_WINDOW = 20.0  # pt
# Baselines further apart than this many font sizes are not lines of one item: lines
# are 1.26 apart and items 1.36 (in a table), table rows, paragraphs and headings 1.5+.
LINE_GAP = 1.45


@dataclass(frozen=True)
class Run:
    """A run of text as the PDF places it: its start and baseline, in points."""

    x: float
    y: float
    text: str
    size: float


def runs(page: object) -> list[Run]:
    found: list[Run] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = abs(tm[3] * cm[3]) or 1.0
        found.append(Run(x, y, text.strip(), size * scale))

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    return found


def lines(found: list[Run]) -> list[tuple[float, list[Run]]]:
    """Runs grouped by baseline, top of the page first; each line's runs left to right."""
    rows: list[tuple[float, list[Run]]] = []
    for run in sorted(found, key=lambda r: (-r.y, r.x)):
        if rows and abs(rows[-1][0] - run.y) <= 0.5:
            rows[-1][1].append(run)
        else:
            rows.append((run.y, [run]))
    return [(y, sorted(rs, key=lambda r: r.x)) for y, rs in rows]


def is_bullet(run: Run) -> bool:
    return run.text in BULLETS


@dataclass(frozen=True)
class Misplaced:
    page: int
    item: str
    line: str
    bullet_x: float
    text_x: float
    line_x: float

    def __str__(self) -> str:
        return (
            f"page {self.page}: item {self.item!r} (bullet at x={self.bullet_x:.1f}, text "
            f"at x={self.text_x:.1f}) continues with {self.line!r} at x={self.line_x:.1f}"
        )


def bullet_items(pdf: Path) -> Iterator[tuple[int, float, float, str, list[Run]]]:
    """Every bullet of an outer list: (page, bullet x, text x, first words, the first run
    of each line below it in its column, up to the item's end).

    The item ends at the next bullet of its list (or of a list it is nested in), or at a
    gap wider than the gap between two items: the next table row, heading or paragraph.
    A paragraph right after a list in a table cell is spaced like a line; the check takes
    it for an outdented line too, since on the page it reads as one.
    """
    from pypdf import PdfReader

    for number, page in enumerate(PdfReader(str(pdf)).pages, start=1):
        rows = lines(runs(page))

        def column(row: list[Run], left: float) -> Run | None:
            here = [r for r in row if r.x >= left]
            return here[0] if here else None

        for i, (y, row) in enumerate(rows):
            for j, bullet in enumerate(row):
                if not is_bullet(bullet) or j + 1 >= len(row):
                    continue
                bx, tx = bullet.x, row[j + 1].x
                gap = LINE_GAP * bullet.size
                if nested(rows[:i][::-1], y, bx, gap, column):
                    continue
                below: list[Run] = []
                last_y = y
                for y2, row2 in rows[i + 1 :]:
                    first = column(row2, bx - NEST_WINDOW)
                    if first is None:
                        continue
                    if last_y - y2 > gap:
                        break
                    if is_bullet(first) and first.x <= bx + TOLERANCE:
                        break  # the next item, or an outer list's
                    first = column(row2, bx - OUTDENT_WINDOW)
                    if first is not None:
                        below.append(first)
                    last_y = y2
                yield number, bx, tx, row[j + 1].text[:40], below


def nested(
    above: list[tuple[float, list[Run]]],
    y: float,
    bx: float,
    gap: float,
    column: Callable[[list[Run], float], Run | None],
) -> bool:
    """Whether the bullet at (bx, y) belongs to a list inside another list's item: a
    bullet left of it above, with no gap wider than between items in between."""
    last_y = y
    for y2, row in above:
        first = column(row, bx - NEST_WINDOW)
        if first is None:
            continue
        if y2 - last_y > gap:
            return False
        if is_bullet(first) and first.x < bx - TOLERANCE:
            return True
        last_y = y2
    return False


def misplaced(pdf: Path) -> list[Misplaced]:
    bad = []
    for number, bx, tx, item, below in bullet_items(pdf):
        for first in below:
            if first.x < tx - TOLERANCE:
                bad.append(Misplaced(number, item, first.text[:40], bx, tx, first.x))
    return bad


@pytest.fixture(scope="module")
def pdfs(rendered: dict[str, Path]) -> dict[str, Path]:
    """'<example>-<kind>' → its PDF: the session's renderings (tests/report/conftest.py)."""
    return {
        name.removesuffix(".pdf"): path for name, path in rendered.items() if name.endswith(".pdf")
    }


REPORTS = [
    f"{example.name}-{kind}"
    for example in (RIVERSIDE, BROOKFIELD)
    for kind in ["review", "self-evaluation"] + (["follow-up"] if example is RIVERSIDE else [])
]


@pytest.mark.parametrize("report", REPORTS)
def test_wrapped_lines_of_every_bullet_align_with_its_text(
    pdfs: dict[str, Path], report: str
) -> None:
    bad = misplaced(pdfs[report])
    assert not bad, "\n".join(str(b) for b in bad)


def test_the_check_sees_wrapped_items_in_table_cells(pdfs: dict[str, Path]) -> None:
    """The measure above has something to measure: in the Annex 3 grid (a landscape page
    of narrow cells) first items wrap, and their lines are found below them."""
    items = list(bullet_items(pdfs[f"{RIVERSIDE.name}-review"]))
    wrapped = {item: below for _, _, _, item, below in items if below}
    assert any(i.startswith("Persistent absence of pupils with SEND") for i in wrapped)
    assert any(i.startswith("Early reading is a strength") for i in wrapped)
    assert len(wrapped) >= 20


# Issue 8, item 5: Typst kept every table row whole, so a long row of the Annex 3 grid
# went to the next page and left the page before it a fifth empty (the one-row tables
# of the self-evaluation, nearly half). Rows now break between paragraphs and items.
CM = 72 / 2.54
TOP_MARGIN, BOTTOM_MARGIN = 2.4 * CM, 2.2 * CM  # report.typ's; the text area lies between
# A page the grid runs on from ends within a short list item of its foot: less than an
# eighth of a landscape text area is about five lines of table text. Whole rows left
# 15-20% of the examples' grid pages empty.
GRID_SLACK = 1 / 8
# Anywhere else, a page followed by more of the same (not the contents page, whose break
# is forced, nor a page before the landscape grid or after it) is at most a third empty.
FLOW_SLACK = 1 / 3


@dataclass(frozen=True)
class Page:
    number: int
    landscape: bool
    rows: list[tuple[float, list[Run]]]  # the lines of the text area, top first
    top: float
    empty: float  # the share of the text area below its lowest line

    def says(self, words: str) -> bool:
        return any(line_text(row) == words for _, row in self.rows)


def line_text(row: list[Run]) -> str:
    return " ".join(r.text for r in row)


def text_pages(pdf: Path) -> list[Page]:
    from pypdf import PdfReader

    pages = []
    for number, page in enumerate(PdfReader(str(pdf)).pages, start=1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        top = height - TOP_MARGIN
        rows = [(y, row) for y, row in lines(runs(page)) if BOTTOM_MARGIN - 1 < y < top + 1]
        lowest = rows[-1][0] if rows else top
        empty = (lowest - BOTTOM_MARGIN) / (top - BOTTOM_MARGIN)
        pages.append(Page(number, width > height, rows, top, empty))
    return pages


@pytest.mark.parametrize("example", [RIVERSIDE, BROOKFIELD], ids=lambda e: e.name)
def test_the_grid_runs_on_from_full_pages_under_its_heading_row(
    pdfs: dict[str, Path], example: Path
) -> None:
    grid = [page for page in text_pages(pdfs[f"{example.name}-review"]) if page.landscape]
    assert len(grid) >= 2, "the Annex 3 grid fits on one page: nothing here to measure"
    heading = "Focus Strengths Areas for development Recommendations"
    assert grid[0].says(heading)
    for page in grid[1:]:
        y, row = page.rows[0]
        assert line_text(row) == heading, f"page {page.number} opens with {line_text(row)!r}"
        assert page.top - y < 2 * row[0].size, f"page {page.number}: heading row not at top"
    short = [f"page {p.number} is {p.empty:.0%} empty" for p in grid[:-1] if p.empty > GRID_SLACK]
    assert not short, "the grid runs on from pages left short: " + "; ".join(short)


@pytest.mark.parametrize("report", REPORTS)
def test_no_page_is_left_a_third_empty_before_more_of_the_same(
    pdfs: dict[str, Path], report: str
) -> None:
    pages = text_pages(pdfs[report])
    short = [
        f"page {page.number} is {page.empty:.0%} empty"
        for page, after in pairwise(pages)
        if page.landscape == after.landscape
        and not page.says("Contents")
        and page.empty > FLOW_SLACK
    ]
    assert not short, "; ".join(short)


# Typst writes /MarkInfo <</Marked true /Suspects false>>, which poppler up to 25.11 took
# for an error: "Syntax Error: Suspects object is wrong type (boolean)" on every report.
@pytest.mark.parametrize("report", REPORTS)
@pytest.mark.parametrize("tool", ["pdfinfo", "pdftotext"])
def test_poppler_reads_the_pdf_without_complaint(
    pdfs: dict[str, Path], report: str, tool: str
) -> None:
    if shutil.which(tool) is None:
        pytest.skip("pdftotext (Debian poppler-utils) is not installed")
    command = [tool, str(pdfs[report])] + (["-"] if tool == "pdftotext" else [])
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "Error" not in done.stderr, done.stderr
    if tool == "pdfinfo":
        assert "Tagged:          yes" in done.stdout  # the cure kept the screen-reader tags
