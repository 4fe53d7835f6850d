"""Writing files so that a reader sees either the old file or the whole new one, never half."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


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


def write_atomic(path: Path, data: str | bytes, *, overwrite: bool) -> None:
    """Write ``data`` to ``path`` atomically.

    With ``overwrite=False`` an existing file is never replaced, even one that appears
    between a check and the write: the last step is a hard link, which fails if the
    name exists (``FileExistsError``).
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
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
