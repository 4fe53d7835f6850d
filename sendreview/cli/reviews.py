"""Commands for one review: start it, check it, see how far it has got, carry it into a
follow-up visit, renumber its ids; and the frameworks reviews are written against."""

# Not `from __future__ import annotations`: typer reads every command's annotations at
# each start, and would evaluate strings (twice each); objects are made once, on import.

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from sendreview.scaffold.new_review import Question

from sendreview.cli.app import Command, app, followup_app, frameworks_app
from sendreview.cli.options import (
    CheckJobs,
    Folder,
    Listing,
    ListingOption,
    Output,
    OutputOption,
    RenumberWhat,
    TodayOption,
    parse_date,
    today_or,
)


def _interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def _ask(question: "Question") -> str | bool | None:
    if question.yes_no:
        return typer.confirm(question.text, default=True)
    answer: str = typer.prompt(
        question.text, default=None if question.required else "", show_default=False
    )
    return answer.strip() or None


@app.command(cls=Command)
def init(
    folder: Annotated[Path, typer.Argument(metavar="FOLDER", help="Folder for the new review.")],
    framework: Annotated[
        str | None,
        typer.Option(
            metavar="FRAMEWORK",
            help="annex-1 (mainstream), annex-2 (special school, PRU, AP, ARP) or the path of "
            "your own framework file.",
        ),
    ] = None,
    school: Annotated[str | None, typer.Option(metavar="NAME", help="The school's name.")] = None,
    urn: Annotated[
        str | None, typer.Option(metavar="URN", help="The school's 6-digit URN.")
    ] = None,
    reviewer: Annotated[
        list[str] | None,
        typer.Option(metavar="NAME", help="A reviewer's name (repeat for several)."),
    ] = None,
    visit: Annotated[
        str | None, typer.Option(metavar="DATE", help="Date of the visit, YYYY-MM-DD.")
    ] = None,
    git: Annotated[
        bool | None,
        typer.Option(
            "--git/--no-git",
            help="Start a git repository for the review, or not. Asked in a terminal; "
            "without one, none is started unless --git is given.",
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Use a folder that already has files in it: files already there are kept, "
            "and a review's own answers (framework, school, reviewers) are reused.",
        ),
    ] = False,
) -> None:
    """Start a review: a folder of YAML files laid out like the guide's forms.

    In a terminal it asks for what the options do not say; in a script it names what is missing.
    """
    from sendreview import terminal
    from sendreview.scaffold.new_review import InitAnswers, complete_answers, init_workspace

    given = InitAnswers(
        folder=folder,
        framework=framework,
        school=school,
        reviewers=reviewer or [],
        urn=urn,
        visit=parse_date(visit, "--visit"),
        git=git,
        force=force,
    )
    result = init_workspace(complete_answers(given, _ask if _interactive() else None))
    for path in result.created:
        terminal.say(f"created  {path}")
    for path in result.kept:
        terminal.say(f"kept     {path} (already there)")
    if result.git:
        terminal.say(result.git)
    terminal.say(f"\nNext: fill in the files, then run 'sendreview validate {folder}'.")


@app.command(cls=Command)
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="PATHS",
            help="Review folders, or folders holding many reviews (default: this folder).",
        ),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")] = False,
    notes: Annotated[
        bool,
        typer.Option(
            "--notes",
            help="Show information too (findings worth knowing, never faults; counted as "
            "notes). JSON output always has it.",
        ),
    ] = False,
    jobs: CheckJobs = None,
    fmt: OutputOption = Output.text,
    today: TodayOption = None,
) -> None:
    """Check reviews: YAML, fields, framework ids, references, figures and what is missing."""
    from sendreview.terminal import print_diagnostics
    from sendreview.validation.run import default_jobs, stream

    found = stream(
        paths or [Path()], strict=strict, jobs=jobs or default_jobs(), today=today_or(today)
    )
    text = fmt is Output.text
    if print_diagnostics(
        found.diagnostics, fmt.value, reviews=found.reviews if text else None, notes=notes
    ):
        raise typer.Exit(1)


@app.command(cls=Command)
def schema(folder: Folder = Path()) -> None:
    """Write the JSON Schemas that let editors complete and check the review's files."""
    from sendreview import terminal
    from sendreview.scaffold.new_review import write_schemas

    for path in write_schemas(folder):
        terminal.say(f"wrote {path}")


@frameworks_app.command("list", cls=Command)
def frameworks_list(fmt: ListingOption = Listing.text) -> None:
    """The built-in frameworks."""
    from sendreview import frameworks
    from sendreview.terminal import print_frameworks

    print_frameworks([frameworks.builtin(i) for i in frameworks.builtin_ids()], fmt.value)


@frameworks_app.command("show", cls=Command)
def frameworks_show(
    framework: Annotated[
        str,
        typer.Argument(metavar="FRAMEWORK", help="annex-1, annex-2 or a framework file."),
    ],
    fmt: ListingOption = Listing.text,
) -> None:
    """A framework's areas of focus and suggested themes."""
    from sendreview.frameworks import require
    from sendreview.terminal import print_framework

    print_framework(require(framework, Path.cwd()), fmt.value)


@app.command(cls=Command)
def status(
    folder: Folder = Path(), fmt: ListingOption = Listing.text, today: TodayOption = None
) -> None:
    """What is done and what is missing in a review, at a glance."""
    from sendreview.status import review_status
    from sendreview.terminal import print_status

    print_status(review_status(folder, today=today_or(today)), fmt.value)


@followup_app.command("new", cls=Command)
def followup_new(
    folder: Folder = Path(),
    on: Annotated[
        str | None,
        typer.Option(
            "--date", metavar="DATE", help="The visit's date, YYYY-MM-DD (default: today)."
        ),
    ] = None,
) -> None:
    """Start the file for a follow-up visit, carrying over every open recommendation."""
    from sendreview import terminal
    from sendreview.scaffold.new_visit import new_follow_up

    result = new_follow_up(folder, parse_date(on, "--date"))
    terminal.say(f"created  {result.path}")
    if result.noted:
        terminal.say(result.noted)
    terminal.say(
        f"{result.open} open recommendation{'s' if result.open != 1 else ''} carried "
        f"over, {result.complete} already complete."
    )


@app.command(cls=Command)
def renumber(
    folder: Folder = Path(),
    what: Annotated[
        RenumberWhat,
        typer.Option("--what", help="Which ids to renumber: recommendations, evidence, or both."),
    ] = RenumberWhat.both,
    dry_run: Annotated[
        bool,
        typer.Option(
            "--dry-run", help="Show the new numbers and what would change; write nothing."
        ),
    ] = False,
) -> None:
    """Number recommendations R1, R2… and evidence E1, E2… in order, and rewrite every
    reference to them in every file of the review.

    Only the ids change: comments (even ones that name ids), layout and every other
    character stay as they were. Ids named in Markdown text ("see R4") are renamed too,
    and listed. The review must have no errors first.
    """
    from sendreview.renumber import renumber as run
    from sendreview.terminal import print_renumbering

    print_renumbering(run(folder, what.value, dry_run=dry_run))
