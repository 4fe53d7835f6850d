"""The report's section "How the school's self-evaluation compares": per area, how many of
the school's points the review shares or sees differently, and each difference in words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sendreview.comparison import STRENGTH, AreaComparison
from sendreview.words import number


@dataclass(frozen=True)
class Difference:
    school_kind: str  # "a strength", "an area for development"
    school: str  # the first sentence of the school's entry
    reviewer_kind: str
    reviewer: str


@dataclass(frozen=True)
class AreaDifferences:
    title: str
    differences: list[Difference]
    saw_nothing: str  # "The school named no areas for development here; the review names 2."


@dataclass(frozen=True)
class ComparisonView:
    rows: list[list[str]]  # area, shared, seen differently, added by the review
    areas: list[AreaDifferences]


_SENTENCE = re.compile(r"^(.+?[.!?])(?=\s+[A-Z\"“(])", re.S)


def first_sentence(text: str) -> str:
    """The entry's first sentence: enough to recognise it, the full text is in the report."""
    flat = " ".join(text.split())
    found = _SENTENCE.match(flat)
    return found[1] if found else flat


def _kind(kind: str) -> str:
    return "a strength" if kind == STRENGTH else "an area for development"


def comparison_view(found: list[AreaComparison]) -> ComparisonView | None:
    compared = [a for a in found if a.compared]
    if not compared:
        return None
    rows = [
        [a.title, number(len(a.agreed)), number(len(a.differ)), number(len(a.reviewer_only))]
        for a in compared
    ]
    areas = []
    for a in compared:
        nothing = (
            f"The school named no areas for development here; the review names "
            f"{number(len(a.reviewer_only))}."
            if a.school_saw_nothing
            else ""
        )
        if a.differ or nothing:
            differences = [
                Difference(
                    _kind(m.school_kind),
                    first_sentence(m.school),
                    _kind(m.reviewer_kind),
                    first_sentence(m.reviewer),
                )
                for m in a.differ
            ]
            areas.append(AreaDifferences(a.title, differences, nothing))
    return ComparisonView(rows, areas)
