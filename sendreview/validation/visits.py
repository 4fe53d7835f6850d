"""Follow-up visits: dated after the review, and progress that reads as a coherent story."""

from __future__ import annotations

from collections import Counter

from sendreview import frameworks, progress
from sendreview.diagnostics import Diagnostic
from sendreview.models.followup import FollowUp
from sendreview.workspace import Part, Workspace


def check(ws: Workspace) -> list[Diagnostic]:
    files = ws.visit_files
    out = [*_names_and_dates(ws, files)]
    scale = frameworks.progress_scale()
    first = scale.statuses[0].id
    # journeys() walks the visits in the same (date) order, so step i is files[i]'s visit
    for journey in progress.journeys(ws, [visit for _, visit in files]):
        before: str | None = None
        for (part, _), step in zip(files, journey.steps, strict=True):
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
            if not step.recorded and status and not status.complete:
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
