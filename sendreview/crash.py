"""Crash logs: the full traceback of an internal error, kept on this machine only."""

from __future__ import annotations

import os
import platform
import tempfile
import time
import traceback
from pathlib import Path

from sendreview import __version__


def write_crash_log(error: BaseException) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    folder = Path(tempfile.gettempdir())
    fd, name = tempfile.mkstemp(prefix=f"sendreview-crash-{stamp}-", suffix=".log", dir=folder)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(
            f"sendreview {__version__}, Python {platform.python_version()}, "
            f"{platform.platform()}\n\n"
        )
        f.write("".join(traceback.format_exception(error)))
    return Path(name)
