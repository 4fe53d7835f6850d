"""Compile sendreview's own report templates to Python (sendreview/report/compiled_templates/).

Run after changing a template in templates/report/ or sendreview/report/sandbox.py:

    .venv/bin/python tools/precompile_templates.py           # rewrite the compiled templates
    .venv/bin/python tools/precompile_templates.py --check   # exit 1 if they are out of date

A template changed and not compiled again still renders right (it is compiled from its
source at run time, as before), only slower; tests/test_docs.py fails until it is redone.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def compile_into(target: Path) -> list[Path]:
    from sendreview.report import precompiled, templating

    built_in = templating.search_path(None, None)[-1]
    env = templating.environment_for_compiling(built_in)
    return precompiled.write(env, built_in, target)


def main(argv: list[str]) -> int:
    from sendreview.report.precompiled import COMPILED

    if "--check" in argv:
        with tempfile.TemporaryDirectory() as tmp:
            fresh = {p.name: p.read_bytes() for p in compile_into(Path(tmp))}
        kept = {p.name: p.read_bytes() for p in COMPILED.iterdir() if p.is_file()}
        if fresh != kept:
            print(f"{COMPILED} is out of date: run {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    for path in compile_into(COMPILED):
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
