"""Each recommendation's journey across the follow-up visits.

The one place that works out, visit by visit, a recommendation's status (recorded,
or carried over from the last visit that recorded one), whether it improved, stayed
the same or slipped, where it came from (the review, or a follow-up visit that added
it) and whether it is overdue. ``followup new``, ``status``, validate and the
follow-up report all read it.

Overdue is judged on a given day, never on the clock: at each visit, the report is
"as at this visit"; ``status`` and validate also judge the day they are told is today
(the command line passes the real date, or ``--today``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sendreview import frameworks
from sendreview.models.findings import Recommendation
from sendreview.models.followup import FollowUp
from sendreview.words import long_date
from sendreview.workspace import Workspace

IMPROVED, UNCHANGED, SLIPPED, FIRST = "improved", "unchanged", "slipped", "first"


@dataclass(frozen=True)
class Step:
    visit: date
    status: str | None  # None: no status yet
    recorded: bool  # False: carried over from an earlier visit
    note: str
    change: str | None  # IMPROVED, UNCHANGED, SLIPPED, FIRST, or None when nothing is known
    exists: bool = True  # False: a visit before the one that added the recommendation
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Origin:
    """The follow-up visit that added a recommendation."""

    number: int  # follow-up visit 1, 2…
    visit: date

    def __str__(self) -> str:
        return f"added at follow-up visit {self.number} ({long_date(self.visit)})"


@dataclass(frozen=True)
class Journey:
    id: str
    area: str
    text: str
    due: str
    steps: list[Step]
    area_id: str = ""
    owner: str = ""
    due_on: date | None = None
    origin: Origin | None = None  # None: a recommendation of the review itself

    @property
    def current(self) -> str | None:
        return self.steps[-1].status if self.steps else None

    @property
    def last_seen(self) -> date | None:
        return next((s.visit for s in reversed(self.steps) if s.recorded), None)

    def overdue(self, on: date, status: str | None) -> int | None:
        """Days overdue on ``on`` with ``status`` then; None when not overdue."""
        return days_overdue(self.due_on, on, status)

    def judged(self, today: date | None) -> tuple[date, int] | None:
        """(the day judged, days overdue then) as at the last visit, or as at ``today``
        when it is later; None when not overdue (or nothing to judge on)."""
        last = self.steps[-1] if self.steps else None
        if last is not None and not last.exists:
            return None
        on = last.visit if last else None
        if today is not None and (on is None or today > on):
            on = today
        if on is None:
            return None
        days = self.overdue(on, last.status if last else None)
        return None if days is None else (on, days)

    def overdue_at(self, i: int) -> int | None:
        """Days overdue at visit ``i`` (an index into ``steps``), as at that visit."""
        step = self.steps[i]
        return self.overdue(step.visit, step.status) if step.exists else None


def days_overdue(due: date | None, on: date, status: str | None) -> int | None:
    """How many days past ``due`` a recommendation is on ``on``, if it is not complete."""
    if due is None or on <= due:
        return None
    found = frameworks.progress_scale().get(status or "")
    if found is not None and found.complete:
        return None
    return (on - due).days


def overdue_since(due: date | None) -> str:
    """The words of the overdue marker (words, not colour: it reads in greyscale)."""
    return f"Overdue since {long_date(due)}"


def _change(before: str | None, now: str | None) -> str | None:
    if now is None:
        return None
    if before is None:
        return FIRST
    scale = frameworks.progress_scale()
    if scale.get(before) is None or scale.get(now) is None:
        return None
    diff = scale.rank(now) - scale.rank(before)
    return IMPROVED if diff > 0 else SLIPPED if diff < 0 else UNCHANGED


def added_recommendations(
    ws: Workspace, visits: list[FollowUp] | None = None
) -> list[tuple[Recommendation, str, Origin]]:
    """Recommendations added at ``visits`` (default: all): each with its area id and origin.

    Visits are numbered among all the review's visits, so that visit 2 is the same
    visit in every report."""
    numbers = {v.date: n for n, v in enumerate(ws.visits, 1)}
    out: list[tuple[Recommendation, str, Origin]] = []
    for visit in sorted(ws.visits if visits is None else visits, key=lambda v: v.date):
        origin = Origin(numbers.get(visit.date, 0), visit.date)
        out += [(rec, rec.area, origin) for rec in visit.recommendations]
    return out


def id_order(rec_id: str) -> int:
    """Recommendations (and evidence) are always shown in the order of their numbers."""
    return int(rec_id[1:]) if rec_id[1:].isdigit() else 0


def journeys(ws: Workspace, visits: list[FollowUp] | None = None) -> list[Journey]:
    """The journey of every recommendation over ``visits`` (default: all, oldest first):
    the review's, and those added at any of ``visits``."""
    findings, framework = ws.findings, ws.framework
    if findings is None:
        return []
    visits = sorted(ws.visits if visits is None else visits, key=lambda v: v.date)
    headings = {a.id: a.heading for a in framework.areas} if framework else {}
    recs: list[tuple[Recommendation, str, Origin | None]] = [
        (rec, area_id, None)
        for area_id, area in findings.areas.items()
        for rec in area.recommendations
    ]
    recs += added_recommendations(ws, visits)
    out = []
    seen: set[str] = set()
    for rec, area_id, origin in recs:
        if rec.id in seen:  # an id used twice (validate says so): its first use counts
            continue
        seen.add(rec.id)
        steps: list[Step] = []
        known: str | None = None
        for visit in visits:
            if origin and visit.date < origin.visit:
                steps.append(Step(visit.date, None, False, "", None, exists=False))
                continue
            progress = visit.progress.get(rec.id)
            now = progress.status if progress else known
            steps.append(
                Step(
                    visit.date,
                    now,
                    progress is not None,
                    (progress.note or "") if progress else "",
                    _change(known, now) if progress else None,
                    evidence=tuple(progress.evidence) if progress else (),
                )
            )
            known = now
        out.append(
            Journey(
                rec.id,
                headings.get(area_id, area_id),
                rec.text,
                long_date(rec.due),
                steps,
                area_id=area_id,
                owner=rec.owner or "",
                due_on=rec.due,
                origin=origin,
            )
        )
    return sorted(out, key=lambda j: id_order(j.id))
