"""Benchmark: `sendreview report --all` over 100 reviews to docx, in one process against
one per core, and what each report costs beyond pandoc's own conversion.

The reviews are the two examples copied with their schools renamed (as
bench/validate_portfolio.py makes them). Every run is cold: the reports and the record of
the last rendering are removed from each review's build/ folder, and the run has a fresh
cache folder (XDG_CACHE_HOME), so every review is checked, templated and converted.

pandoc alone is the same pandoc command sendreview runs for one review's docx (arguments,
Lua filter, reference document, environment, recorded from a rendering in this process,
as bench/report.py records it), on that review's Markdown, timed in every round; its
median over the two kinds of review is the yardstick for "beyond pandoc", in CPU time
(which the machine's other work changes little) and in wall time.

Target: `-j 2` at least 1.7× faster than `-j 1` (wall), on a machine with two cores.

    .venv/bin/python bench/batch_reports.py [--reviews 100] [--rounds 2]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import BIN, Cost, keep, measure, run, said, verdict
from bench.report import record_children
from bench.validate_portfolio import build_portfolio

SPEEDUP_TARGET = 1.7


def _cold(portfolio: Path, work: Path) -> dict[str, str]:
    """Every review as if never rendered; the environment of a first run."""
    for build in portfolio.glob("*/*/build"):
        shutil.rmtree(build)
    return {**os.environ, "XDG_CACHE_HOME": tempfile.mkdtemp(dir=work, prefix="cache-")}


def _texts(portfolio: Path) -> dict[str, list[str]]:
    """What each Word file says, by file: to check both runs wrote the same reports."""
    import docx

    return {
        str(p.relative_to(portfolio)): [para.text for para in docx.Document(str(p)).paragraphs]
        for p in sorted(portfolio.glob("*/*/build/*.docx"))
    }


Command = tuple[list[str], dict[str, str], bytes]


def _pandoc_commands(sources: list[Path], work: Path) -> list[Command]:
    """The pandoc command sendreview runs for each review's docx, recorded."""
    commands = []
    for i, review in enumerate(sources):
        seen = work / f"recorded-{i}"
        seen.mkdir()
        commands.append(record_children(review, "review", seen)["docx"])
    return commands


def _pandoc_alone(commands: list[Command], runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU times of pandoc alone turning one review's Markdown into docx."""
    walls, cpus = [], []
    for _ in range(runs):
        for command, env, data in commands:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            walls.append(run(command, env, data=data))
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return walls, cpus


SPIN = "x = 0\nfor i in range(20_000_000):\n    x += i\n"


def _ceiling(jobs: int) -> float:
    """What running ``jobs`` processes at once gains on this machine now: a bare loop
    of Python, ``jobs`` times one after another against all at once (wall). Other people's
    work on a shared machine shows here first."""
    command = [sys.executable, "-I", "-c", SPIN]
    start = time.perf_counter()
    for _ in range(jobs):
        subprocess.run(command, check=True)
    serial = time.perf_counter() - start
    start = time.perf_counter()
    children = [subprocess.Popen(command) for _ in range(jobs)]
    for child in children:
        child.wait()
    return serial / (time.perf_counter() - start)


def main() -> None:
    from sendreview.validation.run import default_jobs

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reviews", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    cores = default_jobs()
    jobs = max(cores, 2)
    with tempfile.TemporaryDirectory(prefix="sendreview-bench-") as tmp:
        work = Path(tmp)
        workspaces = build_portfolio(work, args.reviews)
        portfolio = work / "portfolio"
        os.environ["XDG_CACHE_HOME"] = str(work / "cache")  # the recording's own
        commands = _pandoc_commands(workspaces[:2], work)
        pandoc: tuple[list[float], list[float]] = ([], [])
        sendreview = [str(BIN / "sendreview"), "report", "portfolio", "--all", "-f", "docx"]
        best: dict[int, Cost] = {}
        texts: dict[int, dict[str, list[str]]] = {}
        ceilings = []
        load = os.getloadavg()
        for _ in range(args.rounds):  # alternate, and keep each side's best round
            ceilings.append(_ceiling(jobs))
            walls, cpus = _pandoc_alone(commands, 3)
            pandoc[0].extend(walls)
            pandoc[1].extend(cpus)
            for j in (1, jobs):
                env = _cold(portfolio, work)
                cost = _measure([*sendreview, "-j", str(j)], work, env)
                if j not in best or cost.wall < best[j].wall:
                    best[j] = cost
                texts[j] = _texts(portfolio)
        load_after = os.getloadavg()
    same = texts[1] == texts[jobs] and len(texts[1]) == args.reviews
    serial, parallel = best[1], best[jobs]
    ceiling = max(ceilings)
    pandoc_wall, pandoc_cpu = statistics.median(pandoc[0]), statistics.median(pandoc[1])
    wall, cpu = serial.wall / args.reviews, serial.cpu / args.reviews
    beyond_wall, beyond_cpu = (wall - pandoc_wall) / pandoc_wall, (cpu - pandoc_cpu) / pandoc_cpu
    print(f"report --all -f docx: {args.reviews} reviews, cold; {cores} cores")
    print(f"{'':34}{'wall':>8}{'CPU':>8}{'peak RSS':>11}")
    for label, cost in (("-j 1", serial), (f"-j {jobs}", parallel)):
        print(
            f"{'sendreview report --all ' + label:34}{cost.wall:7.1f}s{cost.cpu:7.1f}s"
            f"{cost.peak_mib:7.0f} MiB"
        )
    print(
        f"per report at -j 1: {wall * 1000:.0f} ms wall, {cpu * 1000:.0f} ms CPU; pandoc "
        f"alone, Markdown → docx: {pandoc_wall * 1000:.0f} ms wall, {pandoc_cpu * 1000:.0f} ms "
        f"CPU; beyond pandoc: {beyond_wall:.2f}× pandoc's wall time, {beyond_cpu:.2f}× its CPU"
    )
    print(
        f"load average before and after: {load[0]:.2f}, {load_after[0]:.2f}; a bare Python "
        f"loop gains {ceiling:.2f}× from {jobs} processes at once here now (best of rounds)"
    )
    print(f"-j {jobs} wrote what -j 1 wrote: {'ok' if same else 'MISSED'}")
    rows = []
    met = [same]
    if cores >= 2:
        speedup = serial.wall / parallel.wall
        met.append(verdict(f"-j 1 / -j {jobs}, wall", speedup, SPEEDUP_TARGET, at_least=True))
        rows.append(
            (
                f"`sendreview report --all -f docx` of {args.reviews} reviews, cold: wall of "
                f"`-j 1` vs `-j {jobs}` (the reports the same: {'yes' if same else 'NO'}; "
                f"a bare Python loop gained {ceiling:.2f}× on this machine in the same run)",
                f"≥ {SPEEDUP_TARGET}×",
                said(f"{speedup:.2f}×", met[-1], f"{serial.wall:.1f} s vs {parallel.wall:.1f} s"),
            )
        )
    else:
        print("-j 1 / -j N: not measured, this machine lets us use one core")
    notes = (
        f"`report --all` to docx, per report at `-j 1`: {cpu * 1000:.0f} ms CPU, of which "
        f"pandoc alone on the same Markdown takes {pandoc_cpu * 1000:.0f} ms: the rest "
        f"(checking, templating, Word's post-processing, writing) costs {beyond_cpu:.2f}× "
        f"pandoc's CPU time. In wall time, {wall * 1000:.0f} ms against pandoc's "
        f"{pandoc_wall * 1000:.0f} ms ({beyond_wall:.2f}×; wall times on a busy machine "
        "move with everyone else's work, CPU times much less).",
    )
    keep("batch_reports", rows, notes)
    sys.exit(0 if all(met) else 1)


def _measure(command: list[str], cwd: Path, env: dict[str, str]) -> Cost:
    """``measure`` with an environment of its own (a fresh cache folder)."""
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    try:
        return measure(command, cwd, ok=(0,))
    finally:
        os.environ.clear()
        os.environ.update(saved)


if __name__ == "__main__":
    main()
