"""Writing files so that a reader sees either the old file or the whole new one, never half.

A new file is first written in full to a temporary file beside it, then renamed over
(or hard-linked to) its name. A writer killed in between (``kill -9``, a power cut)
leaves at most that temporary file behind: its name says which process on which
machine wrote it, so the next write to the folder removes it once that process is
gone (or after an hour, whoever wrote it).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import socket
import tempfile
import time
from collections.abc import Iterator
from functools import cache
from pathlib import Path

_STALE_AFTER = 3600.0  # seconds: no write of sendreview's takes this long
_TEMP = re.compile(r"^\..*\.sr-(?P<host>[0-9a-f]{6})-(?P<pid>[0-9]+)-[a-z0-9_]+\.tmp$")


@cache
def _host() -> str:
    return hashlib.sha256(socket.gethostname().encode()).hexdigest()[:6]


def _temp_prefix(path: Path) -> str:
    name = path.name[:80]  # the temporary name must stay within 255 characters too
    return f".{name}.sr-{_host()}-{os.getpid()}-"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":  # Windows' os.kill(pid, 0) would end the process: keep by age
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process, for one
        return True
    return True


def is_temporary(name: str) -> bool:
    """Whether ``name`` is one of sendreview's temporary files."""
    return _TEMP.match(name) is not None


def sweep(folder: Path) -> list[Path]:
    """Remove the temporary files in ``folder`` whose writers are gone; returns them.

    A file whose writer still runs is kept (it is about to be renamed), as is one
    written on another machine (a shared folder) unless it is over an hour old.
    """
    removed: list[Path] = []
    try:
        with os.scandir(folder) as entries:
            names = [entry.name for entry in entries]
    except OSError:
        return removed
    now = time.time()
    for name in names:
        found = _TEMP.match(name)
        if found is None:
            continue
        path = folder / name
        try:
            age = now - path.lstat().st_mtime
        except OSError:
            continue
        mine = found["host"] == _host()
        if age > _STALE_AFTER or (mine and not _alive(int(found["pid"]))):
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


def _mode_for(path: Path) -> int:
    """The replaced file's mode, or the usual mode for a new file (temporary files are 0600)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _place_new(tmp: Path, path: Path) -> None:
    try:
        os.link(tmp, path)  # fails if the name exists, even if it appeared a moment ago
    except FileExistsError:
        raise
    except OSError:  # no hard links (FAT and exFAT USB sticks): check, then rename
        if path.exists():
            raise FileExistsError(path) from None
        tmp.replace(path)


def _sync_folder(folder: Path) -> None:
    """Make a rename survive a power cut (POSIX; elsewhere the rename is already durable)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_atomic(path: Path, data: str | bytes, *, overwrite: bool) -> None:
    """Write ``data`` to ``path`` atomically.

    With ``overwrite=False`` an existing file is never replaced, even one that appears
    between a check and the write: the last step is a hard link, which fails if the
    name exists (``FileExistsError``).
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    sweep(path.parent)
    fd, tmp_name = tempfile.mkstemp(prefix=_temp_prefix(path), suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(raw)
            f.flush()
            os.fsync(f.fileno())
        tmp.chmod(_mode_for(path))
        if overwrite:
            tmp.replace(path)
        else:
            _place_new(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    _sync_folder(path.parent)


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold ``folder``'s lock: other sendreview processes wait at the same call.

    On POSIX the lock is taken on the folder itself (nothing is added to it) and is
    let go when the process ends, however it ends. Elsewhere a ``.sendreview.lock``
    file in the folder is locked.
    """
    folder.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # Windows
        yield from _locked_file(folder)
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing lets the lock go


def _locked_file(folder: Path) -> Iterator[None]:  # pragma: no cover - Windows only
    import msvcrt

    with (folder / ".sendreview.lock").open("a+b") as f:
        while True:
            try:
                msvcrt.locking(f.fileno(), msvcrt.LK_LOCK, 1)  # type: ignore[attr-defined]
                break
            except OSError:  # LK_LOCK gives up after 10 seconds: keep waiting
                continue
        try:
            yield
        finally:
            f.seek(0)
            msvcrt.locking(f.fileno(), msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
