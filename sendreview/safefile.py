"""Reading a file that may come from someone else, the one way sendreview does it.

A review folder may hold a named pipe (reading it would wait for ever), a link to a
device (reading it would never end) or a link leading out of the review (to a file
the person sharing the review wanted read). Every file sendreview reads from a review,
or from its ``build/`` folder, comes through :func:`read_bytes`: only a plain file, at
most ``limit`` bytes whatever the file system says its size is, and with ``root``
only a file really inside that folder.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Any

NOT_A_FILE_HINT = (
    "sendreview reads only plain files: it would wait for ever on a named pipe and read "
    "without end from a device; put the real file here instead"
)
LINK_OUTSIDE_HINT = (
    "a link inside a review may lead only to a file inside the same review folder, so a "
    "review that is shared or copied is whole and cannot pull in other files; copy the "
    "file into the review folder instead of linking to it"
)
TOO_LONG_HINT = (
    "file systems allow at most 255 bytes in one name; this is probably pasted text or a "
    "web address, not a file name"
)
READ_HINT = "check the file exists and that you may read it"

_OPEN = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a pipe swapped in after the check cannot block us
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)

KIND, OUTSIDE, TOO_LARGE, UNREADABLE = "kind", "outside", "too-large", "unreadable"


class Refused(Exception):
    """Why a file was not read. ``reason`` is KIND, OUTSIDE, TOO_LARGE or UNREADABLE."""

    def __init__(self, reason: str, message: str, hint: str) -> None:
        super().__init__(message)
        self.reason, self.message, self.hint = reason, message, hint


def kind(mode: int) -> str | None:
    """What something that is not a regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def really(path: Path, root: Path) -> tuple[str, bool]:
    """Where ``path`` really is, following every link, and whether that is inside ``root``."""
    real, top = os.path.realpath(path), os.path.realpath(root)
    return real, real == top or real.startswith(top if top.endswith(os.sep) else top + os.sep)


def _not_a_file(what: str) -> Refused:
    hint = (
        "remove or rename the folder so a file can take its place"
        if what == "a folder"
        else (NOT_A_FILE_HINT)
    )
    return Refused(KIND, f"this is {what}, not a file", hint)


def read_bytes(path: Path, limit: int, root: Path | None = None) -> bytes:
    """The bytes of a plain file of at most ``limit`` bytes (inside ``root``, if given)."""
    try:
        target, flags = path, _OPEN
        if root is not None:
            real, inside = really(path, root)
            if not inside:
                raise Refused(
                    OUTSIDE,
                    f"this is a link to '{real}', outside the review folder; not read",
                    LINK_OUTSIDE_HINT,
                )
            target = Path(real)  # no links left: open it without following any
            flags |= getattr(os, "O_NOFOLLOW", 0)
        info = target.stat()
        if what := kind(info.st_mode):
            raise _not_a_file(what)
        if info.st_size > limit:
            raise _too_large(f"{info.st_size:,}", limit)
        fd = os.open(target, flags)
        try:
            if what := kind(os.fstat(fd).st_mode):  # what was opened, not what was checked
                raise _not_a_file(what)
            chunks, left = [], limit + 1
            while left > 0 and (chunk := os.read(fd, left)):
                chunks.append(chunk)
                left -= len(chunk)
        finally:
            os.close(fd)
    except OSError as e:
        if e.errno == errno.ENAMETOOLONG:
            raise Refused(UNREADABLE, "this file name is too long", TOO_LONG_HINT) from e
        raise Refused(UNREADABLE, f"cannot be read: {e.strerror or e}", READ_HINT) from e
    except ValueError as e:  # a NUL in the name: no file system has such a file
        raise Refused(
            UNREADABLE,
            "this file name holds a NUL character, which no file name can",
            "check where the name came from: a '\\0' in double quotes is a NUL",
        ) from e
    raw = b"".join(chunks)
    if len(raw) > limit:
        raise _too_large(f"more than {limit:,}", limit)
    return raw


def _too_large(size: str, limit: int) -> Refused:
    return Refused(
        TOO_LARGE,
        f"file is {size} bytes; sendreview reads files of at most {limit:,} bytes",
        "check this is the right file; split very long text into attachments",
    )


def matches(path: Path, expected: bytes) -> bool:
    """Whether ``path`` is a plain file holding exactly ``expected`` (never raises)."""
    try:
        return read_bytes(path, len(expected)) == expected
    except Refused:
        return False


def hash_into(digest: Any, path: Path) -> None:
    """Feed a plain file's bytes to ``digest`` in chunks (any size, never following a
    link, never blocking on a pipe); what is not a plain file adds only its kind."""
    try:
        fd = os.open(path, _OPEN | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        digest.update(b"\0unreadable")
        return
    with os.fdopen(fd, "rb") as f:
        what = kind(os.fstat(fd).st_mode)
        if what:
            digest.update(what.encode())
            return
        while chunk := f.read(1 << 20):
            digest.update(chunk)
