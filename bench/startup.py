"""Benchmark: `sendreview --help`, and `sendreview validate` of one review, against a
minimal typer app's `--help`, side by side.

Targets: `--help` at most 1.25× (heavy imports happen only in the commands that need
them); validating one review (the bundled Riverside example) at most 1.5×.

    .venv/bin/python bench/startup.py [--runs 30]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import BIN, MINIMAL_APP, ROOT, keep, run, said, verdict

TARGET = 1.25
ONE_REVIEW_TARGET = 1.5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        app = Path(tmp) / "minimal_app.py"
        app.write_text(MINIMAL_APP, encoding="utf-8")
        minimal = [sys.executable, str(app), "--help"]
        ours = [str(BIN / "sendreview"), "--help"]
        one = [str(BIN / "sendreview"), "validate", str(ROOT / "examples" / "riverside-primary")]
        commands = {"minimal": minimal, "sendreview": ours, "validate": one}
        # The first run writes each module's bytecode, which later runs read, as on any
        # machine (an install from a wheel compiles it too). Where PYTHONDONTWRITEBYTECODE
        # is set, every timed run would compile sendreview from source (some 35 ms of a
        # `validate`), which no user pays: the warm-up writes it regardless.
        warm = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        for command in commands.values():  # warm the file cache, write bytecode
            run(command, env=warm, check=False)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):  # interleaved, so all see the same machine
            for name, command in commands.items():
                times[name].append(run(command, check=False))
    median = {name: statistics.median(t) for name, t in times.items()}
    print(f"minimal typer app --help       : {median['minimal'] * 1000:6.0f} ms")
    print(f"sendreview --help              : {median['sendreview'] * 1000:6.0f} ms")
    print(f"sendreview validate one review : {median['validate'] * 1000:6.0f} ms")
    rows, met = [], True
    for name, target, title in (
        ("sendreview", TARGET, "`sendreview --help` vs a minimal typer app's `--help`"),
        (
            "validate",
            ONE_REVIEW_TARGET,
            "`sendreview validate` of one review (Riverside) vs the same `--help`",
        ),
    ):
        ratio = median[name] / median["minimal"]
        ok = verdict(name, ratio, target)
        met &= ok
        ms = f"{median[name] * 1000:.0f} ms vs {median['minimal'] * 1000:.0f} ms"
        rows.append((title, f"≤ {target}×", said(f"{ratio:.2f}×", ok, ms)))
    keep("startup", rows)
    sys.exit(0 if met else 1)


if __name__ == "__main__":
    main()
