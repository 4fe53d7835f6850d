"""The fuzz worker: a long-lived process that runs ``sendreview`` in-process, one case per line.

Started by ``tests/fuzz/harness.py``. Protocol (JSON lines): after start it writes
``{"ready": true}``; then for each request ``{"args": [...]}`` read from stdin it runs
``sendreview.cli.main(args)`` with stdout and stderr captured as strict UTF-8 (like a real
terminal's), and answers ``{"code", "out", "err", "secs", "rss_kb", "crash"}`` on the
protocol pipe. Its own fds 1 and 2 go to a log file so stray writes cannot corrupt the
protocol. Memory is capped with RLIMIT_AS; a case running past the time limit makes
faulthandler dump every thread's stack to the hang log and exit (the parent also kills it).
"""

from __future__ import annotations

import contextlib
import faulthandler
import io
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path


def _peak_kb() -> int:
    """Peak RSS since the last reset (VmHWM), or the process's peak if it cannot be reset."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _reset_peak() -> None:
    with contextlib.suppress(OSError):  # not on every kernel: then the process's peak
        Path("/proc/self/clear_refs").write_text("5")


def main() -> None:
    protocol = os.fdopen(os.dup(1), "wb", buffering=0)
    log = os.open(os.environ["FUZZ_WORKER_LOG"], os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.dup2(log, 1)
    os.dup2(log, 2)
    hang_log = Path(os.environ["FUZZ_HANG_LOG"]).open("a")  # noqa: SIM115 - lives as long as we do
    faulthandler.enable(file=hang_log)  # a segfault leaves its stack where a hang does
    time_limit = float(os.environ.get("FUZZ_TIME_LIMIT", "5"))
    limit = int(os.environ.get("FUZZ_MEM_LIMIT", "0"))
    if limit:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    from sendreview.cli import main as sendreview

    crash_dir = Path(tempfile.gettempdir())
    protocol.write(b'{"ready": true}\n')
    for line in sys.stdin.buffer:
        request = json.loads(line)
        out_bytes, err_bytes = io.BytesIO(), io.BytesIO()
        out = io.TextIOWrapper(out_bytes, encoding="utf-8", errors="strict", write_through=True)
        err = io.TextIOWrapper(err_bytes, encoding="utf-8", errors="strict", write_through=True)
        sys.stdout, sys.stderr = out, err
        _reset_peak()
        faulthandler.dump_traceback_later(time_limit + 1, exit=True, file=hang_log)
        start = time.perf_counter()
        if "sleep" in request:  # the harness's own tests: a case that hangs
            time.sleep(request["sleep"])
        if "die" in request:  # ... and one that kills the worker
            os.kill(os.getpid(), int(request["die"]))
        try:
            code: int | str = sendreview(request["args"])
        except BaseException as e:  # anything escaping main() is a finding
            import traceback

            code = f"escaped {type(e).__name__}"
            err.write("".join(traceback.format_exception(e)))
        secs = time.perf_counter() - start
        faulthandler.cancel_dump_traceback_later()
        sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
        crash = []
        for path in sorted(crash_dir.glob("sendreview-crash-*.log")):
            crash.append(path.read_text(errors="replace"))
            path.unlink()
        answer = {
            "code": code,
            "out": out_bytes.getvalue().decode("utf-8", "replace"),
            "err": err_bytes.getvalue().decode("utf-8", "replace"),
            "secs": secs,
            "rss_kb": _peak_kb(),
            "crash": "\n".join(crash) or None,
        }
        protocol.write(json.dumps(answer).encode() + b"\n")


if __name__ == "__main__":
    main()
