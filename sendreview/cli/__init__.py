"""The command line: each command parses its arguments, calls one function of the
package, and maps the outcome to an exit code. Heavy imports happen inside the
commands so that ``sendreview --help`` stays quick.

``app`` holds the error handler and the app; the commands register themselves on it
when their modules are imported, here, in the order ``--help`` lists them.
"""

# the commands register in the order --help lists them
# isort: off
from sendreview.cli import reviews
from sendreview.cli import documents
from sendreview.cli import programmes

# isort: on
from sendreview.cli.app import app, main
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
