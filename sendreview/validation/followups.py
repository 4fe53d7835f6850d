"""Follow-up visits: dated after the review, and progress that reads as a coherent story."""

from __future__ import annotations

from collections import Counter

from sendreview import frameworks
from sendreview.diagnostics import Diagnostic
from sendreview.models.followup import FollowUp
from sendreview.workspace import Part, Workspace


def check(ws: Workspace) -> list[Diagnostic]:
    parts = sorted(
        (p for p in ws.follow_ups if isinstance(p.model, FollowUp)), key=lambda p: p.model.date
    )
    out = [*_names_and_dates(ws, parts)]
    findings = ws.findings
    if findings is None:
        return out
    scale = frameworks.progress_scale()
    known = {r.id for a in findings.areas.values() for r in a.recommendations}
    last: dict[str, str] = {}
    for part in parts:
        visit: FollowUp = part.model
        for rec_id, progress in visit.progress.items():
            before = last.get(rec_id)
            if (
                rec_id in known
                and scale.get(progress.status)
                and before
                and scale.rank(progress.status) < scale.rank(before)
                and not (progress.note or "").strip()
            ):
                out.append(
                    part.doc.diagnostic(
                        ("progress", rec_id, "status"),
                        "SR702",
                        f"{rec_id} has slipped from '{before}' to '{progress.status}' "
                        "without a note",
                        "add a note saying what changed",
                    )
                )
        for rec_id in sorted(known - set(visit.progress), key=lambda r: int(r[1:])):
            status = scale.get(last.get(rec_id, scale.statuses[0].id))
            if status and not status.complete:
                out.append(
                    part.doc.diagnostic(
                        ("progress",),
                        "SR703",
                        f"{rec_id} is still open but has no progress recorded at this visit",
                        f"add '{rec_id}: {status.id}' (or its new status)",
                    )
                )
        last.update({r: p.status for r, p in visit.progress.items() if scale.get(p.status)})
    return out


def _names_and_dates(ws: Workspace, parts: list[Part]) -> list[Diagnostic]:
    out = []
    review = ws.review
    visit_end = review.dates.visit[-1] if review and review.dates.visit else None
    counts = Counter(p.model.date for p in parts)
    for part in parts:
        visit: FollowUp = part.model
        if visit_end and visit.date < visit_end:
            out.append(
                part.doc.diagnostic(
                    ("date",),
                    "SR700",
                    f"this follow-up ({visit.date}) is dated before the review visit ({visit_end})",
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
                    ("date",), "SR705", f"another follow-up file is also dated {visit.date}"
                )
            )
        if visit.next_visit and visit.next_visit <= visit.date:
            out.append(
                part.doc.diagnostic(
                    ("next_visit",),
                    "SR500",
                    f"next visit ({visit.next_visit}) is not after this visit ({visit.date})",
                )
            )
    return out
