"""Crash logs: the full traceback of an internal error, kept on this machine only."""

from __future__ import annotations

import os
import platform
import tempfile
import time
import traceback
from pathlib import Path

from sendreview import __version__


def crash_report(error: BaseException) -> str:
    return (
        f"sendreview {__version__}, Python {platform.python_version()}, "
        f"{platform.platform()}\n\n" + "".join(traceback.format_exception(error))
    )


def write_crash_log(error: BaseException) -> Path | None:
    """The log's path, or None if even the temporary folder cannot be written."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    try:
        fd, name = tempfile.mkstemp(prefix=f"sendreview-crash-{stamp}-", suffix=".log")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(crash_report(error))
    except OSError:
        return None
    return Path(name)
