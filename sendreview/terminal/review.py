"""What `status` and `renumber` print."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sendreview.diagnostics.formatters import dump_json, plural

if TYPE_CHECKING:
    from rich.text import Text

    from sendreview.renumber import Renumbering
    from sendreview.status import AreaStatus, RecommendationStatus, ReviewStatus

from sendreview.terminal.core import console, say, styled, write_out


def _overdue(rec: RecommendationStatus) -> Text:
    """Overdue in words: it must read without colour."""
    from rich.text import Text

    if rec.overdue_days is None:
        return Text()
    return Text(f"OVERDUE {plural(rec.overdue_days, 'day')}", "bold red")


_CHANGE = {"improved": ("↑", "green"), "slipped": ("↓", "red"), "unchanged": ("=", "dim")}


def print_status(status: ReviewStatus, fmt: str) -> None:
    if fmt == "json":
        write_out(dump_json(status.as_dict(), indent=2) + "\n")
        return
    from rich.table import Table
    from rich.text import Text

    from sendreview.status import status_label

    out = console()
    checks = f"{plural(status.errors, 'error')}, {plural(status.warnings, 'warning')}"
    out.print(
        Text.assemble(
            styled(status.school, "bold"),
            styled(f"  ·  {status.framework}  ·  report {status.report}  ·  "),
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
            styled(stage.name),
            styled(stage.detail),
        )
    out.print()
    out.print(stages)
    if status.personal_data:
        out.print()
        out.print(
            styled(
                f"Personal data: {plural(status.personal_data, 'place')} may identify a child "
                "(SR801–SR805). 'sendreview validate' lists them; reports are refused until "
                "they are taken out (or --allow-personal-data is given).",
                "red",
            )
        )
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
            areas.add_row(styled(a.title), *cells, _triangulated(a))
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
            progress.add_column(styled(visit), no_wrap=compact)
        progress.add_column("Last change")
        progress.add_column("Due", no_wrap=True)
        progress.add_column("", no_wrap=True)
        for rec in status.recommendations:
            cells = []
            for value, recorded in zip(rec.statuses, rec.recorded, strict=True):
                label, colour = status_label(value, short=True)
                label = label.split(" ")[0] if compact else label
                cells.append(styled(label, colour if recorded else f"{colour} dim"))
            last = next((c for c in reversed(rec.changes) if c in _CHANGE), None)
            arrow, colour = _CHANGE.get(last or "", ("", ""))
            progress.add_row(
                styled(rec.id),
                *cells,
                Text(arrow if compact else f"{arrow} {last or ''}".strip(), colour),
                styled(rec.due or ""),
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
            shown = styled(side.summary, "" if side.compared else "dim")
            compared.add_row(styled(side.title), shown)
        out.print()
        out.print(compared)
    if status.national:
        out.print()
        out.print(styled("Far from the national figures (context.yaml; info SR820)", "bold"))
        for line in status.national:
            out.print(styled(f"  {line}"))
    if status.checks_off:
        out.print()
        out.print(styled("Checks turned off for this review (review.yaml, checks_off)", "bold"))
        for off in status.checks_off:
            out.print(styled(f"  {off.code} {off.check}: {off.reason}"))


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


def _triangulated(area: AreaStatus) -> Text:
    """'3 of 5' findings and recommendations triangulated; yellow when some are not."""
    from rich.text import Text

    if not area.cited:
        return Text("—", "dim")
    shown = f"{area.triangulated} of {area.cited}"
    return Text(shown, "yellow" if area.triangulated < area.cited else "")
