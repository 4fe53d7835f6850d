"""Write docs/cli.md, the command-line reference, from the commands themselves.

Every command's description, usage line, arguments and options come from
sendreview/cli/, so the reference cannot drift from what ``--help`` says
(tests/test_docs.py fails when docs/cli.md is stale). After changing a command:

    .venv/bin/python tools/gen_cli_docs.py           # rewrite docs/cli.md
    .venv/bin/python tools/gen_cli_docs.py --check   # exit 1 if it is out of date
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperGroup

DOCS = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
COMMAND = ".venv/bin/python tools/gen_cli_docs.py"

INTRO = f"""\
# Command-line reference

<!-- Generated from sendreview/cli/ by tools/gen_cli_docs.py: do not edit by hand.
     Run `{COMMAND}` after changing a command. -->

Every command also takes `-h` or `--help`, which prints what is below for that command.

Exit codes: **0** done; **1** a problem to fix in the review's files, on the disk or in the
installation (the message says which, with a hint); **2** a mistake in the command itself
(an unknown option, a value that is not one of the choices, a missing answer); **3** an
internal error, a bug in sendreview (the details are written to a crash log whose name is
printed); **130** interrupted (Ctrl-C).
"""


def _section(command: Any, ctx: typer.Context) -> list[str]:
    lines = [f"## `{ctx.command_path}`", ""]
    if command.help:
        lines += [inspect.cleandoc(command.help), ""]
    usage = " ".join([ctx.command_path, *command.collect_usage_pieces(ctx)])
    lines += ["```", usage, "```", ""]
    records = [p.get_help_record(ctx) for p in command.get_params(ctx)]
    lines += [
        f"- `{name}`: {text}" if text else f"- `{name}`" for name, text in filter(None, records)
    ]
    if isinstance(command, TyperGroup):
        lines += ["", "Commands:", ""]
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                summary = (sub.help or "").strip().split("\n\n")[0].replace("\n", " ")
                lines.append(f"- `{ctx.command_path} {name}`: {summary}")
    return [*lines, ""]


def _walk(command: Any, ctx: typer.Context) -> list[str]:
    lines = _section(command, ctx)
    if isinstance(command, TyperGroup):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                lines += _walk(sub, typer.Context(sub, info_name=name, parent=ctx))
    return lines


def render() -> str:
    from sendreview.cli import app

    root = typer.main.get_command(app)
    ctx = typer.Context(root, info_name="sendreview", **root.context_settings)  # -h, --help
    lines = _walk(root, ctx)
    return INTRO + "\n" + "\n".join(lines).rstrip() + "\n"


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))  # run as a script or loaded by a test
    from generated import write_or_check

    return write_or_check(DOCS, render(), COMMAND, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
