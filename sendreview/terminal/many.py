"""What commands over many reviews print: `report --all` as it goes, and `portfolio`."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from sendreview.diagnostics.formatters import plural

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID

    from sendreview.portfolio import Portfolio
    from sendreview.report.batch import Outcome

from sendreview.terminal.core import console, say, styled


class BatchView:
    """What ``report --all`` shows as it goes. In a terminal: a progress bar, with each
    failed review's line above it. Piped: one plain line per finished review."""

    def __init__(self) -> None:
        self.err = console(stderr=True)
        self.live = self.err.is_terminal
        self.bar: Progress | None = None
        self.task: TaskID | None = None
        self.rendering = False

    def __enter__(self) -> BatchView:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def stage(self, name: str, total: int) -> None:
        self.rendering = name == "rendering"
        if not self.live:
            return
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

        if self.bar is None:
            self.bar = Progress(
                "{task.description}",
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=self.err,
            )
            self.bar.start()
        what = "Rendering reports" if self.rendering else "Checking reviews"
        self.task = self.bar.add_task(what, total=total)

    def step(self) -> None:
        if self.bar is not None and self.task is not None:
            self.bar.advance(self.task)

    def finished(self, outcome: Outcome) -> None:
        if outcome.ok:
            line = f"rendered {outcome.review}"
            if outcome.warnings:
                line += f" ({plural(outcome.warnings, 'warning')})"
            line += ": " + ", ".join(str(p) for p in outcome.paths)
        else:
            line = f"failed   {outcome.review}: {outcome.problem}"
        if not self.live:
            say(line)
            sys.stdout.flush()  # a line as each review is done, not all at the end
            return
        if not outcome.ok:
            (self.bar.console if self.bar is not None else self.err).print(styled(line, "red"))
        if self.rendering:
            self.step()


def print_batch_summary(outcomes: list[Outcome]) -> None:
    failed = sum(not o.ok for o in outcomes)
    text = f"Rendered {plural(len(outcomes) - failed, 'review')}"
    text += f"; {failed} failed (see above)." if failed else "."
    console(stderr=True).print(styled(text, "red" if failed else "green"))


def print_portfolio(folio: Portfolio) -> None:
    """The overview, one row a review; a review with errors is marked, with its first."""
    from sendreview.words import long_date

    out = console()
    if out.width < 120:  # a table this wide wraps every cell: a few lines a review instead
        _portfolio_lines(folio, out)
    else:
        _portfolio_table(folio, out)
    errors = sum(1 for r in folio.reviews if r.errors)
    console(stderr=True).print(
        styled(
            f"{plural(len(folio.reviews), 'review')}, {errors} with errors "
            f"(overdue: as at each review's last visit, or {long_date(folio.today)} if later)",
            "red" if errors else "green",
        )
    )


def _portfolio_lines(folio: Portfolio, out: Console) -> None:
    for r in folio.reviews:
        head = styled(r.school, "bold")
        head.append_text(styled(f"  {r.folder}", "dim"))
        out.print(head)
        problems = (
            f"{plural(r.errors, 'error')}, {plural(r.warnings, 'warning')}"
            if r.errors or r.warnings
            else "no problems"
        )
        out.print(
            styled(f"  {r.setting or '—'} · {r.stage} ({r.stages_done}/{r.stages}) · "),
            styled(problems, "red" if r.errors else "yellow" if r.warnings else "green"),
            sep="",
        )
        if r.errors:
            out.print(styled(f"  {r.first_problem}", "red"))
        out.print(
            styled(
                f"  {plural(len(r.recommendations), 'recommendation')}: {r.complete} complete, "
                f"{r.overdue} overdue · last visit {r.last_visit or '—'} · "
                f"next {r.next_visit or '—'}"
            )
        )


def _portfolio_table(folio: Portfolio, out: Console) -> None:
    from rich.table import Table

    table = Table(box=None, pad_edge=False, title_justify="left")
    table.add_column("Review", min_width=24, ratio=1, overflow="fold")
    for column in ("Setting", "Stage reached", "Problems", "Recs", "Done"):
        table.add_column(column)
    table.add_column("Overdue", justify="right")
    table.add_column("Last visit", no_wrap=True)
    table.add_column("Next visit", no_wrap=True)
    for r in folio.reviews:
        name = styled(r.school, "bold")
        name.append_text(styled(f"\n{r.folder}", "dim"))
        if r.errors:
            name.append_text(styled(f"\n{r.first_problem}", "red"))
        problems = f"{r.errors} err, {r.warnings} warn" if r.errors or r.warnings else "none"
        table.add_row(
            name,
            styled(r.setting or "—"),
            styled(f"{r.stage} ({r.stages_done}/{r.stages})"),
            styled(problems, "red" if r.errors else "yellow" if r.warnings else "green"),
            str(len(r.recommendations)),
            str(r.complete),
            styled(str(r.overdue), "red" if r.overdue else ""),
            r.last_visit or "—",
            r.next_visit or "—",
        )
    out.print(table)
