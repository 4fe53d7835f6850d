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
rendering's Markdown). "cold": a fresh cache folder (XDG_CACHE_HOME) for every run, as on
the first run after installing, and as after any change to the review: it is checked and
templated afresh (and for follow-ups the chart is drawn, with matplotlib's font cache
built anew). Every figure is the median of interleaved rounds.

Target: the PDF takes at most 2.5× the docx (untraced totals).

    .venv/bin/python bench/report.py [--runs 9] [--kind review|follow-up]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import BIN, ROOT, Process, run, strace_missing, traced, verdict

FORMATS = ("docx", "pdf")
TEMPERATURES = ("warm", "cold")
PDF_TARGET = 2.5
Command = tuple[list[str], dict[str, str], bytes]


def record_pandoc(review: Path, kind: str, work: Path) -> dict[str, Command]:
    """The pandoc command, environment and input sendreview uses for each format, taken
    from a rendering in this process; its working paths moved to ``work``."""
    from sendreview.report import convert, render_report

    seen: list[Command] = []
    real = convert.run_child

    def recording(command: list[str], what: str, seconds: float, env: Any, data: Any = b"") -> Any:
        seen.append((list(command), dict(env), bytes(data)))
        return real(command, what, seconds, env, data)

    convert.run_child = recording
    try:
        render_report(review, list(FORMATS), kind=kind, output=work / "recorded", force=True)
    finally:
        convert.run_child = real
    commands = {}
    for command, env, data in seen:
        if not command[0].endswith("pandoc"):
            continue  # Typst's own process
        fmt = next(a for a in command if a.startswith("--to=")).removeprefix("--to=")
        fixed = []
        for arg in command:
            if arg.startswith("--resource-path="):  # images, in a folder gone with the run
                arg = "--resource-path=" + str(work / "images")
            fixed.append(arg)
        if "-o" in fixed:
            fixed[fixed.index("-o") + 1] = str(work / f"pandoc-alone.{fmt}")
        commands["pdf" if fmt == "typst" else fmt] = (fixed, env, data)
    images = next(iter(review.glob("build/.sendreview-cache/*.json")), None)
    if images is not None:  # the record holds the images; pandoc alone needs them on disk
        _images(images, work / "images")
    return commands


def _images(record: Path, folder: Path) -> None:
    import base64
    import json

    folder.mkdir(exist_ok=True)
    for name, data in json.loads(record.read_text(encoding="utf-8")).get("images", []):
        (folder / name).write_bytes(base64.b64decode(data))


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
        out["  Typst (a process of its own)"] = typst.seconds
        out["  Typst ends → exit"] = main.end - typst.end
    out["total, traced"] = main.end - main.start
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--kind", default="review", choices=("review", "follow-up"))
    args = parser.parse_args()
    missing = strace_missing()
    if missing:
        print(f"No times before and after pandoc: {missing}. Totals only.\n")
    with tempfile.TemporaryDirectory(prefix="sendreview-bench-") as tmp:
        work = Path(tmp)
        warm_cache = work / "cache"
        os.environ["XDG_CACHE_HOME"] = str(warm_cache)  # for the recording rendering too
        reviews = {}
        for temperature in TEMPERATURES:  # one copy each, so the warm one stays warm
            reviews[temperature] = work / temperature / "riverside-primary"
            shutil.copytree(
                ROOT / "examples" / "riverside-primary",
                reviews[temperature],
                ignore=shutil.ignore_patterns("build"),
            )
        pandoc = record_pandoc(reviews["warm"], args.kind, work)

        def sendreview(temperature: str, fmt: str) -> tuple[list[str], dict[str, str]]:
            env = dict(os.environ)
            if temperature == "cold":
                env["XDG_CACHE_HOME"] = tempfile.mkdtemp(dir=work, prefix="cache-")
            review = reviews[temperature]
            out = work / temperature / "out"
            command = [str(BIN / "sendreview"), "report", str(review), "-o", str(out)]
            return [*command, "--force", "--kind", args.kind, "-f", fmt], env

        times: dict[str, list[float]] = {}

        def add(name: str, value: float) -> None:
            times.setdefault(name, []).append(value)

        log = work / "strace.log"

        def start() -> None:
            add("python -I -c pass", run([sys.executable, "-I", "-c", "pass"]))
            # parsed by typer and refused before any work: the command line's own start
            refused = sendreview("warm", "rtf")[0]
            add("sendreview report, arguments refused", run(refused, check=False))

        def alone(fmt: str) -> None:
            command, env, data = pandoc[fmt]
            if missing:
                add(fmt, run(command, env, data=data))
            else:
                add(fmt, traced(command, log, env, data)[0].seconds)

        def ours(temperature: str, fmt: str) -> None:
            column = f"{fmt} {temperature}"
            command, env = sendreview(temperature, fmt)
            add(f"{column}: total, untraced", run(command, env))
            if not missing:
                command, env = sendreview(temperature, fmt)
                for name, value in phases(traced(command, log, env), fmt).items():
                    add(f"{column}: {name}", value)

        measures = [start]
        for fmt in FORMATS:
            measures.append(partial(alone, fmt))
            measures += [partial(ours, temperature, fmt) for temperature in TEMPERATURES]
        run([*sendreview("warm", "docx")[0]])  # the first warm record, and the file cache
        for _ in range(args.runs):  # interleaved, so every figure sees the same machine
            for measure in measures:
                measure()
    median = {name: statistics.median(values) for name, values in times.items()}
    print(_table(median, args.runs, args.kind))
    results = [
        verdict(
            f"pdf / docx ({t})",
            median[f"pdf {t}: total, untraced"] / median[f"docx {t}: total, untraced"],
            PDF_TARGET,
        )
        for t in TEMPERATURES
    ]
    sys.exit(0 if all(results) else 1)


def _table(median: dict[str, float], runs: int, kind: str) -> str:
    columns = [f"{fmt} {t}" for fmt in FORMATS for t in TEMPERATURES]
    rows = []
    for name in median:
        column, _, row = name.partition(": ")
        if column in columns and row not in rows:
            rows.append(row)
    rows.sort(key=lambda r: r.startswith("total"))
    width = max(len(r) for r in rows) + 2
    lines = [
        f"`sendreview report --kind {kind}`, medians of {runs} rounds; "
        "× = the time over pandoc alone's for that format",
        "".ljust(width) + "".join(c.rjust(17) for c in columns),
    ]
    for row in rows:
        cells = []
        for column in columns:
            value = median.get(f"{column}: {row}")
            alone = median[column.split()[0]]
            cells.append(
                f"{value * 1000:6.0f} ms {value / alone:5.2f}×" if value is not None else ""
            )
        lines.append(row.ljust(width) + "".join(c.rjust(17) for c in cells))
    lines.append("")
    for name in ("docx", "pdf"):
        what = "Markdown → docx" if name == "docx" else "Markdown → Typst (the PDF's first step)"
        lines.append(f"pandoc alone, {what}: {median[name] * 1000:.0f} ms")
    for name in ("python -I -c pass", "sendreview report, arguments refused"):
        lines.append(f"{name}: {median[name] * 1000:.0f} ms")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
