"""A follow-ups folder that cannot be read is an error, never a silent "no visits"."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Invoke


def test_an_unreadable_follow_ups_folder_is_an_error(
    riverside: Path, cli: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    # root ignores permissions, so the refusal is simulated at the one call that lists it
    real_scandir = os.scandir
    folder = riverside / "follow-ups"

    def scandir(path: Any = ".") -> Any:
        if Path(path) == folder:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = cli("validate", str(riverside))
    assert result.exit_code == 1
    assert "follow-ups: error SR101 the folder of follow-up visits cannot be read" in result.stdout
    assert "hint: check you may open this folder" in result.stdout


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder whatever its permissions")
def test_a_follow_ups_folder_without_permission_is_an_error(riverside: Path, cli: Invoke) -> None:
    folder = riverside / "follow-ups"
    folder.chmod(0)
    try:
        result = cli("validate", str(riverside))
    finally:
        folder.chmod(0o755)
    assert result.exit_code == 1
    assert "SR101 the folder of follow-up visits cannot be read" in result.stdout


def test_a_broken_link_is_reported_as_one_not_as_missing(riverside: Path, cli: Invoke) -> None:
    (riverside / "context.yaml").unlink()
    (riverside / "context.yaml").symlink_to("gone.yaml")
    result = cli("validate", str(riverside))
    assert result.exit_code == 1
    assert "context.yaml: error SR101 cannot be read: No such file or directory" in result.stdout
    assert "SR109" not in result.stdout


def test_a_follow_ups_pipe_is_named_for_what_it_is(riverside: Path, cli: Invoke) -> None:
    import shutil

    shutil.rmtree(riverside / "follow-ups")
    os.mkfifo(riverside / "follow-ups")
    result = cli("validate", str(riverside))
    assert result.exit_code == 1
    assert "follow-ups: error SR101 follow-ups is a named pipe; it should be the folder" in (
        result.stdout
    )


def test_a_folder_that_cannot_be_searched_is_reported(
    tmp_path: Path, riverside: Path, cli: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_walk = os.walk
    blocked = tmp_path / "blocked"
    blocked.mkdir()

    def walk(top: Any, onerror: Any = None, **kwargs: Any) -> Any:
        if onerror is not None:
            onerror(PermissionError(errno.EACCES, "Permission denied", str(blocked)))
        return real_walk(top, onerror=onerror, **kwargs)

    monkeypatch.setattr(os, "walk", walk)
    result = cli("validate", str(tmp_path))
    assert result.exit_code == 1
    assert "error SR101 this folder cannot be searched for reviews: Permission denied" in (
        result.stdout
    )
