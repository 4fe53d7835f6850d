"""The README's speed figures, made from what the benchmarks printed last.

Each benchmark under bench/ writes its figures to bench/results/<name>.json when it runs
(`make bench`); this puts them between the README's two speed markers, so that the
figures people read are the ones a benchmark measured, with the command that measured
them. `--check` (run by the tests) fails when the README and the results differ.

    .venv/bin/python tools/gen_speed_table.py [--check]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generated import write_or_check

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
RESULTS = ROOT / "bench" / "results"
BENCHMARKS = (
    "startup",
    "validate_portfolio",
    "portfolio",
    "chart",
    "report",
    "batch_reports",
)  # the table's order
START = "<!-- speed: made by tools/gen_speed_table.py from bench/results; do not edit -->"
END = "<!-- speed: end -->"
COMMAND = ".venv/bin/python tools/gen_speed_table.py"


def section() -> str:
    rows = ["| benchmark | target | measured |", "| --- | --- | --- |"]
    notes: list[str] = []
    for name in BENCHMARKS:
        path = RESULTS / f"{name}.json"
        if not path.is_file():
            raise SystemExit(f"{path} is missing: run `.venv/bin/python bench/{name}.py`")
        result = json.loads(path.read_text(encoding="utf-8"))
        for benchmark, target, measured in result["rows"]:
            rows.append(f"| {benchmark} (`{result['command']}`) | {target} | {measured} |")
        if result["notes"]:
            notes += ["", *result["notes"]]
    return "\n".join([START, "", *rows, *notes, "", END])


def render() -> str:
    text = README.read_text(encoding="utf-8")
    if START not in text or END not in text:
        raise SystemExit(f"README.md has no speed markers ({START} … {END})")
    before, rest = text.split(START, 1)
    after = rest.split(END, 1)[1]
    return before + section() + after


if __name__ == "__main__":
    sys.exit(write_or_check(README, render(), COMMAND, sys.argv[1:]))
