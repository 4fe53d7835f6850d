"""Every review under some folders, each summed up in one plain value: who, where, which
stage it has reached, its problems, its recommendations and what it found, area by area.

Reviews are found as ``validate`` finds them and checked with its checks; a review with
errors is summed up all the same, from whatever of it could be read, with its first
error. With ``jobs`` > 1 the reviews are summed up in that many processes, in the same
order as one process would.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sendreview import frameworks
from sendreview.diagnostics import Diagnostic, count
from sendreview.diagnostics.formatters import text_lines
from sendreview.models.common import Choice
from sendreview.paths import display_root
from sendreview.workspace import Workspace, load

REPORT_SUFFIXES = (".html", ".pdf", ".docx", ".odt")


@dataclass(frozen=True)
class Recommendation:
    id: str
    area: str  # the area's id
    area_title: str
    text: str
    due: str  # YYYY-MM-DD, or "" when no date was given
    statuses: tuple[str | None, ...]  # at each follow-up visit, oldest first
    overdue: bool

    @property
    def current(self) -> str | None:
        return self.statuses[-1] if self.statuses else None

    @property
    def complete(self) -> bool:
        status = frameworks.progress_scale().get(self.current) if self.current else None
        return bool(status and status.complete)


@dataclass(frozen=True)
class Found:
    """What one review found in one area of focus, or in one of its themes."""

    framework: str
    key: str  # an area's id, or a theme's (``area.theme``)
    title: str
    order: int  # the framework's order: areas, each followed by its themes
    strengths: int
    development: int  # areas for development


@dataclass(frozen=True)
class ReviewSummary:
    folder: str  # as the user would name it
    root: str  # the absolute folder, for links to its reports
    school: str
    setting: str
    framework: str
    reviewers: tuple[str, ...]
    commissioned: str
    visit: str  # the review visit's first day
    report_status: str  # draft or final
    report_sent: str
    stage: str  # the furthest stage done, of those `sendreview status` lists
    stages_done: int
    stages: int
    errors: int
    warnings: int
    first_problem: str  # the first error (or warning), as validate prints it
    visits: tuple[str, ...]  # follow-up visits, oldest first
    next_visit: str
    areas: tuple[str, ...]  # titles of the areas with findings or recommendations
    recommendations: tuple[Recommendation, ...]
    found: tuple[Found, ...]
    methods: tuple[tuple[str, int], ...]  # evidence gathered, by way of gathering it
    stakeholders: tuple[tuple[str, int], ...]  # evidence, by who was heard
    reports: tuple[str, ...]  # rendered reports, relative to the review's folder

    @property
    def complete(self) -> int:
        return sum(1 for r in self.recommendations if r.complete)

    @property
    def overdue(self) -> int:
        return sum(1 for r in self.recommendations if r.overdue)

    @property
    def last_visit(self) -> str:
        return self.visits[-1] if self.visits else ""


@dataclass
class Portfolio:
    today: date
    reviews: list[ReviewSummary] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)  # paths with no review


def collect(paths: Iterable[str | Path], *, today: date, jobs: int = 1) -> Portfolio:
    """Every review under ``paths``, summed up, in the order ``validate`` reports them;
    overdue judged at each review's last visit, or at ``today`` when that is later."""
    from sendreview.parallel import map_in_order
    from sendreview.validation.run import plan, preload

    folio = Portfolio(today)
    steps = plan(paths)
    roots = [step for step in steps if isinstance(step, Path)]
    work = functools.partial(summarise, today=folio.today)
    done = iter(map_in_order(work, roots, jobs, preload))
    for step in steps:
        if isinstance(step, Path):
            folio.reviews.append(next(done))
        else:
            folio.problems.extend(step)
    return folio


def summarise(root: Path, today: date) -> ReviewSummary:
    """One review, loaded and checked as ``validate`` does, summed up."""
    from sendreview.status import status_of
    from sendreview.validation.run import check_workspace

    ws = load(root, display_root(root))
    ws.diagnostics = check_workspace(ws, today)
    status = status_of(ws, today=today)
    errors, warnings = count(ws.diagnostics)
    # the first error, else the first warning: information is never a problem
    first = next((d for d in ws.diagnostics if d.is_error), None) or next(
        (d for d in ws.diagnostics if not d.is_info), None
    )
    done = [s.name for s in status.stages if s.done]
    review = ws.review
    visits = ws.visits
    return ReviewSummary(
        folder=ws.display,
        root=str(root.resolve()),
        school=review.school.name if review else _raw_school(ws),
        setting=_label("settings", review.school.setting) if review else "",
        framework=status.framework,
        reviewers=tuple(p.name for p in review.reviewers) if review else (),
        commissioned=_day(review.dates.commissioned) if review else "",
        visit=_day(review.dates.visit[0]) if review and review.dates.visit else "",
        report_status=status.report,
        report_sent=_day(review.dates.report_sent) if review else "",
        stage=done[-1] if done else "Not started",
        stages_done=len(done),
        stages=len(status.stages),
        errors=errors,
        warnings=warnings,
        first_problem=next(text_lines([first])) if first else "",
        visits=tuple(v.date.isoformat() for v in visits),
        next_visit=_day(visits[-1].next_visit) if visits else "",
        areas=tuple(
            area.title  # as the themes name it (status shows Annex 3's headings)
            for a in status.areas
            if a.strengths + a.areas_for_development + a.recommendations
            and ws.framework
            and (area := ws.framework.area(a.id))
        ),
        recommendations=_recommendations(ws, today),
        found=_found(ws),
        methods=_tally(ws, "methods"),
        stakeholders=_tally(ws, "stakeholders"),
        reports=_reports(root),
    )


def _day(day: date | None) -> str:
    return day.isoformat() if day else ""


def _raw_school(ws: Workspace) -> str:
    """The school's name from a review.yaml that did not validate, if it can be found."""
    part = ws.parts.get("review")
    raw = part.raw if part else None
    school = raw.get("school") if isinstance(raw, dict) else None
    name = school.get("name") if isinstance(school, dict) else None
    return name if isinstance(name, str) and name.strip() else ws.display


def _recommendations(ws: Workspace, today: date) -> tuple[Recommendation, ...]:
    from sendreview.progress import journeys

    findings, fw = ws.findings, ws.framework
    if findings is None:
        return ()
    out = []
    for j in journeys(ws):  # the review's recommendations and those added at visits
        statuses = tuple(s.status for s in j.steps)
        area = fw.area(j.area_id) if fw and j.area_id else None
        out.append(
            Recommendation(
                j.id,
                j.area_id,
                area.title if area else j.area,
                j.text,
                _day(j.due_on),
                statuses,
                j.judged(today) is not None,
            )
        )
    return tuple(out)


def _found(ws: Workspace) -> tuple[Found, ...]:
    """Strengths and areas for development, per area and per theme the review tagged."""
    findings, fw = ws.findings, ws.framework
    if findings is None or fw is None:
        return ()
    out = []
    order = 0
    for area in fw.areas:
        got = findings.areas.get(area.id)
        order += 1
        if got is None:
            order += len(area.themes)
            continue
        if got.strengths or got.areas_for_development:
            out.append(
                Found(
                    fw.id,
                    area.id,
                    area.title,
                    order,
                    len(got.strengths),
                    len(got.areas_for_development),
                )
            )
        for theme in area.themes:
            order += 1
            s = sum(1 for f in got.strengths if theme.id in f.themes)
            d = sum(1 for f in got.areas_for_development if theme.id in f.themes)
            if s or d:
                out.append(Found(fw.id, theme.id, theme.text, order, s, d))
    return tuple(out)


def _tally(ws: Workspace, vocabulary: str) -> tuple[tuple[str, int], ...]:
    """How many pieces of evidence used each way of gathering it, or heard each stakeholder."""
    log = [*(ws.evidence.log if ws.evidence else ()), *(e for v in ws.visits for e in v.evidence)]
    tally: Counter[str] = Counter()
    for item in log:  # the review's evidence and the follow-up visits' own
        said = [item.method] if vocabulary == "methods" else item.stakeholders
        tally.update(_label(vocabulary, choice) for choice in said)
    return tuple(tally.items())


def _label(vocabulary: str, choice: Choice | None) -> str:
    """A term's label from the guide's list, or the user's own words."""
    if choice is None:
        return ""
    term = frameworks.vocabularies()[vocabulary].get(choice.id) if choice.id else None
    return term.label if term else (choice.other or choice.id or "")


def _reports(root: Path) -> tuple[str, ...]:
    try:
        found = [p for p in (root / "build").iterdir() if p.suffix in REPORT_SUFFIXES]
    except OSError:  # no build folder yet: nothing rendered
        return ()
    return tuple(f"build/{p.name}" for p in sorted(found) if p.is_file())
