"""The ``Diagnostic`` value and its severities (the registry of codes builds on these)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"  # worth knowing, never a fault: --strict leaves it as it is


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A problem found in a file: where, how bad, which stable code, what to do."""

    path: str
    line: int | None
    col: int | None
    severity: Severity
    code: str
    message: str
    hint: str | None = None

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def is_info(self) -> bool:
        return self.severity is Severity.INFO

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line or 0, self.col or 0, self.code)

    def as_error(self) -> Diagnostic:
        """A warning raised to an error (``--strict``); information stays information."""
        if self.severity is Severity.INFO:
            return self
        return Diagnostic(
            self.path, self.line, self.col, Severity.ERROR, self.code, self.message, self.hint
        )


def count(diagnostics: list[Diagnostic]) -> tuple[int, int]:
    """(errors, warnings); information is counted by ``infos``."""
    errors = sum(1 for d in diagnostics if d.is_error)
    return errors, len(diagnostics) - errors - infos(diagnostics)


def infos(diagnostics: list[Diagnostic]) -> int:
    return sum(1 for d in diagnostics if d.severity is Severity.INFO)
