"""Re-run a kept fuzz case in a fresh process: ``python -m tests.fuzz.repro FOLDER [--text]``.

FOLDER is a review folder (or a case folder kept under /tmp/sendreview-fuzz-repro/, whose
one review is used). Prints the exit code, the output and what the fuzz rules make of it.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from tests.fuzz.harness import Worker, check


def main(argv: list[str]) -> int:
    folder = Path(argv[0]).resolve()
    if not (folder / "review.yaml").exists() and not (folder / "review.yaml").is_symlink():
        inner = [p for p in folder.iterdir() if p.is_dir() and not p.is_symlink()]
        folder = inner[0] if len(inner) == 1 else folder
    fmt = "text" if "--text" in argv else "json"
    scratch = Path(tempfile.mkdtemp(prefix="sendreview-repro-"))
    worker = Worker(scratch)
    try:
        outcome = worker.run(["validate", "--format", fmt, str(folder)])
    finally:
        worker.close()
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"exit: {outcome.code if outcome.died is None else outcome.died} ({outcome.secs:.2f} s)")
    print(outcome.out, end="")
    print(outcome.err, end="", file=sys.stderr)
    if outcome.crash:
        print(outcome.crash, file=sys.stderr)
    broken = check(outcome, str(folder), fmt)
    for signature, _ in broken:
        print(f"BROKEN: {signature}")
    return 1 if broken else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
