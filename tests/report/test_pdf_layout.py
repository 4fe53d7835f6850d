"""The PDF's lists, measured: every bullet's wrapped lines line up with its own text.

Issue 8, item 1: a list that opened a table cell (the Annex 3 grid, "Reasons for the
review", the self-evaluation) lost its first item's wrapped lines. They fell back to the
cell's left edge, under the bullet, and the item read as if it stopped mid-sentence.
These tests read where pypdf finds each piece of text on the page, so they check the
layout itself, not the Typst source that makes it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
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
