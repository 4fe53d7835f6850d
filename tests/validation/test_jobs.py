"""``validate -j N``: many workspaces checked in N processes print exactly what one
process prints, in the same order, with the same exit code."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from sendreview.validation.run import validate
from tests.conftest import BROOKFIELD, CASES, RIVERSIDE, build_case, copy_workspace

BROKEN = sorted(p.name for p in (CASES / "validate").iterdir() if p.is_dir())


def _sendreview(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    # the real command: worker processes do not run under an in-process CliRunner
    env = {**os.environ, "COLUMNS": "100", "TERMINAL_WIDTH": "100", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "sendreview", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def portfolio(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Copies of both examples with every broken golden case between them."""
    root = tmp_path_factory.mktemp("portfolio")
    for i in range(4):
        copy_workspace(RIVERSIDE, root / f"a-{i}-riverside")
        copy_workspace(BROOKFIELD, root / f"a-{i}-brookfield")
    for name in BROKEN:
        build_case(name, root / "cases" / name)
    return root


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_two_processes_print_what_one_prints(portfolio: Path, fmt: str) -> None:
    serial = _sendreview("validate", "-j", "1", "-f", fmt, ".", cwd=portfolio)
    parallel = _sendreview("validate", "-j", "2", "-f", fmt, ".", cwd=portfolio)
    assert serial.returncode == parallel.returncode == 1  # the broken cases have errors
    assert (parallel.stdout, parallel.stderr) == (serial.stdout, serial.stderr)
    for name in ("attachment-names", "bad-custom-framework", "two-documents"):
        assert f"cases/{name}/" in serial.stdout


def test_sound_reviews_exit_0_in_either_way(portfolio: Path) -> None:
    sound = [f"a-{i}-riverside" for i in range(4)]
    serial = _sendreview("validate", "-j", "1", *sound, cwd=portfolio)
    parallel = _sendreview("validate", "-j", "2", *sound, cwd=portfolio)
    assert serial.returncode == parallel.returncode == 0
    assert (parallel.stdout, parallel.stderr) == (serial.stdout, serial.stderr)
    assert "4 reviews" in serial.stdout + serial.stderr


def test_problems_met_while_searching_keep_their_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("a", "c", "e"):
        copy_workspace(RIVERSIDE, tmp_path / name)
        (tmp_path / name / "context.yaml").write_text("not: [closed\n", encoding="utf-8")
    hidden = tmp_path / "b" / "locked"
    hidden.mkdir(parents=True)
    (tmp_path / "d").mkdir()  # neither a review nor holding one
    real_scandir = os.scandir

    def scandir(path: Any = ".") -> Any:  # root ignores permissions: refuse at the call
        if Path(path).resolve() == hidden.resolve():
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.chdir(tmp_path)
    given = [".", "missing", "d", "a"]
    serial = validate(given, jobs=1)
    parallel = validate(given, jobs=2)
    assert parallel == serial
    assert serial.reviews == 3  # "a", named again after ".", is checked once
    codes = [d.code for d in serial.diagnostics if d.code in ("SR100", "SR101")]
    assert codes == ["SR101", "SR100", "SR100"]
    # the folder that could not be searched is reported between the reviews around it
    shown = [d.path.split("/")[0] for d in serial.diagnostics]
    assert [p for i, p in enumerate(shown) if i == 0 or shown[i - 1] != p] == [
        *("a", "b", "c", "e", "missing", "d")
    ]


def test_a_job_count_below_one_is_refused(portfolio: Path) -> None:
    done = _sendreview("validate", "-j", "0", ".", cwd=portfolio)
    assert done.returncode == 2
    assert "-j" in done.stderr or "--jobs" in done.stderr


def test_findings_are_given_as_each_review_is_checked(tmp_path: Path) -> None:
    """A run over thousands of reviews holds one review's findings at a time: the first
    review's come before the last review is read (here, before it is deleted)."""
    from sendreview.validation.run import stream

    for name in ("a", "b", "c", "d"):
        build_case("framework-ids", tmp_path / name)
    found = stream([tmp_path], jobs=1)
    assert found.reviews == 4
    first = next(found.diagnostics)
    assert first.path.startswith(str(tmp_path / "a"))
    for file in (tmp_path / "d").iterdir():
        if file.is_file():
            file.unlink()  # the last review, emptied after the first was given
    rest = list(found.diagnostics)
    assert any(d.code == "SR109" and d.path.startswith(str(tmp_path / "d")) for d in rest)


@pytest.mark.skipif(sys.platform == "win32", reason="process groups and SIGINT are POSIX")
def test_ctrl_c_stops_validate_on_every_core(tmp_path: Path) -> None:
    """Ctrl-C (SIGINT to the terminal's whole process group) once the first review's
    findings are printed: exit 130 with one line, no traceback, and no worker left
    behind (the pipes close only when every process holding them has ended)."""
    for i in range(60):
        copy_workspace(RIVERSIDE, tmp_path / "trust" / f"r{i:02d}")
    proc = subprocess.Popen(
        [sys.executable, "-m", "sendreview", "validate", "trust", "-j", "2"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own group, as a terminal's foreground job
    )
    assert proc.stdout is not None
    first = proc.stdout.readline().decode()
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert first.startswith("trust/r00/"), (first, err)
    assert proc.returncode == 130, err
    assert "Interrupted." in err.decode()
    assert "Traceback" not in err.decode()
    assert "in 60 reviews" not in err.decode()  # stopped, not finished
