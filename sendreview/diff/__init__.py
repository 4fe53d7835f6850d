"""``sendreview diff``: what changed in a review between two versions, entry by entry.

A version is a git revision of the review's repository (read with dulwich, never
written to), the working tree, or a folder holding a review. Modules: ``sides``
(finding and loading the versions), ``git`` (a revision's files), ``compare`` and
``model`` (what changed), ``render`` (terminal, JSON and the report formats).
"""

from __future__ import annotations

from pathlib import Path

from sendreview.diff.model import Comparison
from sendreview.errors import UsageError


def versions(args: list[str]) -> tuple[Path, str | None, str | None]:
    """``[DIR] [OLD] [NEW]`` as (the review's folder, old, new): two folders holding
    reviews compare those folders; otherwise OLD and NEW are revisions or folders, by
    default the last commit and the working tree. DIR may be left out before a version
    that is not also the name of a file or folder here."""
    from sendreview.diff.sides import is_review

    if args and not _exists(args[0]):  # `sendreview diff HEAD~1` inside the review
        args = [".", *args]
    if len(args) > 3:
        raise UsageError(
            "give at most three things: the review's folder and two versions",
            "for example: sendreview diff my-review HEAD~1 HEAD",
        )
    if len(args) == 2 and is_review(args[0]) and is_review(args[1]):
        return Path(args[1]), args[0], args[1]
    folder = Path(args[0]) if args else Path()
    return folder, (args[1] if len(args) > 1 else None), (args[2] if len(args) > 2 else None)


def _exists(name: str) -> bool:
    try:
        return Path(name).exists()
    except (OSError, ValueError):  # a name too long, or holding a NUL: no such folder
        return False


def diff(args: list[str]) -> Comparison:
    """What changed between the two versions ``args`` name (see ``versions``)."""
    from sendreview.diff.compare import compare
    from sendreview.diff.sides import open_sides

    folder, old, new = versions(args)
    with open_sides(folder, old, new) as (before, after):
        return compare(before, after)
