"""Benchmark: `sendreview --help` against a minimal typer app's `--help`, side by side.

Target: at most 1.25× (heavy imports happen only in the commands that need them).

    .venv/bin/python bench/startup.py [--runs 30]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import BIN, MINIMAL_APP, keep, run, verdict

TARGET = 1.25


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        app = Path(tmp) / "minimal_app.py"
        app.write_text(MINIMAL_APP, encoding="utf-8")
        minimal = [sys.executable, str(app), "--help"]
        ours = [str(BIN / "sendreview"), "--help"]
        for command in (minimal, ours):  # warm the file cache
            run(command)
        times: dict[str, list[float]] = {"minimal": [], "sendreview": []}
        for _ in range(args.runs):  # interleaved, so both see the same machine
            times["minimal"].append(run(minimal))
            times["sendreview"].append(run(ours))
    minimal_time = statistics.median(times["minimal"])
    ours_time = statistics.median(times["sendreview"])
    ratio = ours_time / minimal_time
    print(f"minimal typer app --help : {minimal_time * 1000:6.0f} ms")
    print(f"sendreview --help        : {ours_time * 1000:6.0f} ms")
    met = verdict("ratio", ratio, TARGET)
    keep(
        "startup",
        [
            (
                "`sendreview --help` vs a minimal typer app's `--help`",
                f"≤ {TARGET}×",
                f"**{ratio:.2f}×** ({ours_time * 1000:.0f} ms vs {minimal_time * 1000:.0f} ms)",
            )
        ],
    )
    sys.exit(0 if met else 1)


if __name__ == "__main__":
    main()
