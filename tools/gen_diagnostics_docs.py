"""Write docs/diagnostics.md, the list of diagnostic codes, from the code registry.

Each code's severity, title and fix come from sendreview/diagnostics/codes.py, and
its example is the first line that code prints in the golden validate cases
(tests/cases/validate/*/expected.txt): real output, so the examples cannot drift
either. tests/test_docs.py fails when docs/diagnostics.md is stale. After changing a
code or a golden case:

    .venv/bin/python tools/gen_diagnostics_docs.py           # rewrite docs/diagnostics.md
    .venv/bin/python tools/gen_diagnostics_docs.py --check   # exit 1 if it is out of date
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "diagnostics.md"
CASES = ROOT / "tests" / "cases" / "validate"
COMMAND = ".venv/bin/python tools/gen_diagnostics_docs.py"

INTRO = f"""\
# Diagnostics

<!-- Generated from sendreview/diagnostics/codes.py and the golden cases by
     tools/gen_diagnostics_docs.py: do not edit by hand. Run `{COMMAND}`. -->

`sendreview validate` reports every problem it finds in one run, each as

```
path:line:col: severity CODE message
    hint: what to do about it
```

Codes are stable: scripts, CI and pre-commit hooks may rely on them. Errors stop a
report from being made; warnings say what is still to be written and never block
(`--strict` turns them into errors); information (`info`, counted as notes) is worth
knowing and is never a fault, even with `--strict`.

A check marked *may be turned off* can be turned off for one review, never quietly: name
it in review.yaml with the reason, and `sendreview status` shows it with that reason.

```yaml
checks_off:
  SR810: The review's evidence was gathered in one visit by design.
``` `--format json` prints one JSON object per
diagnostic, `--format github` prints GitHub Actions annotations. A problem with a
whole file (one that is missing, cannot be read, or is too large) has no line and
column.

Terms may be written in any case and with spaces for hyphens (`High`, `Lesson
observation`); a list of one evidence id may be written as the id alone (`evidence: E1`).
"""


def examples() -> dict[str, str]:
    """Each code's first line of output in the golden cases, without the case's folder."""
    found: dict[str, str] = {}
    for case in sorted(p for p in CASES.iterdir() if p.is_dir()):
        for line in (case / "expected.txt").read_text(encoding="utf-8").splitlines():
            words = line.split()
            if len(words) > 2 and words[1] in ("error", "warning", "info"):
                found.setdefault(words[2], line.removeprefix(f"{case.name}/"))
    return found


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def render() -> str:
    from sendreview.diagnostics.codes import CODES, GROUPS

    shown = examples()
    lines = [INTRO]
    for group, codes in itertools.groupby(CODES.values(), key=lambda c: c.code[2]):
        lines += [f"## {GROUPS[group]}", "", "| Code | Severity | Example | The fix |"]
        lines.append("| --- | --- | --- | --- |")
        for code in codes:
            example = f"`{_cell(shown[code.code])}`" if code.code in shown else ""
            severity = code.severity.value + (", may be turned off" if code.optional else "")
            lines.append(f"| {code.code} | {severity} | {example} | {_cell(code.fix)} |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))  # run as a script or loaded by a test
    from generated import write_or_check

    return write_or_check(DOCS, render(), COMMAND, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
