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
    # (sendreview.models.common holds the pydantic models; models.prose, plain regular
    # expressions for the Markdown filter, may load)
    heavy = {"yaml", "jinja2", "sendreview.models.common", "sendreview.report.views"}
    args = ["report", str(riverside), "-f", "md", "-o", str(tmp_path / "out")]
    loaded = [heavy & _loaded_after(args, tmp_path / "cache") for _ in ("first", "again")]
    assert loaded == [heavy, set()]


def _loaded_after(args: list[str], cache: Path) -> set[str]:
    """The modules a `sendreview ARGS` run in a fresh process loaded."""
    import os
    import subprocess
    import sys

    script = f"import sys\nfrom sendreview.cli import main\nmain({args!r})\nprint(*sys.modules)"
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert "wrote" in done.stdout, done.stderr
    return set(done.stdout.split())


def test_a_follow_up_report_loads_no_plotting_library(riverside: Path, tmp_path: Path) -> None:
    """The chart is drawn in plain Python: matplotlib (and numpy with it) took most of the
    time a follow-up report spent preparing."""
    args = ["report", str(riverside), "--kind", "follow-up", "-f", "docx,html"]
    loaded = _loaded_after([*args, "-o", str(tmp_path / "a")], tmp_path / "c")
    assert "sendreview.report.chart" in loaded
    assert not {"matplotlib", "numpy", "PIL"} & loaded


def test_other_figures_draw_another_chart() -> None:
    import xml.etree.ElementTree as ET

    from sendreview.report import chart

    statuses = [s.id for s in chart.frameworks.progress_scale().statuses]
    labels = ["Visit <1> & co", "Visit 2"]  # every text is escaped
    before = [dict(zip(statuses, f, strict=True)) for f in ([3, 1, 0, 0], [1, 3, 0, 0])]
    after = [dict(zip(statuses, f, strict=True)) for f in ([3, 1, 0, 0], [1, 2, 17, 0])]

    def texts(tallies: list[dict[str, int]]) -> list[str]:
        root = ET.fromstring(chart.svg(labels, tallies))
        return ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]

    first, second = texts(before), texts(after)
    assert "Visit <1> & co" in first and "17" not in first
    assert "17" in second and "20" in second  # the count on its bar; the axis reaches 20
    assert chart.svg(labels, before) == chart.svg(labels, before)  # reproducible
