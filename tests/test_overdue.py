"""Overdue recommendations: judged at each visit, and at an injected "today" (never the
clock), in validate, status and the follow-up report; and where added ones came from."""

from __future__ import annotations

import json
from datetime import date

import pytest

from sendreview import validate
from sendreview.api import load_review
from sendreview.progress import days_overdue, journeys
from sendreview.status import review_status
from tests.conftest import RIVERSIDE, Invoke


def overdue(today: date | None) -> dict[str, str]:
    return {d.message[:3].strip(): d.message for d in validate(RIVERSIDE, today=today)}


def test_the_days_are_counted_from_the_due_date_and_complete_ones_never_count() -> None:
    due = date(2027, 2, 28)
    assert days_overdue(due, date(2027, 2, 28), "in-progress") is None  # due today: not yet
    assert days_overdue(due, date(2027, 3, 1), "in-progress") == 1
    assert days_overdue(due, date(2027, 3, 24), None) == 24  # never assessed: still open
    assert days_overdue(due, date(2027, 3, 24), "achieved") is None
    assert days_overdue(None, date(2027, 3, 24), "in-progress") is None


def test_validate_judges_the_last_visit_and_a_later_today() -> None:
    at_visit = "R12 was due on 28 February 2027 and is in progress at the visit of 24 March 2027"
    for today in (None, date(2027, 3, 1), date(2027, 3, 24)):  # not later than the last visit
        found = overdue(today)
        assert list(found) == ["R12"]
        assert found["R12"] == f"{at_visit}: 24 days overdue"
    found = overdue(date(2027, 4, 10))
    assert sorted(found) == ["R11", "R12", "R3", "R4", "R9"]
    assert found["R12"] == (
        "R12 was due on 28 February 2027 and is in progress today (10 April 2027): 41 days overdue"
    )
    assert found["R3"].endswith("10 days overdue")  # due 31 March


def test_the_command_line_takes_today_from_the_option_or_the_environment(
    cli: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = cli("validate", str(RIVERSIDE), "--today", "2027-04-10")
    assert result.stdout.count(" SR708 ") == 5
    monkeypatch.setenv("SENDREVIEW_TODAY", "2027-04-10")
    assert cli("validate", str(RIVERSIDE)).stdout.count(" SR708 ") == 5
    bad = cli("validate", str(RIVERSIDE), "--today", "10/04/2027")
    assert bad.exit_code == 2
    assert "'10/04/2027' is not a date written as YYYY-MM-DD" in bad.stderr


def test_status_shows_overdue_and_where_an_added_one_came_from(cli: Invoke) -> None:
    status = review_status(RIVERSIDE, today=date(2027, 4, 10))
    recs = {r.id: r for r in status.recommendations}
    assert [r.id for r in status.recommendations] == [f"R{n}" for n in range(1, 13)]
    r12 = recs["R12"]
    assert (r12.origin, r12.due, r12.owner) == (
        "added at follow-up visit 2 (10 February 2027)",
        "2027-02-28",
        "SENCO, with the parent governor",
    )
    assert (r12.overdue_since, r12.overdue_days) == ("2027-02-28", 41)
    assert r12.statuses == [None, "not-started", "in-progress"]
    assert (recs["R9"].overdue_since, recs["R9"].overdue_days) == ("2027-03-26", 15)
    assert recs["R1"].overdue_days is None and recs["R1"].origin == ""

    # the command line, at the tests' fixed today (before the last visit): as at that visit
    out = cli("status", str(RIVERSIDE)).stdout
    row = next(line for line in out.splitlines() if line.startswith("R12 "))
    assert "2027-02-28" in row
    assert "OVERDUE 24 days" in row
    assert "R12 added at follow-up visit 2 (10 February 2027)." in " ".join(out.split())
    assert "OVERDUE" not in next(line for line in out.splitlines() if line.startswith("R9 "))
    data = json.loads(
        cli("status", str(RIVERSIDE), "--format", "json", "--today", "2027-04-10").stdout
    )
    r12_json = next(r for r in data["recommendations"] if r["id"] == "R12")
    assert r12_json["overdue_days"] == 41
    assert r12_json["origin"] == "added at follow-up visit 2 (10 February 2027)"


def test_each_visit_is_judged_as_at_its_own_date() -> None:
    ws = load_review(RIVERSIDE)
    (r12,) = [j for j in journeys(ws) if j.id == "R12"]
    assert [step.exists for step in r12.steps] == [False, True, True]
    # added on 10 February, due 28 February: not overdue then, 24 days at 24 March
    assert [r12.overdue_at(i) for i in range(3)] == [None, None, 24]
    # at the first visit, R12 did not exist yet: the report of that visit has no row for it
    assert "R12" not in [j.id for j in journeys(ws, ws.visits[:1])]
