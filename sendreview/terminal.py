"""What the commands print: rich for people at a terminal, plain text or JSON for scripts.

Colour switches off by itself when output is not a terminal or NO_COLOR is set.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

from sendreview.diagnostics import Diagnostic, Severity, count
from sendreview.diagnostics.formatters import format_lines, plural, summary

if TYPE_CHECKING:
    from rich.console import Console

    from sendreview.models.framework import Framework
    from sendreview.status import ReviewStatus


def console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def print_diagnostics(
    diagnostics: Iterable[Diagnostic],
    fmt: str = "text",
    reviews: int | None = None,
    stderr: bool = False,
) -> None:
    diagnostics = list(diagnostics)
    if fmt != "text":
        for line in format_lines(diagnostics, fmt):
            sys.stdout.write(line + "\n")
        return
    out = console(stderr=stderr)
    for d in diagnostics:
        (line, *hint) = format_lines([d], "text")
        colour = "red" if d.severity is Severity.ERROR else "yellow"
        out.print(line, style=colour, markup=False)
        for h in hint:
            out.print(h, style="dim", markup=False)
    if reviews is not None:
        errors, warnings = count(diagnostics)
        style = "red" if errors else ("yellow" if warnings else "green")
        console(stderr=True).print(summary(errors, warnings, reviews), style=style, markup=False)


def print_frameworks(items: list[Framework], fmt: str) -> None:
    if fmt == "json":
        sys.stdout.write(
            json.dumps(
                [
                    {
                        "id": f.id,
                        "title": f.title,
                        "applies_to": f.applies_to,
                        "areas": len(f.areas),
                        "themes": sum(len(a.themes) for a in f.areas),
                    }
                    for f in items
                ],
                indent=2,
                ensure_ascii=False,
            )
            + "\n"
        )
        return
    from rich.table import Table

    table = Table(box=None, pad_edge=False)
    for column in ("id", "framework", "for", "areas", "themes"):
        table.add_column(column, overflow="fold")
    for f in items:
        table.add_row(
            f.id,
            f.title,
            f.applies_to or "",
            str(len(f.areas)),
            str(sum(len(a.themes) for a in f.areas)),
        )
    console().print(table)


def print_framework(framework: Framework, fmt: str) -> None:
    if fmt == "json":
        sys.stdout.write(framework.model_dump_json(indent=2) + "\n")
        return
    out = console()
    out.print(f"[bold]{framework.id}[/bold]: {framework.title}", markup=True)
    if framework.applies_to:
        out.print(f"For: {framework.applies_to}", markup=False)
    if framework.context_prompt:
        out.print(f"Context: {framework.context_prompt}", style="italic", markup=False)
    for number, area in enumerate(framework.areas, 1):
        out.print()
        out.print(f"{number}. {area.title}  [{area.id}]", style="bold", markup=False)
        for theme in area.themes:
            out.print(f"   {theme.id}", style="cyan", markup=False)
            out.print(f"      {theme.text}", markup=False)


_CHANGE = {"improved": ("↑", "green"), "slipped": ("↓", "red"), "unchanged": ("=", "dim")}


def print_status(status: ReviewStatus, fmt: str) -> None:
    if fmt == "json":
        sys.stdout.write(json.dumps(status.as_dict(), indent=2, ensure_ascii=False) + "\n")
        return
    from rich.table import Table
    from rich.text import Text

    from sendreview.status import status_label

    out = console()
    checks = f"{plural(status.errors, 'error')}, {plural(status.warnings, 'warning')}"
    out.print(
        Text.assemble(
            (status.school, "bold"),
            f"  ·  {status.framework}  ·  report {status.report}  ·  ",
            (checks, "red" if status.errors else "yellow" if status.warnings else "green"),
        )
    )
    stages = Table(box=None, pad_edge=False, show_header=False)
    stages.add_column(width=2)
    stages.add_column(style="bold")
    stages.add_column()
    for stage in status.stages:
        stages.add_row(
            Text("✓", "green") if stage.done else Text("…", "yellow"), stage.name, stage.detail
        )
    out.print()
    out.print(stages)
    if status.areas:
        areas = Table(
            title="Areas of focus",
            title_justify="left",
            box=None,
            pad_edge=False,
            caption="School's entries: strengths and areas for development in the self-evaluation",
            caption_justify="left",
        )
        areas.add_column("Area", min_width=20, ratio=1)
        for column in ("Evidence", "Strengths", "To develop", "Recs", "School's entries"):
            areas.add_column(column, justify="right", no_wrap=True)
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
            areas.add_row(a.title, *cells)
        out.print()
        out.print(areas)
    if status.visits and status.recommendations:
        progress = Table(
            title="Progress across follow-up visits", title_justify="left", box=None, pad_edge=False
        )
        progress.add_column("")
        for visit in status.visits:
            progress.add_column(visit)
        progress.add_column("Last change")
        for rec in status.recommendations:
            cells = []
            for value, recorded in zip(rec.statuses, rec.recorded, strict=True):
                label, colour = status_label(value, short=True)
                cells.append(Text(label, colour if recorded else f"{colour} dim"))
            last = next((c for c in reversed(rec.changes) if c in _CHANGE), None)
            arrow, colour = _CHANGE.get(last or "", ("", ""))
            progress.add_row(rec.id, *cells, Text(f"{arrow} {last or ''}".strip(), colour))
        progress.caption = "Dimmed: complete at an earlier visit, not assessed again."
        progress.caption_justify = "left"
        out.print()
        out.print(progress)
