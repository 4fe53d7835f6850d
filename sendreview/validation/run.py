"""``validate``: every layer of checks over one or many review workspaces, in one run."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sendreview.diagnostics import Diagnostic, count, make
from sendreview.paths import SKIP_DIRS, display_root
from sendreview.workspace import Workspace, load


@dataclass
class Result:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    reviews: int = 0

    @property
    def errors(self) -> int:
        return count(self.diagnostics)[0]

    @property
    def warnings(self) -> int:
        return len(self.diagnostics) - self.errors


def check_workspace(ws: Workspace) -> list[Diagnostic]:
    """All diagnostics for a loaded workspace, sorted by file and position."""
    from sendreview.validation import attachments, completeness, consistency, refs, text, visits

    out = list(ws.diagnostics)
    if ws.parts.get("review") is not None:
        for layer in (refs, text, attachments, consistency, completeness, visits):
            out.extend(layer.check(ws))
    return sorted(out, key=Diagnostic.sort_key)


def find_workspaces(path: Path, problems: list[Diagnostic]) -> Iterator[Path]:
    """``path`` itself if it is a workspace, else every workspace below it; a folder that
    cannot be searched is a problem (a review in it would go unchecked)."""
    if os.path.lexists(path / "review.yaml"):
        yield path
        return

    def unreadable(e: OSError) -> None:
        problems.append(
            make(
                "SR101",
                display_root(Path(e.filename or path)),
                f"this folder cannot be searched for reviews: {e.strerror or e}",
                hint="check you may open this folder (its permissions), then run this again",
            )
        )

    for folder, dirs, files in os.walk(path, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
        if "review.yaml" in files:
            dirs[:] = []
            yield Path(folder)


def validate(paths: Iterable[str | Path], *, strict: bool = False) -> Result:
    result = Result()
    for given in paths:
        path = Path(given)
        try:
            is_file = path.is_file()
            if not path.exists():
                result.diagnostics.append(_no_review(str(given), f"'{given}' does not exist"))
                continue
        except (OSError, ValueError) as e:  # a name too long, a folder we may not enter
            reason = e.strerror if isinstance(e, OSError) else str(e)
            result.diagnostics.append(_no_review(str(given), f"'{given}' cannot be used: {reason}"))
            continue
        if is_file:
            path = path.parent if path.name == "review.yaml" else path
        found = False
        for root in find_workspaces(path, result.diagnostics):
            found = True
            result.reviews += 1
            result.diagnostics.extend(check_workspace(load(root, display_root(root))))
        if not found:
            result.diagnostics.append(
                _no_review(str(given), f"no review.yaml in '{given}' or any folder below it")
            )
    if strict:
        result.diagnostics = [d.as_error() for d in result.diagnostics]
    return result


def _no_review(path: str, message: str) -> Diagnostic:
    return make(
        "SR100",
        path,
        message,
        hint="give the folder of a review (it holds review.yaml), or run "
        "'sendreview init FOLDER' to start one",
    )
