"""Shared fixtures: the bundled examples, a scratch copy of a workspace, and the CLI."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner, Result

# property tests draw the same examples on every run, so the suite is deterministic;
# HYPOTHESIS_PROFILE=explore draws new ones
settings.register_profile("suite", derandomize=True, deadline=None)
settings.register_profile("explore", derandomize=False, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
CASES = Path(__file__).resolve().parent / "cases"
RIVERSIDE = EXAMPLES / "riverside-primary"
BROOKFIELD = EXAMPLES / "brookfield-school"

Invoke = Callable[..., Result]

# The day overdue recommendations are judged on by the command line in tests (and in
# any sendreview a test starts): a fixed one, so that no test reads the clock.
TODAY = "2026-11-30"


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SENDREVIEW_TODAY", TODAY)


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> Invoke:
    """Run ``sendreview ARGS…`` in-process, as a user at a fixed-width terminal would."""
    from sendreview.cli import app

    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("TERMINAL_WIDTH", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None) -> Result:
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return invoke


def copy_workspace(source: Path, target: Path) -> Path:
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("build"))
    return target


@pytest.fixture
def riverside(tmp_path: Path) -> Path:
    return copy_workspace(RIVERSIDE, tmp_path / "riverside-primary")


@pytest.fixture
def brookfield(tmp_path: Path) -> Path:
    return copy_workspace(BROOKFIELD, tmp_path / "brookfield-school")


def build_case(name: str, target: Path) -> Path:
    """The base workspace with a case's files laid over it (``X.absent`` removes X)."""
    copy_workspace(CASES / "base", target)
    case = CASES / "validate" / name
    for path in sorted(case.rglob("*")):
        if path.is_dir() or path.name == "expected.txt":
            continue
        dest = target / path.relative_to(case)
        if path.suffix == ".absent":
            dest.with_suffix("").unlink()
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, dest)
    return target
