"""One ``Diagnostic`` type for every check, and the one way to make one.

Every check builds its diagnostics with :func:`make`, which takes the severity from
the code registry (``codes.py``), so a code's severity is decided in one place.
"""

from __future__ import annotations

from sendreview.diagnostics.codes import CODES
from sendreview.diagnostics.core import Diagnostic, Severity, count, infos


def make(
    code: str,
    path: str,
    message: str,
    line: int | None = None,
    col: int | None = None,
    hint: str | None = None,
) -> Diagnostic:
    """A diagnostic with the severity the registry gives ``code``."""
    return Diagnostic(path, line, col, CODES[code].severity, code, message, hint)


__all__ = ["Diagnostic", "Severity", "count", "infos", "make"]
