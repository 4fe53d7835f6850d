"""Follow-up visits: dated after the review, and progress that reads as a coherent story."""

from __future__ import annotations

from collections import Counter
from datetime import date
from itertools import pairwise

from sendreview import frameworks, progress
from sendreview.diagnostics import Diagnostic
from sendreview.models.followup import FollowUp
from sendreview.words import long_date
from sendreview.workspace import Part, Workspace


def check(ws: Workspace, today: date | None = None) -> list[Diagnostic]:
    """``today``: the day to judge overdue recommendations on, besides each visit's own
    date (None: at the visits only); it counts only when later than the last visit."""
    files = ws.visit_files
    out = [*_names_and_dates(ws, files), *_blank(files), *_next_visits(files)]
    scale = frameworks.progress_scale()
    first = scale.statuses[0].id
    # journeys() walks the visits in the same (date) order, so step i is files[i]'s visit
    for journey in progress.journeys(ws, [visit for _, visit in files]):
        before: str | None = None
        added = journey.origin.visit if journey.origin else None
        for (part, visit), step in zip(files, journey.steps, strict=True):
            if not step.exists:
                if journey.id in visit.progress:
                    out.append(_before_added(part, journey))
                continue
            if step.change == progress.SLIPPED and not step.note.strip():
                out.append(
                    part.doc.diagnostic(
                        ("progress", journey.id, "status"),
                        "SR702",
                        f"{journey.id} has slipped from '{before}' to '{step.status}' "
                        "without a note",
                        "add a note saying what changed",
                    )
                )
            status = scale.get(step.status or first)
            if not step.recorded and status and not status.complete and step.visit != added:
                out.append(
                    part.doc.diagnostic(
                        ("progress",),
                        "SR703",
                        f"{journey.id} is still open but has no progress recorded at this visit",
                        f"add '{journey.id}: {status.id}' (or its new status)",
                    )
                )
            if scale.get(step.status or ""):
                before = step.status
        if files:
            out.extend(_overdue(files[-1][0], journey, today))
    return out


def _before_added(part: Part[FollowUp], journey: progress.Journey) -> Diagnostic:
    assert journey.origin is not None
    return part.doc.diagnostic(
        ("progress", journey.id),
        "SR709",
        f"{journey.id} was {journey.origin}, so it has no progress at this earlier visit",
        f"take {journey.id} out of this visit's progress, or correct the id",
    )


def _overdue(
    last: Part[FollowUp], journey: progress.Journey, today: date | None
) -> list[Diagnostic]:
    """One warning per recommendation: as at the last visit, or as at today if later."""
    judged = journey.judged(today)
    if judged is None or not journey.steps:
        return []
    on, days = judged
    step = journey.steps[-1]
    when = f"at the visit of {long_date(on)}" if on == step.visit else f"today ({long_date(on)})"
    status = frameworks.progress_scale().get(step.status or "")
    now = status.label.lower() if status else "not started"
    return [
        last.doc.diagnostic(
            ("progress", journey.id),
            "SR708",
            f"{journey.id} was due on {long_date(journey.due_on)} and is {now} {when}: "
            f"{days} day{'s' if days != 1 else ''} overdue",
            "agree a new due date with the school (change 'due:' where the recommendation "
            "is written), or record the progress that completes it",
        )
    ]


def _blank(files: list[tuple[Part[FollowUp], FollowUp]]) -> list[Diagnostic]:
    out = []
    for part, visit in files:
        noted = any((p.note or "").strip() for p in visit.progress.values())
        if not (visit.summary or "").strip() and not noted:
            out.append(
                part.doc.diagnostic(
                    ("summary",),
                    "SR706",
                    "this follow-up visit has no summary and no notes on progress",
                    "write 'summary:' (what you saw at this visit), and a note on each "
                    "recommendation whose progress you looked at",
                )
            )
    return out


def _next_visits(files: list[tuple[Part[FollowUp], FollowUp]]) -> list[Diagnostic]:
    """A visit's ``next_visit`` names the next visit's date: a visit put in between two
    others, or moved, leaves the earlier one's plan out of date."""
    out = []
    for (before_part, before), (part, visit) in pairwise(files):
        planned = before.next_visit
        if planned is None or planned == visit.date:
            continue
        out.append(
            part.doc.diagnostic(
                ("date",),
                "SR707",
                f"the visit before this one ({before_part.doc.path.name}) says the next "
                f"visit is on {long_date(planned)}, but this visit is on {long_date(visit.date)}",
                f"change 'next_visit:' in {before_part.doc.path.name} to "
                f"{visit.date.isoformat()}, or correct this visit's date",
            )
        )
    return out


def _names_and_dates(
    ws: Workspace, files: list[tuple[Part[FollowUp], FollowUp]]
) -> list[Diagnostic]:
    out = []
    review = ws.review
    visit_end = review.dates.visit[-1] if review and review.dates.visit else None
    counts = Counter(visit.date for _, visit in files)
    for part, visit in files:
        if visit_end and visit.date < visit_end:
            out.append(
                part.doc.diagnostic(
                    ("date",),
                    "SR700",
                    f"this follow-up ({visit.date}) is dated before the review visit ({visit_end})",
                    "check the date: a follow-up visit comes after the review visit",
                )
            )
        if part.doc.path.stem != visit.date.isoformat():
            out.append(
                part.doc.diagnostic(
                    ("date",),
                    "SR704",
                    f"the file is named {part.doc.path.name} but the visit is dated {visit.date}",
                    f"rename the file to {visit.date}.yaml",
                )
            )
        if counts[visit.date] > 1:
            out.append(
                part.doc.diagnostic(
                    ("date",),
                    "SR705",
                    f"another follow-up file is also dated {visit.date}",
                    "keep one file per visit: merge the two, or correct the date of one",
                )
            )
        if visit.next_visit and visit.next_visit <= visit.date:
            out.append(
                part.doc.diagnostic(
                    ("next_visit",),
                    "SR500",
                    f"next visit ({visit.next_visit}) is not after this visit ({visit.date})",
                    "check both dates",
                )
            )
    return out
