"""Large differences from the national figures in status (and its json), and SR820 turned
off for one review with its reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Invoke, build_case


def test_status_points_out_large_differences(
    tmp_path: Path, cli: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_case("national-figures", tmp_path / "r")
    monkeypatch.chdir(tmp_path)
    shown = cli("status", "r").stdout
    assert "Far from the national figures" in shown
    assert "32.5% here, well above the national 14.2%" in shown
    data = json.loads(cli("status", "r", "--format", "json").stdout)
    assert any("all pupils with SEND: 34.5%" in line for line in data["national"])


def test_sr820_turned_off_with_its_reason(
    tmp_path: Path, cli: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = build_case("national-figures", tmp_path / "r")
    review = root / "review.yaml"
    review.write_text(
        review.read_text() + "checks_off:\n  SR820: a resource base for SLCN on site\n"
    )
    monkeypatch.chdir(tmp_path)
    assert "SR820" not in cli("validate", "--notes", "r").stdout
    shown = cli("status", "r").stdout
    assert "SR820 a figure far from the national one: a resource base for SLCN" in shown
    assert "Far from the national figures" not in shown
