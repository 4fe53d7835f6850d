"""A record of the last rendering of each kind of report, so that asking again for the
same review (in another format, or after `make demo`) skips validation and templating.

The record is keyed by the SHA-256 of everything the Markdown depends on: every file of
the workspace (outside build/), the report templates, the built-in frameworks, a
framework file kept outside the review, and sendreview's version. Any change to any of
them is a miss, and the review is checked and rendered afresh. Only reviews without
errors are recorded. The record lives in the review's own build/ folder (which git
ignores) as plain JSON, never as pickles or compiled code, so a file placed there can
change at most the text of a report, never run anything.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sendreview import __version__
from sendreview.atomic import sweep, write_atomic
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
    inputs: list[Path] = field(default_factory=list)  # files outside the review it read


def _files(root: Path) -> list[Path]:
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP)
        found += [Path(folder) / f for f in sorted(files)]
    return found


def _digest(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(str(path).encode() + b"\0")
        with contextlib.suppress(OSError):  # a file gone since is a change like any other
            digest.update(path.read_bytes())
    return digest.hexdigest()


def key(
    workspace: Path, template_folders: list[Path], kind: str, visit: date | None, display: str
) -> str:
    digest = hashlib.sha256(f"{__version__}\0{kind}\0{visit}\0{display}".encode())
    for folder in [workspace, *template_folders, data_dir("frameworks")]:
        digest.update(_digest(_files(folder)).encode())
    return digest.hexdigest()


def _path(workspace: Path, kind: str, visit: date | None) -> Path:  # one record per kind
    name = kind if visit is None else f"{kind}-{visit.isoformat()}"
    return workspace / "build" / FOLDER / f"{name}.json"


def load(workspace: Path, kind: str, visit: date | None, wanted: str) -> Entry | None:
    sweep(workspace / "build" / FOLDER)  # what a run stopped by kill -9 left half-written
    try:
        data = json.loads(_path(workspace, kind, visit).read_text(encoding="utf-8"))
        inputs = [Path(p) for p in data["inputs"]]
        if data["key"] != wanted or data["inputs_digest"] != _digest(inputs):
            return None
        warnings = [
            Diagnostic(**{**d, "severity": Severity(d["severity"])}) for d in data["warnings"]
        ]
        images = {name: base64.b64decode(value) for name, value in data["images"].items()}
        return Entry(data["markdown"], data["meta"], warnings, images, inputs)
    except (OSError, ValueError, KeyError, TypeError):
        return None  # no record, or one from another version: render afresh


def store(workspace: Path, kind: str, visit: date | None, wanted: str, entry: Entry) -> None:
    data = {
        "key": wanted,
        "inputs": [str(p) for p in entry.inputs],
        "inputs_digest": _digest(entry.inputs),
        "markdown": entry.markdown,
        "meta": entry.meta,
        "warnings": [asdict(d) for d in entry.warnings],
        "images": {
            name: base64.b64encode(value).decode() for name, value in sorted(entry.images.items())
        },
    }
    with contextlib.suppress(OSError):  # a read-only review still renders, unremembered
        write_atomic(_path(workspace, kind, visit), json.dumps(data), overwrite=True)
