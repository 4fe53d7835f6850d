"""The follow-up report's chart: how many recommendations stood at each status, visit by visit.

Colours come from the progress scale (red, amber, green, blue) and every status also
has its own hatching and a count printed on its bar, so the chart reads the same in
greyscale print. The picture is reproducible: no timestamps or software names in it.

It is an SVG built from the figures in plain Python: a plotting library would cost most
of the time a follow-up report takes to prepare (importing matplotlib alone took 0.7 s).
HTML, ODT and Typst show SVG as it is; Word gets a PNG of it beside (see ``raster``).
Text is laid out with Helvetica's metrics (fitting.py), which Arial and Liberation Sans
share, the fonts the chart asks for first.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from sendreview import frameworks
from sendreview.models.framework import Status
from sendreview.progress import Journey
from sendreview.report import fitting

WIDTH_CM, HEIGHT_CM = 16.0, 8.0
PT_PER_CM = 72 / 2.54
W, H = WIDTH_CM * PT_PER_CM, HEIGHT_CM * PT_PER_CM  # the drawing's units are points
FONT = "Arial, 'Liberation Sans', Helvetica, 'DejaVu Sans', sans-serif"
SIZE, LEGEND_SIZE = 9.0, 8.0
BAR = 0.6  # a bar's share of its visit's slot
INK = "#000000"


def counts(history: list[Journey], visits: int) -> list[dict[str, int]]:
    """For each visit, the number of recommendations at each status."""
    scale = frameworks.progress_scale()
    out = []
    for i in range(visits):
        tally = {s.id: 0 for s in scale.statuses}
        for journey in history:
            status = journey.steps[i].status if i < len(journey.steps) else None
            if status in tally:
                tally[status] += 1
        out.append(tally)
    return out


def describe(labels: list[str], tallies: list[dict[str, int]]) -> str:
    """The chart in words: its text alternative."""
    scale = frameworks.progress_scale()
    parts = []
    for label, tally in zip(labels, tallies, strict=True):
        said = [f"{tally[s.id]} {s.label.lower()}" for s in scale.statuses if tally[s.id]]
        parts.append(f"{label}: {', '.join(said) or 'none recorded'}")
    return "Bar chart of recommendations by status at each visit. " + "; ".join(parts) + "."


def _width(text: str, size: float, bold: bool = False) -> float:
    return sum(fitting.metrics(bold).width(c) for c in text) * size / 1000


def _ticks(top: int) -> list[int]:
    """Whole-number ticks from 0 to at most ``top``, a round step apart, at most 8 of them."""
    step = 1
    while top / step > 7:
        for factor in (2, 2.5, 2):  # 1, 2, 5, 10, 20, 50 …
            step = int(step * factor)
            if top / step <= 7:
                break
    return list(range(0, top + 1, step))


def _f(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


def _el(parent: ET.Element, tag: str, **attrs: str | float) -> ET.Element:
    keyed = {
        k.rstrip("_").replace("_", "-"): _f(v) if isinstance(v, float) else str(v)
        for k, v in attrs.items()
    }
    return ET.SubElement(parent, tag, keyed)


def _text(parent: ET.Element, x: float, y: float, words: str, size: float, **attrs: str) -> None:
    # the baseline a third of the font size below the middle: dominant-baseline is not
    # read alike by Word, LibreOffice and Typst
    node = _el(parent, "text", x=x, y=y + size * 0.35, font_size=_f(size), **attrs)
    node.text = words  # ElementTree escapes it


def _pattern(defs: ET.Element, key: str, hatch: str) -> str | None:
    """The status's hatching as a see-through pattern, read as matplotlib reads hatch
    strings: / and \\ diagonals, x both, | and - upright and level, + both, . o O * dots;
    a character repeated is denser. The colour is a fill of its own underneath: a
    pattern's own background would show its tiles' seams."""
    if not hatch:
        return None
    tile = 18.0 / max(hatch.count(c) for c in set(hatch))
    t, t2 = _f(tile), _f(2 * tile)
    pattern = _el(defs, "pattern", id=key, patternUnits="userSpaceOnUse", width=tile, height=tile)
    paths = []
    if set(hatch) & set("/x"):  # each line drawn past the tile's corners, so none is cut
        paths += [f"M0 {t} L{t} 0", f"M-{t} {t} L{t} -{t}", f"M0 {t2} L{t2} 0"]
    if set(hatch) & set("\\x"):
        paths += [f"M0 0 L{t} {t}", f"M-{t} 0 L{t} {t2}", f"M0 -{t} L{t2} {t}"]
    if set(hatch) & set("|+"):
        paths += [f"M{_f(tile / 2)} 0 V{t}"]
    if set(hatch) & set("-+"):
        paths += [f"M0 {_f(tile / 2)} H{t}"]
    if paths:
        _el(pattern, "path", d=" ".join(paths), fill="none", stroke=INK, stroke_width="0.6")
    if set(hatch) & set(".oO*"):
        radius = 0.8 if "." in hatch else 1.6
        for x, y in ((tile / 4, tile / 4), (tile * 3 / 4, tile * 3 / 4)):  # a diamond grid
            _el(pattern, "circle", cx=x, cy=y, r=radius, fill=INK)
    return f"url(#{key})"


def _box(
    parent: ET.Element, x: float, y: float, w: float, h: float, status: Status, hatch: str | None
) -> None:
    _el(parent, "rect", x=x, y=y, width=w, height=h, fill=status.hex)
    _el(
        parent,
        "rect",
        x=x,
        y=y,
        width=w,
        height=h,
        fill=hatch or "none",
        stroke=INK,
        stroke_width="0.6",
    )


def svg(labels: list[str], tallies: list[dict[str, int]]) -> str:
    """The chart: stacked bars, one colour and hatching per status, each count on its bar,
    a vertical axis with whole-number ticks and the legend on the right."""
    statuses = frameworks.progress_scale().statuses
    root = ET.Element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "width": f"{_f(WIDTH_CM)}cm",
            "height": f"{_f(HEIGHT_CM)}cm",
            "viewBox": f"0 0 {_f(W)} {_f(H)}",
            "font-family": FONT,
        },
    )
    _el(root, "rect", width=W, height=H, fill="#FFFFFF")
    defs = _el(root, "defs")
    fills = [_pattern(defs, f"hatch-{i}", s.hatch) for i, s in enumerate(statuses)]
    totals = [sum(t[s.id] for s in statuses) for t in tallies]
    top = max(totals, default=0) + 1
    ticks = _ticks(top)

    swatch = 18.0
    legend = swatch + 6 + max((_width(s.label, LEGEND_SIZE) for s in statuses), default=0)
    left = 8 + SIZE * 1.2 + 6 + max(_width(str(t), SIZE) for t in ticks) + 3.5 + 3
    right = W - legend - 24
    top_y, base = 10.0, H - 24.0
    scale = (base - top_y) / top

    def y(value: float) -> float:
        return base - value * scale

    axis = _el(root, "g", stroke=INK, stroke_width="0.8", fill="none")
    _el(axis, "path", d=f"M{_f(left)} {_f(top_y)} V{_f(base)} H{_f(right)}")
    for t in ticks:
        _el(axis, "path", d=f"M{_f(left - 3.5)} {_f(y(t))} H{_f(left)}")
        _text(root, left - 6, y(t), str(t), SIZE, text_anchor="end")
    label_y = (top_y + base) / 2
    _text(
        root,
        0,
        0,
        "Recommendations",
        SIZE,
        text_anchor="middle",
        transform=f"translate({_f(8 + SIZE * 0.6)} {_f(label_y)}) rotate(-90)",
    )

    slot = (right - left) / max(len(labels), 1)
    counted = ET.Element("g")  # added last: the counts above every bar
    for i, (label, tally) in enumerate(zip(labels, tallies, strict=True)):
        middle = left + slot * (i + 0.5)
        x0 = middle - slot * BAR / 2
        _el(axis, "path", d=f"M{_f(middle)} {_f(base)} V{_f(base + 3.5)}")
        _text(root, middle, base + 12, label, SIZE, text_anchor="middle")
        bottom = 0
        for status, fill in zip(statuses, fills, strict=True):
            value = tally[status.id]
            if not value:
                continue
            _box(root, x0, y(bottom + value), slot * BAR, value * scale, status, fill)
            mid = y(bottom + value / 2)
            words = str(value)
            w = _width(words, SIZE, bold=True) + 3.5
            _el(
                counted,
                "rect",
                x=middle - w / 2,
                y=mid - SIZE * 0.55 - 1,
                width=w,
                height=SIZE * 1.1 + 2,
                rx="1.5",
                fill="#FFFFFF",
                fill_opacity="0.9",
            )
            _text(counted, middle, mid, words, SIZE, text_anchor="middle", font_weight="bold")
            bottom += value
    root.append(counted)

    keys = _el(root, "g")
    for i, (status, fill) in enumerate(zip(statuses, fills, strict=True)):
        row = top_y + 6 + i * LEGEND_SIZE * 1.75
        _box(keys, right + 24, row - 3.5, swatch, 7.0, status, fill)
        _text(keys, right + 24 + swatch + 6, row, status.label, LEGEND_SIZE)
    return ET.tostring(root, encoding="unicode")


def draw(labels: list[str], tallies: list[dict[str, int]], target: Path) -> None:
    """The chart as an SVG file at ``target``."""
    target.write_text(svg(labels, tallies), encoding="utf-8")
