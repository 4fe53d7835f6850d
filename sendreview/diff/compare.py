"""Two loaded versions of a review → what changed, section by section.

A file that one version could not load (errors, or missing) is left out of the
comparison and named in ``not_compared``; every other file is still compared.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from sendreview.diagnostics import Diagnostic
from sendreview.diff.model import (
    ADDED,
    REMOVED,
    Comparison,
    Entry,
    FieldChange,
    IdList,
    Section,
    by_id,
    field_change,
    flat,
    statements,
)
from sendreview.diff.sides import WORKING_TREE, Side
from sendreview.frameworks import progress_scale
from sendreview.words import date_span, long_date
from sendreview.workspace import FILES, Workspace

# Every list of entries with ids, matched by id between the versions: another such list
# is one more entry here (``file`` names the files whose unreadable entries are not called
# removed). Recommendations added at a visit go under their area.
ID_LISTS: tuple[IdList, ...] = (
    IdList(
        "recommendations",
        "Recommendations",
        "recommendation",
        lambda ws: (
            (area, rec)
            for area, found in (ws.findings.areas.items() if ws.findings else ())
            for rec in found.recommendations
        ),
    ),
    IdList(
        "evidence",
        "Evidence",
        "evidence",
        lambda ws: ((None, item) for item in (ws.evidence.log if ws.evidence else ())),
        text="title",
    ),
    IdList(
        "visit-recommendations",
        "Recommendations added at follow-up visits",
        "recommendation",
        lambda ws: ((rec.area, rec) for visit in ws.visits for rec in visit.recommendations),
        file="follow-up",
    ),
    IdList(
        "visit-evidence",
        "Evidence from follow-up visits",
        "evidence",
        lambda ws: ((None, item) for visit in ws.visits for item in visit.evidence),
        text="title",
        file="follow-up",
    ),
)

# Words for the fields of review.yaml and context.yaml, where the field's name is not clear.
_NAMES = {
    "roll": "number on roll",
    "sen_support": "SEN support",
    "ehc_plans": "EHC plans",
    "send": "pupils with SEND",
    "count": "pupils",
    "percent": "%",
    "urn": "URN",
    "senco": "SENCO",
    "as_of": "figures as of",
}


def compare(old: Side, new: Side) -> Comparison:
    """What changed from ``old`` to ``new``."""
    a, b = old.workspace, new.workspace
    school = _school(b) or _school(a) or "the school"
    result = Comparison(
        school,
        old.label,
        new.label,
        long_date(old.when),
        long_date(new.when),
        _title(old, new),
        _stamp(old, new),
        date_span(review.dates.visit) if (review := b.review or a.review) else "",
    )
    for side in (old, new):
        if side.errors:
            result.problems[side.role] = [_problem(side, d) for d in side.errors]
    for side in (old, new):
        result.partly += [
            f"{name} has errors in the {side.role} version ({side.label}): the entries "
            "with errors are left out"
            for name in side.partly
        ]
    for key, (name, _model) in FILES.items():
        for side in (old, new):
            if side.workspace.parts.get(key) is None or not _loaded(side.workspace, key):
                result.not_compared.append(
                    f"{name} could not be read in the {side.role} version ({side.label})"
                )
    areas = _areas(a, b)
    by_area: dict[str | None, Section] = {
        area: Section(f"area:{area}", title) for area, title in areas.items()
    }

    def skip(key: str) -> Unread:
        return Unread.of(old, new, key)

    sections = [
        _fields("review", "The review", a.review, b.review, skip("review")),
        _context(a, b, skip("context")),
        _summary(a, b),
    ]
    if a.findings and b.findings:
        for area in areas:
            section = by_area[area]
            was, now = a.findings.areas.get(area), b.findings.areas.get(area)
            for noun, attr in (
                ("strength", "strengths"),
                ("area for development", "areas_for_development"),
            ):
                found = statements(noun, _texts(was, attr), _texts(now, attr))
                section.entries += [e for e in found if not skip("recommendations").hides(e)]
    own: list[Section] = []
    for spec in ID_LISTS:
        if not _present(spec, a, b):
            continue
        listed = Section(spec.key, spec.title)
        for area, entry in by_id(spec, a, b):
            if skip(spec.file or spec.key).hides(entry):
                continue
            target = by_area.get(area) if area is not None else None
            if area is not None and target is None:
                target = by_area[area] = Section(f"area:{area}", area)
            (target if target is not None else listed).entries.append(entry)
        own.append(listed)
    sections += list(by_area.values())
    sections.append(_vision(a, b))
    sections += own
    sections += [
        _progress(a, b, skip("follow-up")),
        _self_evaluation(a, b, areas, skip("self-evaluation")),
    ]
    result.sections = [s for s in sections if s]
    return result


def _present(spec: IdList, a: Workspace, b: Workspace) -> bool:
    """Whether both versions could give this list (its file loaded in each)."""
    key = spec.file or spec.key
    return key not in FILES or (_loaded(a, key) and _loaded(b, key))


def _loaded(ws: Workspace, key: str) -> bool:
    part = ws.parts.get(key)
    return part is not None and part.model is not None


def _school(ws: Workspace) -> str | None:
    return ws.review.school.name if ws.review else None


def _title(old: Side, new: Side) -> str:
    review = old.workspace.review
    what = "the draft" if review is None or review.status == "draft" else "the version"
    if old.when is not None:
        return f"What changed since {what} of {long_date(old.when)}"
    if old.label == WORKING_TREE:
        return "What changed in the review"
    return f"What changed since {what} in {old.label}"


def _stamp(old: Side, new: Side) -> str:
    review = new.workspace.review or old.workspace.review
    d = review.dates if review else None
    found = (
        (d.report_sent or d.report_due or max(d.visit, default=None) or d.commissioned)
        if d
        else None
    )
    return (found or new.when or old.when or dt.date(2000, 1, 1)).isoformat()


def _status(status_id: str | None) -> str | None:
    if status_id is None:
        return None
    status = progress_scale().get(status_id)
    return status.label if status else status_id


def _problem(side: Side, d: Diagnostic) -> dict[str, Any]:
    return {
        "side": side.role,
        "version": side.label,
        "path": d.path,
        "line": d.line,
        "col": d.col,
        "code": d.code,
        "severity": d.severity.value,
        "message": d.message,
        "hint": d.hint,
    }


def _areas(a: Workspace, b: Workspace) -> dict[str | None, str]:
    """Every area of either version, in the framework's order, with its title."""
    framework = b.framework or a.framework
    ids: list[str] = [area.id for area in framework.areas] if framework else []
    for ws in (a, b):
        for source in (ws.findings, ws.self_evaluation):
            ids += [k for k in (source.areas if source else {}) if k not in ids]
    titles = {area.id: area.title for area in framework.areas} if framework else {}
    return {area: titles.get(area, area) for area in ids}


def _texts(area: BaseModel | None, attr: str) -> list[str]:
    return [s.text for s in getattr(area, attr, [])] if area is not None else []


def _named(key: str) -> str:
    words = [_NAMES.get(part, part.replace("_", " ")) for part in key.split(".")]
    return " · ".join(words)


@dataclass
class Unread:
    """What either side could not read of one file (``salvage``): its entries and fields
    are not reported as added, removed or changed, since that is not known."""

    ids: set[str]
    texts: set[str]
    fields: set[str]

    @classmethod
    def of(cls, old: Side, new: Side, key: str) -> Unread:
        (a, b, c), (x, y, z) = old.unknown(key), new.unknown(key)
        return cls(a | x, b | y, c | z)

    def hides(self, entry: Entry) -> bool:
        if entry.id is not None:
            return entry.id in self.ids
        return entry.change in (ADDED, REMOVED) and " ".join(entry.text.split()) in self.texts

    def hides_field(self, key: str) -> bool:
        return any(key == f or key.startswith(f"{f}.") for f in self.fields)


def _fields(
    key: str, title: str, old: BaseModel | None, new: BaseModel | None, skip: Unread
) -> Section:
    section = Section(key, title)
    if old is None or new is None:
        return section
    before, after = flat(old.model_dump(mode="json")), flat(new.model_dump(mode="json"))
    for name in [*after, *(k for k in before if k not in after)]:
        if skip.hides_field(name):
            continue
        change = field_change(_named(name), before.get(name), after.get(name))
        if change:
            section.fields.append(change)
    return section


def _context(a: Workspace, b: Workspace, skip: Unread) -> Section:
    section = _fields("context", "Context and key figures", a.context, b.context, skip)
    # the primary needs as one line each, not one list
    for change in list(section.fields):
        if change.name == "primary needs" and a.context and b.context:
            section.fields.remove(change)
            was = {n.need.id or n.need.other: n.pupils for n in a.context.primary_needs}
            now = {n.need.id or n.need.other: n.pupils for n in b.context.primary_needs}
            for need in [*now, *(k for k in was if k not in now)]:
                found = field_change(f"primary need · {need}", was.get(need), now.get(need))
                if found:
                    section.fields.append(found)
    return section


def _summary(a: Workspace, b: Workspace) -> Section:
    section = Section("summary", "Summary of the visit")
    if a.findings and b.findings:
        change = field_change("summary", a.findings.summary, b.findings.summary)
        section.fields += [change] if change else []
    return section


def _vision(a: Workspace, b: Workspace) -> Section:
    section = Section("vision", "The vision")
    if a.findings and b.findings:
        change = field_change("vision", a.findings.vision, b.findings.vision)
        section.fields += [change] if change else []
    return section


def _progress(a: Workspace, b: Workspace, skip: Unread) -> Section:
    """Statuses per recommendation per visit, and visits added or removed."""
    section = Section("progress", "Progress at follow-up visits")
    was = {v.date: v for v in a.visits}
    now = {v.date: v for v in b.visits}
    for day in sorted(was.keys() | now.keys()):
        when = long_date(day)
        if day not in was:
            section.entries.append(Entry("added", "follow-up visit", f"the visit of {when}"))
            continue
        if day not in now:
            section.entries.append(Entry("removed", "follow-up visit", f"the visit of {when}"))
            continue
        before, after = was[day].progress, now[day].progress
        for rec in sorted(before.keys() | after.keys(), key=_id_order):
            if skip.hides_field(f"progress.{rec}"):
                continue
            old_status = before[rec].status if rec in before else None
            new_status = after[rec].status if rec in after else None
            if old_status != new_status:
                section.fields.append(
                    FieldChange(
                        f"{rec} at the visit of {when}",
                        _status(old_status),
                        _status(new_status),
                    )
                )
            note = field_change(
                f"{rec}'s note at the visit of {when}",
                before[rec].note if rec in before else None,
                after[rec].note if rec in after else None,
            )
            section.fields += [note] if note else []
        for name in ("summary", "vision", "next_visit"):
            found = field_change(
                f"{name.replace('_', ' ')} at the visit of {when}",
                getattr(was[day], name),
                getattr(now[day], name),
            )
            section.fields += [found] if found else []
    return section


def _id_order(rec: str) -> tuple[int, str]:
    digits = "".join(ch for ch in rec if ch.isdigit())
    return (int(digits) if digits else 0, rec)


def _self_evaluation(
    a: Workspace, b: Workspace, areas: dict[str | None, str], skip: Unread
) -> Section:
    """The school's own strengths and areas for development, briefly."""
    section = Section("self-evaluation", "The school's self-evaluation")
    was, now = a.self_evaluation, b.self_evaluation
    if was is None or now is None:
        return section
    for area, title in areas.items():
        if area is None:
            continue
        before, after = was.areas.get(area), now.areas.get(area)
        for noun, attr in (
            ("strength", "strengths"),
            ("area for development", "areas_for_development"),
        ):
            found = statements(noun, _texts(before, attr), _texts(after, attr), where=title)
            section.entries += [e for e in found if not skip.hides(e)]
    context = field_change("school's account of its context", was.context, now.context)
    section.fields += [context] if context else []
    return section
