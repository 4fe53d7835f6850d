"""The school's view against the reviewer's: pairing by theme, then by wording (threshold
as data), and what status and its json show."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sendreview import comparison
from sendreview.api import load_review
from tests.conftest import RIVERSIDE, Invoke, copy_workspace


def _areas(root: Path) -> dict[str, comparison.AreaComparison]:
    return {a.id: a for a in comparison.compare(load_review(root))}


def test_pairs_by_theme_and_by_wording(tmp_path: Path) -> None:
    found = _areas(copy_workspace(RIVERSIDE, tmp_path / "r"))
    outcomes = found["outcomes"]
    assert [m.by for m in outcomes.differ] == ["themes"]  # both tagged with one theme
    assert outcomes.differ[0].school.startswith("Progress in writing")
    assert outcomes.differ[0].reviewer.startswith("English books")
    by_wording = {m.school[:30]: m for m in outcomes.agreed}
    assert by_wording["Transition to secondary school"].by == "wording"
    assert by_wording["Transition to secondary school"].reviewer.startswith("Transition")
    assert outcomes.reviewer_only[0].startswith("In maths and science")
    assert found["provision"].summary == "4 agree"


def test_the_threshold_is_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_workspace(RIVERSIDE, tmp_path / "r")
    strict = comparison.Settings(wording=comparison.Wording(threshold=95))
    monkeypatch.setattr(comparison, "settings", lambda: strict)
    outcomes = _areas(root)["outcomes"]
    assert [m.by for m in outcomes.agreed + outcomes.differ] == ["themes"]


def test_the_school_saw_nothing_to_develop(tmp_path: Path) -> None:
    root = copy_workspace(RIVERSIDE, tmp_path / "r")
    sef = root / "self-evaluation.yaml"
    text = sef.read_text(encoding="utf-8")
    # the school's areas for development in Leadership taken out
    start = text.index("areas_for_development:", text.index("  leadership:"))
    end = text.index("\n  teaching-learning:", start)
    sef.write_text(text[:start] + "areas_for_development: []\n" + text[end:], encoding="utf-8")
    leadership = _areas(root)["leadership"]
    assert leadership.school_saw_nothing
    assert leadership.summary == "3 agree · school: nothing to develop, review: 2"


def test_status_shows_each_area_and_json_the_pairs(
    tmp_path: Path, cli: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_workspace(RIVERSIDE, tmp_path / "r")
    monkeypatch.chdir(tmp_path)
    shown = cli("status", "r").stdout
    assert "The school's self-evaluation beside the review's findings" in shown
    assert "4 agree · 1 differs · review adds 1 to develop" in shown
    data = json.loads(cli("status", "r", "--format", "json").stdout)
    outcomes = next(a for a in data["comparison"] if a["id"] == "outcomes")
    assert outcomes["differ"][0]["school_kind"] == "area for development"
    assert outcomes["differ"][0]["reviewer_kind"] == "strength"
    assert outcomes["differ"][0]["by"] == "themes"
