"""Framework conformance and cross-references: every area, theme, term and id that a file names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from sendreview import frameworks
from sendreview.diagnostics import Diagnostic
from sendreview.modelcheck import did_you_mean
from sendreview.models.common import EVIDENCE_ID, RECOMMENDATION_ID, Ref
from sendreview.models.walk import Loc
from sendreview.words import long_date
from sendreview.workspace import Part, Workspace


@dataclass(slots=True)  # not frozen: made for every id a review names, and frozen costs
class Mention:
    part: Part[Any]
    loc: Loc
    ref: Ref
    value: str
    on_key: bool

    def diagnostic(self, code: str, message: str, hint: str | None = None) -> Diagnostic:
        return self.part.doc.diagnostic(self.loc, code, message, hint, key=self.on_key)


def mentions(ws: Workspace) -> list[Mention]:
    return [
        Mention(part, loc, ref, value, on_key)
        for part in [*ws.parts.values(), *ws.follow_ups]
        for loc, ref, value, on_key in part.marked
        if isinstance(ref, Ref)
    ]


def _hint(value: str, options: list[str], extra: str = "") -> str:
    close = did_you_mean(value, options)
    return " ".join(x for x in (close, extra) if x)


def check(ws: Workspace) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    all_mentions = mentions(ws)
    defined: dict[str, dict[str, Mention]] = {"evidence": {}, "recommendation": {}}
    for m in all_mentions:
        if m.ref.defines:
            first = defined[m.ref.kind].setdefault(m.value, m)
            if first is not m:
                out.append(_twice(m, first))
    evidence_known = isinstance(ws.parts.get("evidence") and ws.parts["evidence"].raw, dict)
    recommendations_known = isinstance(
        ws.parts.get("recommendations") and ws.parts["recommendations"].raw, dict
    )
    for m in all_mentions:
        if not m.ref.defines:
            out.extend(_check_mention(ws, m, defined, evidence_known, recommendations_known))
            if m.ref.kind == "evidence" and m.value in defined["evidence"]:
                out.extend(_too_early(m, defined["evidence"][m.value]))
    return out


def _visit_date(part: Part[Any]) -> date | None:
    """The date of a follow-up file (from its raw data: it may have other errors)."""
    if part.key != "follow-up" or not isinstance(part.raw, dict):
        return None
    day = part.raw.get("date")
    if isinstance(day, date):
        return day
    try:  # dates are read as text (YAML's own dates are off)
        return date.fromisoformat(day) if isinstance(day, str) else None
    except ValueError:
        return None


def _too_early(m: Mention, found: Mention) -> list[Diagnostic]:
    """Evidence cited before it was gathered: the review's files, or an earlier visit,
    citing what a later follow-up visit logged."""
    gathered, cited = _visit_date(found.part), _visit_date(m.part)
    if gathered is None or (cited is not None and cited >= gathered):
        return []
    where = "the review" if cited is None else f"this visit ({long_date(cited)})"
    return [
        m.diagnostic(
            "SR407",
            f"{m.value} was gathered at the follow-up visit of {long_date(gathered)}, "
            f"after {where}",
            f"cite it in {found.part.doc.display} (a progress note or a recommendation "
            "added at that visit), or correct the id",
        )
    ]


def _twice(m: Mention, first: Mention) -> Diagnostic:
    """An id defined again: ids are unique across the review folder, follow-ups included."""
    line = first.part.doc.position(first.loc)
    where = f"line {line[0] if line else '?'}"
    if first.part is not m.part:
        where = f"{first.part.doc.display}, {where}"
    return m.diagnostic(
        "SR401",
        f"{m.ref.kind} id '{m.value}' is used twice",
        f"it is already used at {where}; give this one the next unused number (ids carry "
        "on from the review's through every follow-up visit)",
    )


def _check_mention(
    ws: Workspace,
    m: Mention,
    defined: dict[str, dict[str, Mention]],
    evidence_known: bool,
    recommendations_known: bool,
) -> list[Diagnostic]:
    kind, written = m.ref.kind, m.value
    value = m.ref.normal(written)  # 'High' means 'high'; messages quote what was written
    fw = ws.framework
    if kind == "area" and fw is not None:
        ids = fw.area_ids
        if value not in ids:
            return [
                m.diagnostic(
                    "SR302",
                    f"'{written}' is not an area of focus in {fw.id}",
                    _hint(value, ids, f"The areas are: {', '.join(ids)}"),
                )
            ]
    elif kind == "theme" and fw is not None:
        themes = fw.theme_ids
        if value not in themes:
            return [
                m.diagnostic(
                    "SR303",
                    f"'{written}' is not a theme of {fw.id}",
                    _hint(
                        value,
                        list(themes),
                        f"'sendreview frameworks show {fw.id}' lists the themes",
                    ),
                )
            ]
        area = _enclosing_area(m.loc)
        if area is not None and area in fw.area_ids and themes[value] != area:
            return [
                m.diagnostic(
                    "SR305",
                    f"theme '{value}' belongs to the area "
                    f"'{themes[value]}', but is listed under '{area}'",
                    "move the entry to that area, or pick a theme of this one",
                )
            ]
    elif kind == "status":
        ids = frameworks.progress_scale().ids
        if value not in ids:
            return [
                m.diagnostic(
                    "SR304",
                    f"'{written}' is not a progress status",
                    _hint(value, ids, f"Use one of: {', '.join(ids)}"),
                )
            ]
    elif kind == "vocab" and m.ref.vocab:
        vocabulary = frameworks.vocabularies()[m.ref.vocab]
        ids = vocabulary.ids
        if value not in ids:
            meant = vocabulary.known_as(written)
            listing = f"Use one of: {', '.join(ids)}" + (
                "; or write 'other: your words'" if m.ref.other else ""
            )
            return [
                m.diagnostic(
                    "SR304",
                    f"'{written}' is not one of the {vocabulary.title.lower()}",
                    f"did you mean '{meant.id}' ({meant.label})? {listing}"
                    if meant
                    else _hint(value, ids, listing),
                )
            ]
    elif kind in ("evidence", "recommendation") and not _well_formed(kind, value):
        return []  # the schema check already says how such ids are written
    elif kind == "evidence" and evidence_known and value not in defined["evidence"]:
        return [
            m.diagnostic(
                "SR400",
                f"evidence '{value}' is not in the evidence log",
                "add it to this visit's 'evidence:' list, or correct the id"
                if m.part.key == "follow-up"
                else "add it to the log in evidence.yaml, or correct the id",
            )
        ]
    elif (
        kind == "recommendation"
        and recommendations_known
        and value not in defined["recommendation"]
    ):
        return [
            m.diagnostic(
                "SR701",
                f"there is no recommendation '{value}'",
                "progress is recorded against the ids in recommendations.yaml, or of "
                "recommendations added at a follow-up visit ('recommendations:')",
            )
        ]
    return []


_ID_FORMS = {"evidence": re.compile(EVIDENCE_ID), "recommendation": re.compile(RECOMMENDATION_ID)}


def _well_formed(kind: str, value: str) -> bool:
    return _ID_FORMS[kind].fullmatch(value) is not None


def _enclosing_area(loc: Loc) -> Any:
    return loc[1] if len(loc) > 2 and loc[0] == "areas" else None
