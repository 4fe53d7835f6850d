"""A record of the last rendering of each kind of report, so that asking again for the
same review (in another format, or after `make demo`) skips validation and templating.

The record is keyed by the SHA-256 of everything the Markdown depends on: every file of
the workspace (outside build/), the report templates, the frameworks and sendreview's
version. Any change to any of them is a miss, and the review is checked and rendered
afresh. Only reviews without errors are recorded. The record lives in the review's own
build/ folder (which git ignores) as plain JSON and PNG files, never as pickles, so a
file placed there cannot run code.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sendreview import __version__
from sendreview.atomic import write_atomic
from sendreview.diagnostics import Diagnostic, Severity
from sendreview.resources import data_dir

FOLDER = ".sendreview-cache"
_SKIP = {"build", ".git"}


@dataclass(frozen=True)
class Entry:
    markdown: str
    meta: dict[str, Any]
    warnings: list[Diagnostic]
    images: dict[str, bytes]


def _files(root: Path) -> list[Path]:
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP)
        found += [Path(folder) / f for f in sorted(files)]
    return found


def key(
    workspace: Path, template_folders: list[Path], kind: str, visit: date | None, display: str
) -> str:
    digest = hashlib.sha256(f"{__version__}\0{kind}\0{visit}\0{display}".encode())
    for folder in [workspace, *template_folders, data_dir("frameworks")]:
        for path in _files(folder):
            digest.update(str(path.relative_to(folder)).encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _path(workspace: Path, kind: str, visit: date | None) -> Path:  # one record per kind
    name = kind if visit is None else f"{kind}-{visit.isoformat()}"
    return workspace / "build" / FOLDER / f"{name}.json"


def load(workspace: Path, kind: str, visit: date | None, wanted: str) -> Entry | None:
    try:
        data = json.loads(_path(workspace, kind, visit).read_text(encoding="utf-8"))
        if data.get("key") != wanted:
            return None
        warnings = [
            Diagnostic(
                d["path"],
                d["line"],
                d["col"],
                Severity(d["severity"]),
                d["code"],
                d["message"],
                d["hint"],
            )
            for d in data["warnings"]
        ]
        images = {name: base64.b64decode(value) for name, value in data["images"].items()}
        return Entry(data["markdown"], data["meta"], warnings, images)
    except (OSError, ValueError, KeyError, TypeError):
        return None  # no record, or one from another version: render afresh


def store(workspace: Path, kind: str, visit: date | None, wanted: str, entry: Entry) -> None:
    data = {
        "key": wanted,
        "markdown": entry.markdown,
        "meta": entry.meta,
        "warnings": [
            {
                "path": d.path,
                "line": d.line,
                "col": d.col,
                "severity": d.severity.value,
                "code": d.code,
                "message": d.message,
                "hint": d.hint,
            }
            for d in entry.warnings
        ],
        "images": {
            name: base64.b64encode(value).decode() for name, value in sorted(entry.images.items())
        },
    }
    with contextlib.suppress(OSError):  # a read-only review still renders, unremembered
        write_atomic(_path(workspace, kind, visit), json.dumps(data), overwrite=True)
