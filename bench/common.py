"""What the benchmarks share: the yardstick typer app, timing a command, and timing the
programs a command runs (pandoc, Typst) from outside, with strace."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

MINIMAL_APP = """
import typer

app = typer.Typer()


@app.command()
def hello(name: str) -> None:
    print(f"Hello {name}")


app()
"""


def verdict(name: str, ratio: float, target: float, *, at_least: bool = False) -> bool:
    """Print how ``ratio`` compares with ``target`` (a ceiling, or with ``at_least`` a
    floor); True when the target is met."""
    met = ratio >= target if at_least else ratio <= target
    sign = "≥" if at_least else "≤"
    print(f"{name}: {ratio:.2f} (target {sign} {target}): {'ok' if met else 'MISSED'}")
    return met


RESULTS = Path(__file__).resolve().parent / "results"


def said(figure: str, met: bool, detail: str) -> str:
    """A measured figure for the README's table, marked when it misses its target."""
    return f"**{figure}** ({detail})" if met else f"**missed: {figure}** ({detail})"


def keep(script: str, rows: list[tuple[str, str, str]], notes: tuple[str, ...] = ()) -> None:
    """Write this run's figures to bench/results/<script>.json: (benchmark, target,
    measured) rows for the README's speed table, and lines of figures without a target.
    The README's speed section is made from these files (tools/gen_speed_table.py), so
    that what it says is what the benchmarks printed last."""
    import json

    RESULTS.mkdir(exist_ok=True)
    command = " ".join([f"bench/{script}.py", *sys.argv[1:]])
    data = {"command": command, "rows": rows, "notes": list(notes)}
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    (RESULTS / f"{script}.json").write_text(text, encoding="utf-8")


@dataclass(frozen=True)
class Cost:
    """What one run of a command cost: wall time, CPU time (its own and that of every
    process it waited for) and the largest resident memory of any one of them."""

    wall: float
    cpu: float
    peak_mib: float


def measure(command: list[str], cwd: Path | None = None, ok: tuple[int, ...] = (0,)) -> Cost:
    """Run ``command`` (its exit code one of ``ok``) and say what it cost."""
    import tempfile

    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)  # this child's own figures, not all's
        wall = time.perf_counter() - start
        child.returncode = code = os.waitstatus_to_exitcode(status)
        if code not in ok:
            out.seek(0)
            sys.exit(f"{command[0]} failed ({code}):\n{out.read()[-3000:].decode()}")
    cpu = usage.ru_utime + usage.ru_stime
    return Cost(wall, cpu, usage.ru_maxrss / 1024)  # ru_maxrss is in KiB on Linux


def run(
    command: list[str], env: dict[str, str] | None = None, check: bool = True, data: bytes = b""
) -> float:
    """Wall time of one run of ``command`` (which must succeed, if ``check``)."""
    start = time.perf_counter()
    subprocess.run(command, input=data or None, check=check, capture_output=True, env=env)
    return time.perf_counter() - start


# Only these two system calls are stopped at (with seccomp-bpf where the kernel has it),
# so the traced program runs at nearly its own speed; the table shows what is left.
STRACE = ["strace", "-f", "-ttt", "-s", "80", "-e", "trace=execve,exit_group"]


def strace_missing() -> str | None:
    """Why processes cannot be timed from outside here, or None when they can."""
    if not shutil.which("strace"):
        return "strace is not installed (apt-get install strace)"
    probe = subprocess.run(
        [*STRACE, "--seccomp-bpf", "-o", os.devnull, sys.executable, "-c", "pass"],
        capture_output=True,
        check=False,
    )
    if probe.returncode != 0:  # ptrace refused (a container without CAP_SYS_PTRACE)
        return "strace cannot trace here: " + probe.stderr.decode(errors="replace").strip()
    return None


@dataclass(frozen=True)
class Process:
    """One program a traced command ran: its execve call, as strace shows it, and when it
    started and ended (seconds since the epoch)."""

    call: str
    start: float
    end: float

    @property
    def seconds(self) -> float:
        return self.end - self.start


_LINE = re.compile(r"(\d+) +(\d+\.\d+) (.*)")


def processes(log: str) -> list[Process]:
    """The programs in an ``strace -f -ttt`` log, in the order they started."""
    calls: dict[int, tuple[str, float]] = {}  # pid: the execve under way or done
    started: dict[int, tuple[str, float]] = {}
    ended: dict[int, float] = {}
    for line in log.splitlines():
        match = _LINE.match(line)
        if not match:
            continue
        pid, at, rest = int(match[1]), float(match[2]), match[3]
        if rest.startswith("execve("):
            calls[pid] = (rest, at)
        if rest.startswith(("execve(", "<... execve resumed>")) and pid in calls:
            if rest.rstrip().endswith("= 0"):
                started[pid] = calls.pop(pid)
            elif "<unfinished ...>" not in rest:
                calls.pop(pid)  # failed: the path was not there
        elif rest.startswith("+++ ") and pid in started:
            ended[pid] = at  # a process's last thread has gone
    return [
        Process(call, start, ended[pid])
        for pid, (call, start) in sorted(started.items(), key=lambda item: item[1][1])
        if pid in ended
    ]


def traced(
    command: list[str], log: Path, env: dict[str, str] | None = None, data: bytes = b""
) -> list[Process]:
    """Run ``command`` (which must succeed) under strace; the programs it ran, itself first."""
    subprocess.run(
        [*STRACE, "--seccomp-bpf", "-o", str(log), *command],
        input=data,
        check=True,
        capture_output=True,
        env=env,
    )
    return processes(log.read_text(encoding="utf-8", errors="replace"))
