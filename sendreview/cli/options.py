"""What the commands share: the choices they offer, their common options, and dates as
the command line reads them."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from datetime import date


# The choices the commands offer. The library's own lists are the truth
# (sendreview.report.FORMATS, KINDS); a test checks these match them. They are
# written out here so that the CLI starts without importing the report machinery.
class Output(StrEnum):
    text = "text"
    json = "json"
    github = "github"


class Listing(StrEnum):
    text = "text"
    json = "json"


class PortfolioFormat(StrEnum):
    text = "text"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"
    html = "html"


class ReportFormat(StrEnum):
    docx = "docx"
    pdf = "pdf"
    html = "html"
    odt = "odt"
    md = "md"


class ReportKind(StrEnum):
    review = "review"
    self_evaluation = "self-evaluation"
    follow_up = "follow-up"


class RenumberWhat(StrEnum):
    both = "both"
    recommendations = "recommendations"
    evidence = "evidence"


OutputOption = Annotated[
    Output,
    typer.Option(
        "--format",
        "-f",
        help="text for people; json (one object a line) or github (GitHub Actions "
        "annotations) for scripts and CI.",
    ),
]
ListingOption = Annotated[
    Listing, typer.Option("--format", "-f", help="text for people, json for scripts.")
]
Folder = Annotated[Path, typer.Argument(metavar="FOLDER", help="The review folder.")]


def parse_date(value: str | None, flag: str) -> date | None:
    if value is None:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"'{value}' is not a date written as YYYY-MM-DD", param_hint=flag
        ) from None


TodayOption = Annotated[
    str | None,
    typer.Option(
        "--today",
        metavar="DATE",
        envvar="SENDREVIEW_TODAY",
        show_default=False,
        help="Judge overdue recommendations as at this date, YYYY-MM-DD, as well as at "
        "each follow-up visit (default: today's date).",
    ),
]


def today_or(value: str | None) -> date:
    """The day overdue is judged on: the one place the command line reads the clock."""
    from datetime import date

    return parse_date(value, "--today") or date.today()


class DiffFormat(StrEnum):
    text = "text"
    json = "json"
    md = "md"
    docx = "docx"
    html = "html"


class FormFormat(StrEnum):
    docx = "docx"
    odt = "odt"


def _jobs(help: str) -> Any:
    """``-j N``: how many processes work over many reviews at once."""
    option = typer.Option("--jobs", "-j", metavar="N", min=1, show_default=False, help=help)
    return Annotated[int | None, option]


RenderJobs = _jobs("With --all: render N reviews at once (default: one per core; 1: in turn).")
ReadJobs = _jobs("Read reviews in N processes at once (default: one per core; 1: in turn).")
CheckJobs = _jobs("Check reviews in N processes at once (default: one per core; 1: in turn).")
