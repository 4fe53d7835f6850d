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


def _chart(docx: Path) -> tuple[tuple[int, int], bytes]:
    import io
    import zipfile

    from PIL import Image

    with zipfile.ZipFile(docx) as z:
        (name,) = [n for n in z.namelist() if n.startswith("word/media/")]
        picture = Image.open(io.BytesIO(z.read(name))).convert("RGB")
    return picture.size, picture.tobytes()


def test_a_change_that_leaves_the_figures_be_reuses_the_chart(
    riverside: Path, tmp_path: Path
) -> None:
    """Loading matplotlib is most of the time a follow-up takes to prepare: after a change
    to the review that leaves every status as it was, the chart comes from the cache, and
    the report shows the same picture."""
    args = ["report", str(riverside), "--kind", "follow-up", "-f", "docx"]
    assert "matplotlib" in _loaded_after([*args, "-o", str(tmp_path / "a")], tmp_path / "c")
    with (riverside / "review.yaml").open("a", encoding="utf-8") as f:
        f.write("\n# edited since\n")  # the review is checked and templated afresh
    assert "matplotlib" not in _loaded_after([*args, "-o", str(tmp_path / "b")], tmp_path / "c")
    (first,), (again,) = (tmp_path / "a").glob("*.docx"), (tmp_path / "b").glob("*.docx")
    assert _chart(first) == _chart(again)


def test_other_figures_draw_another_chart(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PIL import Image

    from sendreview.report import chart

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    labels = ["Visit 1", "Visit 2"]
    tallies = [{"not-started": 3, "in-progress": 1}, {"not-started": 1, "in-progress": 3}]
    statuses = {s.id for s in chart.frameworks.progress_scale().statuses}
    tallies = [{s: t.get(s, 0) for s in statuses} for t in tallies]
    pictures = []
    for figures in (tallies, list(reversed(tallies)), tallies):
        chart.draw(labels, figures, tmp_path / "chart.png")
        pictures.append(Image.open(tmp_path / "chart.png").convert("RGB").tobytes())
    assert pictures[0] != pictures[1] and pictures[0] == pictures[2]
    assert len(list((tmp_path / "cache" / "sendreview" / "charts").iterdir())) == 2
