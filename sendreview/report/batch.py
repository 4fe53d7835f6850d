"""``sendreview report --all``: every review under some folders, each rendered as
``render_report`` renders one (the same protection of files, the same record of the last
rendering), in several processes at once.

A review that fails (errors in its files, a report file someone edited) is one outcome
among the others, with its reason; it never stops them. With ``-o`` every review's
reports go into that one folder under their usual names, so the names are worked out
first (which also checks and templates each review, recorded for the rendering that
follows) and two reviews that would write the same file are refused before anything is
written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from sendreview.errors import InvalidReview, SendreviewError, UsageError, from_os_error
from sendreview.report import check_request, parse_formats, render_report, report_stem
from sendreview.report.convert import FORMATS

if TYPE_CHECKING:
    from concurrent.futures import Executor

T = TypeVar("T")


@dataclass(frozen=True)
class Request:
    """What to render of every review: ``render_report``'s options."""

    formats: tuple[str, ...] = ("docx",)
    kind: str = "review"
    output: Path | None = None  # one folder for every review's reports; None: each review's build/
    templates: Path | None = None
    reference_doc: Path | None = None
    force: bool = False
    visit: date | None = None
    comparison: bool | None = None  # the review report's comparison section (None: if final)
    allow_personal_data: bool = False


@dataclass(frozen=True)
class Outcome:
    """One review's result: the files written, or why there are none."""

    review: Path
    paths: tuple[Path, ...] = ()
    warnings: int = 0
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


class Watcher(Protocol):
    """Told how the batch goes, as it goes (the command line shows a progress bar)."""

    def stage(self, name: str, total: int) -> None:
        """A stage starts: "naming" (with -o) then "rendering", over ``total`` reviews."""

    def step(self) -> None:
        """One review of the naming stage is done."""

    def finished(self, outcome: Outcome) -> None:
        """One review is done with: rendered, or failed."""


def single(paths: list[Path]) -> Path:
    """The one review ``report`` renders without ``--all``, or a clear refusal that says
    when ``--all`` is what was meant."""
    from sendreview.api import require_review

    if len(paths) > 1:
        raise UsageError(
            f"{len(paths)} folders were given, but a report is of one review",
            f"use --all to render every review under {_listed(paths)}",
        )
    path = paths[0] if paths else Path()
    if not (path / "review.yaml").is_file() and path.is_dir():
        # only here: finding reviews loads what a rendering from its record never needs
        from sendreview.validation.run import find_workspaces

        found = sum(1 for _ in find_workspaces(path, []))
        if found:
            raise UsageError(
                f"'{path}' is not a review, but holds {found} review{'s' * (found != 1)}",
                f"use --all to render every review under {_listed([path])}",
            )
    return require_review(path)


def _listed(paths: list[Path]) -> str:
    return ", ".join(f"'{p}'" for p in paths)


def find_reviews(paths: Iterable[Path]) -> tuple[list[Path], list[Outcome]]:
    """Every review under ``paths``, as ``validate`` finds them (each once), and the
    paths that gave none, as failed outcomes."""
    from sendreview.validation.run import plan

    roots: list[Path] = []
    problems: list[Outcome] = []
    for step in plan(paths):
        if isinstance(step, Path):
            roots.append(step)
        else:
            problems += [Outcome(Path(d.path), problem=d.message) for d in step]
    return roots, problems


def render_all(
    paths: Iterable[Path], request: Request, *, jobs: int, watcher: Watcher
) -> list[Outcome]:
    """Render every review under ``paths`` in up to ``jobs`` processes; each review's
    outcome, in the order the reviews were found."""
    check_request(request.kind, request.visit, request.templates)
    request = Request(**{**vars(request), "formats": tuple(parse_formats(list(request.formats)))})
    _check_output(request.output)
    roots, problems = find_reviews(paths)
    if not roots:
        raise SendreviewError(
            problems[0].problem or "no review found",
            "give folders that hold reviews (each has a review.yaml)",
        )
    for outcome in problems:
        watcher.finished(outcome)
    done: dict[Path, Outcome] = {}
    with _Runner(min(jobs, len(roots))) as runner:
        todo = roots
        if request.output is not None:
            names = runner.run(_name, roots, request)
            watcher.stage("naming", len(roots))
            stems: dict[Path, str] = {}
            for root, (stem, problem) in names:
                watcher.step()
                if stem is None:
                    done[root] = Outcome(root, problem=problem)
                    watcher.finished(done[root])
                else:
                    stems[root] = stem
            _refuse_clashes({r: stems[r] for r in roots if r in stems}, request)  # found order
            request.output.mkdir(parents=True, exist_ok=True)
            todo = [r for r in roots if r in stems]
        rendered = runner.run(_render, todo, request)
        watcher.stage("rendering", len(todo))
        for root, outcome in rendered:
            done[root] = outcome
            watcher.finished(outcome)
    return problems + [done[r] for r in roots]


def _check_output(output: Path | None) -> None:
    if output is None:
        return
    if output.exists() and not output.is_dir():
        raise UsageError(
            f"'{output}' is a file, but --all needs a folder for every review's reports",
            "give a folder with -o",
        )
    if output.suffix.lower().lstrip(".") in FORMATS and not output.is_dir():
        raise UsageError(
            f"'{output}' names one file, but --all renders every review",
            "give a folder with -o",
        )


def _refuse_clashes(stems: dict[Path, str], request: Request) -> None:
    by_name: dict[str, list[Path]] = {}
    for root, stem in stems.items():
        by_name.setdefault(stem, []).append(root)
    clashes = [roots for roots in by_name.values() if len(roots) > 1]
    if not clashes:
        return
    first = clashes[0]
    name = f"{stems[first[0]]}.{request.formats[0]}"
    more = len(clashes) - 1
    raise SendreviewError(
        f"{len(first)} reviews would write their reports to the same file "
        f"'{request.output}/{name}': {_listed(first)}"
        + (f" (and {more} more such name{'s' * (more != 1)})" if more else "")
        + "; nothing was rendered",
        "render these reviews into different folders with -o, or leave out -o so that each "
        "review's reports go into its own build/ folder",
    )


def _name(root: Path, request: Request) -> tuple[str | None, str | None]:
    """The file name (without extension) of this review's report, or why there is none."""
    try:
        return (
            report_stem(
                root,
                kind=request.kind,
                templates=request.templates,
                visit=request.visit,
                comparison=request.comparison,
            ),
            None,
        )
    except Exception as e:  # every failure is this review's outcome
        return None, _reason(e, root)


def _render(root: Path, request: Request) -> Outcome:
    try:
        result = render_report(
            root,
            list(request.formats),
            kind=request.kind,
            output=request.output,
            templates=request.templates,
            reference_doc=request.reference_doc,
            force=request.force,
            visit=request.visit,
            comparison=request.comparison,
            allow_personal_data=request.allow_personal_data,
        )
    except Exception as e:  # every failure is this review's outcome
        return Outcome(root, problem=_reason(e, root))
    return Outcome(root, tuple(result.paths), len(result.warnings))


def _reason(e: Exception, root: Path) -> str:
    """Why a review failed, in one line: its first error, or the problem's message."""
    if isinstance(e, OSError):
        e = from_os_error(e)
    if isinstance(e, InvalidReview) and e.diagnostics:
        from sendreview.diagnostics.formatters import format_lines

        errors = [d for d in e.diagnostics if d.is_error] or e.diagnostics
        more = len(errors) - 1
        return next(format_lines(errors[:1], "text")) + (
            f" (and {more} more error{'s' * (more != 1)}: 'sendreview validate {root}' lists them)"
            if more
            else ""
        )
    if isinstance(e, SendreviewError):
        return e.message + (f"; {e.hint}" if e.hint else "")
    from sendreview.crash import write_crash_log

    log = write_crash_log(e)
    return "sendreview ran into an internal error (a bug, not a problem with this review)" + (
        f"; the details are in {log}" if log else ""
    )


class _Runner:
    """Runs a function over reviews: here, or in a pool of forked processes."""

    def __init__(self, jobs: int) -> None:
        self.pool: Executor | None = None
        if jobs > 1:
            from sendreview.parallel import pool

            _preload()
            self.pool = pool(jobs)

    def __enter__(self) -> _Runner:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            # Ctrl-C, or a refusal: reviews not yet started never start; those under way
            # finish (their files are written whole, or not at all)
            self.pool.shutdown(wait=True, cancel_futures=True)

    def run(
        self, fn: Callable[[Path, Request], T], roots: list[Path], request: Request
    ) -> Iterator[tuple[Path, T]]:
        """Each review with its result, as they finish. Every review is handed out before
        this returns, so the workers exist (forked) before anything else starts a thread.
        One task a review: each takes about a second of pandoc, so handing them out one by
        one costs nothing and shares the work out evenly."""
        if self.pool is None:
            return ((root, fn(root, request)) for root in roots)
        from concurrent.futures import as_completed

        futures = {self.pool.submit(fn, root, request): root for root in roots}
        return ((futures[f], f.result()) for f in as_completed(futures))


def _preload() -> None:
    """Import once, before the workers fork, what each rendering needs."""
    from sendreview.report import cache, documents, outputs, templating  # noqa: F401
    from sendreview.validation.run import preload

    preload()
