"""The command line's frame: the one error handler and its exit codes, the typer app and
its groups, and ``main``. The commands themselves are in ``reviews``, ``documents`` and
``programmes``, each parsing its arguments and calling one function of the package.

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
from typing import Annotated, Any

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from sendreview import __version__


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


class Command(TyperCommand):
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


def main(argv: list[str] | None = None) -> int:
    """The exit code of one run (every outcome is handled in ``_Group.main``), with
    ``sys.argv`` when ``argv`` is None."""
    command = typer.main.get_command(app)
    assert isinstance(command, _Group)
    return command.main(args=argv, prog_name="sendreview", standalone_mode=False)
