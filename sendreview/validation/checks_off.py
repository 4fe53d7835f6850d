"""Checks a reviewer turned off for one review (review.yaml's ``checks_off``).

A check is never silenced quietly: only codes marked ``optional`` in the registry may be
turned off, each needs its reason, and ``status`` shows them with the reason.
"""

from __future__ import annotations

from sendreview.diagnostics import Diagnostic
from sendreview.diagnostics.codes import CODES
from sendreview.workspace import Workspace


def turned_off(ws: Workspace) -> dict[str, str]:
    """The codes turned off for this review that may be, with their reasons."""
    review = ws.review
    if review is None:
        return {}
    return {
        code: reason
        for code, reason in review.checks_off.items()
        if code in CODES and CODES[code].optional
    }


def check(ws: Workspace) -> list[Diagnostic]:
    review, part = ws.review, ws.parts.get("review")
    if review is None or part is None:
        return []
    optional = ", ".join(c.code for c in CODES.values() if c.optional) or "none yet"
    out = []
    for code in review.checks_off:
        if code in CODES and CODES[code].optional:
            continue
        message = (
            f"{code} ({CODES[code].title}) cannot be turned off"
            if code in CODES
            else f"{code} is not a sendreview check"
        )
        out.append(
            part.doc.diagnostic(
                ("checks_off", code),
                "SR800",
                message,
                f"remove it from checks_off; the checks that may be turned off: {optional}",
                key=True,
            )
        )
    return out


def without(diagnostics: list[Diagnostic], ws: Workspace) -> list[Diagnostic]:
    off = turned_off(ws)
    return [d for d in diagnostics if d.code not in off] if off else diagnostics
