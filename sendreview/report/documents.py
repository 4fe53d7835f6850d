"""Each kind of report: its view model, title lines and file name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sendreview.report import views
from sendreview.report.followup_view import follow_up_document
from sendreview.report.source import ReportSource
from sendreview.workspace import Workspace


def document(ws: Workspace, kind: str, visit: dt.date | None, work: Path) -> ReportSource:
    review = ws.review
    assert review is not None
    d = review.dates
    stamp = (
        d.report_sent
        or d.report_due
        or max(d.visit, default=None)
        or d.commissioned
        or dt.date(2000, 1, 1)
    )
    view = views.build(ws)
    if kind == "self-evaluation":
        return ReportSource(
            view,
            view.school,
            "self-evaluation",
            view.school,
            "SEND self-evaluation",
            view.framework,
            False,
            ws.self_evaluation.date if ws.self_evaluation and ws.self_evaluation.date else stamp,
        )
    if kind == "follow-up":
        return follow_up_document(ws, view, visit, work)
    when = [f"Visit {view.visit}"] if view.visit else []
    if view.report_date:
        when.append(f"Report {view.report_date}")
    return ReportSource(
        view,
        view.school,
        "review",
        view.school,
        "SEND review report" + (" (draft)" if view.draft else ""),
        " · ".join(when),
        view.draft,
        stamp,
    )
