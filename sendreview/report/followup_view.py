"""The follow-up report: the guide's follow-up visit template, with progress on every
recommendation across all visits so far and a chart of it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sendreview import frameworks
from sendreview.errors import SendreviewError
from sendreview.models.followup import FollowUp
from sendreview.progress import (
    FIRST,
    IMPROVED,
    SLIPPED,
    UNCHANGED,
    Step,
    id_order,
    journeys,
    overdue_since,
)
from sendreview.report import chart
from sendreview.report.source import (
    AddedRow,
    Cell,
    FollowUpView,
    PointRow,
    ProgressRow,
    ReportSource,
    TitlePage,
)
from sendreview.report.views import ReportView, log_entries
from sendreview.words import long_date, short_date, term, typographic
from sendreview.workspace import Workspace

SHOWN_VISITS = 4  # columns of visits that fit on an A4 page beside the recommendation
CHART = "progress-chart"  # an SVG; a PNG for Word (convert.py)
_CHANGES = {IMPROVED: "Improved ↑", UNCHANGED: "Unchanged", SLIPPED: "Slipped ↓"}


def follow_up_document(
    ws: Workspace, view: ReportView, on: date | None, work: Path
) -> ReportSource:
    visits = ws.visits
    if not visits:
        raise SendreviewError(
            "this review has no follow-up visits yet", "start one with 'sendreview followup new'"
        )
    if on is None:
        chosen = visits[-1]
    else:
        found = [v for v in visits if v.date == on]
        if not found:
            dates = ", ".join(v.date.isoformat() for v in visits)
            raise SendreviewError(
                f"there is no follow-up visit on {on}", f"the visits are on: {dates}"
            )
        chosen = found[0]
    history = [v for v in visits if v.date <= chosen.date]
    scale = frameworks.progress_scale()
    paths = journeys(ws, history)
    shown = slice(max(0, len(history) - SHOWN_VISITS), len(history))

    def cell(status: str | None, recorded: bool) -> Cell:
        found = scale.get(status or "")
        return Cell(f"{found.symbol} {found.short or found.label}" if found else "—", recorded)

    def change(last: Step) -> str:
        if last.change in _CHANGES:
            return _CHANGES[last.change]
        if last.change == FIRST:
            return "First assessed"
        found = scale.get(last.status or "")
        return "Complete earlier" if found and found.complete and not last.recorded else "—"

    at = len(history) - 1  # this visit, the last of the history: the report is "as at" it
    rows = [
        ProgressRow(
            j.id,
            j.text,
            j.area,
            [cell(s.status, s.recorded) for s in j.steps[shown]],
            change(j.steps[-1]),
            j.steps[-1].note,
            owner=j.owner,
            due=short_date(j.due_on),
            overdue=overdue_since(j.due_on) if j.overdue_at(at) is not None else "",
            origin=_capital(str(j.origin)) if j.origin else "",
            evidence=list(j.steps[-1].evidence),
        )
        for j in paths
    ]
    previous = history[-2] if len(history) > 1 else None
    labels = [short_date(v.date) for v in history]
    tallies = chart.counts(paths, len(history))
    images = work / "images"
    images.mkdir(exist_ok=True)
    chart.draw(labels, tallies, images / f"{CHART}.svg")
    follow = frameworks.reporting().follow_up
    return ReportSource(
        view=FollowUpView(
            report=view,
            labels=follow.model_dump(),
            reviewer=chosen.reviewer,
            date=long_date(chosen.date),
            number=len(history),
            summary=chosen.summary or "",
            visits=labels[shown],
            earlier_visits=shown.start,
            rows=rows,
            key=[f"{s.symbol} {s.label}" for s in scale.statuses],
            chart=CHART,
            chart_text=chart.describe(labels, tallies),
            action_points_school=chosen.action_points.school,
            action_points_reviewer=chosen.action_points.reviewer,
            vision=chosen.vision or "",
            next_visit=long_date(chosen.next_visit),
            previous_date=long_date(previous.date) if previous else "",
            previous_points=_points(chosen),
            added=_added(chosen, ws),
            log=log_entries(chosen.evidence, ws.framework) if ws.framework else [],
        ),
        page=TitlePage(
            school=view.school,
            stem=f"follow-up-{chosen.date.isoformat()}",
            title=typographic(view.school),
            subtitle=f"SEND review: follow-up visit {len(history)}",
            date=long_date(chosen.date),
            draft=False,
            stamp=chosen.date,
            toc=False,
        ),
        resources=images,
    )


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _points(visit: FollowUp) -> list[PointRow]:
    """The last visit's action points, as this visit found them."""
    done = {True: "Done", False: "Not done", None: "Not yet looked at"}
    checks = visit.previous_action_points
    return [
        PointRow(by, c.point, done[c.done], c.note or "")
        for by, group in (("School", checks.school), ("Reviewer", checks.reviewer))
        for c in group
    ]


def _added(visit: FollowUp, ws: Workspace) -> list[AddedRow]:
    """The recommendations agreed at this visit, in the order of their ids."""
    headings = {a.id: a.heading for a in ws.framework.areas} if ws.framework else {}
    return [
        AddedRow(
            r.id,
            r.text,
            headings.get(r.area, r.area),
            r.owner or "",
            long_date(r.due),
            term("priorities", r.priority) if r.priority else "",
            list(r.evidence),
        )
        for r in sorted(visit.recommendations, key=lambda r: id_order(r.id))
    ]
