"""What one report is made from: its typed view model and the lines of its title page.

Kept apart so that each kind of report (``documents``, ``followup_view``) can build
one without importing the other.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sendreview.report.views import ReportView


@dataclass(frozen=True)
class Cell:
    label: str
    recorded: bool


@dataclass(frozen=True)
class ProgressRow:
    id: str
    text: str
    area: str
    cells: list[Cell]
    change: str
    note: str


@dataclass(frozen=True)
class FollowUpView:
    report: ReportView
    labels: dict[str, str]
    reviewer: str
    date: str
    number: int
    summary: str
    visits: list[str]
    earlier_visits: int
    rows: list[ProgressRow]
    key: list[str]
    chart: str
    chart_text: str
    action_points_school: list[str]
    action_points_reviewer: list[str]
    vision: str
    next_visit: str


@dataclass(frozen=True)
class ReportSource:
    view: ReportView | FollowUpView
    school: str
    stem: str
    title: str
    subtitle: str
    date: str
    draft: bool
    stamp: dt.date
    resources: Path | None = None
    toc: bool = True
