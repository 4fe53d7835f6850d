"""Figures and dates that contradict each other."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from sendreview.diagnostics import Diagnostic
from sendreview.models.walk import Loc
from sendreview.workspace import Workspace


def check(ws: Workspace) -> list[Diagnostic]:
    return [*_review_dates(ws), *_evidence_dates(ws), *_recommendation_dates(ws), *_figures(ws)]


def _review_dates(ws: Workspace) -> list[Diagnostic]:
    review, part = ws.review, ws.parts.get("review")
    if review is None or part is None:
        return []
    d = review.dates
    visit = d.visit
    steps: list[tuple[Loc, str, date | None]] = [
        (("dates", "commissioned"), "commissioned", d.commissioned),
        *((("dates", "visit", i), "visit day", day) for i, day in enumerate(visit)),
        (("dates", "report_sent"), "report sent", d.report_sent),
    ]
    out = []
    given = [(loc, name, day) for loc, name, day in steps if day is not None]
    for (_, name_a, a), (loc_b, name_b, b) in pairwise(given):
        if a and b and b < a:
            out.append(
                part.doc.diagnostic(
                    loc_b,
                    "SR500",
                    f"{name_b} ({b}) is before {name_a} ({a})",
                    "dates run: commissioned, visit days, report sent",
                )
            )
    if review.status == "draft" and d.report_sent:
        out.append(
            part.doc.diagnostic(
                ("status",),
                "SR710",
                f"the report is still a draft, but was sent on {d.report_sent}",
                "once the report is agreed and sent, write 'status: final'; if only a draft "
                "was sent for comment, take out 'report_sent:' until the final one is sent",
            )
        )
    if d.report_due and visit and d.report_due < visit[-1]:
        out.append(
            part.doc.diagnostic(
                ("dates", "report_due"),
                "SR500",
                f"report due ({d.report_due}) is before the visit ({visit[-1]})",
                "check both dates: the report is due after the visit",
            )
        )
    return out


def _evidence_dates(ws: Workspace) -> list[Diagnostic]:
    evidence, part, review = ws.evidence, ws.parts.get("evidence"), ws.review
    if evidence is None or part is None:
        return []
    out = []
    for i, doc in enumerate(evidence.documents):
        if doc.requested and doc.received and doc.received < doc.requested:
            out.append(
                part.doc.diagnostic(
                    ("documents", i, "received"),
                    "SR500",
                    f"received ({doc.received}) is before requested ({doc.requested})",
                    "check both dates: a document is received after it is requested",
                )
            )
    if review is None:
        return out
    start, end = review.dates.commissioned, review.dates.report_sent
    visits = {visit.date: part.doc.display for part, visit in ws.visit_files}
    for i, item in enumerate(evidence.log):
        if (start and item.date < start) or (end and item.date > end):
            at_visit = visits.get(item.date)
            out.append(
                part.doc.diagnostic(
                    ("log", i, "date"),
                    "SR504",
                    f"{item.id} is dated {item.date}, outside the review "
                    f"({start or '…'} to {end or '…'})",
                    f"it is from the follow-up visit of that day: move it to the 'evidence:' "
                    f"list of {at_visit}, keeping its id"
                    if at_visit
                    else "check the date; evidence from a follow-up visit belongs in the "
                    "'evidence:' list of that visit's file",
                )
            )
    return out


def _recommendation_dates(ws: Workspace) -> list[Diagnostic]:
    findings, part, review = ws.findings, ws.parts.get("recommendations"), ws.review
    if findings is None or part is None or review is None or not review.dates.visit:
        return []
    first_visit = review.dates.visit[0]
    out = []
    for area_id, area in findings.areas.items():
        for i, rec in enumerate(area.recommendations):
            if rec.due and rec.due < first_visit:
                out.append(
                    part.doc.diagnostic(
                        ("areas", area_id, "recommendations", i, "due"),
                        "SR500",
                        f"{rec.id} is due {rec.due}, before the review visit ({first_visit})",
                        "check the due date: recommendations are due after the visit",
                    )
                )
    return out


def _figures(ws: Workspace) -> list[Diagnostic]:
    ctx, part = ws.context, ws.parts.get("context")
    if ctx is None or part is None:
        return []
    out = []

    def percent(loc: Loc, value: float | None) -> None:
        if value is not None and not 0 <= value <= 100:
            out.append(
                part.doc.diagnostic(
                    loc,
                    "SR502",
                    f"{value:g} is not a percentage between 0 and 100",
                    "write the percentage itself, for example 12.5 for 12.5%",
                )
            )

    def at_most(loc: Loc, value: int | None, whole: int | None, what: str, of: str) -> None:
        if value is not None and whole is not None and value > whole:
            out.append(
                part.doc.diagnostic(
                    loc,
                    "SR501",
                    f"the number of {what} ({value}) is more than {of} ({whole})",
                    "check both figures come from the same census and date",
                )
            )

    groups = {
        "sen_support": "pupils at SEN support",
        "ehc_plans": "pupils with an EHC plan",
        "pupil_premium": "pupils eligible for the pupil premium",
    }
    for name, group in groups.items():
        share = getattr(ctx, name)
        if share is not None and share.count is not None and share.percent is not None:
            out.append(
                part.doc.diagnostic(
                    (name, "percent"),
                    "SR503",
                    f"{name} gives both a count and a percentage",
                    "give the count only: the percentage is worked out from the roll",
                )
            )
        if share is not None:
            percent((name, "percent"), share.percent)
            at_most((name,), share.count, ctx.roll, group, "the roll")
    if ctx.send_total is not None:
        at_most(
            ("ehc_plans",),
            ctx.send_total,
            ctx.roll,
            "pupils at SEN support or with an EHC plan",
            "the roll",
        )
    for name in ("attendance", "persistent_absence"):
        rates = getattr(ctx, name)
        if rates is not None:
            percent((name, "send"), rates.send)
            percent((name, "whole_school"), rates.whole_school)
    for name in ("suspensions", "permanent_exclusions"):
        tally = getattr(ctx, name)
        if tally is not None:
            at_most(
                (name, "send"),
                tally.send,
                tally.whole_school,
                f"{name.replace('_', ' ')} of pupils with SEND",
                "the whole school's",
            )
    if ctx.national:
        percent(("national", "sen_support"), ctx.national.sen_support)
        percent(("national", "ehc_plans"), ctx.national.ehc_plans)
    known = [n.pupils for n in ctx.primary_needs if n.pupils is not None]
    if known and ctx.send_total is not None:
        at_most(
            ("primary_needs",),
            sum(known),
            ctx.send_total,
            "pupils counted under primary needs",
            "the pupils at SEN support or with an EHC plan",
        )
    return out
