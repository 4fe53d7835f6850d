"""The follow-up report's chart: how many recommendations stood at each status, visit by visit.

Colours come from the progress scale (red, amber, green, blue) and every status also
has its own hatching and a count printed on its bar, so the chart reads the same in
greyscale print. The picture is reproducible: no timestamps or software names in it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from sendreview import frameworks, safefile
from sendreview.atomic import write_atomic
from sendreview.progress import Journey

WIDTH_CM, HEIGHT_CM, DPI = 16.0, 8.0, 150


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


FAMILY, SIZE = "DejaVu Sans", 9  # a font bundled with matplotlib


CHART_BYTES = 5_000_000  # far beyond one chart; only to bound what is read
_PNG = b"\x89PNG\r\n\x1a\n"


def _kept(labels: list[str], tallies: list[dict[str, int]]) -> Path | None:
    """Where this user's cache keeps the chart of these figures (a PNG, never code): the
    name is a hash of everything the picture depends on, this file and matplotlib's
    version included. None when there is no cache folder or no matplotlib to name."""
    import importlib.util

    spec = importlib.util.find_spec("matplotlib")
    if spec is None or spec.origin is None:
        return None
    try:
        home = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        depends = [
            Path(__file__).read_bytes(),
            (Path(spec.origin).parent / "_version.py").read_bytes(),
        ]
    except (OSError, RuntimeError):  # no home folder, or a matplotlib without its version
        return None
    statuses = [[s.id, s.label, s.hex, s.hatch] for s in frameworks.progress_scale().statuses]
    depends.append(json.dumps([labels, tallies, statuses]).encode())
    digest = hashlib.sha256(b"\0".join(depends)).hexdigest()
    return Path(home) / "sendreview" / "charts" / f"{digest}.png"


def draw(labels: list[str], tallies: list[dict[str, int]], target: Path) -> None:
    """The chart as a PNG at ``target``. Drawn once, then taken from this user's cache for
    as long as the figures stay the same: loading matplotlib is most of the time a
    follow-up report takes to prepare, and most changes to a review leave the chart be."""
    kept = _kept(labels, tallies)
    with contextlib.suppress(safefile.Refused):
        png = safefile.read_bytes(kept, CHART_BYTES) if kept else b""
        if png.startswith(_PNG):
            target.write_bytes(png)
            return
    _draw(labels, tallies, target)
    if kept is not None:
        with contextlib.suppress(OSError):  # a read-only cache: drawn again next time
            write_atomic(kept, target.read_bytes(), overwrite=True)


def _draw(labels: list[str], tallies: list[dict[str, int]], target: Path) -> None:
    # a Figure of its own and explicit styles, never pyplot or rcParams: no global
    # state, so a user's matplotlibrc or another thread cannot change the chart
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    fig = Figure(figsize=(WIDTH_CM / 2.54, HEIGHT_CM / 2.54), dpi=DPI)
    FigureCanvasAgg(fig)
    ax = fig.subplots()
    _bars(ax, labels, tallies, frameworks.progress_scale().statuses)
    ax.set_ylabel("Recommendations", fontfamily=FAMILY, fontsize=SIZE)
    ax.tick_params(labelsize=SIZE, labelfontfamily=FAMILY)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(
        loc="upper left",
        bbox_to_anchor=(1.01, 1),
        frameon=False,
        prop={"family": FAMILY, "size": SIZE - 1},
    )
    fig.tight_layout()
    fig.savefig(target, dpi=DPI, metadata={"Software": None})


def _bars(ax: Any, labels: list[str], tallies: list[dict[str, int]], statuses: list[Any]) -> None:
    """Stacked bars, one colour and hatching per status, each count printed on its bar."""
    bottoms = [0] * len(labels)
    for status in statuses:
        values = [t[status.id] for t in tallies]
        bars = ax.bar(
            labels,
            values,
            bottom=bottoms,
            color=status.hex,
            edgecolor="black",
            linewidth=0.6,
            hatch=status.hatch or None,
            hatch_linewidth=0.8,
            label=status.label,
            width=0.6,
        )
        for bar, value, bottom in zip(bars, values, bottoms, strict=True):
            if value:
                ax.text(
                    bar.get_x() + bar.get_width() / 2,
                    bottom + value / 2,
                    str(value),
                    ha="center",
                    va="center",
                    fontweight="bold",
                    fontfamily=FAMILY,
                    fontsize=SIZE,
                    bbox={
                        "boxstyle": "round,pad=0.15",
                        "facecolor": "white",
                        "edgecolor": "none",
                        "alpha": 0.9,
                    },
                )
        bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
    ax.set_ylim(0, max(bottoms, default=0) + 1)
