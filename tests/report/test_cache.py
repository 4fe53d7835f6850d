"""The record of the last rendering in build/ is only ever this user's own: a record
that came with a review (made elsewhere, or edited) is never used."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Invoke


def _record(review: Path, kind: str) -> Path:
    return next((review / "build" / ".sendreview-cache").glob(f"{kind}.json"))


def test_a_record_made_by_someone_else_is_not_used(
    riverside: Path, cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "their-cache"))
    assert cli("report", str(riverside), "-f", "md", "-o", str(tmp_path / "a")).exit_code == 0
    record = _record(riverside, "review")
    data = json.loads(record.read_text())
    data["markdown"] = "FORGED"
    record.write_text(json.dumps(data))
    # the same record, with its key still right for the user who made it, reaches another
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "my-cache"))
    assert cli("report", str(riverside), "-f", "md", "-o", str(tmp_path / "b")).exit_code == 0
    text = next((tmp_path / "b").glob("*.md")).read_text()
    assert "FORGED" not in text and "Riverside Primary School" in text


def test_a_record_naming_an_image_outside_its_folder_is_not_used(
    riverside: Path, cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    args = ("report", str(riverside), "--kind", "follow-up", "-f", "md")
    assert cli(*args, "-o", str(tmp_path / "a")).exit_code == 0
    record = _record(riverside, "follow-up")
    data = json.loads(record.read_text())
    target = tmp_path / "elsewhere" / "PLANTED"
    target.parent.mkdir()
    data["images"] = [[str(target), data["images"][0][1]]]
    record.write_text(json.dumps(data))
    assert cli(*args, "-o", str(tmp_path / "b")).exit_code == 0
    assert not target.exists()


def test_a_pipe_in_build_never_blocks_a_report(
    riverside: Path, cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = riverside / "build" / ".sendreview-cache"
    folder.mkdir(parents=True)
    os.mkfifo(folder / "review.json")
    os.mkfifo(riverside / "build" / ".sendreview-outputs.json")
    result = cli("report", str(riverside), "-f", "md")
    assert result.exit_code == 0, result.output


def test_a_reused_rendering_loads_nothing_for_checking_or_templating(
    riverside: Path, tmp_path: Path
) -> None:
    """What the record saves is the work *and* its imports: YAML, the review's models, the
    view models and Jinja stay unloaded (each run a fresh process, with nothing loaded)."""
    import os
    import subprocess
    import sys

    heavy = {"yaml", "jinja2", "sendreview.models", "sendreview.report.views"}
    args = ["report", str(riverside), "-f", "md", "-o", str(tmp_path / "out")]
    script = f"import sys\nfrom sendreview.cli import main\nmain({args!r})\nprint(*sys.modules)"
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    loaded = []
    for _ in ("first", "again"):
        done = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        )
        assert "wrote" in done.stdout, done.stderr
        loaded.append(heavy & set(done.stdout.split()))
    assert loaded == [heavy, set()]
