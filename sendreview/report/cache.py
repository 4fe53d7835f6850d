"""A record of the last rendering of each kind of report, so that asking again for the
same review (in another format, or after `make demo`) skips validation and templating.

The record is keyed by the SHA-256 of everything the Markdown depends on: every file of
the workspace (outside build/), the report templates, the built-in frameworks, a
framework file kept outside the review, and sendreview's version. Any change to any of
them is a miss, and the review is checked and rendered afresh. Only reviews without
errors are recorded. The record lives in the review's own build/ folder (which git
ignores) as plain JSON, never as pickles or compiled code.

A review may come from someone else with a build/ folder of their making, so the key
also holds a secret of this user's own (kept in their cache folder, never in a review):
a record made anywhere else never matches, and is rendered afresh. Without a place for
the secret (a read-only home), nothing is recorded.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import re
import secrets
import stat
from dataclasses import asdict
from datetime import date
from pathlib import Path

from sendreview import __version__, safefile
from sendreview.atomic import sweep, write_atomic
from sendreview.diagnostics import Diagnostic, Severity
from sendreview.paths import user_cache
from sendreview.report.source import Prepared, TitlePage
from sendreview.resources import data_dir

FOLDER = ".sendreview-cache"
RECORD_BYTES = 100_000_000  # a record holds a report's Markdown and its chart
_SKIP = {"build", ".git"}


def _files(root: Path) -> list[Path]:
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP)
        found += [Path(folder) / f for f in sorted(files)]
    return found


def _digest(paths: list[Path]) -> str:
    """A hash of the files' contents. Only plain files are read (a named pipe would block,
    a link to a device would never end); a link counts by where it leads."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(str(path).encode() + b"\0")
        with contextlib.suppress(OSError):  # a file gone since is a change like any other
            info = path.lstat()
            if stat.S_ISLNK(info.st_mode):
                digest.update(b"link\0" + str(path.readlink()).encode())
            elif stat.S_ISREG(info.st_mode):
                safefile.hash_into(digest, path)
            else:
                digest.update(f"kind {stat.S_IFMT(info.st_mode)}".encode())
    return digest.hexdigest()


def _secret() -> bytes | None:
    """This user's own secret for record keys, made on first use; None if it cannot be."""
    path = user_cache() / "record-key"
    for _ in range(2):
        with contextlib.suppress(safefile.Refused):
            secret = safefile.read_bytes(path, 64)
            if len(secret) == 64:
                return secret
        try:
            write_atomic(path, secrets.token_hex(32), overwrite=False)
        except FileExistsError:
            continue  # another run made it first: read that one
        except OSError:
            return None
    return None


def key(
    workspace: Path,
    template_folders: list[Path],
    kind: str,
    visit: date | None,
    display: str,
    options: str = "",
) -> str | None:
    """The record's key, or None when nothing can be recorded (see ``_secret``)."""
    secret = _secret()
    if secret is None:
        return None
    text = f"\0{__version__}\0{kind}\0{visit}\0{display}\0{options}"
    digest = hashlib.sha256(secret + text.encode())
    for folder in [workspace, *template_folders, data_dir("frameworks")]:
        digest.update(_digest(_files(folder)).encode())
    return digest.hexdigest()


_IMAGE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,100}\.(?:png|svg)")


def _path(workspace: Path, kind: str, visit: date | None) -> Path:  # one record per kind
    name = kind if visit is None else f"{kind}-{visit.isoformat()}"
    return workspace / "build" / FOLDER / f"{name}.json"


def load(workspace: Path, kind: str, visit: date | None, wanted: str | None) -> Prepared | None:
    if wanted is None:
        return None
    sweep(workspace / "build" / FOLDER)  # what a run stopped by kill -9 left half-written
    try:
        data = json.loads(safefile.read_bytes(_path(workspace, kind, visit), RECORD_BYTES))
        inputs = tuple(Path(p) for p in data["inputs"])
        if data["key"] != wanted or data["inputs_digest"] != _digest(list(inputs)):
            return None
        page = data["page"]
        return Prepared(
            markdown=str(data["markdown"]),
            page=TitlePage(**{**page, "stamp": date.fromisoformat(page["stamp"])}),
            warnings=tuple(
                Diagnostic(**{**d, "severity": Severity(d["severity"])}) for d in data["warnings"]
            ),
            images=tuple(
                (_image_name(name), base64.b64decode(value)) for name, value in data["images"]
            ),
            inputs=inputs,
        )
    except (safefile.Refused, ValueError, KeyError, TypeError):
        return None  # no record, or one from another version: render afresh


def _image_name(name: object) -> str:
    """An image's plain file name; anything else (a path) makes the record unusable."""
    if not isinstance(name, str) or not _IMAGE.fullmatch(name):
        raise ValueError(f"not an image name: {name!r}")
    return name


def store(
    workspace: Path, kind: str, visit: date | None, wanted: str | None, entry: Prepared
) -> None:
    if wanted is None:
        return
    data = {
        "key": wanted,
        "inputs": [str(p) for p in entry.inputs],
        "inputs_digest": _digest(list(entry.inputs)),
        "markdown": entry.markdown,
        "page": {**asdict(entry.page), "stamp": entry.page.stamp.isoformat()},
        "warnings": [asdict(d) for d in entry.warnings],
        "images": [[name, base64.b64encode(value).decode()] for name, value in entry.images],
    }
    with contextlib.suppress(OSError):  # a read-only review still renders, unremembered
        write_atomic(_path(workspace, kind, visit), json.dumps(data), overwrite=True)
