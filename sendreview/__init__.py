"""sendreview: SEND reviews kept as plain-text YAML workspaces.

The package is usable from Python; the command line is a thin face on it::

    from sendreview import load_review, validate
    diagnostics = validate("riverside-primary-2026", "oak-lane-2026")
    review = load_review("riverside-primary-2026")

Heavy modules are imported on first use so that ``sendreview --help`` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from sendreview.api import load_review, validate

__all__ = ["__version__", "load_review", "validate"]


def __getattr__(name: str) -> Any:
    if name in ("load_review", "validate"):
        from sendreview import api

        return getattr(api, name)
    raise AttributeError(name)
