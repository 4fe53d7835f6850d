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
from sendreview.diff.salvage import Dropped
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
    partly: list[str] = field(default_factory=list)  # files read less their wrong entries
    left_out: dict[str, list[Dropped]] = field(default_factory=dict)  # by the file's key

    def unknown(self, key: str) -> tuple[set[str], set[str], set[str]]:
        """What this side could not read of file ``key``: ids of entries, texts of
        statements, and fields (``a.b``), so the other side's are not called changed."""
        ids, texts, fields = set(), set(), set()
        for gone in self.left_out.get(key, []):
            value = gone.value
            if isinstance(value, dict) and isinstance(value.get("id"), str):
                ids.add(value["id"])
            text = value.get("text") if isinstance(value, dict) else value
            if isinstance(text, str):
                texts.add(" ".join(text.split()))
            fields.add(".".join(gone.keys))
        return ids, texts, fields

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


def _checked(role: str, label: str, root: Path, problems: list[Diagnostic]) -> Side:
    """The review at ``root`` loaded and checked as ``validate`` does; then each file with
    errors is read as far as it can be (``salvage``), to compare what it holds."""
    from sendreview.diff.salvage import salvage_workspace
    from sendreview.validation.run import check_workspace
    from sendreview.workspace import load

    ws = load(root, "")
    found = sorted([*problems, *check_workspace(ws)], key=Diagnostic.sort_key)
    partly, left_out = salvage_workspace(ws)
    return Side(role, label, ws, diagnostics=found, partly=partly, left_out=left_out)


def folder_side(role: str, folder: Path, label: str | None = None) -> Side:
    return _checked(role, label or str(folder), folder, [])


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
    finally:
        repo.close()
    side = _checked(role, revision.label, target, revision.problems)
    side.when = revision.when
    return side


def _not_a_review(folder: Path) -> SendreviewError:
    return SendreviewError(
        f"'{folder}' is not a review: it has no review.yaml",
        "give the folder of a review, or two folders to compare",
    )
