"""View models: what the report templates receive, made for presentation.

Templates never see raw file structures: ids are resolved into words a reader
understands ("E4 · lesson observation · Year 4 maths · 14 Oct 2026"), dates are
written out, vocabulary ids become the guide's labels, percentages are worked out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sendreview import frameworks
from sendreview.models.common import Finding, Statement
from sendreview.models.context import Context, Rates, Share, Tally
from sendreview.models.evidence import EvidenceItem
from sendreview.models.findings import Recommendation
from sendreview.models.framework import Framework, Vocabulary
from sendreview.words import date_span, long_date, percent, person, short_date, term
from sendreview.workspace import Workspace


@dataclass(frozen=True)
class EvidenceRef:
    id: str
    anchor: str
    label: str


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
class Row:
    cells: list[str]


@dataclass(frozen=True)
class ContextView:
    prompt: str
    as_of: str
    source: str
    figures: list[Row]
    comparison: list[Row]
    needs: list[Row]
    narrative: str
    staffing: str
    has_national: bool
    national_source: str  # where the national figures come from, shown under the table


@dataclass(frozen=True)
class LogEntry:
    ref: EvidenceRef
    date: str
    method: str
    title: str
    stakeholders: str
    areas: str
    notes: str
    attachments: list[str]


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


# a line that starts a list where a paragraph may end, as in CommonMark: a bullet, or a
# numbered list that starts at 1 (so that a line such as "2026. And then" stays text)
_LIST_START = re.compile(r" {0,3}(?:[-+*]|1[.)])[ \t]+\S")
_RULE = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*")
_FENCE_LINE = re.compile(r" {0,3}(`{3,}|~{3,})")


def lists_after_text(text: str) -> str:
    """``text`` with a blank line before each list that starts straight after a line of text.

    People write a list under its lead-in line ("We saw:" then "- …") as GitHub and
    CommonMark allow, but pandoc's Markdown needs a blank line before a list and would
    run the items into the paragraph ("… we saw: - **Pupil A** …"). Lists inside lists,
    and code blocks, are left as written. For text shown at the top level of a report or
    of a table cell, not inside a list item (where the blank line would loosen the list).
    """
    out: list[str] = []
    fence = ""  # the fence of a code block we are in
    plain = False  # the block being read started as a paragraph, not as a list
    for line in text.split("\n"):
        opening = _FENCE_LINE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = ""
        elif opening:
            fence = opening.group(1)
        elif not line.strip():
            plain = False
        elif _LIST_START.match(line) and not _RULE.fullmatch(line):
            if plain:
                out.append("")
            plain = False
        elif not out or not out[-1].strip():
            plain = True  # a block's first line, and not a list item
        out.append(line)
    return "\n".join(out)


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
    entries: list[Finding] | list[Statement],
    refs: dict[str, EvidenceRef],
    theme_text: dict[str, str],
) -> list[Item]:
    return [
        Item(
            e.text,
            [refs[x] for x in getattr(e, "evidence", []) if x in refs],
            [theme_text.get(t, t) for t in e.themes],
        )
        for e in entries
    ]


def _recommendation(
    rec: Recommendation, area: str, refs: dict[str, EvidenceRef]
) -> RecommendationView:
    return RecommendationView(
        rec.id,
        rec.text,
        area,
        [refs[x] for x in rec.evidence if x in refs],
        rec.owner or "",
        long_date(rec.due),
        short_date(rec.due),
        term("priorities", rec.priority),
    )


def _share_row(
    label: str, share: Share | None, roll: int | None, national: float | None
) -> Row | None:
    if share is None:
        return None
    value = share.percent_of(roll)
    shown = (
        f"{share.count} ({percent(value)})"
        if share.count is not None and value is not None
        else (str(share.count) if share.count is not None else percent(value))
    )
    return Row([label, shown, percent(national)])


def _context(ctx: Context, framework: Framework) -> ContextView:
    national = ctx.national
    figures = [Row(["Pupils on roll", str(ctx.roll) if ctx.roll is not None else "", ""])]
    for label, share, nat in (
        ("Pupils at SEN support", ctx.sen_support, national.sen_support if national else None),
        ("Pupils with an EHC plan", ctx.ehc_plans, national.ehc_plans if national else None),
        ("Pupils eligible for the pupil premium", ctx.pupil_premium, None),
    ):
        row = _share_row(label, share, ctx.roll, nat)
        if row:
            figures.append(row)
    total = ctx.send_total
    if total is not None and ctx.roll:
        nat_total = national.send_total if national else None
        figures.append(
            Row(
                [
                    "All pupils with SEND",
                    f"{total} ({percent(100 * total / ctx.roll)})",
                    percent(nat_total),
                ]
            )
        )
    comparison = []
    for label, rates in (
        ("Attendance", ctx.attendance),
        ("Persistent absence", ctx.persistent_absence),
    ):
        if isinstance(rates, Rates) and (rates.send is not None or rates.whole_school is not None):
            comparison.append(Row([label, percent(rates.send), percent(rates.whole_school)]))
    for label, tally in (
        ("Suspensions", ctx.suspensions),
        ("Permanent exclusions", ctx.permanent_exclusions),
    ):
        if isinstance(tally, Tally) and (tally.send is not None or tally.whole_school is not None):
            comparison.append(Row([label, _opt(tally.send), _opt(tally.whole_school)]))
    with_send = ctx.send_total
    needs = [
        Row(
            [
                term("primary_needs", n.need),
                _opt(n.pupils),
                percent(100 * n.pupils / with_send) if n.pupils is not None and with_send else "",
            ]
        )
        for n in ctx.primary_needs
    ]
    return ContextView(
        prompt=framework.context_prompt or "",
        as_of=long_date(ctx.as_of),
        source=ctx.source or "",
        figures=figures,
        comparison=comparison,
        needs=needs,
        narrative=lists_after_text(ctx.narrative or ""),
        staffing=lists_after_text(ctx.staffing or ""),
        has_national=bool(
            national and (national.sen_support is not None or national.ehc_plans is not None)
        ),
        national_source=national.source or "" if national else "",
    )


def _opt(value: int | None) -> str:
    return "" if value is None else str(value)


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
    for number, area in enumerate(fw.areas, 1):
        got = findings.areas.get(area.id)
        own = sef.areas.get(area.id)
        recs = [
            _recommendation(r, area.heading, refs) for r in (got.recommendations if got else [])
        ]
        recommendations += recs
        areas.append(
            AreaView(
                id=area.id,
                number=number,
                title=area.title,
                heading=area.heading,
                themes=[ThemeView(t.id, t.text) for t in area.themes],
                strengths=_items(got.strengths, refs, theme_text) if got else [],
                areas_for_development=_items(got.areas_for_development, refs, theme_text)
                if got
                else [],
                recommendations=recs,
                school_strengths=_items(own.strengths, refs, theme_text) if own else [],
                school_areas_for_development=_items(own.areas_for_development, refs, theme_text)
                if own
                else [],
            )
        )
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
        context=_context(ctx, fw),
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
        log=[
            LogEntry(
                ref=refs[item.id],
                date=short_date(item.date),
                method=term("methods", item.method),
                title=item.title or "",
                stakeholders=", ".join(
                    term("stakeholders", s, inline=True) for s in item.stakeholders
                ),
                areas=", ".join(_area_titles(item, fw)),
                notes=lists_after_text(item.notes or ""),
                attachments=item.attachments,
            )
            for item in evidence.log
        ],
        school_completed_by=[person(p) for p in sef.completed_by],
        school_date=long_date(sef.date),
    )


def _area_titles(item: EvidenceItem, fw: Framework) -> list[str]:
    theme_area = fw.theme_ids
    wanted = set(item.areas) | {theme_area[t] for t in item.themes if t in theme_area}
    return [a.heading for a in fw.areas if a.id in wanted]


def _stakeholders(log: list[EvidenceItem]) -> list[str]:
    vocabulary: Vocabulary = frameworks.vocabularies()["stakeholders"]
    seen: list[str] = []
    for t in vocabulary.terms:  # the guide's order first, then the user's own
        if any(s.id == t.id for item in log for s in item.stakeholders):
            seen.append(t.label)
    for item in log:
        for s in item.stakeholders:
            if s.other and s.other not in seen:
                seen.append(s.other)
    return seen
