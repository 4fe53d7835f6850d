"""How folders are named in messages, and which folders are never part of a review."""

from __future__ import annotations

import os
from pathlib import Path

# Folders inside or around reviews that hold no review files of their own
SKIP_DIRS = {"build", ".git", ".sendreview", "node_modules", "__pycache__", ".venv", "templates"}


def display_root(path: Path) -> str:
    """A folder as the user would name it: relative to where they are, when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return rel if not rel.startswith("..") else str(path)


def user_cache() -> Path:
    """This user's cache folder for sendreview (``$XDG_CACHE_HOME/sendreview``, else
    ``~/.cache/sendreview``): what can be made again, kept to save time."""
    home = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(home) / "sendreview"
