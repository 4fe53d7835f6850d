"""Each kind of report: its view model, title lines and file name."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from sendreview.comparison import compare
from sendreview.report import views
from sendreview.report.comparison_view import comparison_view
from sendreview.report.followup_view import follow_up_document
from sendreview.report.source import ReportSource, TitlePage
from sendreview.words import typographic
from sendreview.workspace import Workspace


def document(
    ws: Workspace, kind: str, visit: dt.date | None, work: Path, comparison: bool | None = None
) -> ReportSource:
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
    if kind == "review" and (review.status == "final" if comparison is None else comparison):
        view = dataclasses.replace(view, comparison=comparison_view(compare(ws)))
    if kind == "self-evaluation":
        page = TitlePage(
            school=view.school,
            stem="self-evaluation",
            title=typographic(view.school),
            subtitle="SEND self-evaluation",
            date=typographic(view.framework),
            draft=False,
            stamp=ws.self_evaluation.date
            if ws.self_evaluation and ws.self_evaluation.date
            else stamp,
        )
        return ReportSource(view, page)
    if kind == "follow-up":
        return follow_up_document(ws, view, visit, work)
    when = [f"Visit {view.visit}"] if view.visit else []
    if view.report_date:
        when.append(f"Report {view.report_date}")
    page = TitlePage(
        school=view.school,
        stem="review",
        title=typographic(view.school),
        subtitle="SEND review report" + (" (draft)" if view.draft else ""),
        date=" · ".join(when),
        draft=view.draft,
        stamp=stamp,
    )
    return ReportSource(view, page)
