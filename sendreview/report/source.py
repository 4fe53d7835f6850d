"""What one report is made from: its typed view model, its title page, and (once
templated) its Markdown.

Kept apart so that each kind of report (``documents``, ``followup_view``) can build
one without importing the other.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sendreview.diagnostics import Diagnostic

if TYPE_CHECKING:  # the view models (and the review's models under them) load only when a
    # report is templated: a rendering reused from the cache needs none of them
    from sendreview.report.views import LogEntry, ReportView


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
    owner: str = ""
    due: str = ""  # short: 28 Feb 2027
    overdue: str = ""  # "Overdue since 28 February 2027", as at this visit
    origin: str = ""  # "Added at follow-up visit 2 (10 February 2027)"
    evidence: list[str] = field(default_factory=list)  # cited by this visit's note


@dataclass(frozen=True)
class PointRow:
    """An action point of the last visit, looked at again at this one."""

    by: str  # School, Reviewer
    point: str
    done: str  # Done, Not done, Not yet looked at
    note: str


@dataclass(frozen=True)
class AddedRow:
    """A recommendation agreed at this visit."""

    id: str
    text: str
    area: str
    owner: str
    due: str
    priority: str
    evidence: list[str]


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
    previous_date: str = ""
    previous_points: list[PointRow] = field(default_factory=list)
    added: list[AddedRow] = field(default_factory=list)
    log: list[LogEntry] = field(default_factory=list)  # the evidence of this visit


@dataclass(frozen=True)
class TitlePage:
    """The lines of a report's first page, and what names and dates its files.

    Its lines go to pandoc as metadata, which is not read as Markdown, so their quotes
    are not curled like the body's: make them with ``words.typographic``, so that
    "St Aidan’s" is written one way throughout."""

    school: str
    stem: str  # the file name's last part: review, self-evaluation, follow-up-<date>
    title: str
    subtitle: str
    date: str
    draft: bool
    stamp: dt.date  # the review's own date, so that output does not depend on today
    toc: bool = True


@dataclass(frozen=True)
class ReportSource:
    """A report's view model for the templates, with its title page and images."""

    view: ReportView | FollowUpView
    page: TitlePage
    resources: Path | None = None  # a folder of images the Markdown refers to


@dataclass(frozen=True)
class Prepared:
    """A report ready to convert: its Markdown and all the conversion needs.

    This is what the cache keeps between runs (``cache.py``) and what the benchmark
    converts; nothing about a report travels outside it."""

    markdown: str
    page: TitlePage
    warnings: tuple[Diagnostic, ...] = ()
    images: tuple[tuple[str, bytes], ...] = ()  # (file name, content), in name order
    inputs: tuple[Path, ...] = ()  # files outside the review it read
