"""``validate``: every layer of checks over one or many review workspaces, in one run."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from types import ModuleType

from sendreview.diagnostics import Diagnostic, make
from sendreview.paths import SKIP_DIRS, display_root
from sendreview.workspace import Workspace, load


@dataclass
class Result:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    reviews: int = 0


def layers() -> tuple[ModuleType, ...]:
    """The layers of checks, in the order they run; each module's ``check(ws)`` gives its
    diagnostics. Imported here, when first checked, so that ``--help`` stays quick."""
    from sendreview.validation import (
        attachments,
        checks_off,
        completeness,
        consistency,
        figures,
        privacy,
        refs,
        text,
        triangulation,
    )

    return (
        refs,
        text,
        attachments,
        consistency,
        completeness,
        figures,
        triangulation,
        privacy,
        checks_off,
    )


def check_workspace(ws: Workspace, today: date | None = None) -> list[Diagnostic]:
    """All diagnostics for a loaded workspace, sorted by file and position.

    ``today`` is the day overdue recommendations are judged on, besides each follow-up
    visit's own date; None judges them at the visits only. It is a parameter, never the
    clock, so that the same files give the same findings (the command line passes the
    real date, or ``--today``)."""
    from sendreview.validation import checks_off, visits

    out = list(ws.diagnostics)
    if ws.parts.get("review") is not None:
        for layer in layers():
            out.extend(layer.check(ws))
        out.extend(visits.check(ws, today))  # the one layer told the day
        out = checks_off.without(out, ws)
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


def default_jobs() -> int:
    """The cores this process may use (an affinity mask or container limit counts)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def validate(
    paths: Iterable[str | Path],
    *,
    strict: bool = False,
    jobs: int = 1,
    today: date | None = None,
) -> Result:
    """Check every workspace under ``paths``; with ``jobs`` > 1 in that many processes,
    split by workspace, the output the same as one process's, in the same order."""
    found = stream(paths, strict=strict, jobs=jobs, today=today)
    return Result(list(found.diagnostics), found.reviews)


@dataclass
class Stream:
    """The reviews found, and their diagnostics as each review is checked."""

    reviews: int
    diagnostics: Iterator[Diagnostic]


def stream(
    paths: Iterable[str | Path],
    *,
    strict: bool = False,
    jobs: int = 1,
    today: date | None = None,
) -> Stream:
    """``validate``, its diagnostics given as each review is checked rather than kept: a
    run over ten thousand reviews then holds one review's at a time."""
    steps = plan(paths)
    roots = [step for step in steps if isinstance(step, Path)]

    def each() -> Iterator[Diagnostic]:
        checked = iter(_check_all(roots, jobs, today))
        for step in steps:
            for d in next(checked) if isinstance(step, Path) else step:
                yield d.as_error() if strict else d

    return Stream(len(roots), each())


def check_root(root: Path, today: date | None = None) -> list[Diagnostic]:
    with _collector_paused():
        return check_workspace(load(root, display_root(root)), today)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while one review is read and checked. Reading makes
    hundreds of thousands of small objects, none in a cycle that outlives the review, and
    the collector would otherwise scan them over and over (a third of validate's time);
    what one review makes is bounded by its files' size limits."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _check_all(roots: list[Path], jobs: int, today: date | None) -> Iterator[list[Diagnostic]]:
    """Each workspace's diagnostics, in the order of ``roots``."""
    from sendreview.parallel import map_in_order

    return map_in_order(partial(check_root, today=today), roots, jobs, preload)


def preload() -> None:
    """Import every layer of checks (before workers are forked, so once)."""
    from sendreview.validation import visits

    layers()
    del visits


def plan(paths: Iterable[str | Path]) -> list[Path | list[Diagnostic]]:
    """In the order validate reports them: workspaces to check, and problems found on the
    way (a path that is not there, a folder that cannot be searched). A review named
    twice (``examples examples/riverside-primary``) is checked once, where first found."""
    plan: list[Path | list[Diagnostic]] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        try:
            is_file = path.is_file()
            if not path.exists():
                plan.append([_no_review(str(given), f"'{given}' does not exist")])
                continue
        except (OSError, ValueError) as e:  # a name too long, a folder we may not enter
            reason = e.strerror if isinstance(e, OSError) else str(e)
            plan.append([_no_review(str(given), f"'{given}' cannot be used: {reason}")])
            continue
        if is_file:
            path = path.parent if path.name == "review.yaml" else path
        found = False
        problems: list[Diagnostic] = []
        for root in find_workspaces(path, problems):
            found = True
            if problems:  # found while searching for this workspace, so shown before it
                plan.append(list(problems))
                problems.clear()  # the list find_workspaces appends to
            if (real := root.resolve()) not in seen:
                seen.add(real)
                plan.append(root)
        if problems:
            plan.append(problems)
        if not found:
            plan.append(
                [_no_review(str(given), f"no review.yaml in '{given}' or any folder below it")]
            )
    return plan


def _no_review(path: str, message: str) -> Diagnostic:
    return make(
        "SR100",
        path,
        message,
        hint="give the folder of a review (it holds review.yaml), or run "
        "'sendreview init FOLDER' to start one",
    )
