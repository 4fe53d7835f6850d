"""Benchmark: `sendreview portfolio` over a programme of 10,000 generated reviews (both
frameworks, 0 to 4 follow-up visits each, one in 500 with an error), beside `validate`
over the same tree in the same run.

Targets: `portfolio -j 2` at least 1.7× faster than `-j 1` (on two cores or more), its
JSON the same; `portfolio` at most 2× the time `validate` takes (each in one process).
Peak memory and times are printed and kept.

    .venv/bin/python bench/portfolio.py [--reviews 10000] [--keep FOLDER]

With --keep the generated programme and its JSON export stay in FOLDER (docs/scale.md
queries them with DuckDB).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import BIN, Cost, keep, measure, said, verdict
from bench.validate_portfolio import build_portfolio

SPEEDUP_TARGET = 1.7
VALIDATE_TARGET = 2.0
TODAY = "2027-05-01"  # overdue is judged against a fixed day, so runs compare


def _visits(workspace: Path, count: int) -> None:
    """Give the review ``count`` follow-up visits, two months apart, made from the one it
    has; later visits move recommendations on, so the progress chart has a story."""
    folder = workspace / "follow-ups"
    (only,) = sorted(folder.glob("*.yaml"))
    text = only.read_text(encoding="utf-8")
    start = date.fromisoformat(re.search(r"^date: (\S+)", text, re.M)[1])  # type: ignore[index]
    only.unlink()
    for k in range(count):
        day, after = start + timedelta(days=63 * k), start + timedelta(days=63 * (k + 1))
        visit = re.sub(r"^date: .*$", f"date: {day}", text, flags=re.M)
        visit = re.sub(r"^next_visit: .*$", f"next_visit: {after}", visit, flags=re.M)
        if k >= 1:
            visit = visit.replace("status: not-started", "status: in-progress")
        if k >= 2:
            visit = visit.replace("status: in-progress", "status: achieved")
        if k >= 3:
            visit = visit.replace("status: achieved", "status: embedded")
        (folder / f"{day}.yaml").write_text(visit, encoding="utf-8")


def _break(workspace: Path, how: int) -> None:
    """An error of one of two kinds: a framework that does not exist, or a file that is
    not YAML."""
    if how % 2 == 0:
        review = workspace / "review.yaml"
        text = review.read_text(encoding="utf-8")
        review.write_text(re.sub(r"^framework: .*$", "framework: annex-9", text, flags=re.M))
    else:
        with (workspace / "evidence.yaml").open("a", encoding="utf-8") as f:
            f.write("\nlog: [unclosed\n")


def programme(folder: Path, reviews: int, broken_every: int = 500) -> list[Path]:
    """``reviews`` workspaces under ``folder/portfolio``: validate's benchmark's portfolio,
    with 0 to 4 follow-up visits each and every ``broken_every``-th one broken."""
    made = build_portfolio(folder, reviews)
    for i, workspace in enumerate(made):
        _visits(workspace, (i // 2) % 5)  # both frameworks at every count of visits
        if i % broken_every == broken_every - 1:
            _break(workspace, i // broken_every)
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reviews", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, help="keep the programme and its JSON here")
    args = parser.parse_args()
    from sendreview.validation.run import default_jobs

    cores = max(default_jobs(), 2)
    with tempfile.TemporaryDirectory(prefix="sendreview-bench-") as tmp:
        folder = args.keep.resolve() if args.keep else Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        programme(folder, args.reviews)
        sendreview = str(BIN / "sendreview")
        out = {j: folder / f"portfolio-j{j}.json" for j in (1, cores)}
        for path in out.values():
            path.unlink(missing_ok=True)

        command = [sendreview, "portfolio", "portfolio", "-f", "json", "--today", TODAY]
        checking = [sendreview, "validate", "-j", "1", "portfolio"]
        costs: dict[str, Cost] = {
            "validate -j 1": measure(checking, folder, ok=(0, 1)),  # 1: the broken reviews
            "portfolio -j 1": measure([*command, "-j", "1", "-o", str(out[1])], folder),
            f"portfolio -j {cores}": measure(
                [*command, "-j", str(cores), "-o", str(out[cores])], folder
            ),
        }
        same = out[1].read_bytes() == out[cores].read_bytes()
        size = out[1].stat().st_size / 2**20
    print(f"programme: {args.reviews:,} reviews; {default_jobs()} cores; JSON {size:.0f} MiB")
    print(f"{'':22}{'wall':>8}{'CPU':>8}{'peak RSS':>11}")
    for label, cost in costs.items():
        print(f"{label:22}{cost.wall:7.1f}s{cost.cpu:7.1f}s{cost.peak_mib:7.0f} MiB")
    serial, parallel = costs["portfolio -j 1"], costs[f"portfolio -j {cores}"]
    checked = costs["validate -j 1"]
    speedup, ratio = serial.wall / parallel.wall, serial.wall / checked.wall
    met = [
        verdict(f"portfolio -j 1 / -j {cores}, wall", speedup, SPEEDUP_TARGET, at_least=True),
        verdict("portfolio / validate, both -j 1, wall", ratio, VALIDATE_TARGET),
    ]
    print(f"-j {cores} writes the JSON -j 1 writes: {'ok' if same else 'MISSED'}")
    what = f"`sendreview portfolio` of {args.reviews:,} generated reviews"
    keep(
        "portfolio",
        [
            (
                f"{what}, wall of `-j 1` vs `-j {cores}` (the JSON identical: "
                f"{'yes' if same else 'NO'}; peak memory {serial.peak_mib:.0f} MiB)",
                f"≥ {SPEEDUP_TARGET}×",
                said(f"{speedup:.2f}×", met[0], f"{serial.wall:.1f} s vs {parallel.wall:.1f} s"),
            ),
            (
                f"{what} vs `validate` of the same, both `-j 1`",
                f"≤ {VALIDATE_TARGET}×",
                said(f"{ratio:.2f}×", met[1], f"{serial.wall:.1f} s vs {checked.wall:.1f} s"),
            ),
        ],
    )
    sys.exit(0 if all(met) and same else 1)


if __name__ == "__main__":
    main()
