"""What recurs across a programme of reviews: per area of focus and theme, how many
reviews found strengths and areas for development there; the recommendations grouped by
area; the commonest ways of gathering evidence and the people heard; and the
recommendations' statuses at each round of follow-up visits."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sendreview import frameworks
from sendreview.portfolio.collect import Portfolio, Recommendation


@dataclass(frozen=True)
class AreaCount:
    framework: str
    key: str  # the area's id, or the theme's
    title: str
    is_theme: bool
    reviews_with_strengths: int
    reviews_with_development: int
    strengths: int
    development: int


@dataclass(frozen=True)
class AreaRecommendations:
    framework: str
    area: str
    title: str
    total: int
    open: int  # not at a complete status
    overdue: int


@dataclass(frozen=True)
class Themes:
    areas: list[AreaCount]
    recommendations: list[AreaRecommendations]
    methods: list[tuple[str, int]]  # commonest first
    stakeholders: list[tuple[str, int]]


@dataclass(frozen=True)
class Progress:
    """Recommendations at each status (the progress scale's ids, in its order) at each
    round of follow-up visits: round 1 is every review's first follow-up visit."""

    statuses: list[str]
    rounds: list[dict[str, int]]

    @property
    def labels(self) -> list[str]:
        return [f"Visit {i}" for i in range(1, len(self.rounds) + 1)]


def themes(folio: Portfolio) -> Themes:
    found: dict[tuple[str, str], list[int]] = {}
    titles: dict[tuple[str, str], tuple[str, int]] = {}
    recs: dict[tuple[str, str], list[Recommendation]] = {}
    order: dict[tuple[str, str], int] = {}
    methods: Counter[str] = Counter()
    heard: Counter[str] = Counter()
    for review in folio.reviews:
        for f in review.found:
            key = (f.framework, f.key)
            tally = found.setdefault(key, [0, 0, 0, 0])
            tally[0] += f.strengths > 0
            tally[1] += f.development > 0
            tally[2] += f.strengths
            tally[3] += f.development
            titles.setdefault(key, (f.title, f.order))
        for r in review.recommendations:
            key = (review.framework, r.area)
            recs.setdefault(key, []).append(r)
            order.setdefault(key, _area_order(review.framework, r.area))
            titles.setdefault(key, (r.area_title, order[key]))
        methods.update(dict(review.methods))
        heard.update(dict(review.stakeholders))
    areas = [
        AreaCount(fw, key, titles[(fw, key)][0], "." in key, *tally)
        for (fw, key), tally in sorted(found.items(), key=lambda kv: (kv[0][0], titles[kv[0]][1]))
    ]
    grouped = [
        AreaRecommendations(
            fw,
            area,
            titles[(fw, area)][0],
            len(rs),
            sum(1 for r in rs if not r.complete),
            sum(1 for r in rs if r.overdue),
        )
        for (fw, area), rs in sorted(recs.items(), key=lambda kv: (kv[0][0], order[kv[0]]))
    ]
    return Themes(areas, grouped, _commonest(methods), _commonest(heard))


def _area_order(framework: str, area: str) -> int:
    """An area's place in a built-in framework (areas of a user's own framework last)."""
    if framework not in frameworks.builtin_ids():
        return 10_000
    ids = [a.id for a in frameworks.builtin(framework).areas]
    return ids.index(area) if area in ids else 10_000


def _commonest(tally: Counter[str]) -> list[tuple[str, int]]:
    return sorted(tally.items(), key=lambda kv: (-kv[1], kv[0]))


def progress(folio: Portfolio) -> Progress:
    scale = frameworks.progress_scale().ids
    rounds: list[dict[str, int]] = []
    for review in folio.reviews:
        for r in review.recommendations:
            for i, status in enumerate(r.statuses):
                while len(rounds) <= i:
                    rounds.append(dict.fromkeys(scale, 0))
                if status in rounds[i]:
                    rounds[i][status] += 1
    return Progress(scale, rounds)
