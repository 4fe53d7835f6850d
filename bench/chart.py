"""Benchmark: what the follow-up report's chart costs, the old way and the new, side by side.

Each run is a fresh Python process with sendreview's progress scale already loaded (a
follow-up report loads it anyway), timed from just before the chart's own imports to its
files on disk:

- "matplotlib": the chart as sendreview drew it up to issue 13, a PNG from matplotlib's
  Agg backend (its code is kept below; matplotlib is a test extra now, for this only),
  with no user cache, as on a first run or after the figures changed;
- "svg": the SVG chart.py draws (HTML, ODT and the PDF take it as it is);
- "svg+png": that SVG and the PNG that Word's report gets from it through Typst.

Every figure is the median of interleaved runs. Target: svg+png ≤ 100 ms.

    .venv/bin/python bench/chart.py [--runs 9]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, keep, said

TARGET_MS = 100.0
FIGURES = [[2, 7, 2, 0], [0, 6, 4, 1], [0, 4, 4, 3]]  # the bundled follow-up's
LABELS = ["9 Dec 2026", "10 Feb 2027", "24 Mar 2027"]

_PREAMBLE = """
import sys, time
from pathlib import Path
from sendreview import frameworks
ids = [s.id for s in frameworks.progress_scale().statuses]
labels, tallies = {labels!r}, [dict(zip(ids, f)) for f in {figures!r}]
out = Path(sys.argv[1])
start = time.perf_counter()
"""

_NEW = """
from sendreview.report import chart, convert
chart.draw(labels, tallies, out / "progress-chart.svg")
if {png}:
    convert.rasterise(out)
"""

# sendreview/report/chart.py before issue 13 (its user cache aside)
_OLD = """
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator
FAMILY, SIZE = "DejaVu Sans", 9
fig = Figure(figsize=(16 / 2.54, 8 / 2.54), dpi=150)
FigureCanvasAgg(fig)
ax = fig.subplots()
bottoms = [0] * len(labels)
for status in frameworks.progress_scale().statuses:
    values = [t[status.id] for t in tallies]
    bars = ax.bar(labels, values, bottom=bottoms, color=status.hex, edgecolor="black",
                  linewidth=0.6, hatch=status.hatch or None, hatch_linewidth=0.8,
                  label=status.label, width=0.6)
    for bar, value, bottom in zip(bars, values, bottoms):
        if value:
            ax.text(bar.get_x() + bar.get_width() / 2, bottom + value / 2, str(value),
                    ha="center", va="center", fontweight="bold", fontfamily=FAMILY,
                    fontsize=SIZE, bbox={{"boxstyle": "round,pad=0.15", "facecolor": "white",
                    "edgecolor": "none", "alpha": 0.9}})
    bottoms = [b + v for b, v in zip(bottoms, values)]
ax.set_ylim(0, max(bottoms, default=0) + 1)
ax.set_ylabel("Recommendations", fontfamily=FAMILY, fontsize=SIZE)
ax.tick_params(labelsize=SIZE, labelfontfamily=FAMILY)
ax.yaxis.set_major_locator(MaxNLocator(integer=True))
ax.spines[["top", "right"]].set_visible(False)
ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False,
          prop={{"family": FAMILY, "size": SIZE - 1}})
fig.tight_layout()
fig.savefig(out / "progress-chart.png", dpi=150, metadata={{"Software": None}})
"""

_END = """
print(json.dumps(time.perf_counter() - start))
"""

WAYS = {
    "matplotlib": _OLD.format(),
    "svg": _NEW.format(png=False),
    "svg+png": _NEW.format(png=True),
}


def once(way: str, cache: Path) -> float:
    """Seconds one fresh process spends on the chart ``way``."""
    script = "import json\n" + _PREAMBLE.format(labels=LABELS, figures=FIGURES) + WAYS[way] + _END
    with tempfile.TemporaryDirectory() as out:
        # one cache folder for the whole run: matplotlib builds its font list in the first
        # run only, as for a user after their first follow-up report
        env = {**os.environ, "XDG_CACHE_HOME": str(cache), "MPLCONFIGDIR": str(cache / "mpl")}
        done = subprocess.run(
            [sys.executable, "-c", script, out],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
            env=env,
        )
        return float(json.loads(done.stdout))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    runs = parser.parse_args().runs
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        ways = ["svg", "svg+png"]
        print("matplotlib is not installed (pip install -e '.[test]'): no old figure")
    else:
        ways = list(WAYS)
    times: dict[str, list[float]] = {w: [] for w in ways}
    with tempfile.TemporaryDirectory() as cache:
        for _ in range(runs):
            for way in ways:
                times[way].append(once(way, Path(cache)))
    print(f"The follow-up chart, data to files (median of {runs} fresh processes):")
    for way in ways:
        print(f"  {way:<11} {statistics.median(times[way]) * 1000:7.1f} ms")
    new = statistics.median(times["svg+png"]) * 1000
    met = new <= TARGET_MS
    print(f"chart (svg+png): {new:.1f} ms (target ≤ {TARGET_MS:g} ms): {'ok' if met else 'MISSED'}")
    detail = "the SVG and Word's PNG"
    if "matplotlib" in times:
        old = statistics.median(times["matplotlib"]) * 1000
        print(f"  {old / new:.1f}× faster than matplotlib")
        detail += f"; matplotlib, before: {old:.0f} ms"
    row = ("the follow-up chart, from its figures to files", f"≤ {TARGET_MS:g} ms")
    keep("chart", [(*row, said(f"{new:.0f} ms", met, detail))])
    sys.exit(0 if met else 1)


if __name__ == "__main__":
    main()
