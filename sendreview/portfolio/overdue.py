"""Whether a recommendation is overdue.

A stand-in, kept to one function so that the follow-ups work's own overdue detection
can take its place when both are merged: a recommendation is overdue when its due date
has passed (``today`` is given, never read from the clock here, so that a portfolio is
reproducible and testable) and its latest status is not a complete one.
"""

from __future__ import annotations

from datetime import date

from sendreview import frameworks


def is_overdue(due: date | None, current: str | None, today: date) -> bool:
    if due is None or due >= today:
        return False
    status = frameworks.progress_scale().get(current) if current else None
    return not (status and status.complete)
