"""What the commands print: rich for people at a terminal, plain text or JSON for scripts.

Colour switches off by itself when output is not a terminal or NO_COLOR is set.

Everything printed here may carry text from the user's files (file names, field values,
framework ids and titles). It is always printed as it is: rich markup and emoji codes
are off (``[bold]`` stays ``[bold]``, ``context.yaml:100:1`` never shows 💯), and
control characters and escape sequences are shown as escapes (``\\x1b``) by
``visible``, never sent to the terminal.
"""

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
