"""Benchmark: `sendreview validate` over a portfolio of 1,000 reviews (6,000 files) against
check-jsonschema checking the same files with the schemas sendreview exports, side by side;
against the floor (a bare loop of PyYAML's C loader and pydantic's model_validate over the
same files); and in one process against one per core.

Targets: sendreview takes at most 0.35× check-jsonschema's time; `validate -j 1` at most
1.2× the floor's CPU; `validate` on every core (two or more) at least 1.7× faster than
`-j 1`, its output the same; memory flat: the peak of `-j 1` over all the reviews at most
1.2× its peak over the first tenth of them (each review's findings are printed and let go).

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

from bench.common import BIN, ROOT, Cost, keep, measure, said, verdict
from sendreview import yamlio

TARGET = 0.35
FLOOR_TARGET = 1.2
SPEEDUP_TARGET = 1.7
FLAT_TARGET = 1.2

# The least any validator must do: parse each file and validate it against its model.
FLOOR = """
import sys
from pathlib import Path

import yaml
from pydantic import ValidationError

from sendreview.models.context import Context
from sendreview.models.evidence import Evidence
from sendreview.models.findings import Findings, SelfEvaluation
from sendreview.models.followup import FollowUp
from sendreview.models.review import Review

MODELS = {
    "review.yaml": Review,
    "context.yaml": Context,
    "self-evaluation.yaml": SelfEvaluation,
    "evidence.yaml": Evidence,
    "recommendations.yaml": Findings,
}
invalid = 0
for name in Path(sys.argv[1]).read_text().splitlines():
    with open(name, "rb") as f:
        data = yaml.load(f, Loader=yaml.CLoader)
    try:
        MODELS.get(Path(name).name, FollowUp).model_validate(data)
    except ValidationError:
        invalid += 1
sys.exit(invalid and 4)
"""


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


def _cores() -> int:
    from sendreview.validation.run import default_jobs

    return default_jobs()


def _same_output(folder: Path, jobs: int) -> bool:
    """Whether ``-j jobs`` prints what ``-j 1`` prints, with the same exit code."""
    runs = [
        subprocess.run(
            [str(BIN / "sendreview"), "validate", "-j", str(j), "-f", "json", "portfolio"],
            cwd=folder,
            capture_output=True,
            check=False,
        )
        for j in (1, jobs)
    ]
    return len({(r.returncode, r.stdout, r.stderr) for r in runs}) == 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reviews", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    cores = _cores()
    with tempfile.TemporaryDirectory(prefix="sendreview-bench-") as tmp:
        folder = Path(tmp)
        workspaces = build_portfolio(folder, args.reviews)
        files = sorted(str(p) for p in (folder / "portfolio").rglob("*.yaml"))
        (folder / "files.txt").write_text("\n".join(files), encoding="utf-8")
        (folder / "floor.py").write_text(FLOOR, encoding="utf-8")
        sendreview = [str(BIN / "sendreview"), "validate", "portfolio"]
        commands = {
            "serial": [*sendreview, "-j", "1"],
            "parallel": [*sendreview, "-j", str(cores)],
            "floor": [sys.executable, str(folder / "floor.py"), str(folder / "files.txt")],
            # the first tenth (or hundred) of the reviews: what memory does with ten times more
            "tenth": [*sendreview, "-j", "1", "portfolio/trust-00"],
        }
        theirs = [
            [str(BIN / "check-jsonschema"), "--schemafile", str(schema), *map(str, paths)]
            for schema, paths in groups(workspaces).items()
        ]
        best: dict[str, Cost] = {}
        best_theirs = float("inf")
        for _ in range(args.rounds):  # alternate, and keep each side's best round
            for name, command in commands.items():
                cost = measure(command, folder)
                if name not in best or cost.wall < best[name].wall:
                    best[name] = cost
            best_theirs = min(best_theirs, timed(theirs, folder))
        same = _same_output(folder, max(cores, 2))
    serial, parallel, floor, tenth = (best[k] for k in ("serial", "parallel", "floor", "tenth"))
    tenth_reviews = min(args.reviews, 100)
    print(f"portfolio: {args.reviews} reviews, {len(files)} files; {cores} cores")
    print(f"{'':29}{'wall':>8}{'CPU':>8}{'peak RSS':>11}")
    for label, cost in (
        ("sendreview validate -j 1", serial),
        (f"sendreview validate -j {cores}", parallel),
        ("floor (CLoader+model_validate)", floor),
    ):
        print(f"{label:29}{cost.wall:7.2f}s{cost.cpu:7.2f}s{cost.peak_mib:7.0f} MiB")
    print(f"{'check-jsonschema':29}{best_theirs:7.2f}s")
    print(f"sendreview validate -j 1 of {tenth_reviews} reviews: peak {tenth.peak_mib:.0f} MiB")
    theirs_ratio, floor_ratio = serial.wall / best_theirs, serial.cpu / floor.cpu
    flat_ratio = serial.peak_mib / tenth.peak_mib
    met = [
        verdict("sendreview -j 1 / check-jsonschema, wall", theirs_ratio, TARGET),
        verdict("sendreview -j 1 / floor, CPU", floor_ratio, FLOOR_TARGET),
        verdict(f"peak memory, {args.reviews} / {tenth_reviews} reviews", flat_ratio, FLAT_TARGET),
    ]
    size = f"{args.reviews:,} reviews ({len(files):,} files)"
    rows = [
        (
            f"`sendreview validate -j 1` of {size} vs check-jsonschema with the exported "
            "schemas on the same files",
            f"≤ {TARGET}×",
            said(f"{theirs_ratio:.2f}×", met[0], f"{serial.wall:.1f} s vs {best_theirs:.1f} s"),
        ),
        (
            "the same, CPU vs the floor: a bare loop of PyYAML's C loader and pydantic's "
            "`model_validate` over the same files",
            f"≤ {FLOOR_TARGET}×",
            said(f"{floor_ratio:.2f}×", met[1], f"{serial.cpu:.1f} s vs {floor.cpu:.1f} s"),
        ),
        (
            f"the same, peak memory of `-j 1` over all {args.reviews:,} reviews vs over "
            f"{tenth_reviews} of them (memory stays flat)",
            f"≤ {FLAT_TARGET}×",
            said(
                f"{flat_ratio:.2f}×",
                met[2],
                f"{serial.peak_mib:.0f} MiB vs {tenth.peak_mib:.0f} MiB",
            ),
        ),
    ]
    if cores >= 2:
        speedup = serial.wall / parallel.wall
        met.append(verdict(f"-j 1 / -j {cores}, wall", speedup, SPEEDUP_TARGET, at_least=True))
        rows.append(
            (
                f"the same, wall of `-j 1` vs `-j {cores}` (the output identical: "
                f"{'yes' if same else 'NO'})",
                f"≥ {SPEEDUP_TARGET}×",
                said(f"{speedup:.2f}×", met[-1], f"{serial.wall:.1f} s vs {parallel.wall:.1f} s"),
            )
        )
    else:
        print("-j 1 / -j N: not measured, this machine lets us use one core")
    print(f"-j {max(cores, 2)} prints what -j 1 prints: {'ok' if same else 'MISSED'}")
    keep("validate_portfolio", rows)
    sys.exit(0 if all(met) and same else 1)


if __name__ == "__main__":
    main()
