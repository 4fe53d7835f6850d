"""What every docs generator in tools/ does at the end: write its file, or with
``--check`` say (exit 1) that the file on disk is out of date."""

from __future__ import annotations

import sys
from pathlib import Path


def write_or_check(path: Path, text: str, command: str, argv: list[str]) -> int:
    if "--check" in argv:
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            return 0
        print(f"{path} is out of date: run {command}", file=sys.stderr)
        return 1
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path}")
    return 0
