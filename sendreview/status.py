"""``sendreview status``: how far a review has got, stage by stage, and each
recommendation's journey across the follow-up visits."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from sendreview import frameworks, national
from sendreview.comparison import AreaComparison, compare
from sendreview.diagnostics import count
from sendreview.diagnostics.codes import CODES
from sendreview.diagnostics.formatters import plural
from sendreview.privacy import CODES as PRIVACY_CODES
from sendreview.progress import journeys
from sendreview.validation.checks_off import turned_off
from sendreview.words import date_span, long_date
from sendreview.workspace import Workspace


@dataclass(frozen=True)
class Stage:
    name: str
    done: bool
    detail: str


@dataclass(frozen=True)
class AreaStatus:
    id: str
    title: str
    evidence: int
    strengths: int
    areas_for_development: int
    recommendations: int
    school_entries: int
    # findings and recommendations citing evidence, and how many of them are triangulated
    # (frameworks/triangulation.yaml)
    cited: int = 0
    triangulated: int = 0


@dataclass(frozen=True)
class RecommendationStatus:
    id: str
    area: str
    statuses: list[str | None]
    recorded: list[bool]
    changes: list[str | None]
    current: str | None
    owner: str = ""
    due: str | None = None  # YYYY-MM-DD
    origin: str = ""  # "" for the review's own; "added at follow-up visit 2 (…)"
    added_at_visit: int | None = None  # the follow-up visit that added it (1, 2…)
    overdue_since: str | None = None  # the due date (YYYY-MM-DD) of one now overdue
    overdue_days: int | None = None


@dataclass(frozen=True)
class CheckOff:
    code: str
    check: str
    reason: str


@dataclass
class ReviewStatus:
    school: str
    framework: str
    report: str
    errors: int
    warnings: int
    stages: list[Stage] = field(default_factory=list)
    areas: list[AreaStatus] = field(default_factory=list)
    visits: list[str] = field(default_factory=list)
    recommendations: list[RecommendationStatus] = field(default_factory=list)
    checks_off: list[CheckOff] = field(default_factory=list)
    # the school's figures far from the national ones (SR820), in words
    national: list[str] = field(default_factory=list)
    # per area, the school's self-evaluation beside the reviewer's findings
    comparison: list[AreaComparison] = field(default_factory=list)
    # places whose text may identify a child (SR801-SR805): reports are refused
    personal_data: int = 0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def review_status(folder: str | Path, today: date | None = None) -> ReviewStatus:
    """``today``: overdue is judged at the last visit, and at ``today`` when it is later
    (None: at the last visit only; this never reads the clock)."""
    from sendreview.api import load_review

    ws = load_review(folder, allow_errors=True, today=today)
    status = status_of(ws, str(folder), today)
    # for one review only: portfolio reads status_of for thousands and shows neither
    status.comparison = compare(ws)
    if ws.context and "SR820" not in turned_off(ws):
        found = national.differences(ws.context, national.setting_id(ws.review), ws.root)
        status.national = [d.says() for d in found]
    return status


def status_of(ws: Workspace, folder: str = "", today: date | None = None) -> ReviewStatus:
    """The status of a workspace already loaded and checked (``portfolio`` checks each
    review once and reads its status from the same workspace)."""
    errors, warnings = count(ws.diagnostics)
    review = ws.review
    status = ReviewStatus(
        school=review.school.name if review else folder or ws.display,
        framework=ws.framework.id if ws.framework else "",
        report=review.status if review else "",
        errors=errors,
        warnings=warnings,
    )
    status.checks_off = [
        CheckOff(code, CODES[code].title, reason) for code, reason in turned_off(ws).items()
    ]
    private = set(PRIVACY_CODES.values())
    status.personal_data = sum(1 for d in ws.diagnostics if d.code in private)
    status.stages = _stages(ws)
    status.areas = _with_triangulation(ws, _areas(ws))
    history = journeys(ws)
    status.visits = [v.date.isoformat() for v in ws.visits]
    status.recommendations = []
    for j in history:
        overdue = j.judged(today)
        status.recommendations.append(
            RecommendationStatus(
                j.id,
                j.area,
                [s.status for s in j.steps],
                [s.recorded for s in j.steps],
                [s.change for s in j.steps],
                j.current,
                owner=j.owner,
                due=j.due_on.isoformat() if j.due_on else None,
                origin=str(j.origin or ""),
                added_at_visit=j.origin.number if j.origin else None,
                overdue_since=j.due_on.isoformat() if overdue and j.due_on else None,
                overdue_days=overdue[1] if overdue else None,
            )
        )
    return status


def _stages(ws: Workspace) -> list[Stage]:
    review, sef, evidence, findings, fw = (
        ws.review,
        ws.self_evaluation,
        ws.evidence,
        ws.findings,
        ws.framework,
    )
    stages = []
    if review:
        d = review.dates
        stages.append(
            Stage(
                "Commissioned",
                d.commissioned is not None and bool(review.reasons),
                f"{long_date(d.commissioned) or 'date not given'}; "
                f"{plural(len(review.reasons), 'reason')} recorded",
            )
        )
    areas = [a.id for a in fw.areas] if fw else []
    if sef is not None:
        filled = sum(1 for a in areas if (x := sef.areas.get(a)) and x.filled)
        stages.append(
            Stage(
                "Self-evaluation",
                bool(areas) and filled == len(areas),
                f"{filled} of {len(areas)} areas filled in",
            )
        )
    if evidence is not None:
        received = sum(1 for doc in evidence.documents if doc.received)
        stages.append(
            Stage(
                "Preparation documents",
                bool(evidence.documents) and received == len(evidence.documents),
                f"{received} of {len(evidence.documents)} received",
            )
        )
        visit = date_span(review.dates.visit) if review and review.dates.visit else "no date"
        stages.append(
            Stage(
                "Visit and evidence",
                bool(evidence.log) and visit != "no date",
                f"{visit}; {len(evidence.log)} pieces of evidence",
            )
        )
    if findings is not None:
        with_findings = sum(1 for a in areas if (x := findings.areas.get(a)) and x.has_findings)
        stages.append(
            Stage(
                "Findings",
                bool(areas) and with_findings == len(areas),
                f"{with_findings} of {len(areas)} areas have findings",
            )
        )
        recs = [r for a in findings.areas.values() for r in a.recommendations]
        based = sum(1 for r in recs if r.evidence)
        stages.append(
            Stage(
                "Recommendations",
                bool(recs) and based == len(recs),
                f"{plural(len(recs), 'recommendation')}, {based} resting on evidence",
            )
        )
        stages.append(
            Stage(
                "Summary and vision",
                bool((findings.summary or "").strip() and (findings.vision or "").strip()),
                "written" if findings.summary and findings.vision else "still to write",
            )
        )
    if review:
        sent = review.dates.report_sent
        stages.append(
            Stage(
                "Report",
                review.status == "final",
                f"{review.status}" + (f", sent {long_date(sent)}" if sent else ""),
            )
        )
    visits = ws.visits
    left_out = len(ws.follow_ups) - len(visits)
    if left_out:
        stages.append(
            Stage(
                "Follow-up visits",
                False,
                f"{plural(left_out, 'follow-up file')} with errors left out: run "
                "'sendreview validate'",
            )
        )
    elif visits:
        last = visits[-1]
        detail = f"{plural(len(visits), 'visit')}, the last on {long_date(last.date)}"
        if last.next_visit:
            detail += f"; next on {long_date(last.next_visit)}"
        stages.append(Stage("Follow-up visits", True, detail))
    else:
        stages.append(Stage("Follow-up visits", False, "none yet"))
    return stages


def _areas(ws: Workspace) -> list[AreaStatus]:
    fw, evidence, findings, sef = ws.framework, ws.evidence, ws.findings, ws.self_evaluation
    if fw is None:
        return []
    theme_area = fw.theme_ids
    counts: dict[str, set[str]] = {a.id: set() for a in fw.areas}
    for item in evidence.log if evidence else []:
        for area_id in {*item.areas, *(theme_area.get(t) for t in item.themes)}:
            if area_id in counts:
                counts[area_id].add(item.id)
    out = []
    for area in fw.areas:
        got = findings.areas.get(area.id) if findings else None
        if got:  # evidence cited by the area's findings counts for it too
            for entry in [*got.strengths, *got.areas_for_development, *got.recommendations]:
                counts[area.id].update(entry.evidence)
        own = sef.areas.get(area.id) if sef else None
        out.append(
            AreaStatus(
                area.id,
                area.heading,
                len(counts[area.id]),
                len(got.strengths) if got else 0,
                len(got.areas_for_development) if got else 0,
                len(got.recommendations) if got else 0,
                len(own.strengths) + len(own.areas_for_development) if own else 0,
            )
        )
    return out


def _with_triangulation(ws: Workspace, areas: list[AreaStatus]) -> list[AreaStatus]:
    from sendreview.validation.triangulation import counts

    found = counts(ws)
    return [
        replace(a, triangulated=found[a.id][0], cited=found[a.id][1]) if a.id in found else a
        for a in areas
    ]


def status_label(status_id: str | None, short: bool = False) -> tuple[str, str]:
    """(label, colour) of a progress status, for display."""
    if status_id is None:
        return "—", "dim"
    status = frameworks.progress_scale().get(status_id)
    if status is None:
        return status_id, "dim"
    colour = {"amber": "dark_orange"}.get(status.colour, status.colour)
    label = (status.short or status.label) if short else status.label
    return f"{status.symbol} {label}".strip(), colour
