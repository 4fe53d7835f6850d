"""Checks turned off for one review, with a reason; and information, which never fails a run.

These tests mark one check (SR606, key statistics not given) optional or informational:
what they test is the machinery every such check goes through (the privacy and
triangulation checks, SR801-SR811, have tests of their own).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from sendreview.diagnostics import Severity
from sendreview.diagnostics.codes import CODES
from tests.conftest import Invoke, build_case

REASON = "the school's census return is not due until January"


@pytest.fixture
def case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return build_case("completeness", tmp_path / "completeness")


def _mark(monkeypatch: pytest.MonkeyPatch, **changes: object) -> None:
    monkeypatch.setitem(CODES, "SR606", dataclasses.replace(CODES["SR606"], **changes))


def _turn_off(case: Path, code: str, reason: str) -> None:
    with (case / "review.yaml").open("a", encoding="utf-8") as f:
        f.write(f"checks_off:\n  {code}: {reason}\n")


def test_a_check_turned_off_with_a_reason_is_gone_from_validate_and_shown_by_status(
    case: Path, cli: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    _mark(monkeypatch, optional=True)
    assert " SR606 " in cli("validate", "completeness").stdout
    _turn_off(case, "SR606", REASON)
    assert " SR606 " not in cli("validate", "completeness").stdout
    shown = cli("status", "completeness").stdout
    assert "Checks turned off for this review" in shown
    assert f"SR606 key statistics missing: {REASON}" in shown
    as_json = cli("status", "completeness", "--format", "json").stdout
    assert '"code": "SR606"' in as_json and REASON in as_json


def test_a_check_that_finds_faults_stays_on(case: Path, cli: Invoke) -> None:
    _turn_off(case, "SR606", REASON)
    result = cli("validate", "completeness")
    assert result.exit_code == 1
    assert "error SR800 SR606 (key statistics missing) cannot be turned off" in result.stdout
    assert " warning SR606 " in result.stdout  # still reported


def test_a_check_turned_off_without_a_reason_is_refused(
    case: Path, cli: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    _mark(monkeypatch, optional=True)
    _turn_off(case, "SR606", '""')
    result = cli("validate", "completeness")
    assert result.exit_code == 1
    assert "review.yaml:" in result.stdout and "SR204 SR606 is empty" in result.stdout


def test_information_is_shown_as_notes_and_never_fails_a_run(
    case: Path, cli: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    _mark(monkeypatch, severity=Severity.INFO)
    _turn_off(case, "SR810", "the case's single lesson observation is not what is tested")
    result = cli("validate", "--strict", "--notes", "completeness")
    assert "completeness/context.yaml:1:1: info SR606 key statistics" in result.stdout
    assert "1 note in 1 review" in result.stderr
    quiet = cli("validate", "completeness")  # counted, shown only when asked for
    assert " SR606 " not in quiet.stdout
    assert "1 note in 1 review (--notes shows the notes)" in quiet.stderr
    assert '"code": "SR606"' in cli("validate", "--format", "json", "completeness").stdout
    github = cli("validate", "--notes", "--format", "github", "completeness").stdout
    assert "::notice file=completeness/context.yaml" in github
    assert "::warning file=completeness/context.yaml,line=1,col=1,title=SR606" not in github
