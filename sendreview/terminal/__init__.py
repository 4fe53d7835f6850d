"""What the commands print, for people and for scripts: ``core`` holds the console, the
escaping of the user's text and the diagnostics; ``review`` what ``status`` and
``renumber`` print; ``many`` what commands over many reviews print."""

from sendreview.terminal.core import (
    console,
    print_crash,
    print_diagnostics,
    print_error,
    print_framework,
    print_frameworks,
    print_usage_error,
    say,
    visible,
)
from sendreview.terminal.many import BatchView, print_batch_summary, print_portfolio
from sendreview.terminal.review import print_renumbering, print_status

__all__ = [
    "BatchView",
    "console",
    "print_batch_summary",
    "print_crash",
    "print_diagnostics",
    "print_error",
    "print_framework",
    "print_frameworks",
    "print_portfolio",
    "print_renumbering",
    "print_status",
    "print_usage_error",
    "say",
    "visible",
]
