"""Commands for many reviews together: a programme's portfolio, and the national figures
reviews are set beside."""

# Not `from __future__ import annotations`: typer reads every command's annotations at
# each start, and would evaluate strings (twice each); objects are made once, on import.

import sys
from pathlib import Path
from typing import Annotated

import typer

from sendreview.cli.app import Command, app, stats_app
from sendreview.cli.options import PortfolioFormat, ReadJobs, TodayOption, today_or


@app.command(cls=Command)
def portfolio(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="PATHS",
            help="Folders holding many reviews, or review folders (default: this folder).",
        ),
    ] = None,
    fmt: Annotated[
        PortfolioFormat,
        typer.Option(
            "--format",
            "-f",
            help="text for people; json or csv for scripts; xlsx a workbook; html a "
            "dashboard that works offline.",
        ),
    ] = PortfolioFormat.text,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="The file to write (or a folder for it). Default: json and csv are printed; "
            "xlsx and html go to portfolio.xlsx or portfolio.html here.",
        ),
    ] = None,
    jobs: ReadJobs = None,
    today: TodayOption = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the output file if it exists.")
    ] = False,
) -> None:
    """A programme of reviews together: stages, recommendations, themes and progress."""
    from sendreview import terminal
    from sendreview.portfolio import collect
    from sendreview.portfolio.output import content, target, write
    from sendreview.validation.run import default_jobs

    folio = collect(paths or [Path()], jobs=jobs or default_jobs(), today=today_or(today))
    if folio.problems:
        terminal.print_diagnostics(folio.problems, stderr=True)
    path = target(fmt.value, output)
    if path is not None:
        write(folio, fmt.value, path, force=force)
        terminal.say(f"wrote {path}", stderr=True)
    elif fmt is PortfolioFormat.text:
        terminal.print_portfolio(folio)
    else:
        data = content(folio, fmt.value, None)
        assert isinstance(data, str)
        sys.stdout.write(data)
    if folio.problems:
        raise typer.Exit(1)


@stats_app.command("import", cls=Command)
def stats_import(
    csv_file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE.csv",
            help="The DfE's 'SEN provision by school type' data set, as downloaded.",
        ),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="Where to write the figures: a folder that holds your reviews, or one "
            "review's folder (sendreview looks in a review's folder and every folder above).",
        ),
    ] = Path("national-figures.yaml"),
    force: Annotated[
        bool, typer.Option("--force", help="Replace a national-figures.yaml already there.")
    ] = False,
) -> None:
    """Read a newer release of the DfE's national figures into national-figures.yaml."""
    from sendreview import terminal
    from sendreview.national import FILE_NAME
    from sendreview.stats_import import import_csv

    target = output / FILE_NAME if output.is_dir() else output
    done = import_csv(csv_file, target, force=force)
    terminal.say(f"created  {done.path}")
    terminal.say(f"Academic year {done.release}: {', '.join(done.phases)}")
    if done.left_out:
        terminal.say(f"left out (no place for them in the figures): {', '.join(done.left_out)}")
