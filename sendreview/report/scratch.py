"""Working folders for one run of ``report``, in the system's temporary folder.

Each holds a lock the operating system releases when the process ends, however it
ends (kill -9 too), so the next run can tell a folder left by a stopped run from one
still in use, and removes it.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

SCRATCH = "sendreview-work-"  # prefix of working folders in the system's temporary folder
_LOCK = ".sendreview-lock"


def _lock(folder: Path) -> Any:
    """An open file holding an exclusive lock, named ``_LOCK`` in ``folder`` only once
    locked; the operating system releases it when the process ends, however it ends."""
    import fcntl

    fd, name = tempfile.mkstemp(dir=folder, prefix=".lock-")
    fcntl.flock(fd, fcntl.LOCK_EX)
    Path(name).rename(folder / _LOCK)
    return fd


def clean_stale(base: Path | None = None) -> list[Path]:
    """Remove working folders of runs that ended without removing them (killed, or the
    machine stopped): their lock is free. Folders of runs still going keep their lock."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no stale check, folders stay
        return []
    removed = []
    base = base or Path(tempfile.gettempdir())
    try:
        entries = list(os.scandir(base))
    except OSError:
        return []
    for entry in entries:
        if not entry.name.startswith(SCRATCH):
            continue  # never a folder this module did not make (a user's, another tool's)
        try:
            info = entry.stat(follow_symlinks=False)
            if not entry.is_dir(follow_symlinks=False) or info.st_uid != os.getuid():
                continue
            folder = Path(entry.path)
            try:
                fd = os.open(folder / _LOCK, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            except FileNotFoundError:  # one being set up this moment
                continue
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                continue  # a run still going
            finally:
                os.close(fd)
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
        except OSError:
            continue
    return removed


@functools.cache
def _clean_once() -> None:
    clean_stale()


@contextlib.contextmanager
def folder() -> Iterator[Path]:
    """A working folder of this run's own in the system's temporary folder, removed at the
    end; one left by a killed run is removed by the next run (``clean_stale``, once a
    process: a report takes two working folders, and the temporary folder can be large)."""
    _clean_once()
    folder = Path(tempfile.mkdtemp(prefix=SCRATCH))
    fd = None
    try:
        with contextlib.suppress(ImportError):
            fd = _lock(folder)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        if fd is not None:
            os.close(fd)
