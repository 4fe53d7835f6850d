"""Benchmark: what a user waits for in `sendreview report` besides pandoc, side by side.

For the docx and the PDF of the bundled example, `sendreview report` runs under strace
(only execve and exit are stopped at), which gives, from outside and without any hook in
sendreview: the time from its start to pandoc's start, pandoc's own time, and the time
from pandoc's end to sendreview's exit (for the PDF, split into pandoc's end → Typst's
start, Typst, and Typst's end → exit: Typst runs as a process of its own). Each is
printed beside pandoc alone converting the same Markdown with the same arguments,
filter, reference document and environment (recorded from a rendering in this process),
timed the same way in the same rounds, and as a ratio of it.

"warm": the review is unchanged since its last rendering (sendreview reuses that
rendering's Markdown). "changed": the review has changed since (its record is stale), so
it is checked and templated afresh (for follow-ups the chart is drawn too). "cold": a
fresh cache folder (XDG_CACHE_HOME) for every run, as on the first run after installing:
no record key yet. Every figure is the median of interleaved rounds.

Target: the PDF takes at most 2.5× the docx (untraced totals).

Before and after a change, on a machine that is not quiet: ``--against DIR`` runs another
copy of sendreview's source (e.g. ``git archive COMMIT | tar -x -C DIR``) with the same
Python, interleaved with this one, and prints its table first.

    .venv/bin/python bench/report.py [--runs 9] [--kind review|follow-up] [--against DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import BIN, ROOT, Process, keep, run, said, strace_missing, traced, verdict

FORMATS = ("docx", "pdf")
TEMPERATURES = ("warm", "changed", "cold")
PDF_TARGET = 2.5
CONSOLE = "import sys; from sendreview.cli import main; sys.exit(main())"
Command = tuple[list[str], dict[str, str], bytes]


def record_children(review: Path, kind: str, work: Path) -> dict[str, Command]:
    """What sendreview runs for each format (command, environment, input), taken from a
    rendering in this process, with the files each reads copied into ``work``: pandoc for
    "docx" and "pdf" (Markdown → Typst), and "typst", the PDF's own process."""
    from sendreview.report import convert, render_report

    seen: dict[str, Command] = {}
    real = convert.run_child

    def recording(command: list[str], what: str, seconds: float, env: Any, data: Any = b"") -> Any:
        fixed = list(command)
        if command[0].endswith("pandoc"):
            to = next(a for a in command if a.startswith("--to=")).removeprefix("--to=")
            name = "pdf" if to == "typst" else to
            for i, arg in enumerate(command):
                if arg.startswith("--resource-path="):  # images, in a folder gone after the run
                    images = shutil.copytree(arg.partition("=")[2], work / f"images-{name}")
                    fixed[i] = f"--resource-path={images}"
            if "-o" in fixed:
                fixed[fixed.index("-o") + 1] = str(work / f"alone.{name}")
        else:  # Typst: python -I -c SCRIPT main root out packages cache
            name = "typst"
            root = shutil.copytree(command[5], work / "typst")
            main, out = root / Path(command[4]).name, work / "alone.pdf"
            fixed[4:] = [
                str(main),
                str(root),
                str(out),
                *(str(root / Path(p).name) for p in command[7:]),
            ]
        seen[name] = (fixed, dict(env), bytes(data))
        return real(command, what, seconds, env, data)

    convert.run_child = recording
    try:
        render_report(review, list(FORMATS), kind=kind, output=work / "recorded", force=True)
    finally:
        convert.run_child = real
    return seen


def phases(procs: list[Process], fmt: str) -> dict[str, float]:
    """The times a user waits for in one traced run of `sendreview report`."""
    main = procs[0]
    pandoc = next(p for p in procs if p.call.split(",")[0].endswith('/pandoc"'))
    out = {
        "start → pandoc starts": pandoc.start - main.start,
        "pandoc, inside sendreview": pandoc.seconds,
        "pandoc ends → exit": main.end - pandoc.end,
    }
    if fmt == "pdf":
        typst = next(p for p in procs if "import sys, typst" in p.call)
        out["  pandoc ends → Typst starts"] = typst.start - pandoc.end
        out["  Typst (its own process)"] = typst.seconds
        out["  Typst ends → exit"] = main.end - typst.end
    out["total, traced"] = main.end - main.start
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--kind", default="review", choices=("review", "follow-up"))
    parser.add_argument("--against", type=Path, help="another copy of sendreview's source")
    args = parser.parse_args()
    versions = {"": None} if args.against is None else {"against ": args.against, "": None}
    missing = strace_missing()
    if missing:
        print(f"No times before and after pandoc: {missing}. Totals only.\n")
    with tempfile.TemporaryDirectory(prefix="sendreview-bench-") as tmp:
        work = Path(tmp)
        warm_cache = work / "cache"
        os.environ["XDG_CACHE_HOME"] = str(warm_cache)  # for the recording rendering too
        reviews = {}
        for version in versions:  # one copy each, so that the warm ones stay warm
            for temperature in TEMPERATURES:
                reviews[version + temperature] = shutil.copytree(
                    ROOT / "examples" / "riverside-primary",
                    work / f"{version}{temperature}".replace(" ", "-") / "riverside-primary",
                    ignore=shutil.ignore_patterns("build"),
                )
        children = record_children(reviews["warm"], args.kind, work)

        def sendreview(
            temperature: str, fmt: str, version: str = ""
        ) -> tuple[list[str], dict[str, str]]:
            env = dict(os.environ)
            if temperature == "cold":
                env["XDG_CACHE_HOME"] = tempfile.mkdtemp(dir=work, prefix="cache-")
            if temperature == "changed":  # as good as an edit: the record no longer matches
                for record in reviews[version + temperature].glob("build/.sendreview-cache/*"):
                    record.unlink()
            command = [str(BIN / "sendreview")]
            tree = versions[version]
            if tree is not None:  # as its console script would run it
                env["PYTHONPATH"] = str(tree.resolve())
                command = [sys.executable, "-P", "-c", CONSOLE]  # -P: not the cwd's copy
            review = reviews[version + temperature]
            out = review.parent / "out"
            command += ["report", str(review), "-o", str(out), "--force", "--kind", args.kind]
            return [*command, "-f", fmt], env

        times: dict[str, list[float]] = {}

        def add(name: str, value: float) -> None:
            times.setdefault(name, []).append(value)

        log = work / "strace.log"

        def start() -> None:
            add("python -I -c pass", run([sys.executable, "-I", "-c", "pass"]))
            # parsed by typer and refused before any work: the command line's own start
            refused = sendreview("warm", "rtf")[0]
            add("sendreview report, arguments refused", run(refused, check=False))

        def alone(name: str) -> None:  # timed as inside sendreview, and untraced
            command, env, data = children[name]
            if not missing:
                add(f"alone {name}", traced(command, log, env, data)[0].seconds)
            add(f"alone {name}, untraced", run(command, env, data=data))

        def ours(temperature: str, fmt: str, version: str) -> None:
            column = f"{version}{fmt} {temperature}"
            command, env = sendreview(temperature, fmt, version)
            add(f"{column}: total, untraced", run(command, env))
            if not missing:
                command, env = sendreview(temperature, fmt, version)
                for name, value in phases(traced(command, log, env), fmt).items():
                    add(f"{column}: {name}", value)

        measures: list[Callable[[], None]] = [start, partial(alone, "typst")]
        for fmt in FORMATS:
            measures.append(partial(alone, fmt))
            for version in versions:
                measures += [partial(ours, t, fmt, version) for t in TEMPERATURES]
        for version in versions:  # the first warm records, and the file cache
            run(*sendreview("warm", "docx", version))
        load = os.getloadavg()
        for _ in range(args.runs):  # interleaved, so every figure sees the same machine
            for measure in measures:
                measure()
    median = {name: statistics.median(values) for name, values in times.items()}
    for version, tree in versions.items():
        if args.against:
            print(f"{tree or 'this copy'}:")
        print(_table(median, args.runs, args.kind, version) + "\n")
    print(_references(median))
    print(
        f"load average before and after: {load[0]:.2f}, {os.getloadavg()[0]:.2f} "
        f"({os.cpu_count()} processors; figures are only comparable on a quiet machine)"
    )
    ratios = [
        median[f"pdf {t}: total, untraced"] / median[f"docx {t}: total, untraced"]
        for t in TEMPERATURES
    ]
    results = [
        verdict(f"pdf / docx ({t})", ratio, PDF_TARGET)
        for t, ratio in zip(TEMPERATURES, ratios, strict=True)
    ]
    if not args.against and args.kind == "review":
        _keep(median, ratios, all(results), missing is None)
    sys.exit(0 if all(results) else 1)


def _keep(median: dict[str, float], ratios: list[float], met: bool, phased: bool) -> None:
    """The figures the README shows (bench/results/report.json)."""
    ms = {name: f"{value * 1000:.0f} ms" for name, value in median.items()}
    row = (
        "PDF vs docx of the bundled review, whole `sendreview report` runs",
        f"≤ {PDF_TARGET}×",
        said(
            f"{ratios[0]:.2f}×",
            met,
            f"{ratios[1]:.2f}× after a change, {ratios[2]:.2f}× on a first run",
        ),
    )
    notes = []
    if phased:
        pandoc = median["alone docx"]
        notes += [
            "| `--format docx` | unchanged | changed | first run |",
            "| --- | --- | --- | --- |",
        ]
        for phase in ("start → pandoc starts", "pandoc ends → exit"):
            cells = [
                f"{ms[f'docx {t}: {phase}']} ({median[f'docx {t}: {phase}'] / pandoc:.2f}×)"
                for t in TEMPERATURES
            ]
            notes.append(f"| {phase} | " + " | ".join(cells) + " |")
        notes += [
            "",
            f"pandoc alone, Markdown → docx: {ms['alone docx']}. For the PDF, start → pandoc "
            f"starts: {', '.join(ms[f'pdf {t}: start → pandoc starts'] for t in TEMPERATURES)}; "
            f"Typst, its own process: {ms['pdf warm:   Typst (its own process)']} traced, "
            f"{ms['alone typst, untraced']} alone and untraced; Typst ends → exit: "
            f"{ms['pdf warm:   Typst ends → exit']}. `sendreview report` with arguments it "
            f"refuses: {ms['sendreview report, arguments refused']}; a bare Python start: "
            f"{ms['python -I -c pass']}.",
        ]
    keep("report", [row], tuple(notes))


def _table(median: dict[str, float], runs: int, kind: str, version: str) -> str:
    columns = [f"{version}{fmt} {t}" for fmt in FORMATS for t in TEMPERATURES]
    rows = []
    for name in median:
        column, _, row = name.partition(": ")
        if column in columns and row not in rows:
            rows.append(row)
    rows.sort(key=lambda r: r.startswith("total"))
    width = max(len(r) for r in rows) + 2
    lines = [
        f"sendreview report --kind {kind}: medians of {runs} rounds; × = over pandoc alone "
        "on the same Markdown, timed the same way (traced, or not)",
        "".ljust(width) + "".join(c.removeprefix(version).rjust(16) for c in columns),
    ]
    for row in rows:
        cells = []
        for column in columns:
            value = median.get(f"{column}: {row}")
            fmt = column.removeprefix(version).split()[0]
            alone = median.get(f"alone {fmt}") if row != "total, untraced" else None
            alone = alone or median[f"alone {fmt}, untraced"]
            cells.append(
                f"{value * 1000:5.0f} ms {value / alone:4.2f}×" if value is not None else ""
            )
        lines.append(row.ljust(width) + "".join(c.rjust(16) for c in cells))
    return "\n".join(lines)


def _references(median: dict[str, float]) -> str:
    lines = []
    for name, what in (
        ("docx", "pandoc alone, Markdown → docx"),
        ("pdf", "pandoc alone, Markdown → Typst"),
        ("typst", "Typst alone, the same process on the same .typ"),
    ):
        traced_time = median.get(f"alone {name}")
        said = f"{traced_time * 1000:.0f} ms traced, " if traced_time else ""
        lines.append(f"{what}: {said}{median[f'alone {name}, untraced'] * 1000:.0f} ms untraced")
    for name in ("python -I -c pass", "sendreview report, arguments refused"):
        lines.append(f"{name}: {median[name] * 1000:.0f} ms")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
