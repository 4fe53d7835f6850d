"""Triangulation (SR810, SR811): findings and recommendations resting on one method or one
stakeholder group, the thresholds as data, status's count per area, and checks_off."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sendreview import frameworks
from tests.conftest import RIVERSIDE, Invoke, build_case


def _codes(out: str) -> list[str]:
    return [w for line in out.splitlines() for w in line.split() if w.startswith("SR8")]


def test_thresholds_are_data_with_the_frameworks() -> None:
    wanted = frameworks.triangulation()
    assert (wanted.methods, wanted.stakeholders) == (2, 2)


def test_a_single_method_is_flagged_and_the_hint_names_the_other_kinds(
    cli: Invoke, tmp_path: Path
) -> None:
    ws = build_case("triangulation", tmp_path / "ws")
    out = cli("validate", "--notes", str(ws)).stdout
    assert _codes(out) == ["SR810", "SR811"]
    finding, rec = (line for line in out.splitlines() if " SR81" in line)
    assert " info SR810 " in finding and " warning SR811 R1 " in rec
    # E2 was a discussion with the SENCO: the hint offers what was not used
    rec_hint = out.splitlines()[out.splitlines().index(rec) + 1]
    assert "lesson observation" in rec_hint and "Parents/carers" in rec_hint
    assert "Senior lead for SEND" not in rec_hint


def test_evidence_from_two_methods_and_two_groups_is_triangulated(
    cli: Invoke, tmp_path: Path
) -> None:
    ws = build_case("triangulation", tmp_path / "ws")
    recs = ws / "recommendations.yaml"
    text = recs.read_text().replace("evidence: [E1]}", "evidence: [E1, E2]}")
    recs.write_text(text.replace("evidence: [E2], owner", "evidence: [E2, E1], owner"))
    assert _codes(cli("validate", "--notes", str(ws)).stdout) == []


@pytest.mark.parametrize("code", ["SR810", "SR811"])
def test_each_may_be_turned_off_with_a_reason(cli: Invoke, tmp_path: Path, code: str) -> None:
    ws = build_case("triangulation", tmp_path / "ws")
    review = ws / "review.yaml"
    review.write_text(review.read_text() + f"checks_off:\n  {code}: one visit by design\n")
    assert code not in _codes(cli("validate", "--notes", str(ws)).stdout)
    data = json.loads(cli("status", str(ws), "--format", "json").stdout)
    assert data["checks_off"][0]["code"] == code
    assert data["checks_off"][0]["reason"] == "one visit by design"
    assert "one visit by design" in cli("status", str(ws)).stdout


def test_status_counts_triangulated_findings_per_area(cli: Invoke, tmp_path: Path) -> None:
    ws = build_case("triangulation", tmp_path / "ws")
    areas = {
        a["id"]: a for a in json.loads(cli("status", str(ws), "--format", "json").stdout)["areas"]
    }
    # R1 rests on E2 alone; the SENCO strength on E1 and E2
    assert (areas["leadership"]["triangulated"], areas["leadership"]["cited"]) == (1, 2)
    assert (areas["monitoring"]["triangulated"], areas["monitoring"]["cited"]) == (1, 1)
    assert areas["teaching-learning"]["cited"] == 0  # cites no evidence: not weighed
    assert areas["assessment"]["cited"] == 0  # E9 is not in the log (SR400's to report)
    assert "1 of 2" in cli("status", str(ws)).stdout


def test_the_examples_recommendations_are_triangulated_but_three(cli: Invoke) -> None:
    """Looked at by hand: each of these really rests on one kind of evidence."""
    out = cli("validate", str(RIVERSIDE.parent)).stdout
    warned = sorted(line.split()[3] for line in out.splitlines() if " warning SR811 " in line)
    assert warned == ["R10", "R5", "R9"]


def test_evidence_recording_no_stakeholder_is_weighed_on_its_methods(
    cli: Invoke, tmp_path: Path
) -> None:
    ws = build_case("triangulation", tmp_path / "ws")
    evidence = ws / "evidence.yaml"
    text = evidence.read_text().replace(", stakeholders: [teachers]", "")
    evidence.write_text(text.replace(", stakeholders: [send-lead]", ""))
    out = cli("validate", "--notes", str(ws)).stdout
    flagged = [line for line in out.splitlines() if " SR81" in line]
    assert len(flagged) == 2  # the strength on E1, R1 on E2: one method each
    assert all(line.endswith("rests on one way of gathering evidence") for line in flagged)
