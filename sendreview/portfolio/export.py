"""A portfolio as data: JSON (everything, for scripts and for combining many portfolios),
CSV (the overview, one row per review) and an Excel workbook (overview, recommendations
and themes, each sheet with a frozen header row and filters)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from sendreview.diagnostics.formatters import dump_json
from sendreview.portfolio.collect import Portfolio, ReviewSummary
from sendreview.portfolio.themes import progress, themes

Cell = str | int

# The overview's columns, shared by the terminal, CSV, the workbook and the dashboard.
OVERVIEW: list[tuple[str, Callable[[ReviewSummary], Cell]]] = [
    ("Review", lambda r: r.folder),
    ("School", lambda r: r.school),
    ("Setting", lambda r: r.setting),
    ("Framework", lambda r: r.framework),
    ("Reviewers", lambda r: "; ".join(r.reviewers)),
    ("Commissioned", lambda r: r.commissioned),
    ("Visit", lambda r: r.visit),
    ("Report", lambda r: r.report_status),
    ("Report sent", lambda r: r.report_sent),
    ("Stage reached", lambda r: r.stage),
    ("Stages done", lambda r: f"{r.stages_done} of {r.stages}"),
    ("Errors", lambda r: r.errors),
    ("Warnings", lambda r: r.warnings),
    ("First problem", lambda r: r.first_problem),
    ("Recommendations", lambda r: len(r.recommendations)),
    ("Complete", lambda r: r.complete),
    ("Overdue", lambda r: r.overdue),
    ("Last visit", lambda r: r.last_visit),
    ("Next visit", lambda r: r.next_visit),
]


def overview_rows(folio: Portfolio) -> list[list[Cell]]:
    return [[get(r) for _, get in OVERVIEW] for r in folio.reviews]


def as_dict(folio: Portfolio) -> dict[str, Any]:
    """Everything the portfolio holds, as JSON-ready data."""
    reviews = []
    for r in folio.reviews:
        data = asdict(r)
        del data["root"]  # where this machine keeps it: not part of the programme's data
        data["methods"] = dict(r.methods)
        data["stakeholders"] = dict(r.stakeholders)
        data["complete"], data["overdue"], data["last_visit"] = r.complete, r.overdue, r.last_visit
        for rec, got in zip(r.recommendations, data["recommendations"], strict=True):
            got["current"], got["complete"] = rec.current, rec.complete
        reviews.append(data)
    found = themes(folio)
    steps = progress(folio)
    return {
        "today": folio.today.isoformat(),
        "reviews": reviews,
        "themes": {
            "areas": [asdict(a) for a in found.areas],
            "recommendations": [asdict(a) for a in found.recommendations],
            "methods": dict(found.methods),
            "stakeholders": dict(found.stakeholders),
        },
        "progress": {"statuses": steps.statuses, "rounds": steps.rounds},
        "problems": [asdict(d) for d in folio.problems],
    }


def to_json(folio: Portfolio) -> str:
    return dump_json(as_dict(folio)) + "\n"  # one line: exports of 10,000 reviews are large


def _cell(value: Cell) -> Cell:
    """A text that a spreadsheet would run as a formula (``=HYPERLINK(…)`` in a school's
    name) is kept as text, with a leading apostrophe as spreadsheets show it."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def to_csv(folio: Portfolio) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([name for name, _ in OVERVIEW])
    writer.writerows([[_cell(c) for c in row] for row in overview_rows(folio)])
    return out.getvalue()


def _sheet(book: Any, name: str, header: list[str], rows: list[list[Cell]]) -> None:
    sheet = book.add_worksheet(name)
    bold = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    sheet.write_row(0, 0, header, bold)
    for i, row in enumerate(rows, start=1):
        for j, value in enumerate(row):
            if isinstance(value, int):
                sheet.write_number(i, j, value)
            else:  # never a formula, whatever the text starts with
                sheet.write_string(i, j, value)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(rows), 1), len(header) - 1)
    for j, title in enumerate(header):
        widest = max([len(title), *(len(str(r[j])) for r in rows[:200])])
        sheet.set_column(j, j, min(max(widest + 2, 8), 60))


def to_xlsx(folio: Portfolio) -> bytes:
    """The workbook: overview, recommendations (one row per recommendation per review,
    its status at each visit) and themes."""
    import xlsxwriter

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_formulas": False})
    _sheet(book, "overview", [name for name, _ in OVERVIEW], overview_rows(folio))
    visits = max((len(r.visits) for r in folio.reviews), default=0)
    header = ["Review", "School", "Recommendation", "Area", "Due", "Overdue"]
    header += [f"Visit {i}" for i in range(1, visits + 1)] + ["Text"]
    rows: list[list[Cell]] = []
    for r in folio.reviews:
        for rec in r.recommendations:
            statuses = [s or "" for s in rec.statuses] + [""] * (visits - len(rec.statuses))
            overdue = "yes" if rec.overdue else ""
            rows.append(
                [r.folder, r.school, rec.id, rec.area_title, rec.due, overdue, *statuses, rec.text]
            )
    _sheet(book, "recommendations", header, rows)
    found = themes(folio)
    rows = [
        [
            a.framework,
            "theme" if a.is_theme else "area",
            a.title,
            a.reviews_with_strengths,
            a.reviews_with_development,
            a.strengths,
            a.development,
        ]
        for a in found.areas
    ]
    header = ["Framework", "Kind", "Area or theme", "Reviews with strengths"]
    header += ["Reviews with areas for development", "Strengths", "Areas for development"]
    _sheet(book, "themes", header, rows)
    book.close()
    return out.getvalue()
