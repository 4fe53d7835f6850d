"""Running fuzz cases: the worker process, the checks every case must pass, and the figures.

One worker process (tests/fuzz/worker.py) runs every case in-process, so a case costs a few
milliseconds instead of a fresh interpreter's startup. The worker is watched: a case that
runs past the time limit is killed (faulthandler first dumps where it hung), and a worker
that dies (segfault, the memory cap, a hang) is a finding and is started again.

Every case must: exit 0 or 1; print no traceback; print only diagnostics that carry a
location (see ``NO_LINE_OK`` for the few that legitimately have none); exit 1 exactly when
an error diagnostic is printed; finish within ``TIME_LIMIT`` under ``MEM_LIMIT``.
"""

from __future__ import annotations

import json
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
BASES = {
    "riverside": ROOT / "examples" / "riverside-primary",
    "brookfield": ROOT / "examples" / "brookfield-school",
    "base": ROOT / "tests" / "cases" / "base",
}
LONG = os.environ.get("SENDREVIEW_FUZZ", "").lower() == "long"
TIME_LIMIT = float(os.environ.get("SENDREVIEW_FUZZ_TIME_LIMIT", "5"))
MEM_LIMIT = int(1.5 * 2**30)  # RLIMIT_AS of the worker: address space, not just RSS
FINDINGS_LOG = Path(
    os.environ.get("SENDREVIEW_FUZZ_FINDINGS", Path(tempfile.gettempdir()) / "fuzz-findings.jsonl")
)
REPRO_DIR = Path(tempfile.gettempdir()) / "sendreview-fuzz-repro"

# Diagnostics that may lack a line: they are about a whole file or folder, not a place in one.
NO_LINE_OK = {
    "SR100": "no review.yaml: the folder given is not a review; there is no file to point into",
    "SR101": "the file cannot be read at all (a folder, a FIFO, a dangling link): no text",
    "SR109": "the file is missing: there is no line to point to",
    "SR110": "the file is too large to read: it is refused before any line is known",
    "SR113": "the file is a link leading outside the review: refused unread, so no line",
}
_TEXT_LINE = re.compile(r"^\S.*?(?::\d+:\d+)?: (error|warning|info) SR\d{3} ")
_FRAME = re.compile(r'File "([^"]+)", line (\d+), in (\S+)')


@dataclass
class Outcome:
    code: int | str | None  # None: killed or died
    out: str = ""
    err: str = ""
    secs: float = 0.0
    rss_kb: int = 0
    crash: str | None = None
    died: str | None = None  # why the worker is gone: "hang", "signal 9"...
    stack: str = ""  # faulthandler's dump, or the worker log's tail


class Worker:
    """The long-lived worker subprocess; restarted whenever it dies."""

    def __init__(self, scratch: Path, time_limit: float = TIME_LIMIT) -> None:
        self.scratch = scratch
        self.time_limit = time_limit
        self.proc: subprocess.Popen[bytes] | None = None
        self.restarts = 0
        self.log = scratch / "worker.log"
        self.hang_log = scratch / "hang.log"
        self.tmp = scratch / "tmp"
        self.tmp.mkdir(exist_ok=True)

    def start(self) -> None:
        env = dict(
            os.environ,
            FUZZ_WORKER_LOG=str(self.log),
            FUZZ_HANG_LOG=str(self.hang_log),
            FUZZ_TIME_LIMIT=str(self.time_limit),
            FUZZ_MEM_LIMIT=str(MEM_LIMIT),
            TMPDIR=str(self.tmp),  # crash logs land here, where the worker collects them
            NO_COLOR="1",
            COLUMNS="100",
            LC_ALL="C.UTF-8",
            PYTHONDONTWRITEBYTECODE="1",
        )
        self.proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("worker.py"))],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=self.scratch,
            env=env,
        )
        line = self._readline(60)
        if line is None or not json.loads(line).get("ready"):
            raise RuntimeError(f"fuzz worker did not start: {self.log.read_text()[-2000:]}")

    def _readline(self, timeout: float) -> bytes | None:
        assert self.proc is not None and self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        buf = b""
        deadline = time.monotonic() + timeout
        while not buf.endswith(b"\n"):
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                return None
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                return None
            buf += chunk
        return buf

    def run(self, args: list[str], **selftest: float) -> Outcome:
        if self.proc is None or self.proc.poll() is not None:
            if self.proc is not None:
                self.restarts += 1
            self.start()
        assert self.proc is not None and self.proc.stdin is not None
        self.hang_log.write_text("")
        start = time.perf_counter()
        self.proc.stdin.write(json.dumps({"args": args, **selftest}).encode() + b"\n")
        self.proc.stdin.flush()
        line = self._readline(self.time_limit + 5)
        if line is not None:
            return Outcome(**json.loads(line))
        secs = time.perf_counter() - start
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        rc = self.proc.wait()
        stack = self.hang_log.read_text(errors="replace")
        if "Timeout (" in stack or secs >= self.time_limit:
            died = "hang"
        else:  # faulthandler's dump of a fatal signal, if any, then the worker's own output
            died = f"exit {rc}" if rc >= 0 else f"signal {-rc}"
            stack += self.log.read_text(errors="replace")[-3000:]
        self.proc = None
        self.restarts += 1
        return Outcome(None, secs=secs, died=died, stack=stack)

    def close(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def _innermost(trace: str) -> str:
    """The innermost sendreview frame of a traceback."""
    frames = [m for m in _FRAME.finditer(trace) if "/sendreview/" in m.group(1)]
    if not frames:
        frames = list(_FRAME.finditer(trace))
    if not frames:
        return "?"
    path, line, func = frames[-1].groups()
    return f"{path.split('/sendreview/')[-1]}:{line} {func}"


def _dump_frame(stack: str) -> str:
    """faulthandler lists the innermost call first: take the first sendreview frame."""
    for m in re.finditer(r'File "([^"]+)", line (\d+) in (\S+)', stack):
        if "/sendreview/" in m.group(1):
            return f"{m.group(1).split('/sendreview/')[-1]}:{m.group(2)} {m.group(3)}"
    return "?"


def _exception(trace: str) -> str:
    lines = [s for s in trace.strip().splitlines() if s and not s.startswith(" ")]
    return lines[-1][:120] if lines else "?"


def _lines_in(path: Path) -> int | None:
    try:
        if path.is_symlink() or not path.is_file():
            return None
        raw = path.read_bytes()
    except (OSError, ValueError):
        return None
    text = raw.decode("utf-8", "replace")
    return max(raw.count(b"\n"), raw.count(b"\r"), len(text.splitlines())) + 1


def check(outcome: Outcome, case: str, fmt: str) -> list[tuple[str, str]]:
    """(signature, detail) for every rule the outcome breaks; empty when it is fine."""
    bad: list[tuple[str, str]] = []
    if outcome.died == "hang":
        return [
            (f"hang (> {TIME_LIMIT:g} s) at {_dump_frame(outcome.stack)}", outcome.stack[:1500])
        ]
    if outcome.died:
        return [(f"worker died ({outcome.died})", outcome.stack[-1500:])]
    if outcome.crash or outcome.code == 3:
        trace = outcome.crash or outcome.err
        sig = f"exit {outcome.code}: {_exception(trace)} at {_innermost(trace)}"
        bad.append((re.sub(r"'[^']*'", "'…'", sig), trace[-2500:]))
    elif outcome.code not in (0, 1):
        bad.append((f"exit {outcome.code}", outcome.err[-1500:]))
    if "Traceback" in outcome.out or "Traceback" in outcome.err:
        bad.append(("traceback in output", (outcome.out + outcome.err)[-1500:]))
    if outcome.secs > TIME_LIMIT:
        bad.append((f"slower than {TIME_LIMIT:g} s", f"{outcome.secs:.2f} s"))
    if outcome.code not in (0, 1):
        return bad
    if fmt == "json":
        bad += _check_json(outcome, case)
    else:
        for line in outcome.out.splitlines():
            if not (_TEXT_LINE.match(line) or line.startswith("    hint: ")):
                bad.append(("text output line without a location", repr(line)[:300]))
                break
    return bad


def _check_json(outcome: Outcome, case: str) -> list[tuple[str, str]]:
    bad: list[tuple[str, str]] = []
    errors = 0
    for raw in outcome.out.splitlines():
        try:
            d: dict[str, Any] = json.loads(raw)
        except ValueError:
            bad.append(("stdout line is not JSON", raw[:300]))
            continue
        code = d.get("code")
        errors += d.get("severity") == "error"
        path, line, col = d.get("path"), d.get("line"), d.get("col")
        if not isinstance(path, str) or not (path == case or path.startswith(case + "/")):
            bad.append((f"{code}: path outside the review", raw[:300]))
        if line is None:
            if code not in NO_LINE_OK:
                bad.append((f"{code}: diagnostic without a line", raw[:400]))
            continue
        if not (isinstance(line, int) and line >= 1 and isinstance(col, int) and col >= 1):
            bad.append((f"{code}: bad line/col", raw[:300]))
            continue
        count = _lines_in(Path(path)) if isinstance(path, str) else None
        if count is not None and line > count:
            bad.append((f"{code}: line past the end of the file", f"{count} lines: {raw[:300]}"))
    if (outcome.code == 1) != (errors > 0):
        what = "exit 1 without an error diagnostic" if errors == 0 else "errors but exit 0"
        bad.append((what, (outcome.err + outcome.out)[-800:]))
    return bad


@dataclass
class Finding:
    signature: str
    detail: str
    description: str
    count: int = 0
    repro: str | None = None


@dataclass
class Stats:
    cases: int = 0
    runs: int = 0
    codes: Counter[str] = field(default_factory=Counter)
    times: list[float] = field(default_factory=list)
    peak_rss_kb: int = 0
    diagnostics: Counter[str] = field(default_factory=Counter)
    findings: dict[str, Finding] = field(default_factory=dict)
    started: float = field(default_factory=time.monotonic)

    def record(self, outcome: Outcome) -> None:
        self.runs += 1
        self.codes[str(outcome.code if outcome.died is None else outcome.died)] += 1
        self.times.append(outcome.secs)
        self.peak_rss_kb = max(self.peak_rss_kb, outcome.rss_kb)

    def note(self, signature: str, detail: str, description: str) -> Finding | None:
        """Record a finding; returns it when it is new (the caller keeps its case folder)."""
        finding = self.findings.get(signature)
        new = finding is None
        if finding is None:
            finding = self.findings[signature] = Finding(signature, detail, description)
        finding.count += 1
        return finding if new else None

    def keep(self, new: list[Finding], case_dir: Path) -> None:
        """Keep a case folder as the reproducer of new findings, and log them."""
        REPRO_DIR.mkdir(exist_ok=True)
        target = REPRO_DIR / f"{os.getpid()}-{len(self.findings):03d}"
        if target.exists():
            shutil.rmtree(target)
        case_dir.rename(target)  # a rename: a FIFO in the case is never opened
        with FINDINGS_LOG.open("a", encoding="utf-8") as f:
            for finding in new:
                finding.repro = str(target)
                entry = {"signature": finding.signature, "case": finding.description}
                entry |= {"detail": finding.detail, "repro": str(target)}
                f.write(json.dumps(entry, ensure_ascii=False) + "\n")

    def summary(self) -> list[str]:
        times = sorted(self.times) or [0.0]
        p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
        lines = [
            f"fuzz figures ({'long' if LONG else 'quick'} profile): {self.cases} cases, "
            f"{self.runs} runs of validate in {time.monotonic() - self.started:.1f} s",
            "exit codes: " + ", ".join(f"{k}: {v}" for k, v in sorted(self.codes.items())),
            f"time per run: max {times[-1]:.3f} s, p99 {p99:.3f} s, "
            f"mean {sum(times) / len(times):.3f} s",
            f"peak memory of one run (worker VmHWM): {self.peak_rss_kb / 1024:.0f} MiB "
            f"(cap {MEM_LIMIT / 2**30:.1f} GiB address space)",
            "diagnostic codes seen: "
            + ", ".join(f"{k} {v}" for k, v in sorted(self.diagnostics.items())),
            f"findings: {len(self.findings)} distinct",
        ]
        for f in sorted(self.findings.values(), key=lambda f: -f.count):
            lines.append(f"  [{f.count}x] {f.signature}")
            lines.append(f"      case: {f.description[:300]}")
            lines.append(f"      kept: {f.repro}")
        return lines


class Fuzz:
    """Session state: the worker, the scratch folder, the figures."""

    def __init__(self) -> None:
        self.scratch = Path(tempfile.mkdtemp(prefix="sendreview-fuzz-"))
        (self.scratch / "cases").mkdir()
        self.worker = Worker(self.scratch)
        self.stats = Stats()
        self._n = 0

    def new_case(self, base: str) -> Path:
        """A fresh copy of a base workspace, in the folder the worker runs in."""
        self._n += 1
        folder = self.scratch / "cases" / str(self._n)
        folder.mkdir()
        target = folder / BASES[base].name
        shutil.copytree(BASES[base], target, ignore=shutil.ignore_patterns("build"))
        return target

    def validate(self, workspace: Path, description: str, given: str = "folder") -> list[str]:
        """Validate a case (JSON, then text) and return what it broke (findings recorded).

        ``given``: what the command is given: the review's ``folder``, the ``parent`` folder
        holding it, or its ``review.yaml``.
        """
        self.stats.cases += 1
        case = str(workspace.relative_to(self.scratch))
        arg = {"folder": case, "parent": str(Path(case).parent), "file": f"{case}/review.yaml"}
        problems: list[tuple[str, str]] = []
        codes = []
        for fmt in ("json", "text"):
            outcome = self.worker.run(["validate", "--format", fmt, arg[given]])
            self.stats.record(outcome)
            codes.append(outcome.code)
            if fmt == "json":
                self.stats.diagnostics.update(re.findall(r'"code": "(SR\d+)"', outcome.out))
            problems += check(outcome, case if given != "parent" else arg[given], fmt)
            if outcome.died:
                break  # once is enough for a hang or a death
        if len(set(codes)) > 1 and not problems:
            problems.append(("json and text runs exit differently", str(codes)))
        new = [f for s, d in problems if (f := self.stats.note(s, d, description))]
        if new:
            self.stats.keep(new, workspace.parent)
        else:
            shutil.rmtree(workspace.parent, ignore_errors=True)
        return [f"{s}\n    {d[:1500]}" for s, d in problems]

    def close(self) -> None:
        self.worker.close()
        shutil.rmtree(self.scratch, ignore_errors=True)
