"""A programme of reviews seen together: the overview of every review (collect), the
themes that recur across them (themes), and the exports and dashboard (export, dashboard).

    from sendreview.portfolio import collect, themes
    folio = collect(["reviews/"], today=date(2027, 5, 1), jobs=2)
    for row in themes(folio).areas: ...
"""

from sendreview.portfolio.collect import (
    Found,
    Portfolio,
    Recommendation,
    ReviewSummary,
    collect,
    summarise,
)
from sendreview.portfolio.themes import AreaCount, Progress, Themes, progress, themes

__all__ = [
    "AreaCount",
    "Found",
    "Portfolio",
    "Progress",
    "Recommendation",
    "ReviewSummary",
    "Themes",
    "collect",
    "progress",
    "summarise",
    "themes",
]
