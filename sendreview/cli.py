"""The command line: each command parses its arguments, calls one function of the
package, and maps the outcome to an exit code. Heavy imports happen inside the
commands so that ``sendreview --help`` stays quick.

Exit codes: 0 done, 1 a problem with the user's files, 2 a usage problem,
3 an internal error (with a crash log), 130 interrupted.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from sendreview import __version__
from sendreview.errors import InvalidReview, SendreviewError

if TYPE_CHECKING:
    from datetime import date


class _Group(TyperGroup):
    """Routes every outcome of every command through one handler."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            sys.stderr.write("\nInterrupted.\n")
            raise typer.Exit(130) from None
        except Exception as e:
            if _is_typer_control(e):  # --help, usage errors, typer.Exit: typer's to handle
                raise
            raise typer.Exit(_report(e)) from None


def _is_typer_control(e: BaseException) -> bool:
    return type(e).__module__.split(".")[0] in ("typer", "click")


def _report(e: Exception) -> int:
    """Tell the user what went wrong; returns the exit code."""
    if isinstance(e, InvalidReview):
        from sendreview.terminal import print_diagnostics

        print_diagnostics(e.diagnostics)
    if isinstance(e, SendreviewError):
        _say(e.message, e.hint)
        return e.exit_code
    if isinstance(e, BrokenPipeError):  # `sendreview validate -f json | head`: not an error
        import contextlib
        import os

        with contextlib.suppress(OSError, ValueError):  # stop Python complaining at exit
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    if isinstance(e, OSError):  # the disk, permissions, a file open in Word: not a bug
        where = f" {e.filename}" if e.filename else ""
        _say(
            f"could not use{where}: {e.strerror or e}",
            "check that the folder exists, that you may write there, and that the file is "
            "not open in another program (Word locks the files it has open)",
        )
        return 1
    from sendreview.crash import write_crash_log

    path = write_crash_log(e)
    sys.stderr.write(
        f"sendreview {__version__} ran into an internal error. This is a bug in "
        "sendreview, not a problem with your files.\n"
        f"The details were written to {path}; please send that file to whoever "
        "supports your copy of sendreview.\n"
    )
    return 3


def _say(message: str, hint: str | None) -> None:
    sys.stderr.write(f"Error: {message}\n")
    if hint:
        sys.stderr.write(f"  hint: {hint}\n")


app = typer.Typer(
    cls=_Group,
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
app.add_typer(frameworks_app, name="frameworks")
app.add_typer(followup_app, name="followup")

Format = Annotated[str, typer.Option("--format", "-f", help="text, json or github")]


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


def _choice(value: str, options: tuple[str, ...], flag: str) -> str:
    if value not in options:
        raise typer.BadParameter(f"'{value}' is not one of: {', '.join(options)}", param_hint=flag)
    return value


def _interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def _ask(value: str | None, flag: str, question: str, required: bool = True) -> str | None:
    if value is not None:
        return value
    if _interactive():
        answer: str = typer.prompt(
            question, default="" if not required else None, show_default=False
        )
        return answer.strip() or None
    if required:
        from sendreview.errors import UsageError

        raise UsageError(
            f"{flag} is needed when sendreview cannot ask (no terminal)",
            f"add {flag} to the command",
        )
    return None


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(help="Folder for the new review.")],
    framework: Annotated[
        str | None,
        typer.Option(
            help="annex-1 (mainstream), annex-2 (special school, PRU, AP, ARP) or the path of "
            "your own framework file."
        ),
    ] = None,
    school: Annotated[str | None, typer.Option(help="The school's name.")] = None,
    urn: Annotated[str | None, typer.Option(help="The school's 6-digit URN.")] = None,
    reviewer: Annotated[
        list[str] | None, typer.Option(help="A reviewer's name (repeat for several).")
    ] = None,
    visit: Annotated[str | None, typer.Option(help="Date of the visit, YYYY-MM-DD.")] = None,
    git: Annotated[
        bool | None,
        typer.Option(
            "--git/--no-git", help="Start a git repository for the review (asked if not given)."
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            help="Use a folder that already has files in it. Files already there are kept."
        ),
    ] = False,
) -> None:
    """Start a review: a folder of YAML files laid out like the guide's forms."""
    from sendreview.scaffold.workspace import InitOptions, answers_from, init_workspace

    known = answers_from(folder) if force else {}  # repairing a review: reuse its answers
    framework = framework or known.get("framework")
    school = school or known.get("school")
    reviewer = reviewer or known.get("reviewers")
    urn = urn or known.get("urn")
    framework = _ask(
        framework, "--framework", "Framework (annex-1 mainstream, annex-2 special/PRU/AP/ARP)"
    )
    school = _ask(school, "--school", "School name")
    reviewers = reviewer or [r for r in [_ask(None, "--reviewer", "Reviewer's name")] if r]
    if urn is None and _interactive():
        urn = _ask(None, "--urn", "URN (6 digits, Enter to skip)", required=False)
    if git is None and _interactive():
        git = typer.confirm("Start a git repository for this review?", default=True)
    result = init_workspace(
        InitOptions(
            folder=folder,
            framework=framework or "",
            school=school or "",
            urn=urn,
            reviewers=reviewers,
            visit=_date(visit, "--visit"),
            git=git,
            force=force,
        )
    )
    out = typer.echo
    for path in result.created:
        out(f"created  {path}")
    for path in result.kept:
        out(f"kept     {path} (already there)")
    if result.git:
        out(result.git)
    out(f"\nNext: fill in the files, then run 'sendreview validate {folder}'.")


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


@app.command()
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Review folders, or folders holding many reviews (default: here)."),
    ] = None,
    strict: Annotated[bool, typer.Option(help="Treat warnings as errors.")] = False,
    fmt: Format = "text",
) -> None:
    """Check reviews: YAML, fields, framework ids, references, figures and what is missing."""
    from sendreview.terminal import print_diagnostics
    from sendreview.validation.run import validate as run

    _choice(fmt, ("text", "json", "github"), "--format")
    result = run(paths or [Path()], strict=strict)
    print_diagnostics(result.diagnostics, fmt, reviews=result.reviews if fmt == "text" else None)
    if result.errors:
        raise typer.Exit(1)


@app.command()
def schema(
    folder: Annotated[Path, typer.Argument(help="The review folder.")] = Path(),
) -> None:
    """Write the JSON Schemas that let editors complete and check the review's files."""
    from sendreview.scaffold.workspace import write_schemas

    for path in write_schemas(folder):
        typer.echo(f"wrote {path}")


@frameworks_app.command("list")
def frameworks_list(fmt: Format = "text") -> None:
    """The built-in frameworks."""
    from sendreview import frameworks
    from sendreview.terminal import print_frameworks

    _choice(fmt, ("text", "json"), "--format")
    print_frameworks([frameworks.builtin(i) for i in frameworks.builtin_ids()], fmt)


@frameworks_app.command("show")
def frameworks_show(
    framework: Annotated[str, typer.Argument(help="annex-1, annex-2 or a framework file.")],
    fmt: Format = "text",
) -> None:
    """A framework's areas of focus and suggested themes."""
    from sendreview.frameworks import require as resolve_framework
    from sendreview.terminal import print_framework

    _choice(fmt, ("text", "json"), "--format")
    print_framework(resolve_framework(framework, Path.cwd()), fmt)


@app.command()
def report(
    folder: Annotated[Path, typer.Argument(help="The review folder.")] = Path(),
    formats: Annotated[
        list[str] | None,
        typer.Option(
            "--format",
            "-f",
            help="docx, pdf, html, odt or md; repeat it or give a list "
            "(docx,pdf,html). Default: docx.",
        ),
    ] = None,
    kind: Annotated[
        str,
        typer.Option(
            help="review (the final report), self-evaluation (the school's form) or follow-up "
            "(a follow-up visit)."
        ),
    ] = "review",
    visit: Annotated[
        str | None,
        typer.Option(help="With --kind follow-up: the visit's date (default: the latest)."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="A folder for the reports, or a file name for one format. "
            "Default: the review's build/ folder.",
        ),
    ] = None,
    templates: Annotated[
        Path | None,
        typer.Option(help="A folder of your own report templates, used before the built-in ones."),
    ] = None,
    reference_doc: Annotated[
        Path | None, typer.Option(help="A Word document whose styles the docx report uses.")
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            help="Replace report files even if they were edited or not written by sendreview."
        ),
    ] = False,
) -> None:
    """Render a review into the documents schools receive."""
    from sendreview.report import render_report
    from sendreview.terminal import print_diagnostics

    result = render_report(
        folder,
        formats or ["docx"],
        kind=kind,
        output=output,
        templates=templates,
        reference_doc=reference_doc,
        force=force,
        visit=_date(visit, "--visit"),
    )
    if result.warnings:
        print_diagnostics(result.warnings, stderr=True)
    for path in result.paths:
        typer.echo(f"wrote {path}")


@app.command()
def status(
    folder: Annotated[Path, typer.Argument(help="The review folder.")] = Path(),
    fmt: Format = "text",
) -> None:
    """What is done and what is missing in a review, at a glance."""
    from sendreview.status import review_status
    from sendreview.terminal import print_status

    _choice(fmt, ("text", "json"), "--format")
    print_status(review_status(folder), fmt)


@followup_app.command("new")
def followup_new(
    folder: Annotated[Path, typer.Argument(help="The review folder.")] = Path(),
    on: Annotated[
        str | None, typer.Option("--date", help="The visit's date, YYYY-MM-DD (default: today).")
    ] = None,
) -> None:
    """Start the file for a follow-up visit, carrying over every open recommendation."""
    from sendreview.scaffold.followup import new_follow_up

    result = new_follow_up(folder, _date(on, "--date"))
    typer.echo(f"created  {result.path}")
    if result.noted:
        typer.echo(result.noted)
    typer.echo(
        f"{result.open} open recommendation{'s' if result.open != 1 else ''} carried "
        f"over, {result.complete} already complete."
    )


def main(argv: list[str] | None = None) -> int:
    """Console entry point."""
    try:
        result = app(args=argv, prog_name="sendreview", standalone_mode=False)
    except typer.Exit as e:
        return int(e.exit_code)
    except (typer.Abort, KeyboardInterrupt):  # Ctrl-C at a prompt
        sys.stderr.write("\nInterrupted.\n")
        return 130
    except typer.TyperException as e:  # usage errors: click's message and exit code 2
        e.show()  # type: ignore[attr-defined]
        return int(getattr(e, "exit_code", 2))
    return result if isinstance(result, int) else 0
