"""The documentation lists every diagnostic code, and only real ones."""

from __future__ import annotations

import re
from pathlib import Path

from sendreview.diagnostics.codes import CODES

DOCS = Path(__file__).resolve().parent.parent / "docs" / "diagnostics.md"


def test_every_code_is_documented_with_its_severity() -> None:
    rows = dict(re.findall(r"^\| (SR\d{3}) \| (error|warning) \|", DOCS.read_text(), re.M))
    assert rows == {code: c.severity.value for code, c in CODES.items()}


def test_golden_cases_only_use_documented_codes() -> None:
    cases = Path(__file__).resolve().parent / "cases" / "validate"
    used = {
        m for f in cases.glob("*/expected.txt") for m in re.findall(r" (SR\d{3}) ", f.read_text())
    }
    assert used <= set(CODES)
    assert len(used) >= 30
