"""Where the package's data folders live, installed or in a source checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """``frameworks`` or ``templates``: in the installed package, else the checkout's top."""
    for candidate in (_HERE / name, _HERE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"sendreview's {name} folder is missing from the installation")
