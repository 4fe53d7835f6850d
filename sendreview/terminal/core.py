"""What the commands print: rich for people at a terminal, plain text or JSON for scripts.

Colour switches off by itself when output is not a terminal or NO_COLOR is set.

Everything printed here may carry text from the user's files (file names, field values,
framework ids and titles). It is always printed as it is: rich markup and emoji codes
are off (``[bold]`` stays ``[bold]``, ``context.yaml:100:1`` never shows 💯), and
control characters and escape sequences are shown as escapes (``\\x1b``) by
``visible``, never sent to the terminal.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from sendreview.diagnostics import Diagnostic, Severity
from sendreview.diagnostics.formatters import dump_json, format_lines, json_safe, summary
from sendreview.diagnostics.formatters import visible as visible

_STYLES = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}

if TYPE_CHECKING:
    from pathlib import Path

    from rich.console import Console
    from rich.text import Text

    from sendreview.models.framework import Framework


def console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True, markup=False, emoji=False)


def styled(value: object, style: str = "") -> Text:
    from rich.text import Text

    return Text(visible(str(value)), style)


def write_out(text: str, stderr: bool = False) -> None:
    stream = sys.stderr if stderr else sys.stdout
    try:
        stream.write(text)
    except UnicodeEncodeError:  # a console that cannot show some character: show its code
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(encoding, "backslashreplace").decode(encoding))


def say(text: str, stderr: bool = False) -> None:
    """One line of plain output (``created  oak-lane/review.yaml``), shown safely."""
    write_out(visible(text) + "\n", stderr)


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
        write_out("\n", stderr=True)
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
        write_out(visible(details), stderr=True)


def print_diagnostics(
    diagnostics: Iterable[Diagnostic],
    fmt: str = "text",
    reviews: int | None = None,
    stderr: bool = False,
    notes: bool = True,
) -> int:
    """Each diagnostic in ``fmt``, as it comes; information only with ``notes`` (JSON, for
    scripts, always has it), though the summary counts it. Gives the number of errors."""
    counted = Counter(d.severity for d in _printed(diagnostics, fmt, stderr, notes))
    errors, warnings, infos = (counted[s] for s in Severity)  # Severity lists them so
    if fmt == "text" and reviews is not None:
        style = "red" if errors else ("yellow" if warnings else "green")
        said = summary(errors, warnings, reviews, infos)
        if infos and not notes:
            said += " (--notes shows the notes)"
        _line(console(stderr=True) if _in_colour(True) else None, said, style, True)
    return errors


def _printed(
    diagnostics: Iterable[Diagnostic], fmt: str, stderr: bool, notes: bool
) -> Iterator[Diagnostic]:
    """Print each diagnostic that is shown, and give every one on to be counted."""
    out = console(stderr=stderr) if fmt == "text" and _in_colour(stderr) else None
    for d in diagnostics:
        if notes or fmt == "json" or not d.is_info:
            if fmt != "text":
                for line in format_lines([d], fmt):
                    write_out(line + "\n", stderr)
            else:
                (line, *hint) = format_lines([d], "text")
                _line(out, line, _STYLES[d.severity], stderr)
                for h in hint:
                    _line(out, h, "dim", stderr)
        yield d


def _in_colour(stderr: bool = False) -> bool:
    """Whether rich may colour what goes to stdout (stderr): at a terminal, or where
    FORCE_COLOR or TTY_COMPATIBLE are set (rich's settings; it decides). Elsewhere (a
    pipe, a file, CI) lines are written as they are, tabs kept, without loading rich
    (some 15 ms of the 250 ms `validate` of one review took)."""
    if os.environ.keys() & {"FORCE_COLOR", "TTY_COMPATIBLE"}:
        return True
    stream = sys.stderr if stderr else sys.stdout
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # not a file, or one already closed
        return False


def _line(out: Console | None, text: str, style: str, stderr: bool) -> None:
    if out is None:
        say(text, stderr)
    else:
        out.print(styled(text, style))


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
        write_out(dump_json(data, indent=2) + "\n")
        return
    from rich.table import Table

    table = Table(box=None, pad_edge=False)
    for column in ("id", "framework", "for", "areas", "themes"):
        table.add_column(column, overflow="fold")
    for f in items:
        table.add_row(
            styled(f.id),
            styled(f.title),
            styled(f.applies_to or ""),
            str(len(f.areas)),
            str(sum(len(a.themes) for a in f.areas)),
        )
    console().print(table)


def print_framework(framework: Framework, fmt: str) -> None:
    if fmt == "json":
        write_out(json_safe(framework.model_dump_json(indent=2)) + "\n")
        return
    from rich.text import Text

    out = console()
    out.print(Text.assemble(styled(framework.id, "bold"), ": ", styled(framework.title)))
    if framework.applies_to:
        out.print(styled(f"For: {framework.applies_to}"))
    if framework.context_prompt:
        out.print(styled(f"Context: {framework.context_prompt}", "italic"))
    for number, area in enumerate(framework.areas, 1):
        out.print()
        out.print(styled(f"{number}. {area.title}  [{area.id}]", "bold"))
        for theme in area.themes:
            out.print(styled(f"   {theme.id}", "cyan"))
            out.print(styled(f"      {theme.text}"))
