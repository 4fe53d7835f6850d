"""Benchmark: `sendreview validate` over a portfolio of 1,000 reviews (6,000 files) against
check-jsonschema checking the same files with the schemas sendreview exports, side by side.

Target: sendreview takes at most 0.35× check-jsonschema's time.

    .venv/bin/python bench/validate_portfolio.py [--reviews 1000] [--rounds 3]

check-jsonschema is run the fastest fair way: once per schema, with every file that
schema applies to (so it loads Python and each schema only once per kind of file).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import BIN, ROOT, verdict
from sendreview import yamlio

TARGET = 0.35


def _sources(folder: Path) -> list[Path]:
    """The two examples, each with exactly one follow-up visit."""
    riverside, brookfield = folder / "riverside", folder / "brookfield"
    shutil.copytree(
        ROOT / "examples" / "riverside-primary", riverside, ignore=shutil.ignore_patterns("build")
    )
    for later in sorted((riverside / "follow-ups").glob("*.yaml"))[1:]:
        later.unlink()
    shutil.copytree(
        ROOT / "examples" / "brookfield-school", brookfield, ignore=shutil.ignore_patterns("build")
    )
    subprocess.run(
        [str(BIN / "sendreview"), "followup", "new", str(brookfield), "--date", "2026-12-16"],
        check=True,
        capture_output=True,
    )
    return [riverside, brookfield]


def build_portfolio(folder: Path, reviews: int) -> list[Path]:
    """`reviews` workspaces of 6 files each, half mainstream and half special schools."""
    sources = _sources(folder / "sources")
    made = []
    for i in range(reviews):
        source = sources[i % 2]
        target = folder / "portfolio" / f"trust-{i // 100:02d}" / f"review-{i:04d}"
        shutil.copytree(source, target)
        review = target / "review.yaml"
        text = review.read_text(encoding="utf-8")
        name = "Riverside Primary School" if i % 2 == 0 else "Brookfield School"
        review.write_text(text.replace(name, f"{name} {i}"), encoding="utf-8")
        made.append(target)
    return made


def groups(workspaces: list[Path]) -> dict[Path, list[Path]]:
    """Files by the schema that applies to them (one schema file per kind and framework)."""
    by_schema: dict[Path, list[Path]] = defaultdict(list)
    first_of: dict[str, Path] = {}
    for ws in workspaces:
        framework = str(yamlio.read(ws / "review.yaml").data["framework"])
        schemas = first_of.setdefault(framework, ws / ".sendreview" / "schemas")
        for name in ("review", "context", "self-evaluation", "evidence", "recommendations"):
            by_schema[schemas / f"{name}.json"].append(ws / f"{name}.yaml")
        for f in sorted((ws / "follow-ups").glob("*.yaml")):
            by_schema[schemas / "follow-up.json"].append(f)
    return by_schema


def timed(commands: list[list[str]], cwd: Path) -> float:
    start = time.perf_counter()
    for command in commands:
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            sys.exit(f"{command[0]} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reviews", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sendreview-bench-") as tmp:
        folder = Path(tmp)
        workspaces = build_portfolio(folder, args.reviews)
        files = sum(1 for _ in (folder / "portfolio").rglob("*.yaml"))
        ours = [[str(BIN / "sendreview"), "validate", "portfolio"]]
        theirs = [
            [str(BIN / "check-jsonschema"), "--schemafile", str(schema), *map(str, paths)]
            for schema, paths in groups(workspaces).items()
        ]
        best_ours = best_theirs = float("inf")
        for _ in range(args.rounds):  # alternate, and keep each side's best round
            best_ours = min(best_ours, timed(ours, folder))
            best_theirs = min(best_theirs, timed(theirs, folder))
    ratio = best_ours / best_theirs
    print(f"portfolio: {args.reviews} reviews, {files} files")
    print(f"sendreview validate : {best_ours:6.2f} s")
    print(f"check-jsonschema    : {best_theirs:6.2f} s")
    sys.exit(0 if verdict("ratio", ratio, TARGET) else 1)


if __name__ == "__main__":
    main()
