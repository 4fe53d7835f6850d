"""Where the package's data folders live, installed or in a source checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from sendreview.errors import IncompleteInstallation

_HERE = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """``frameworks`` or ``templates``: in the installed package, else the checkout's top.

    Missing, it is a broken installation (``IncompleteInstallation``), not a disk problem.
    """
    for candidate in (_HERE / name, _HERE.parent / name):
        if candidate.is_dir():
            return candidate
    raise IncompleteInstallation(name)
