"""View models: what the report templates receive, made for presentation.

Templates never see raw file structures: ids are resolved into words a reader
understands ("E4 · lesson observation · Year 4 maths · 14 Oct 2026"), dates are
written out, vocabulary ids become the guide's labels, percentages are worked out.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath
from urllib.parse import quote

from sendreview import frameworks
from sendreview.models.common import Finding, Statement
from sendreview.models.evidence import EvidenceItem
from sendreview.models.findings import Recommendation
from sendreview.models.framework import Framework, Vocabulary
from sendreview.national import setting_id
from sendreview.progress import added_recommendations, id_order
from sendreview.report.comparison_view import ComparisonView
from sendreview.report.context_view import ContextView, Row, context_view
from sendreview.report.markdown import lists_after_text
from sendreview.words import date_span, long_date, person, short_date, term
from sendreview.workspace import Workspace


@dataclass(frozen=True)
class EvidenceRef:
    id: str
    anchor: str
    label: str  # "E4 · lesson observation · Year 4 maths · 14 Oct 2026"
    first: bool = True  # the first citation of it in its area (the others may be short)


class Citations:
    """Marks each piece of evidence's first citation in an area of focus.

    An area's findings often rest on the same few pieces of evidence; repeating
    "E4 · lesson observation · Year 4 maths · 14 Oct 2026" under each one fills the
    page, so the built-in templates cite it in full once per area, then by its id. Every
    citation links to the evidence log, which describes each piece."""

    def __init__(self, refs: dict[str, EvidenceRef]) -> None:
        self.refs = refs
        self.seen: set[str] = set()

    def __call__(self, ids: list[str]) -> list[EvidenceRef]:
        out = []
        for x in ids:
            if x in self.refs:
                out.append(replace(self.refs[x], first=x not in self.seen))
                self.seen.add(x)
        return out


@dataclass(frozen=True)
class Item:
    text: str
    evidence: list[EvidenceRef]
    themes: list[str]


@dataclass(frozen=True)
class RecommendationView:
    id: str
    text: str
    area: str
    evidence: list[EvidenceRef]
    owner: str
    due: str
    due_short: str
    priority: str
    origin: str = ""  # "" for the review's own; "added at follow-up visit 2 (…)"


@dataclass(frozen=True)
class ThemeView:
    id: str
    text: str


@dataclass(frozen=True)
class AreaView:
    id: str
    number: int
    title: str
    heading: str
    themes: list[ThemeView]
    strengths: list[Item]
    areas_for_development: list[Item]
    recommendations: list[RecommendationView]
    school_strengths: list[Item]
    school_areas_for_development: list[Item]


@dataclass(frozen=True)
class Attachment:
    name: str  # the file's own name, as a reader knows it
    href: str  # its path in the review folder, as a URL path (HTML reports link to it)


@dataclass(frozen=True)
class LogEntry:
    ref: EvidenceRef
    date: str
    method: str
    title: str
    stakeholders: str
    areas: str
    notes: str
    attachments: list[Attachment]


@dataclass(frozen=True)
class DocumentRow:
    label: str
    requested: str
    received: str
    notes: str = ""


@dataclass
class ReportView:
    school: str
    urn: str
    setting: str
    age_range: str
    local_authority: str
    trust: str
    headteacher: str
    senco: str
    framework: str
    framework_id: str
    draft: bool
    report_date: str
    visit: str
    dates: list[Row]
    reviewers: list[str]
    commissioned_by: str
    recommended_by: list[str]
    reasons: list[str]
    focus: str
    context: ContextView
    summary: str
    areas: list[AreaView]
    recommendations: list[RecommendationView]
    vision: str
    labels: dict[str, str]
    documents: list[DocumentRow]
    stakeholders: list[str]
    log: list[LogEntry]
    school_completed_by: list[str] = field(default_factory=list)
    school_date: str = ""
    school_context: str = ""  # the school's own account, in its self-evaluation
    sign_off: list[Row] = field(default_factory=list)  # name, role, organisation
    sent: str = ""  # the date the report was sent to the school
    # the school's self-evaluation beside the findings (review reports; None: not shown)
    comparison: ComparisonView | None = None


def _evidence_index(items: list[EvidenceItem]) -> dict[str, EvidenceRef]:
    index = {}
    for item in items:
        parts = [item.id, term("methods", item.method, inline=True)]
        if item.title:
            parts.append(item.title)
        parts.append(short_date(item.date))
        index[item.id] = EvidenceRef(item.id, item.id.lower(), " · ".join(p for p in parts if p))
    return index


def _items(
    entries: list[Finding] | list[Statement], cite: Citations, theme_text: dict[str, str]
) -> list[Item]:
    return [
        Item(e.text, cite(getattr(e, "evidence", [])), [theme_text.get(t, t) for t in e.themes])
        for e in entries
    ]


def _recommendation(rec: Recommendation, area: str, cite: Citations) -> RecommendationView:
    return RecommendationView(
        rec.id,
        rec.text,
        area,
        cite(rec.evidence),
        rec.owner or "",
        long_date(rec.due),
        short_date(rec.due),
        term("priorities", rec.priority),
    )


def build(ws: Workspace) -> ReportView:
    """The view of a validated workspace (``load_review`` guarantees the models exist)."""
    review, ctx, sef, evidence, findings, fw = (
        ws.review,
        ws.context,
        ws.self_evaluation,
        ws.evidence,
        ws.findings,
        ws.framework,
    )
    assert review and ctx and sef and evidence and findings and fw, "validated workspace expected"
    refs = _evidence_index(evidence.log)
    theme_text = {t.id: t.text for a in fw.areas for t in a.themes}
    areas: list[AreaView] = []
    recommendations: list[RecommendationView] = []
    for n, area in enumerate(fw.areas, 1):
        got = findings.areas.get(area.id)
        own = sef.areas.get(area.id)
        cite, cite_own = Citations(refs), Citations(refs)  # in the order the report shows
        strengths = _items(got.strengths, cite, theme_text) if got else []
        for_development = _items(got.areas_for_development, cite, theme_text) if got else []
        recs = [
            _recommendation(r, area.heading, cite)
            for r in sorted(got.recommendations if got else [], key=lambda r: id_order(r.id))
        ]
        recommendations += recs
        areas.append(
            AreaView(
                id=area.id,
                number=n,
                title=area.title,
                heading=area.heading,
                themes=[ThemeView(t.id, t.text) for t in area.themes],
                strengths=strengths,
                areas_for_development=for_development,
                recommendations=recs,
                school_strengths=_items(own.strengths, cite_own, theme_text) if own else [],
                school_areas_for_development=_items(own.areas_for_development, cite_own, theme_text)
                if own
                else [],
            )
        )
    headings = {a.id: a.heading for a in fw.areas}
    for rec, area_id, origin in added_recommendations(ws):  # the living list of them all
        added = _recommendation(rec, headings.get(area_id, area_id), Citations(refs))
        recommendations.append(replace(added, origin=_capital(str(origin))))
    recommendations.sort(key=lambda r: id_order(r.id))  # always in the order of their ids
    d = review.dates
    labels = frameworks.reporting().annex_3
    stakeholders = _stakeholders(evidence.log)
    return ReportView(
        school=review.school.name,
        urn=review.school.urn or "",
        setting=term("settings", review.school.setting),
        age_range=review.school.age_range or "",
        local_authority=review.school.local_authority or "",
        trust=review.school.trust or "",
        headteacher=review.school.headteacher or "",
        senco=review.school.senco or "",
        framework=f"{fw.source}: {fw.title}" if fw.source else fw.title,
        framework_id=fw.id,
        draft=review.status == "draft",
        report_date=long_date(d.report_sent or d.report_due),
        visit=date_span(d.visit),
        dates=[
            Row([label, value])
            for label, value in (
                ("Commissioned", long_date(d.commissioned)),
                ("Self-evaluation received", long_date(d.self_evaluation_received)),
                ("Visit", date_span(d.visit)),
                ("Report due", long_date(d.report_due)),
                ("Report sent", long_date(d.report_sent)),
            )
            if value
        ],
        reviewers=[person(p) for p in review.reviewers],
        commissioned_by=review.commissioned_by or "",
        recommended_by=[term("recommenders", c) for c in review.recommended_by],
        reasons=[term("reasons", c) for c in review.reasons],
        focus=lists_after_text(review.focus or ""),
        context=context_view(ctx, fw, setting_id(review), ws.root),
        summary=lists_after_text(findings.summary or ""),
        areas=areas,
        recommendations=recommendations,
        vision=lists_after_text(findings.vision or ""),
        labels={"vision_prompt": labels.vision_prompt, "title": labels.title, **labels.columns},
        documents=[
            DocumentRow(
                term("documents", doc.document),
                short_date(doc.requested),
                short_date(doc.received) or "not received",
                lists_after_text(doc.notes or ""),
            )
            for doc in evidence.documents
        ],
        stakeholders=stakeholders,
        log=log_entries(evidence.log, fw),
        school_completed_by=[person(p) for p in sef.completed_by],
        school_date=long_date(sef.date),
        school_context=lists_after_text(sef.context or ""),
        sign_off=[Row([p.name, p.role or "", p.organisation or ""]) for p in review.reviewers],
        sent=long_date(d.report_sent),
    )


def log_entries(items: list[EvidenceItem], fw: Framework) -> list[LogEntry]:
    """The rows of an evidence log: the review's, or a follow-up visit's."""
    refs = _evidence_index(items)
    return [
        LogEntry(
            ref=refs[item.id],
            date=short_date(item.date),
            method=_capital(term("methods", item.method, inline=True)),
            title=item.title or "",
            stakeholders=", ".join(term("stakeholders", s, inline=True) for s in item.stakeholders),
            areas=", ".join(_area_titles(item, fw)),
            notes=lists_after_text(item.notes or ""),
            attachments=[_attachment(a) for a in item.attachments],
        )
        for item in items
    ]


def _attachment(path: str) -> Attachment:
    posix = path.replace("\\", "/")  # written as Windows writes paths; validate allows it
    return Attachment(PurePosixPath(posix).name, quote(posix))


def _capital(text: str) -> str:
    """A short term ("lesson observation") at the start of a table cell."""
    return text[:1].upper() + text[1:]


def _area_titles(item: EvidenceItem, fw: Framework) -> list[str]:
    theme_area = fw.theme_ids
    wanted = set(item.areas) | {theme_area[t] for t in item.themes if t in theme_area}
    return [a.heading for a in fw.areas if a.id in wanted]


def _stakeholders(log: list[EvidenceItem]) -> list[str]:
    vocabulary: Vocabulary = frameworks.vocabularies()["stakeholders"]
    seen: list[str] = []
    for t in vocabulary.terms:  # the guide's order first, then the user's own
        if any(s.id == t.id for item in log for s in item.stakeholders):
            seen.append(t.inline)
    for item in log:
        for s in item.stakeholders:
            if s.other and s.other not in seen:
                seen.append(s.other)
    return seen
