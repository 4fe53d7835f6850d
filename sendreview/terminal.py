"""What the commands print: rich for people at a terminal, plain text or JSON for scripts.

Colour switches off by itself when output is not a terminal or NO_COLOR is set.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

from sendreview.diagnostics import Diagnostic, Severity
from sendreview.diagnostics.formatters import format_lines, summary

if TYPE_CHECKING:
    from rich.console import Console

    from sendreview.models.framework import Framework


def console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def print_diagnostics(diagnostics: Iterable[Diagnostic], fmt: str = "text",
                      reviews: int | None = None) -> None:
    diagnostics = list(diagnostics)
    if fmt != "text":
        for line in format_lines(diagnostics, fmt):
            sys.stdout.write(line + "\n")
        return
    out = console()
    for d in diagnostics:
        (line, *hint) = format_lines([d], "text")
        colour = "red" if d.severity is Severity.ERROR else "yellow"
        out.print(line, style=colour, markup=False)
        for h in hint:
            out.print(h, style="dim", markup=False)
    if reviews is not None:
        errors = sum(1 for d in diagnostics if d.is_error)
        err = console(stderr=True)
        style = "red" if errors else ("yellow" if diagnostics else "green")
        err.print(summary(errors, len(diagnostics) - errors, reviews), style=style, markup=False)


def print_frameworks(items: list[Framework], fmt: str) -> None:
    if fmt == "json":
        sys.stdout.write(json.dumps([{"id": f.id, "title": f.title, "applies_to": f.applies_to,
                                      "areas": len(f.areas),
                                      "themes": sum(len(a.themes) for a in f.areas)}
                                     for f in items], indent=2, ensure_ascii=False) + "\n")
        return
    from rich.table import Table

    table = Table(box=None, pad_edge=False)
    for column in ("id", "framework", "for", "areas", "themes"):
        table.add_column(column, overflow="fold")
    for f in items:
        table.add_row(f.id, f.title, f.applies_to or "", str(len(f.areas)),
                      str(sum(len(a.themes) for a in f.areas)))
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
