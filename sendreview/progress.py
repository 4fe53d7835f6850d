"""Each recommendation's journey across the follow-up visits.

The one place that works out, visit by visit, a recommendation's status (recorded,
or carried over from the last visit that recorded one) and whether it improved,
stayed the same or slipped. ``followup new``, ``status`` and the follow-up report
all read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sendreview import frameworks
from sendreview.models.followup import FollowUp
from sendreview.workspace import Workspace

IMPROVED, UNCHANGED, SLIPPED, FIRST = "improved", "unchanged", "slipped", "first"


@dataclass(frozen=True)
class Step:
    visit: date
    status: str | None  # None: no status yet
    recorded: bool  # False: carried over from an earlier visit
    note: str
    change: str | None  # IMPROVED, UNCHANGED, SLIPPED, FIRST, or None when nothing is known


@dataclass(frozen=True)
class Journey:
    id: str
    area: str
    text: str
    due: str
    steps: list[Step]

    @property
    def current(self) -> str | None:
        return self.steps[-1].status if self.steps else None

    @property
    def last_seen(self) -> date | None:
        return next((s.visit for s in reversed(self.steps) if s.recorded), None)


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


def journeys(ws: Workspace, visits: list[FollowUp] | None = None) -> list[Journey]:
    """The journey of every recommendation over ``visits`` (default: all, oldest first)."""
    from sendreview.words import long_date

    findings, framework = ws.findings, ws.framework
    if findings is None:
        return []
    visits = sorted(ws.visits if visits is None else visits, key=lambda v: v.date)
    headings = {a.id: a.heading for a in framework.areas} if framework else {}
    out = []
    for area_id, area in findings.areas.items():
        for rec in area.recommendations:
            steps: list[Step] = []
            known: str | None = None
            for visit in visits:
                progress = visit.progress.get(rec.id)
                now = progress.status if progress else known
                steps.append(
                    Step(
                        visit.date,
                        now,
                        progress is not None,
                        (progress.note or "") if progress else "",
                        _change(known, now) if progress else None,
                    )
                )
                known = now
            out.append(
                Journey(rec.id, headings.get(area_id, area_id), rec.text, long_date(rec.due), steps)
            )
    return sorted(out, key=lambda j: int(j.id[1:]))
