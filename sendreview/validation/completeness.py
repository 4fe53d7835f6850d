"""What is still to be written: warnings, so that a draft validates while work goes on."""

from __future__ import annotations

from sendreview.diagnostics import Diagnostic
from sendreview.workspace import Workspace


def check(ws: Workspace) -> list[Diagnostic]:
    return [*_findings(ws), *_self_evaluation(ws), *_context(ws), *_review(ws)]


def _findings(ws: Workspace) -> list[Diagnostic]:
    findings, part, fw = ws.findings, ws.parts.get("recommendations"), ws.framework
    if findings is None or part is None or fw is None:
        return []
    out = []
    for area in fw.areas:
        got = findings.areas.get(area.id)
        loc = ("areas", area.id) if got is not None else ("areas",)
        if got is None or not got.has_findings:
            out.append(
                part.doc.diagnostic(
                    loc,
                    "SR600",
                    f"no findings yet for '{area.heading}'",
                    "write its strengths, areas for development and recommendations",
                    key=True,
                )
            )
            continue
        if got.areas_for_development and not got.recommendations:
            out.append(
                part.doc.diagnostic(
                    (*loc, "areas_for_development"),
                    "SR601",
                    f"'{area.heading}' has areas for development but no recommendation",
                    "add a recommendation that addresses them",
                )
            )
        for i, rec in enumerate(got.recommendations):
            if not rec.evidence:
                out.append(
                    part.doc.diagnostic(
                        (*loc, "recommendations", i),
                        "SR602",
                        f"{rec.id} does not say which evidence it rests on",
                        "add 'evidence: [E1, …]' with ids from the evidence log",
                    )
                )
    if not (findings.summary or "").strip():
        out.append(
            part.doc.diagnostic(
                ("summary",),
                "SR604",
                "the summary of the visit is not written yet",
                "write a few sentences under 'summary:' on what the visit found overall",
            )
        )
    if not (findings.vision or "").strip():
        out.append(
            part.doc.diagnostic(
                ("vision",),
                "SR605",
                "the vision (what will have improved) is not written yet",
                "write under 'vision:' what provision will look like once the "
                "recommendations are in place",
            )
        )
    return out


def _self_evaluation(ws: Workspace) -> list[Diagnostic]:
    sef, part, fw = ws.self_evaluation, ws.parts.get("self-evaluation"), ws.framework
    if sef is None or part is None or fw is None:
        return []
    empty = [a for a in fw.areas if not ((x := sef.areas.get(a.id)) and x.filled)]
    if len(empty) == len(fw.areas):
        return [
            part.doc.diagnostic(
                ("areas",),
                "SR603",
                "the school's self-evaluation is not filled in yet",
                "the school writes its strengths and areas for development for each area",
                key=True,
            )
        ]
    return [
        part.doc.diagnostic(
            ("areas", a.id) if a.id in sef.areas else ("areas",),
            "SR603",
            f"the self-evaluation says nothing yet about '{a.title}'",
            "the school writes its strengths and areas for development for this area",
            key=True,
        )
        for a in empty
    ]


def _context(ws: Workspace) -> list[Diagnostic]:
    ctx, part = ws.context, ws.parts.get("context")
    if ctx is None or part is None:
        return []
    missing = [
        name.replace("_", " ")
        for name in ("roll", "sen_support", "ehc_plans")
        if getattr(ctx, name) is None
    ]
    if not missing:
        return []
    return [
        part.doc.diagnostic(
            (),
            "SR606",
            f"key statistics not given yet: {', '.join(missing)}",
            "add them to context.yaml from the school's census or information management system",
        )
    ]


def _review(ws: Workspace) -> list[Diagnostic]:
    review, part = ws.review, ws.parts.get("review")
    if review is None or part is None:
        return []
    out = []
    if not review.dates.visit:
        out.append(
            part.doc.diagnostic(
                ("dates",),
                "SR607",
                "the date of the visit is not given yet",
                "add 'visit: YYYY-MM-DD' under dates",
                key=True,
            )
        )
    if review.status == "final" and review.dates.report_sent is None:
        out.append(
            part.doc.diagnostic(
                ("status",),
                "SR608",
                "the review is final but the date the report was sent is not given",
                "add 'report_sent: YYYY-MM-DD' under dates",
            )
        )
    return out
