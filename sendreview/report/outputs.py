"""Where reports go, and the rule that protects files sendreview did not write.

Beside its outputs sendreview keeps ``.sendreview-outputs.json``: the fingerprint of
each file it wrote. A file there is replaced freely when it is unchanged since; a
file that is not sendreview's, or that someone has edited since (a reviewer's
tweaks to the Word file), is only replaced with ``--force``. While a file is being
replaced its entry lists both fingerprints, old and new, so that a run stopped at any
moment (``kill -9``, a power cut) leaves a file the next run still knows as its own.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from pathlib import Path

from sendreview import safefile
from sendreview.atomic import locked, write_atomic
from sendreview.errors import SendreviewError, UsageError

MANIFEST = ".sendreview-outputs.json"
OUTPUT_BYTES = 1_000_000_000  # far beyond any report; only to bound what is read


def slug(text: str) -> str:
    """A file name from a school's name: "St Aidan's Church" as ``st-aidans-church``."""
    text = re.sub(r"(?<=\w)['\u2019](?=\w)", "", text)  # an apostrophe joins its word
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "review"


def plan(
    workspace: Path, stem: str, formats: list[str], output: Path | None, what: str = "report"
) -> dict[str, Path]:
    """The file each format is written to (``what``: the kind of document, for messages)."""
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
                f"'{output}' does not end in .{formats[0]}, but a {formats[0]} {what} was "
                "asked for",
                f"name the file .{formats[0]}, or give a folder",
            )
        return {formats[0]: output}
    else:
        folder = output
    return {fmt: folder / f"{stem}.{fmt}" for fmt in formats}


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _manifest(folder: Path) -> dict[str, str | list[str]]:
    try:
        data = json.loads(safefile.read_bytes(folder / MANIFEST, 10_000_000))
    except (safefile.Refused, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _known(entry: object) -> list[str]:
    """The fingerprints a manifest entry allows: one, or two while a file is being replaced
    (a writer stopped in between, by ``kill -9`` or a power cut, left the old or the new)."""
    if isinstance(entry, str):
        return [entry]
    if isinstance(entry, list):
        return [d for d in entry if isinstance(d, str)]
    return []


def _refuse_unless_ours(path: Path, manifest: dict[str, str | list[str]]) -> None:
    try:
        os.lstat(path)  # any other problem (part of the path a file, say) is the user's to see
    except FileNotFoundError:
        return
    known = _known(manifest.get(path.name))
    try:
        data = safefile.read_bytes(path, OUTPUT_BYTES)
    except safefile.Refused as refused:  # a pipe, a link, a huge file: not ours
        raise SendreviewError(
            f"'{path}' already exists and was not written by sendreview ({refused.message})",
            "choose another place with -o, or add --force to replace it",
        ) from refused
    if not known:
        raise SendreviewError(
            f"'{path}' already exists and was not written by sendreview",
            "choose another place with -o, or add --force to replace it",
        )
    if _digest(data) not in known:
        raise SendreviewError(
            f"'{path}' has been changed since sendreview wrote it",
            "save your edited copy under another name, or add --force to replace it",
        )


def check(targets: list[Path], force: bool) -> None:
    """Refuse before any work is done if a target is not ours to replace."""
    if force:
        return
    for path in targets:
        _refuse_unless_ours(path, _manifest(path.parent))


def _save(folder: Path, manifest: dict[str, str | list[str]]) -> None:
    text = json.dumps(dict(sorted(manifest.items())), indent=2) + "\n"
    write_atomic(folder / MANIFEST, text, overwrite=True)


def publish(data: bytes, path: Path, *, force: bool) -> None:
    """Atomically put ``data`` at ``path`` and remember its fingerprint.

    Runs one at a time per folder (several reports rendered at once each leave their
    files and the manifest whole and in step). The new fingerprint is recorded before
    the file is replaced, beside the old one, so that a run stopped at any moment
    leaves a file the next run knows as its own. With ``force=False`` the target is
    checked again first, under the lock: a file put there since ``check`` is kept.
    """
    folder = path.parent
    digest = _digest(data)
    with locked(folder):
        manifest = _manifest(folder)
        if not force:
            _refuse_unless_ours(path, manifest)
        gone = [n for n in manifest if n != path.name and not (folder / n).exists()]
        for name in gone:
            del manifest[name]  # files deleted since: nothing left to protect
        settled = manifest.get(path.name) == digest
        if not settled:
            known = _known(manifest.get(path.name))
            manifest[path.name] = [*(d for d in known if d != digest), digest]
        if gone or not settled:
            _save(folder, manifest)
        write_atomic(path, data, overwrite=True)
        if not settled:
            manifest[path.name] = digest
            _save(folder, manifest)
