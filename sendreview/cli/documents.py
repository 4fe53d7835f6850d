"""Commands that make or read documents: the reports, what changed between versions, the
school's self-evaluation form and its import."""

# Not `from __future__ import annotations`: typer reads every command's annotations at
# each start, and would evaluate strings (twice each); objects are made once, on import.

from pathlib import Path
from typing import Annotated

import typer

from sendreview.cli.app import Command, app, import_app
from sendreview.cli.options import (
    DiffFormat,
    Folder,
    FormFormat,
    RenderJobs,
    ReportFormat,
    ReportKind,
    parse_date,
)


def _report_formats(values: list[str] | None) -> list[str]:
    """``-f docx -f pdf`` and ``-f docx,pdf`` alike: the library's one rule, as a usage error."""
    from sendreview.errors import UsageError
    from sendreview.report import parse_formats

    if not values:
        return []
    try:
        return parse_formats(values)
    except UsageError as e:
        raise typer.BadParameter(f"{e.message}; {e.hint}") from e


@app.command(cls=Command)
def report(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="FOLDER",
            help="The review folder; with --all, folders holding many reviews "
            "(default: this folder).",
        ),
    ] = None,
    formats: Annotated[
        list[str] | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            callback=_report_formats,
            help="docx, pdf, html, odt or md; repeat it, or give several separated by commas "
            "(-f docx,pdf,html). Default: docx.",
        ),
    ] = None,
    kind: Annotated[
        ReportKind,
        typer.Option(
            metavar="KIND",
            help="review (the final report), self-evaluation (the school's form) or follow-up "
            "(a follow-up visit).",
        ),
    ] = ReportKind.review,
    visit: Annotated[
        str | None,
        typer.Option(
            metavar="DATE",
            help="With --kind follow-up: the visit's date, YYYY-MM-DD (default: the latest).",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="A folder for the reports, or a file name for one format. "
            "Default: the review's build/ folder.",
        ),
    ] = None,
    templates: Annotated[
        Path | None,
        typer.Option(
            metavar="FOLDER",
            help="A folder of your own report templates, used before the built-in ones.",
        ),
    ] = None,
    reference_doc: Annotated[
        Path | None,
        typer.Option(metavar="FILE", help="A Word document whose styles the docx report uses."),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Replace report files even if they were edited or not written by sendreview.",
        ),
    ] = False,
    comparison: Annotated[
        bool | None,
        typer.Option(
            "--comparison/--no-comparison",
            show_default=False,
            help="With a review report: the section comparing the school's self-evaluation "
            "with the findings (default: in final reports only).",
        ),
    ] = None,
    allow_personal_data: Annotated[
        bool,
        typer.Option(
            "--allow-personal-data",
            help="Write the report even though its text holds what identifies a child "
            "(a pupil number, a date of birth, a name: validate's SR801-SR805).",
        ),
    ] = False,
    every: Annotated[
        bool,
        typer.Option(
            "--all",
            help="Render every review under the folders given, each into its own build/ "
            "folder (or all into the -o folder).",
        ),
    ] = False,
    jobs: RenderJobs = None,
) -> None:
    """Render a review into the documents schools receive; with --all, every review
    under some folders."""
    from sendreview import terminal
    from sendreview.report import render_report
    from sendreview.report.batch import single

    chosen = formats or [ReportFormat.docx.value]
    if every:
        from sendreview.report.batch import Request, render_all
        from sendreview.validation.run import default_jobs

        request = Request(
            tuple(chosen),
            kind.value,
            output,
            templates,
            reference_doc,
            force,
            parse_date(visit, "--visit"),
            comparison,
            allow_personal_data,
        )
        with terminal.BatchView() as view:
            outcomes = render_all(
                paths or [Path()], request, jobs=jobs or default_jobs(), watcher=view
            )
        terminal.print_batch_summary(outcomes)
        if not all(o.ok for o in outcomes):
            raise typer.Exit(1)
        return
    result = render_report(
        single(paths or []),
        chosen,
        kind=kind.value,
        output=output,
        templates=templates,
        reference_doc=reference_doc,
        force=force,
        visit=parse_date(visit, "--visit"),
        comparison=comparison,
        allow_personal_data=allow_personal_data,
    )
    if result.warnings:
        terminal.print_diagnostics(result.warnings, stderr=True)
    for path in result.paths:
        terminal.say(f"wrote {path}")


@app.command(cls=Command)
def diff(
    versions: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[DIR] [OLD] [NEW]",
            show_default=False,
            help="The review's folder (default: this folder), then two versions: git "
            "revisions (a commit, branch or tag, HEAD~1…) or folders holding the review. "
            "Default: the last commit (HEAD) and the folder as it is now. Two review "
            "folders alone are compared with each other; inside the review, the versions "
            "alone will do (sendreview diff HEAD~1).",
        ),
    ] = None,
    fmt: Annotated[
        DiffFormat,
        typer.Option(
            "--format",
            "-f",
            help="text for people, json for scripts; md, docx or html write a document "
            "to send the school.",
        ),
    ] = DiffFormat.text,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="With md, docx or html: a folder, or a file name. Default: the review's "
            "build/ folder.",
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Replace a document even if it was edited or not written by sendreview."
        ),
    ] = False,
) -> None:
    """What changed in a review between two versions: entries added, removed and reworded."""
    from sendreview import terminal
    from sendreview.diff import diff as compare
    from sendreview.diff import versions as parse
    from sendreview.diff.render import print_json, print_text, render_report

    comparison = compare(versions or [])
    if fmt is DiffFormat.text:
        print_text(comparison)
    elif fmt is DiffFormat.json:
        print_json(comparison)
    else:
        root = parse(versions or [])[0]
        for path in render_report(comparison, root, [fmt.value], output, force):
            terminal.say(f"wrote {path}")


@app.command(cls=Command)
def form(
    folder: Folder = Path(),
    fmt: Annotated[
        FormFormat,
        typer.Option("--format", "-f", help="docx (Word; LibreOffice opens it too) or odt."),
    ] = FormFormat.docx,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="A file name or a folder for the form. Default: the review's build/ folder.",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace a form file that is already there.")
    ] = False,
) -> None:
    """Write the self-evaluation form for the school to fill in, in Word.

    Answers already in self-evaluation.yaml are in it; read the completed form back with
    'sendreview import self-evaluation'."""
    from sendreview import terminal
    from sendreview.selfeval_form import write_form

    terminal.say(f"wrote {write_form(folder, fmt.value, output, force)}")


@import_app.command("self-evaluation", cls=Command)
def import_self_evaluation(
    file: Annotated[
        Path, typer.Argument(metavar="FILE", help="The completed form (.docx or .odt).")
    ],
    folder: Folder = Path(),
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would change, area by area; write nothing.")
    ] = False,
    force: Annotated[
        bool,
        typer.Option("--force", help="Replace answers already in self-evaluation.yaml."),
    ] = False,
) -> None:
    """Read a completed self-evaluation form into self-evaluation.yaml."""
    from sendreview import terminal
    from sendreview.selfeval_form.importing import import_form

    result = import_form(file, folder, dry_run=dry_run, force=force)
    for note in result.notes:
        terminal.say(f"note: {note}", stderr=True)
    if dry_run:
        for line in result.diff():
            terminal.say(line)
    if not result.changes:
        terminal.say(f"nothing to change: {result.path} already holds the form's answers")
    elif result.written:
        terminal.say(
            f"updated {result.path}: {len(result.changes)} answer(s) changed, "
            f"{result.unchanged} the same"
        )
    else:
        terminal.say(f"{len(result.changes)} answer(s) would change (--dry-run: nothing written)")
