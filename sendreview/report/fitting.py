"""Table columns fitted to their longest word, for the Word and the ODT reports.

pandoc gives every table fixed column widths from the template's proportions. A narrow
column (Owner, Priority, Who) then gets less room than its longest word, and Word and
LibreOffice break that word mid-word ("Headteach|er"). Each format's module reads its
own file for the text of each cell, its font size and weight; here the words are
measured, the widths shared out and a cell's lines counted, with the lengths and shares
both formats use (in points; each module converts them to its own unit).

Widths are measured with Helvetica's metrics (Adobe's AFM files, shipped in templates/report/fonts):
Arial, the house font, and Liberation Sans, its stand-in where Arial is missing, share
them glyph for glyph.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sendreview.resources import data_dir

# Rendering is not the metric file: rounding, a different hinting, a font of the same
# widths but another make. A word gets this much more than it measures.
SLACK = 1.04
SLACK_PT = 1.5
# A word that needs more than this share of the table (a web address) breaks anyway;
# it must not squeeze every other column to make room for itself.
MAX_SHARE = 1 / 3
# Rows and pages, the same in both formats. A row no taller than this share of the
# page's text height is kept on one page; a taller one (the Annex 3 grid's) may break.
SHORT_ROW = 0.4
LINE_HEIGHT = 1.2  # a line, as a multiple of the font size
# A list item in a cell: each level indented this much more, its bullet hanging in the
# last LIST_HANG of it (points: 0.5 cm and 0.4 cm, to the whole twip Word counts in)
LIST_STEP, LIST_HANG = 14.2, 11.35
TWIPS_PER_PT = 20
# Where a line may break: after spaces, and after a hyphen or dash inside a word.
BREAKS = re.compile(r"\s+|(?<=[-‐–—])(?=\w)")
# Glyph names of the punctuation the reports use, for characters outside ASCII.
GLYPHS = {
    "‘": "quoteleft",
    "’": "quoteright",
    "“": "quotedblleft",
    "”": "quotedblright",
    "–": "endash",
    "—": "emdash",
    "…": "ellipsis",
    "•": "bullet",
    "·": "periodcentered",
    "£": "sterling",
    "€": "Euro",
    "\u00a0": "space",
}


@dataclass(frozen=True)
class Metrics:
    """Advance widths of one font, in thousandths of the font size."""

    by_code: dict[int, int]
    by_name: dict[str, int]
    widest: int

    def width(self, char: str) -> int:
        code = ord(char)
        if 32 <= code < 127:
            return self.by_code.get(code, self.widest)
        name = GLYPHS.get(char)
        if name is None:
            base = unicodedata.normalize("NFD", char)[:1]  # é → e
            return self.width(base) if base and base != char else self.widest
        return self.by_name.get(name, self.widest)


@functools.cache
def metrics(bold: bool) -> Metrics:
    name = "Helvetica-Bold" if bold else "Helvetica"
    path = data_dir("templates") / "report" / "fonts" / f"{name}.afm"
    by_code: dict[int, int] = {}
    by_name: dict[str, int] = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if not line.startswith("C "):
            continue
        fields = dict(f.strip().split(" ", 1) for f in line.split(";") if " " in f.strip())
        width = int(float(fields.get("WX", "0")))
        if int(fields["C"]) >= 0:
            by_code[int(fields["C"])] = width
        by_name[fields.get("N", "")] = width
    return Metrics(by_code, by_name, max(by_code.values()))


def pieces(chars: Sequence[tuple[str, float, bool]]) -> list[float]:
    """The width in points of each unbreakable piece of a paragraph, given as (character,
    font size in points, bold) — a word can change weight halfway, like a bold term."""
    text = "".join(c for c, _, _ in chars)
    widths: list[float] = []
    start = 0
    for gap in [*BREAKS.finditer(text), None]:
        end = gap.start() if gap else len(text)
        if end > start:
            widths.append(sum(metrics(b).width(c) * s for c, s, b in chars[start:end]) / 1000)
        start = gap.end() if gap else end
    return widths


def space(size: float) -> float:
    """The width of a space in text of this size, points."""
    return metrics(False).width(" ") * size / 1000


def lines(words: Sequence[float], space: float, room: float) -> int:
    """How many lines a paragraph of these pieces takes in a line `room` wide, filled
    greedily as Word and LibreOffice fill it; a piece wider than the line breaks over
    as many lines as it needs. Any one unit, as long as all three share it."""
    count, used = 1, 0.0
    room = max(room, 1.0)
    for word in words:
        if used and used + space + word > room:
            count, used = count + 1, 0.0
        used += (space if used else 0.0) + word
        count += max(0, math.ceil(word / room) - 1)
    return count


def need(paragraphs: Iterable[tuple[Sequence[float], float]], sides: float, per_pt: float) -> float:
    """The width a cell needs for its longest word, given each paragraph's pieces and
    indent and the cell's padding (`sides`), in a unit of `per_pt` to the point. Only the
    word is given slack: an indent or a padding is set, not measured."""
    longest = max(
        (max(words) * SLACK + SLACK_PT * per_pt + indent for words, indent in paragraphs if words),
        default=0.0,
    )
    return longest + sides


def fit(widths: list[float], needs: list[float], total: int) -> list[int]:
    """Column widths summing to `total`: every column at least its need, the extra taken
    from the columns with room to spare, in proportion to that room. Columns the
    template gives no width at all share the table evenly."""
    if not widths or total <= 0:
        return [0] * len(widths)
    widths = [max(w, 0.0) for w in widths]
    if not sum(widths):
        widths = [1.0] * len(widths)
    scaled = [w * total / sum(widths) for w in widths]
    needs = [min(n, total * MAX_SHARE) for n in needs]
    if sum(needs) >= total:  # no room to fit every word: share out by need
        fitted = [n * total / sum(needs) for n in needs]
    else:
        deficit = sum(max(0.0, n - w) for n, w in zip(needs, scaled, strict=True))
        room = sum(max(0.0, w - n) for n, w in zip(needs, scaled, strict=True))
        fitted = [
            n if w <= n else w - (deficit * (w - n) / room if deficit else 0.0)
            for n, w in zip(needs, scaled, strict=True)
        ]
    out = [math.floor(f) for f in fitted]
    out[out.index(max(out))] += total - sum(out)
    return out
