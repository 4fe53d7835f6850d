"""The one exception type users see, and its few refinements.

Anything raised as a ``SendreviewError`` is a problem the user can fix: the CLI
prints its message and hint and exits 1. Everything else is a bug (exit 3).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sendreview.diagnostics import Diagnostic


class SendreviewError(Exception):
    """A problem with the user's files or request, explained in plain words."""

    exit_code = 1

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class UsageError(SendreviewError):
    """The command was asked for something it cannot do as given (exit 2)."""

    exit_code = 2


class InvalidReview(SendreviewError):
    """A review has validation errors; carries the diagnostics to print."""

    def __init__(self, diagnostics: Sequence[Diagnostic], message: str | None = None) -> None:
        super().__init__(message or "the review has errors; fix them and run the command again")
        self.diagnostics = list(diagnostics)
