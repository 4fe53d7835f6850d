"""What the commands print: rich for people at a terminal, plain text or JSON for scripts.

Colour switches off by itself when output is not a terminal or NO_COLOR is set.

Everything printed here may carry text from the user's files (file names, field values,
framework ids and titles). It is always printed as it is: rich markup and emoji codes
are off (``[bold]`` stays ``[bold]``, ``context.yaml:100:1`` never shows 💯), and
control characters and escape sequences are shown as escapes (``\\x1b``) by
``visible``, never sent to the terminal.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

from sendreview.diagnostics import Diagnostic, Severity, count, infos
from sendreview.diagnostics.formatters import dump_json, format_lines, json_safe, plural, summary
from sendreview.diagnostics.formatters import visible as visible

_STYLES = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}

if TYPE_CHECKING:
    from pathlib import Path

    from rich.console import Console
    from rich.progress import Progress, TaskID
    from rich.text import Text

    from sendreview.models.framework import Framework
    from sendreview.portfolio import Portfolio
    from sendreview.renumber import Renumbering
    from sendreview.report.batch import Outcome
    from sendreview.status import AreaStatus, RecommendationStatus, ReviewStatus


def console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True, markup=False, emoji=False)


def _text(value: object, style: str = "") -> Text:
    from rich.text import Text

    return Text(visible(str(value)), style)


def _write(text: str, stderr: bool = False) -> None:
    stream = sys.stderr if stderr else sys.stdout
    try:
        stream.write(text)
    except UnicodeEncodeError:  # a console that cannot show some character: show its code
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(encoding, "backslashreplace").decode(encoding))


def say(text: str, stderr: bool = False) -> None:
    """One line of plain output (``created  oak-lane/review.yaml``), shown safely."""
    _write(visible(text) + "\n", stderr)


def print_error(message: str, hint: str | None = None) -> None:
    say(f"Error: {message}", stderr=True)
    if hint:
        say(f"  hint: {hint}", stderr=True)


def print_usage_error(
    message: str, usage: str | None = None, help_command: str | None = None
) -> None:
    """A mistake in the command itself, the way click shows one."""
    if usage:
        say(usage, stderr=True)
    if help_command:
        say(f"Try '{help_command}' for help.", stderr=True)
    if usage or help_command:
        _write("\n", stderr=True)
    say(f"Error: {message}", stderr=True)


def print_crash(version: str, log: Path | None, details: str) -> None:
    say(
        f"sendreview {version} ran into an internal error. This is a bug in sendreview, "
        "not a problem with your files.",
        stderr=True,
    )
    if log is not None:
        say(
            f"The details were written to {log}; please send that file to whoever supports "
            "your copy of sendreview.",
            stderr=True,
        )
    else:  # not even the temporary folder could be written: show them here
        say("Please send these details to whoever supports your copy of sendreview:", True)
        _write(visible(details), stderr=True)


def print_diagnostics(
    diagnostics: Iterable[Diagnostic],
    fmt: str = "text",
    reviews: int | None = None,
    stderr: bool = False,
    notes: bool = True,
) -> None:
    """Each diagnostic in ``fmt``; information only with ``notes`` (JSON, for scripts,
    always has it), though the summary counts it."""
    diagnostics = list(diagnostics)
    shown = diagnostics if notes or fmt == "json" else [d for d in diagnostics if not d.is_info]
    if fmt != "text":
        for line in format_lines(shown, fmt):
            _write(line + "\n", stderr)
        return
    out = console(stderr=stderr)
    for d in shown:
        (line, *hint) = format_lines([d], "text")
        out.print(_text(line, _STYLES[d.severity]))
        for h in hint:
            out.print(_text(h, "dim"))
    if reviews is not None:
        errors, warnings = count(diagnostics)
        style = "red" if errors else ("yellow" if warnings else "green")
        counted = infos(diagnostics)
        said = summary(errors, warnings, reviews, counted)
        if counted and not notes:
            said += " (--notes shows the notes)"
        console(stderr=True).print(_text(said, style))


def print_frameworks(items: list[Framework], fmt: str) -> None:
    if fmt == "json":
        data = [
            {
                "id": f.id,
                "title": f.title,
                "applies_to": f.applies_to,
                "areas": len(f.areas),
                "themes": sum(len(a.themes) for a in f.areas),
            }
            for f in items
        ]
        _write(dump_json(data, indent=2) + "\n")
        return
    from rich.table import Table

    table = Table(box=None, pad_edge=False)
    for column in ("id", "framework", "for", "areas", "themes"):
        table.add_column(column, overflow="fold")
    for f in items:
        table.add_row(
            _text(f.id),
            _text(f.title),
            _text(f.applies_to or ""),
            str(len(f.areas)),
            str(sum(len(a.themes) for a in f.areas)),
        )
    console().print(table)


def print_framework(framework: Framework, fmt: str) -> None:
    if fmt == "json":
        _write(json_safe(framework.model_dump_json(indent=2)) + "\n")
        return
    from rich.text import Text

    out = console()
    out.print(Text.assemble(_text(framework.id, "bold"), ": ", _text(framework.title)))
    if framework.applies_to:
        out.print(_text(f"For: {framework.applies_to}"))
    if framework.context_prompt:
        out.print(_text(f"Context: {framework.context_prompt}", "italic"))
    for number, area in enumerate(framework.areas, 1):
        out.print()
        out.print(_text(f"{number}. {area.title}  [{area.id}]", "bold"))
        for theme in area.themes:
            out.print(_text(f"   {theme.id}", "cyan"))
            out.print(_text(f"      {theme.text}"))


def _overdue(rec: RecommendationStatus) -> Text:
    """Overdue in words: it must read without colour."""
    from rich.text import Text

    if rec.overdue_days is None:
        return Text()
    return Text(f"OVERDUE {plural(rec.overdue_days, 'day')}", "bold red")


_CHANGE = {"improved": ("↑", "green"), "slipped": ("↓", "red"), "unchanged": ("=", "dim")}


def print_status(status: ReviewStatus, fmt: str) -> None:
    if fmt == "json":
        _write(dump_json(status.as_dict(), indent=2) + "\n")
        return
    from rich.table import Table
    from rich.text import Text

    from sendreview.status import status_label

    out = console()
    checks = f"{plural(status.errors, 'error')}, {plural(status.warnings, 'warning')}"
    out.print(
        Text.assemble(
            _text(status.school, "bold"),
            _text(f"  ·  {status.framework}  ·  report {status.report}  ·  "),
            (checks, "red" if status.errors else "yellow" if status.warnings else "green"),
        )
    )
    stages = Table(box=None, pad_edge=False, show_header=False)
    stages.add_column(width=2)
    stages.add_column(style="bold")
    stages.add_column()
    for stage in status.stages:
        stages.add_row(
            Text("✓", "green") if stage.done else Text("…", "yellow"),
            _text(stage.name),
            _text(stage.detail),
        )
    out.print()
    out.print(stages)
    if status.areas:
        areas = Table(
            title="Areas of focus",
            title_justify="left",
            box=None,
            pad_edge=False,
            caption="School's entries: strengths and areas for development in the "
            "self-evaluation. Triangulated: findings and recommendations whose evidence "
            "comes from enough methods and groups, of those citing evidence",
            caption_justify="left",
        )
        areas.add_column("Area", min_width=20, ratio=1)
        for column in ("Evidence", "Strengths", "To develop", "Recs", "School's entries"):
            areas.add_column(column, justify="right", no_wrap=True)
        areas.add_column("Triangulated", justify="right", no_wrap=True)
        for a in status.areas:
            cells = [
                str(n) if n else Text("0", "yellow")
                for n in (
                    a.evidence,
                    a.strengths,
                    a.areas_for_development,
                    a.recommendations,
                    a.school_entries,
                )
            ]
            areas.add_row(_text(a.title), *cells, _triangulated(a))
        out.print()
        out.print(areas)
    if status.visits and status.recommendations:
        progress = Table(
            title="Progress across follow-up visits", title_justify="left", box=None, pad_edge=False
        )
        # a narrow terminal gets the marks alone (●○○), with their key under the table
        compact = out.width < 44 + 15 * len(status.visits)
        progress.add_column("")
        for visit in status.visits:
            progress.add_column(_text(visit), no_wrap=compact)
        progress.add_column("Last change")
        progress.add_column("Due", no_wrap=True)
        progress.add_column("", no_wrap=True)
        for rec in status.recommendations:
            cells = []
            for value, recorded in zip(rec.statuses, rec.recorded, strict=True):
                label, colour = status_label(value, short=True)
                label = label.split(" ")[0] if compact else label
                cells.append(_text(label, colour if recorded else f"{colour} dim"))
            last = next((c for c in reversed(rec.changes) if c in _CHANGE), None)
            arrow, colour = _CHANGE.get(last or "", ("", ""))
            progress.add_row(
                _text(rec.id),
                *cells,
                Text(arrow if compact else f"{arrow} {last or ''}".strip(), colour),
                _text(rec.due or ""),
                _overdue(rec),
            )
        added = [f"{rec.id} {rec.origin}." for rec in status.recommendations if rec.origin]
        from sendreview.frameworks import progress_scale

        marks = ", ".join(f"{s.symbol} {s.label.lower()}" for s in progress_scale().statuses)
        key = [f"Key: {marks}; ↑ improved, ↓ slipped, = unchanged."] if compact else []
        progress.caption = " ".join(
            [
                *key,
                "Dimmed: complete at an earlier visit, not assessed again.",
                *added,
            ]
        )
        progress.caption_justify = "left"
        out.print()
        out.print(progress)
    if any(a.school_entries and a.reviewer_entries for a in status.comparison):
        compared = Table(
            title="The school's self-evaluation beside the review's findings",
            title_justify="left",
            box=None,
            pad_edge=False,
        )
        compared.add_column("Area", min_width=20, ratio=1)
        compared.add_column("Compared", ratio=2)
        for side in status.comparison:
            shown = _text(side.summary, "" if side.compared else "dim")
            compared.add_row(_text(side.title), shown)
        out.print()
        out.print(compared)
    if status.national:
        out.print()
        out.print(_text("Far from the national figures (context.yaml; info SR820)", "bold"))
        for line in status.national:
            out.print(_text(f"  {line}"))
    if status.checks_off:
        out.print()
        out.print(_text("Checks turned off for this review (review.yaml, checks_off)", "bold"))
        for off in status.checks_off:
            out.print(_text(f"  {off.code} {off.check}: {off.reason}"))


_KIND_TITLES = {
    "recommendation": ("Recommendations", "recommendation"),
    "evidence": ("Evidence", "evidence item"),
}


def print_renumbering(result: Renumbering) -> None:
    """Old → new, the files changed, and the ids found in Markdown text, for a person."""
    if result.nothing_to_do:
        kinds = " and ".join(result.counts)
        say(f"Nothing to do: the {kinds} ids of {result.review} are already in order.")
        return
    if result.resumed:
        say(
            f"A renumbering of {result.review} was stopped part-way; "
            + ("it would be finished now:" if result.dry_run else "it is finished now:")
        )
    width = max(len(m.old) for m in result.moves)
    for kind, (title, _) in _KIND_TITLES.items():
        moves = [m for m in result.moves if m.kind == kind]
        if not moves:
            continue
        of = f" of {result.counts[kind]}" if kind in result.counts else ""
        say(f"{title}: {len(moves)}{of} renumbered")
        for m in moves:
            where = f"   (defined at {m.where})" if m.where else ""
            say(f"  {m.old.ljust(width)} → {m.new.ljust(width)}{where}")
    if not result.files:
        say("Every file had already been written.")
        return
    name_width = max(len(f.path) for f in result.files)
    say("Files " + ("that would change:" if result.dry_run else "changed:"))
    for f in result.files:
        counts = ", ".join(
            part
            for part in (
                plural(f.ids, "id") if f.ids else "",
                f"{f.words} in text" if f.words else "",
            )
            if part
        )
        say(f"  {f.path.ljust(name_width)}  {counts}".rstrip())
    if result.in_text:
        say("Also in text (ids named in Markdown, renamed too; check they still read right):")
        where_width = max(len(t.where) for t in result.in_text)
        for t in result.in_text:
            change = f"{t.old.ljust(width)} → {t.new.ljust(width)}"
            say(f"  {t.where.ljust(where_width)}  {change}  '{t.excerpt}'")
    if result.dry_run:
        say("Nothing was written (--dry-run). Comments that name ids are never changed.")
    elif result.resumed:
        say(f"Renumbering finished: {plural(len(result.files), 'file')} written.")
    else:
        done = [
            plural(len([m for m in result.moves if m.kind == kind]), noun)
            for kind, (_, noun) in _KIND_TITLES.items()
            if any(m.kind == kind for m in result.moves)
        ]
        say(
            f"Renumbered {' and '.join(done)} in {plural(len(result.files), 'file')}. "
            "Comments that name ids were left as they were."
        )


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
            (self.bar.console if self.bar is not None else self.err).print(_text(line, "red"))
        if self.rendering:
            self.step()


def print_batch_summary(outcomes: list[Outcome]) -> None:
    failed = sum(not o.ok for o in outcomes)
    text = f"Rendered {plural(len(outcomes) - failed, 'review')}"
    text += f"; {failed} failed (see above)." if failed else "."
    console(stderr=True).print(_text(text, "red" if failed else "green"))


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
        _text(
            f"{plural(len(folio.reviews), 'review')}, {errors} with errors "
            f"(overdue: as at each review's last visit, or {long_date(folio.today)} if later)",
            "red" if errors else "green",
        )
    )


def _portfolio_lines(folio: Portfolio, out: Console) -> None:
    for r in folio.reviews:
        head = _text(r.school, "bold")
        head.append_text(_text(f"  {r.folder}", "dim"))
        out.print(head)
        problems = (
            f"{plural(r.errors, 'error')}, {plural(r.warnings, 'warning')}"
            if r.errors or r.warnings
            else "no problems"
        )
        out.print(
            _text(f"  {r.setting or '—'} · {r.stage} ({r.stages_done}/{r.stages}) · "),
            _text(problems, "red" if r.errors else "yellow" if r.warnings else "green"),
            sep="",
        )
        if r.errors:
            out.print(_text(f"  {r.first_problem}", "red"))
        out.print(
            _text(
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
        name = _text(r.school, "bold")
        name.append_text(_text(f"\n{r.folder}", "dim"))
        if r.errors:
            name.append_text(_text(f"\n{r.first_problem}", "red"))
        problems = f"{r.errors} err, {r.warnings} warn" if r.errors or r.warnings else "none"
        table.add_row(
            name,
            _text(r.setting or "—"),
            _text(f"{r.stage} ({r.stages_done}/{r.stages})"),
            _text(problems, "red" if r.errors else "yellow" if r.warnings else "green"),
            str(len(r.recommendations)),
            str(r.complete),
            _text(str(r.overdue), "red" if r.overdue else ""),
            r.last_visit or "—",
            r.next_visit or "—",
        )
    out.print(table)


def _triangulated(area: AreaStatus) -> Text:
    """'3 of 5' findings and recommendations triangulated; yellow when some are not."""
    from rich.text import Text

    if not area.cited:
        return Text("—", "dim")
    shown = f"{area.triangulated} of {area.cited}"
    return Text(shown, "yellow" if area.triangulated < area.cited else "")
