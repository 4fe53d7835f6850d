"""Attachments named in the evidence log: each must be a plain file inside the review folder.

The same rules as for the review's own YAML files: a link may lead only to a file inside
the review folder, and named pipes, devices, sockets and folders are not files. Names
are checked before the file system sees them, so a control character or a pasted page
of text becomes a diagnostic at its line and column, not a crash.
"""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path, PurePosixPath

from sendreview.diagnostics import Diagnostic
from sendreview.diagnostics.formatters import visible
from sendreview.safefile import LINK_OUTSIDE_HINT, NOT_A_FILE_HINT, READ_HINT, TOO_LONG_HINT, really
from sendreview.safefile import kind as file_kind
from sendreview.workspace import Workspace

NAME_MAX = 255  # bytes in one name: ext4, APFS, NTFS and most others
PATH_MAX = 4096  # bytes in a whole path (Linux)
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_OUTSIDE_HINT = (
    "copy the file into the review folder (for example attachments/) and give its path "
    "relative to the folder"
)
_MISSING_HINT = "check the spelling; paths are relative to the review folder"


def shown(name: str, limit: int = 60) -> str:
    """``name`` fit to print: control characters escaped, a long name cut short."""
    # every control character, tabs too (a name has none), and what `visible` shows
    text = visible(_CONTROL.sub(lambda m: f"\\x{ord(m[0]):02x}", name), one_line=True)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def problem(name: str, root: Path) -> tuple[str, str, str] | None:
    """(code, message, hint) for an attachment that is not a plain file in ``root``."""
    control = _CONTROL.search(name)
    if control:
        char = f"\\x{ord(control[0]):02x}"
        return (
            "SR405",
            f"attachment name '{shown(name)}' holds a control character ({char}); no file name can",
            "write the file's real name: a backslash escape such as \\0 or \\t inside double "
            "quotes becomes a control character, so write the name in single quotes or none",
        )
    pure = PurePosixPath(name.replace("\\", "/"))
    longest = max((len(part.encode()) for part in pure.parts), default=0)
    if longest > NAME_MAX or len(name.encode()) > PATH_MAX:
        return (
            "SR405",
            f"attachment '{shown(name)}': this file name is too long ({len(name):,} characters)",
            TOO_LONG_HINT + "; give the path of a file in the review folder, "
            "such as attachments/visit-notes.pdf",
        )
    lexical = os.path.normpath(pure)
    if (
        pure.is_absolute()
        or Path(name).is_absolute()
        or lexical == ".."
        or lexical.startswith("../")
    ):
        return "SR404", f"attachment '{shown(name)}' is outside the review folder", _OUTSIDE_HINT
    target = root / pure
    where, inside = really(target, root)
    real = Path(where)
    if not inside:
        return (
            "SR404",
            f"attachment '{shown(name)}' is a link to '{shown(str(real))}', "
            "outside the review folder",
            LINK_OUTSIDE_HINT,
        )
    try:
        mode = real.stat().st_mode
    except OSError as e:
        if e.errno == errno.ENAMETOOLONG:
            return "SR405", f"attachment '{shown(name)}': this file name is too long", TOO_LONG_HINT
        if e.errno in (errno.ENOENT, errno.ENOTDIR):
            return "SR403", f"attachment '{shown(name)}' does not exist", _MISSING_HINT
        return (
            "SR403",
            f"attachment '{shown(name)}' cannot be reached: {e.strerror or e}",
            READ_HINT,
        )
    kind = file_kind(mode)
    if kind == "a folder":
        return (
            "SR406",
            f"attachment '{shown(name)}' is a folder, not a file",
            "name each file in the folder, such as attachments/visit-notes.pdf",
        )
    if kind:
        return "SR406", f"attachment '{shown(name)}' is {kind}, not a file", NOT_A_FILE_HINT
    return None


def check(ws: Workspace) -> list[Diagnostic]:
    part = ws.parts.get("evidence")
    evidence = ws.evidence
    if part is None or evidence is None:
        return []
    out = []
    for i, item in enumerate(evidence.log):
        for j, name in enumerate(item.attachments):
            found = problem(name, ws.root)
            if found:
                code, message, hint = found
                out.append(part.doc.diagnostic(("log", i, "attachments", j), code, message, hint))
    return out
