"""The Python API: what the command line is a thin face on."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sendreview.errors import InvalidReview, SendreviewError

if TYPE_CHECKING:  # kept light: `report` asks require_review() before anything heavy
    from sendreview.diagnostics import Diagnostic
    from sendreview.workspace import Workspace


def validate(
    *paths: str | Path, strict: bool = False, today: date | None = None
) -> list[Diagnostic]:
    """Diagnostics for one or more workspaces (or folders holding many), sorted by place.

    ``today``: the day overdue recommendations are judged on as well as at each
    follow-up visit (None: at the visits only; this never reads the clock)."""
    from sendreview.validation.run import validate as run

    return run(paths or (".",), strict=strict, today=today).diagnostics


def require_review(path: str | Path) -> Path:
    """``path`` as a review folder, or a clear error saying it is not one."""
    root = Path(path)
    if not (root / "review.yaml").is_file():
        raise SendreviewError(
            f"'{path}' is not a review: it has no review.yaml",
            "give the folder of a review, or run 'sendreview init' to start one",
        )
    return root


def load_review(
    path: str | Path, *, allow_errors: bool = False, today: date | None = None
) -> Workspace:
    """Load one workspace and check it; raises ``InvalidReview`` if it has errors.

    The returned workspace has its models (``.review``, ``.findings``, ``.visits``…),
    its framework and every diagnostic (warnings included) in ``.diagnostics``.
    """
    from sendreview.validation.run import check_workspace
    from sendreview.workspace import load

    root = require_review(path)
    ws = load(root)
    ws.diagnostics = check_workspace(ws, today)
    if not allow_errors and any(d.is_error for d in ws.diagnostics):
        raise InvalidReview(list(ws.diagnostics))
    return ws
