"""Golden cases: each folder under tests/cases/validate is the base workspace with a few
files changed, and ``expected.txt`` is exactly what ``sendreview validate`` prints for it.

Run with ``UPDATE_GOLDEN=1`` to rewrite the expected files after an intended change,
then read the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import CASES, Invoke, build_case

NAMES = sorted(p.name for p in (CASES / "validate").iterdir() if p.is_dir())


@pytest.mark.parametrize("name", NAMES)
def test_validate_output(
    name: str, tmp_path: Path, cli: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_case(name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    result = cli("validate", "--notes", name)
    got = result.stdout + f"exit: {result.exit_code}\n"
    expected = CASES / "validate" / name / "expected.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        expected.write_text(got, encoding="utf-8")
    assert got == expected.read_text(encoding="utf-8")


def test_every_code_has_a_golden_case() -> None:
    from sendreview.diagnostics.codes import CODES

    shown = "".join((CASES / "validate" / n / "expected.txt").read_text() for n in NAMES)
    missing = [code for code in CODES if f" {code} " not in shown]
    assert not missing, f"add a case under tests/cases/validate showing {', '.join(missing)}"


@pytest.mark.parametrize("name", NAMES)
def test_every_diagnostic_says_what_to_do(name: str) -> None:
    lines = (CASES / "validate" / name / "expected.txt").read_text().splitlines()
    for i, line in enumerate(lines):
        if " error SR" in line or " warning SR" in line or " info SR" in line:
            following = lines[i + 1] if i + 1 < len(lines) else ""
            assert following.startswith("    hint: "), f"no hint for: {line}"
