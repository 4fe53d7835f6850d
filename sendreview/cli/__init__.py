"""The command line: each command parses its arguments, calls one function of the
package, and maps the outcome to an exit code. Heavy imports happen inside the
commands so that ``sendreview --help`` stays quick.

``app`` holds the error handler and the app; the commands register themselves on it
when their modules are imported, here, in the order ``--help`` lists them. That happens
when ``main`` runs or any name below is first used, not on importing this package: the
console script imports it before ``main`` can settle the process (see ``_settle``).
"""

from __future__ import annotations

import importlib
import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sendreview.cli import documents, programmes, reviews
    from sendreview.cli.app import app
    from sendreview.cli.options import (
        DiffFormat,
        FormFormat,
        Listing,
        Output,
        PortfolioFormat,
        RenumberWhat,
        ReportFormat,
        ReportKind,
    )

__all__ = [
    "DiffFormat",
    "FormFormat",
    "Listing",
    "Output",
    "PortfolioFormat",
    "RenumberWhat",
    "ReportFormat",
    "ReportKind",
    "app",
    "documents",
    "main",
    "programmes",
    "reviews",
]


def main(argv: list[str] | None = None) -> int:
    """Console entry point: the exit code (every outcome is handled in ``app``)."""
    if argv is None:  # the command line's own process, not a program calling main
        _settle()
    _load()
    from sendreview.cli.app import main as run

    code = run(argv)
    if argv is None:  # the command line's own process, which ends now
        import gc

        # Python's last collection at exit would walk every object typer, pydantic and
        # Jinja made, only to free memory the system takes back anyway: left out of it,
        # they cost nothing (every file sendreview writes is closed by then)
        gc.freeze()
    return code


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(name)
    _load()
    return globals()[name]


def _load() -> None:
    """Import the commands (each registers on the app as its module is imported, in the
    order --help lists them) and bind the names above, as importing them here would."""
    for commands in ("reviews", "documents", "programmes"):
        importlib.import_module(f"sendreview.cli.{commands}")
    from sendreview.cli import options
    from sendreview.cli.app import app

    # `app` here is the Typer app, not the module app.py (which importing it bound here)
    names = {name: getattr(options, name) for name in __all__ if hasattr(options, name)}
    globals().update(names, app=app)


def _settle() -> None:
    """Settings for the whole of the command line's process, made before anything else
    is imported (typer among the first)."""
    import gc

    # Pydantic runs any plugin an installed package declares (entry points in the group
    # "pydantic") on every validator it builds, and looks for them by reading every
    # installed package's metadata at each start. Plugins are off: no other package
    # should see or change how a review's files are read. This is pydantic's documented
    # switch, read when the first validator is built.
    os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"
    # Starting, typer, pydantic and the review's models make some 70,000 objects that
    # live to the end; at the default threshold (700) the collector would walk them a
    # hundred times, for no garbage (some 15 ms of the 250 ms `validate` of one review
    # took). The work itself makes little cyclic garbage (a report some 130 objects a
    # review, a validation none): collecting every 100,000 objects, memory is as it was
    # (validate, portfolio and report --all of 300 reviews: the same peak).
    gc.set_threshold(100_000)
