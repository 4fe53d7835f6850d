"""The command line: each command parses its arguments, calls one function of the
package, and maps the outcome to an exit code. Heavy imports happen inside the
commands so that ``sendreview --help`` stays quick.

Every outcome of every command, and of parsing its arguments, goes through one
handler, ``_exit_code``. Exit codes: 0 done, 1 a problem the user can fix (their
files, the disk, the installation), 2 a usage problem, 3 an internal error (with a
crash log), 130 interrupted.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from sendreview import __version__

if TYPE_CHECKING:
    from datetime import date

    from sendreview.scaffold.new_review import Question


def _exit_code(e: Exception | KeyboardInterrupt) -> int:
    """The one error handler: tell the user what happened; return the exit code."""
    from sendreview import terminal
    from sendreview.errors import InvalidReview, SendreviewError, from_os_error

    if isinstance(e, typer.Exit):  # --help, --version, a command's own exit code
        return e.exit_code
    if isinstance(e, KeyboardInterrupt | typer.Abort):  # Ctrl-C, also at a prompt
        terminal.say("\nInterrupted.", stderr=True)
        return 130
    if isinstance(e, typer.TyperException):  # click's usage errors: bad option, value, command
        return _usage_error(e)
    if isinstance(e, BrokenPipeError):  # `sendreview validate -f json | head`: not an error
        import contextlib

        with contextlib.suppress(OSError, ValueError):  # stop Python complaining at exit
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    if isinstance(e, OSError):  # the disk, permissions, a file open in Word: not a bug
        e = from_os_error(e)
    if isinstance(e, InvalidReview):
        terminal.print_diagnostics(e.diagnostics)
    if isinstance(e, SendreviewError):
        terminal.print_error(e.message, e.hint)
        return e.exit_code
    from sendreview.crash import crash_report, write_crash_log

    terminal.print_crash(__version__, write_crash_log(e), crash_report(e))
    return 3


def _usage_error(e: typer.TyperException) -> int:
    from sendreview import terminal

    ctx: Any = getattr(e, "ctx", None)
    # typer 0.29 checks choices with pydantic, whose message starts "Value error, ".
    message = e.format_message().replace(": Value error, ", ": ", 1)
    if type(e).__name__ == "NoArgsIsHelpError":  # `sendreview` alone: typer showed its help
        pass
    elif ctx is not None:
        terminal.print_usage_error(
            message, ctx.get_usage(), f"{ctx.command_path} {ctx.help_option_names[0]}"
        )
    else:
        terminal.print_usage_error(message)
    return e.exit_code


class _Argument(TyperArgument):
    """An argument as help shows it: ``FOLDER`` and ``[FOLDER]``, with no ``<path>``."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None

    def _usage_display_name(self) -> str:
        if self.display_name_raw.startswith("["):  # spells out its parts: [DIR] [OLD] [NEW]
            return self.display_name_raw
        name = self.display_name_raw if self.required else f"[{self.display_name_raw}]"
        return f"{name}..." if self.nargs != 1 else name


def _plain(params: list[Any]) -> list[Any]:
    """Help without type noise: arguments by their metavar, flags with no ``<bool>``,
    choices as ``[a|b|c]``."""
    for p in params:
        if isinstance(p, TyperArgument):
            p.metavar = p.metavar or p.name.upper()
            p.__class__ = _Argument
        elif isinstance(p, TyperOption) and p.metavar is None:
            if p.is_flag:
                p.metavar = ""
            elif p.type_descriptor.is_choice:
                p.metavar = "[" + "|".join(str(c) for c in p.type_descriptor.choices or ()) + "]"
    return params


class _Command(TyperCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # docstrings wrap at the code's width; help wraps at the terminal's
        if kwargs.get("help"):
            kwargs["help"] = re.sub(r"(?<!\n)\n(?!\n)", " ", kwargs["help"])
        super().__init__(*args, **kwargs)

    def get_params(self, ctx: Any) -> list[Any]:
        return _plain(super().get_params(ctx))


class _Group(TyperGroup):
    def get_params(self, ctx: Any) -> list[Any]:
        return _plain(super().get_params(ctx))

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> int:
        """Parse, run, and send every outcome through ``_exit_code``. Exits (standalone,
        as from a console script or typer's test runner) or returns the exit code."""
        argv = list(sys.argv[1:] if args is None else args)
        if args is None and os.name == "nt":  # Windows shells leave `*.yaml` to the program
            argv = typer._click.utils._expand_args(argv)
        try:
            with self.make_context(prog_name or "sendreview", argv, **extra) as ctx:
                self.invoke(ctx)
            code = 0
        except (Exception, KeyboardInterrupt) as e:
            code = _exit_code(e)
        if standalone_mode:
            sys.exit(code)
        return code


app = typer.Typer(
    cls=_Group,
    name="sendreview",
    help="SEND reviews as plain-text folders: start one, check it, and produce the reports "
    "schools receive.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    add_completion=False,
)
frameworks_app = typer.Typer(
    cls=_Group, help="The frameworks reviews are written against.", no_args_is_help=True
)
followup_app = typer.Typer(cls=_Group, help="Follow-up visits.", no_args_is_help=True)
import_app = typer.Typer(
    cls=_Group, help="Read what a school sent back into the review.", no_args_is_help=True
)
app.add_typer(frameworks_app, name="frameworks")
app.add_typer(followup_app, name="followup")
stats_app = typer.Typer(
    cls=_Group, help="National figures to set a school beside.", no_args_is_help=True
)
app.add_typer(stats_app, name="stats")
app.add_typer(import_app, name="import")


# The choices the commands offer. The library's own lists are the truth
# (sendreview.report.FORMATS, KINDS); a test checks these match them. They are
# written out here so that the CLI starts without importing the report machinery.
class Output(StrEnum):
    text = "text"
    json = "json"
    github = "github"


class Listing(StrEnum):
    text = "text"
    json = "json"


class PortfolioFormat(StrEnum):
    text = "text"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"
    html = "html"


class ReportFormat(StrEnum):
    docx = "docx"
    pdf = "pdf"
    html = "html"
    odt = "odt"
    md = "md"


class ReportKind(StrEnum):
    review = "review"
    self_evaluation = "self-evaluation"
    follow_up = "follow-up"


class RenumberWhat(StrEnum):
    both = "both"
    recommendations = "recommendations"
    evidence = "evidence"


OutputOption = Annotated[
    Output,
    typer.Option(
        "--format",
        "-f",
        help="text for people; json (one object a line) or github (GitHub Actions "
        "annotations) for scripts and CI.",
    ),
]
ListingOption = Annotated[
    Listing, typer.Option("--format", "-f", help="text for people, json for scripts.")
]
Folder = Annotated[Path, typer.Argument(metavar="FOLDER", help="The review folder.")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"sendreview {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """SEND reviews as plain-text folders."""


def _interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def _ask(question: Question) -> str | bool | None:
    if question.yes_no:
        return typer.confirm(question.text, default=True)
    answer: str = typer.prompt(
        question.text, default=None if question.required else "", show_default=False
    )
    return answer.strip() or None


@app.command(cls=_Command)
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
        visit=_date(visit, "--visit"),
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


def _date(value: str | None, flag: str) -> date | None:
    if value is None:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"'{value}' is not a date written as YYYY-MM-DD", param_hint=flag
        ) from None


TodayOption = Annotated[
    str | None,
    typer.Option(
        "--today",
        metavar="DATE",
        envvar="SENDREVIEW_TODAY",
        show_default=False,
        help="Judge overdue recommendations as at this date, YYYY-MM-DD, as well as at "
        "each follow-up visit (default: today's date).",
    ),
]


def _today(value: str | None) -> date:
    """The day overdue is judged on: the one place the command line reads the clock."""
    from datetime import date

    return _date(value, "--today") or date.today()


@app.command(cls=_Command)
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
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            metavar="N",
            min=1,
            show_default=False,
            help="Check reviews in N processes at once (default: one per core; 1: in turn).",
        ),
    ] = None,
    fmt: OutputOption = Output.text,
    today: TodayOption = None,
) -> None:
    """Check reviews: YAML, fields, framework ids, references, figures and what is missing."""
    from sendreview.terminal import print_diagnostics
    from sendreview.validation.run import default_jobs
    from sendreview.validation.run import validate as run

    result = run(paths or [Path()], strict=strict, jobs=jobs or default_jobs(), today=_today(today))
    text = fmt is Output.text
    print_diagnostics(
        result.diagnostics, fmt.value, reviews=result.reviews if text else None, notes=notes
    )
    if result.errors:
        raise typer.Exit(1)


@app.command(cls=_Command)
def schema(folder: Folder = Path()) -> None:
    """Write the JSON Schemas that let editors complete and check the review's files."""
    from sendreview import terminal
    from sendreview.scaffold.new_review import write_schemas

    for path in write_schemas(folder):
        terminal.say(f"wrote {path}")


@frameworks_app.command("list", cls=_Command)
def frameworks_list(fmt: ListingOption = Listing.text) -> None:
    """The built-in frameworks."""
    from sendreview import frameworks
    from sendreview.terminal import print_frameworks

    print_frameworks([frameworks.builtin(i) for i in frameworks.builtin_ids()], fmt.value)


@frameworks_app.command("show", cls=_Command)
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


@app.command(cls=_Command)
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
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            metavar="N",
            min=1,
            show_default=False,
            help="With --all: render N reviews at once (default: one per core; 1: in turn).",
        ),
    ] = None,
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
            _date(visit, "--visit"),
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
        visit=_date(visit, "--visit"),
        comparison=comparison,
        allow_personal_data=allow_personal_data,
    )
    if result.warnings:
        terminal.print_diagnostics(result.warnings, stderr=True)
    for path in result.paths:
        terminal.say(f"wrote {path}")


@app.command(cls=_Command)
def status(
    folder: Folder = Path(), fmt: ListingOption = Listing.text, today: TodayOption = None
) -> None:
    """What is done and what is missing in a review, at a glance."""
    from sendreview.status import review_status
    from sendreview.terminal import print_status

    print_status(review_status(folder, today=_today(today)), fmt.value)


class DiffFormat(StrEnum):
    text = "text"
    json = "json"
    md = "md"
    docx = "docx"
    html = "html"


@app.command(cls=_Command)
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


@app.command(cls=_Command)
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
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            metavar="N",
            min=1,
            show_default=False,
            help="Read reviews in N processes at once (default: one per core; 1: in turn).",
        ),
    ] = None,
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

    folio = collect(paths or [Path()], jobs=jobs or default_jobs(), today=_today(today))
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


@followup_app.command("new", cls=_Command)
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

    result = new_follow_up(folder, _date(on, "--date"))
    terminal.say(f"created  {result.path}")
    if result.noted:
        terminal.say(result.noted)
    terminal.say(
        f"{result.open} open recommendation{'s' if result.open != 1 else ''} carried "
        f"over, {result.complete} already complete."
    )


@app.command(cls=_Command)
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


class FormFormat(StrEnum):
    docx = "docx"
    odt = "odt"


@app.command(cls=_Command)
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


@import_app.command("self-evaluation", cls=_Command)
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


@stats_app.command("import", cls=_Command)
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


def main(argv: list[str] | None = None) -> int:
    """Console entry point: the exit code (every outcome is handled in ``_Group.main``)."""
    command = typer.main.get_command(app)
    assert isinstance(command, _Group)
    code = command.main(args=argv, prog_name="sendreview", standalone_mode=False)
    if argv is None:  # the command line's own process, which ends now
        import gc

        # Python's last collection at exit would walk every object typer, pydantic and
        # Jinja made, only to free memory the system takes back anyway: left out of it,
        # they cost nothing (every file sendreview writes is closed by then)
        gc.freeze()
    return code
