"""Where reports go, and the rule that protects files sendreview did not write.

Beside its outputs sendreview keeps ``.sendreview-outputs.json``: the fingerprint of
each file it wrote. A file there is replaced freely when it is unchanged since; a
file that is not sendreview's, or that someone has edited since (a reviewer's
tweaks to the Word file), is only replaced with ``--force``.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from pathlib import Path

from sendreview.atomic import write_atomic
from sendreview.errors import SendreviewError, UsageError

MANIFEST = ".sendreview-outputs.json"


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "review"


def plan(workspace: Path, stem: str, formats: list[str], output: Path | None) -> dict[str, Path]:
    """The file each format is written to."""
    if output is None:
        folder = workspace / "build"
    elif output.suffix and not output.is_dir():
        if len(formats) > 1:
            raise UsageError(
                f"'{output}' names one file, but {len(formats)} formats were asked for",
                "give a folder with -o, or one --format",
            )
        if output.suffix.lower() != f".{formats[0]}":
            raise UsageError(
                f"'{output}' does not end in .{formats[0]}, but a {formats[0]} report was "
                "asked for",
                f"name the file .{formats[0]}, or give a folder",
            )
        return {formats[0]: output}
    else:
        folder = output
    return {fmt: folder / f"{stem}.{fmt}" for fmt in formats}


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _manifest(folder: Path) -> dict[str, str]:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def check(targets: list[Path], force: bool) -> None:
    """Refuse before any work is done if a target is not ours to replace."""
    if force:
        return
    for path in targets:
        if not path.exists():
            continue
        known = _manifest(path.parent).get(path.name)
        if known is None:
            raise SendreviewError(
                f"'{path}' already exists and was not written by sendreview",
                "choose another place with -o, or add --force to replace it",
            )
        if known != _digest(path.read_bytes()):
            raise SendreviewError(
                f"'{path}' has been changed since sendreview wrote it",
                "save your edited copy under another name, or add --force to replace it",
            )


def publish(data: bytes, path: Path) -> None:
    """Atomically put ``data`` at ``path`` and remember its fingerprint."""
    write_atomic(path, data, overwrite=True)
    manifest = _manifest(path.parent)
    manifest[path.name] = _digest(data)
    text = json.dumps(dict(sorted(manifest.items())), indent=2) + "\n"
    write_atomic(path.parent / MANIFEST, text, overwrite=True)
