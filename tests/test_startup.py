"""What a start of the command line loads and runs: each command pays only for what it
needs (`validate` of one review no process pool, and no rich where nothing is coloured),
and no pydantic plugin an installed package declares is run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import EXAMPLES, RIVERSIDE

# `python -m sendreview ARGS`, then the names of the modules it loaded, one per line
_RUN = """
import runpy, sys
sys.argv = ["sendreview", *sys.argv[1:]]
try:
    runpy.run_module("sendreview", run_name="__main__")
finally:
    sys.stderr.write("\\n".join(["--modules--", *sys.modules]))
"""

POOL = {"multiprocessing", "concurrent.futures", "concurrent.futures.process"}


def _start(*args: str, env: dict[str, str] | None = None) -> tuple[str, str, set[str]]:
    """Run ``sendreview ARGS`` in a fresh process with output to a pipe, as in a script:
    what it printed to stdout and stderr, and the modules it loaded."""
    done = subprocess.run(
        [sys.executable, "-c", _RUN, *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )
    err, _, modules = done.stderr.partition("--modules--\n")
    assert modules, done.stderr
    return done.stdout, err, set(modules.split("\n"))


def test_validating_one_review_starts_no_process_pool() -> None:
    out, _, loaded = _start("validate", str(RIVERSIDE))
    assert "SR708" in out  # the review was checked
    assert "sendreview.validation.run" in loaded
    assert not POOL & loaded
    _, _, loaded = _start("validate", "-j", "1", str(EXAMPLES))  # two reviews, in turn
    assert not POOL & loaded


def test_output_that_is_not_coloured_loads_no_rich() -> None:
    """Out to a pipe, validate's lines are written as they are; where colour is asked
    for, rich colours them, the words the same."""
    plain_out, plain_err, loaded = _start("validate", str(RIVERSIDE))
    assert not {m for m in loaded if m.split(".")[0] == "rich"}
    assert "\x1b[" not in plain_out + plain_err
    coloured_out, coloured_err, loaded = _start(
        "validate", str(RIVERSIDE), env={"FORCE_COLOR": "1"}
    )
    assert "rich.console" in loaded
    assert "\x1b[33m" in coloured_out  # warnings in yellow
    assert "\x1b[" in coloured_err  # the summary
    assert _unstyled(coloured_out) == plain_out
    assert _unstyled(coloured_err) == plain_err


def _unstyled(text: str) -> str:
    import re

    return re.sub(r"\x1b\[[0-9;]*m", "", text)


def test_the_entry_point_loads_nothing_before_it_runs() -> None:
    """The console script imports sendreview.cli, then calls main: typer (and what it
    brings) is loaded after main has settled the process, not on that import."""
    script = "import sys, sendreview.cli; print(*sys.modules)"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert "sendreview.cli" in done.stdout.split()
    assert not {"typer", "sendreview.cli.app"} & set(done.stdout.split())


def test_help_loads_none_of_the_work() -> None:
    _, _, loaded = _start("--help")
    assert not {"pydantic", "yaml", "sendreview.validation.run", *POOL} & loaded


_PLUGIN = """
from pathlib import Path
Path({marker!r}).write_text("loaded")


class plugin:  # sees every validator built, and does nothing with it
    @staticmethod
    def new_schema_validator(*args, **kwargs):
        return None, None, None
"""


def test_no_pydantic_plugin_is_run(tmp_path: Path) -> None:
    """An installed package declaring a pydantic plugin (an entry point) is not loaded by
    sendreview, though pydantic alone loads it."""
    marker = tmp_path / "marker"
    (tmp_path / "spy_plugin.py").write_text(_PLUGIN.format(marker=str(marker)))
    dist = tmp_path / "spy_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: spy-plugin\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[pydantic]\nspy = spy_plugin:plugin\n")
    env = {"PYTHONPATH": os.pathsep.join([str(tmp_path), *sys.path])}

    out, _, loaded = _start("validate", str(RIVERSIDE), env=env)
    assert "SR708" in out and "pydantic" in loaded
    assert not marker.exists()

    check = "import pydantic; pydantic.TypeAdapter(int)"  # the same, without sendreview
    subprocess.run([sys.executable, "-c", check], env={**os.environ, **env}, check=True)
    assert marker.read_text() == "loaded"
