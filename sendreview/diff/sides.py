"""The two versions a diff compares, each loaded and checked as ``validate`` would.

A version is a git revision of the review's repository, the working tree (the review
folder as it is now), or any folder holding a review. Each is loaded whatever its
errors: what loaded is compared, and the errors are reported against that side.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sendreview.diagnostics import Diagnostic
from sendreview.errors import SendreviewError
from sendreview.workspace import Workspace

WORKING_TREE = "working tree"


@dataclass
class Side:
    """One version of the review: ``role`` is old or new; ``label`` names the version."""

    role: str
    label: str
    workspace: Workspace
    when: dt.date | None = None  # a revision's date
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def name(self) -> str:
        """How messages name this side: ``old (HEAD 1a2b3c4)``."""
        return f"{self.role} ({self.label})"

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]


def is_review(path: str | Path) -> bool:
    try:
        return (Path(path) / "review.yaml").is_file()
    except (OSError, ValueError):
        return False


def _checked(root: Path, display: str) -> tuple[Workspace, list[Diagnostic]]:
    from sendreview.validation.run import check_workspace
    from sendreview.workspace import load

    ws = load(root, display)
    return ws, check_workspace(ws)


def folder_side(role: str, folder: Path, label: str | None = None) -> Side:
    ws, found = _checked(folder, "")
    return Side(role, label or str(folder), ws, diagnostics=found)


@contextmanager
def open_sides(folder: Path, old: str | None, new: str | None) -> Iterator[tuple[Side, Side]]:
    """The two sides to compare, each a revision of ``folder``'s repository or a folder
    holding a review; by default the last commit (HEAD) and the working tree."""
    old = old or "HEAD"
    with tempfile.TemporaryDirectory(prefix="sendreview-diff-") as scratch:
        sides = []
        for role, spec in (("old", old), ("new", new)):
            if spec is None:
                if not is_review(folder):
                    raise _not_a_review(folder)
                sides.append(folder_side(role, folder, WORKING_TREE))
            elif is_review(spec):  # a folder holding a review is that review
                sides.append(folder_side(role, Path(spec)))
            else:
                sides.append(_revision_side(role, folder, spec, Path(scratch) / role))
        yield sides[0], sides[1]


def _revision_side(role: str, folder: Path, spec: str, target: Path) -> Side:
    from sendreview.diff.git import checkout, open_repository

    repo, inside = open_repository(folder)
    try:
        target.mkdir()
        revision = checkout(repo, spec, inside, target, "")
        ws, found = _checked(target, "")
    finally:
        repo.close()
    return Side(
        role,
        revision.label,
        ws,
        when=revision.when,
        diagnostics=sorted(revision.problems + found, key=Diagnostic.sort_key),
    )


def _not_a_review(folder: Path) -> SendreviewError:
    return SendreviewError(
        f"'{folder}' is not a review: it has no review.yaml",
        "give the folder of a review, or two folders to compare",
    )
