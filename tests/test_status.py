"""`sendreview status`: the whole journey of a review at a glance."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import CASES, RIVERSIDE, Invoke, build_case


def test_status_shows_stages_areas_and_progress(cli: Invoke) -> None:
    result = cli("status", str(RIVERSIDE))
    assert result.exit_code == 0
    out = result.stdout
    assert "\x1b[" not in out  # NO_COLOR is set, and output is not a terminal
    for stage in (
        "Commissioned",
        "Self-evaluation",
        "Preparation documents",
        "Visit and evidence",
        "Findings",
        "Recommendations",
        "Report",
        "Follow-up visits",
    ):
        assert stage in out
    assert "13 of 14 received" in out
    assert "3 visits, the last on 24 March 2027" in out
    row = next(line for line in out.splitlines() if line.startswith("R9 "))
    assert row.split() == [
        "R9",
        "●○○",
        "In",
        "progress",
        "●●○",
        "Achieved",
        "●○○",
        "In",
        "progress",
        "↓",
        "slipped",
        "2027-03-26",
    ]


def test_status_as_json(cli: Invoke) -> None:
    data = json.loads(cli("status", str(RIVERSIDE), "--format", "json").stdout)
    assert data["school"] == "Riverside Primary School"
    assert data["visits"] == ["2026-12-09", "2027-02-10", "2027-03-24"]
    r3 = next(r for r in data["recommendations"] if r["id"] == "R3")
    assert r3["statuses"] == ["not-started", "in-progress", "in-progress"]
    assert r3["changes"] == ["first", "improved", "unchanged"]
    assert {s["name"]: s["done"] for s in data["stages"]}["Report"] is True
    assert len(data["areas"]) == 8 and all(a["evidence"] > 0 for a in data["areas"])


def test_status_of_a_review_with_errors_still_shows(cli: Invoke, tmp_path: Path) -> None:
    ws = build_case("consistency", tmp_path / "ws")
    golden = (CASES / "validate" / "consistency" / "expected.txt").read_text().splitlines()
    errors = sum(" error " in line for line in golden)
    warnings = sum(" warning " in line for line in golden)
    result = cli("status", str(ws))
    assert result.exit_code == 0
    assert f"{errors} errors, {warnings} warnings" in result.stdout
