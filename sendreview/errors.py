"""The one exception type users see, and its few refinements.

Anything raised as a ``SendreviewError`` is a problem the user can fix: the CLI
prints its message and hint and exits with its ``exit_code`` (1, or 2 for a usage
problem). Problems with the disk arrive as ``OSError`` and are explained by
``from_os_error``. Everything else is a bug (exit 3, with a crash log).
"""

from __future__ import annotations

import errno
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sendreview.diagnostics import Diagnostic


class SendreviewError(Exception):
    """A problem with the user's files or request, explained in plain words."""

    exit_code = 1

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class UsageError(SendreviewError):
    """The command was asked for something it cannot do as given (exit 2)."""

    exit_code = 2


class InvalidReview(SendreviewError):
    """A review has validation errors; carries the diagnostics to print."""

    def __init__(self, diagnostics: Sequence[Diagnostic], message: str | None = None) -> None:
        super().__init__(message or "the review has errors; fix them and run the command again")
        self.diagnostics = list(diagnostics)


class IncompleteInstallation(SendreviewError):
    """A folder that ships inside sendreview is missing: the installation is broken, not
    the user's files or disk. Deliberately not an ``OSError``."""

    def __init__(self, what: str) -> None:
        super().__init__(
            f"sendreview's installation is incomplete: its {what} folder is missing",
            "reinstall sendreview (for example 'pip install --force-reinstall sendreview'), "
            "or ask whoever installed it for you",
        )


# Windows reports a file that another program holds open (Word does, for every document
# it has open) as a PermissionError with one of these codes.
_WINDOWS_LOCKED = {32, 33}  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION

_CHECK = "check the name, and that the folder exists"
_HINTS: dict[int, tuple[str, str]] = {
    errno.ENAMETOOLONG: (
        "this file name is too long",
        "use a shorter file or folder name, or keep the review in a folder nearer the top "
        "of the drive",
    ),
    errno.EACCES: (
        "you do not have permission to use it",
        "choose a folder you may write to, or ask whoever manages this computer for access",
    ),
    errno.EPERM: (
        "you do not have permission to use it",
        "choose a folder you may write to, or ask whoever manages this computer for access",
    ),
    errno.EROFS: (
        "the disk is read-only",
        "write somewhere else, or check the USB stick or network drive is not locked",
    ),
    errno.ENOSPC: (
        "the disk is full",
        "free some space on the disk (or write somewhere else) and run the command again",
    ),
    errno.EDQUOT: (
        "your share of the disk is full",
        "delete files you no longer need, or ask for more space",
    ),
    errno.ENOENT: ("it does not exist", _CHECK),
    errno.ENOTDIR: ("part of this path is a file, not a folder", _CHECK),
    errno.EISDIR: ("this is a folder, not a file", "give the name of a file"),
    errno.EEXIST: ("it already exists", "choose another name"),
    errno.ENOTEMPTY: ("the folder is not empty", "choose an empty folder"),
    errno.EINVAL: (
        "this is not a name the disk allows",
        'leave out the characters < > : " / \\ | ? * from file and folder names',
    ),
    errno.EIO: (
        "the disk could not be read or written",
        "check the disk, USB stick or network drive is still connected",
    ),
    errno.ELOOP: ("this path goes round in a circle of links", _CHECK),
    errno.EMFILE: ("too many files are open at once", "close some programs and try again"),
}


def _locked(e: OSError) -> bool:
    return (
        e.errno == errno.EBUSY
        or getattr(e, "winerror", None) in _WINDOWS_LOCKED
        or "being used by another process" in str(e)
    )


def from_os_error(e: OSError) -> SendreviewError:
    """A problem with the disk, explained by its real cause (these are not bugs)."""
    # An atomic write fails on its target (filename2), not on its temporary file.
    name = e.filename2 if e.filename2 is not None else e.filename
    where = f" '{name}'" if name is not None else ""
    if _locked(e):
        return SendreviewError(
            f"could not use{where}: it is open in another program",
            "close it (Word locks the documents it has open) and run the command again",
        )
    if e.errno in _HINTS:
        what, hint = _HINTS[e.errno]
        return SendreviewError(f"could not use{where}: {what}", hint)
    return SendreviewError(
        f"could not use{where}: {e.strerror or e}",
        "check that the file or folder exists and that you may read and write there",
    )
