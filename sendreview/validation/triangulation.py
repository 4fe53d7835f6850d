"""Findings and recommendations whose evidence was gathered one way only, or heard from
one group only (SR810, SR811); the thresholds are frameworks/triangulation.yaml.

Entries citing no evidence, or only ids missing from the log, are left to SR602 and SR400:
there is nothing here to weigh.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from sendreview import frameworks
from sendreview.diagnostics import Diagnostic
from sendreview.models.common import Choice
from sendreview.models.evidence import EvidenceItem
from sendreview.models.findings import AreaFindings
from sendreview.workspace import Workspace

Loc = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Weighed:
    """One finding or recommendation whose cited evidence is in the log."""

    loc: Loc
    label: str  # "R1", "a strength", "an area for development"
    recommendation: bool
    methods: frozenset[str]
    stakeholders: frozenset[str]

    @property
    def few_groups(self) -> bool:
        """Heard from too few groups; evidence recording none (a book look, a paperwork
        scrutiny) is weighed on its methods alone."""
        groups = len(self.stakeholders)
        return 0 < groups < frameworks.triangulation().stakeholders

    @property
    def triangulated(self) -> bool:
        wanted = frameworks.triangulation()
        return len(self.methods) >= wanted.methods and not self.few_groups


def _key(choice: Choice) -> str:
    return choice.id or f"other: {choice.other}"


def weigh(area_id: str, got: AreaFindings, log: dict[str, EvidenceItem]) -> Iterator[Weighed]:
    """Each entry of one area that cites evidence found in the log."""
    kinds = (
        ("strengths", "a strength", got.strengths),
        ("areas_for_development", "an area for development", got.areas_for_development),
    )
    entries: list[tuple[Loc, str, bool, list[str]]] = [
        (("areas", area_id, key, i), label, False, list(f.evidence))
        for key, label, found in kinds
        for i, f in enumerate(found)
    ]
    entries += [
        (("areas", area_id, "recommendations", i), r.id, True, list(r.evidence))
        for i, r in enumerate(got.recommendations)
    ]
    for loc, label, is_rec, ids in entries:
        items = [log[i] for i in ids if i in log]
        if items:
            yield Weighed(
                loc,
                label,
                is_rec,
                frozenset(_key(e.method) for e in items),
                frozenset(_key(s) for e in items for s in e.stakeholders),
            )


def _log(ws: Workspace) -> dict[str, EvidenceItem]:
    evidence = ws.evidence
    return {e.id: e for e in evidence.log} if evidence else {}


def counts(ws: Workspace) -> dict[str, tuple[int, int]]:
    """Per area: (entries triangulated, entries citing evidence), for ``status``."""
    findings, log = ws.findings, _log(ws)
    if findings is None:
        return {}
    out = {}
    for area_id, got in findings.areas.items():
        weighed = list(weigh(area_id, got, log))
        out[area_id] = (sum(1 for w in weighed if w.triangulated), len(weighed))
    return out


@cache  # the same few sets come back finding after finding
def _missing(used: frozenset[str], vocabulary: str) -> str:
    unused = [t.inline for t in frameworks.vocabularies()[vocabulary].terms if t.id not in used]
    # a few to choose from, not the whole list
    return ", ".join(unused[:4]) + (", …" if len(unused) > 4 else "")


def _hint(w: Weighed) -> str:
    wanted = frameworks.triangulation()
    wants = []
    if len(w.methods) < wanted.methods:
        wants.append(f"gathered another way ({_missing(w.methods, 'methods')})")
    if w.few_groups:
        wants.append(f"from another group ({_missing(w.stakeholders, 'stakeholders')})")
    return (
        f"cite evidence {' and '.join(wants)}, if the visit gave some; "
        "or turn the check off in review.yaml's checks_off, with the reason"
    )


def _message(w: Weighed) -> str:
    wanted = frameworks.triangulation()
    thin = []
    if len(w.methods) < wanted.methods:
        thin.append("one way of gathering evidence" if len(w.methods) == 1 else "few methods")
    if w.few_groups:
        groups = len(w.stakeholders)
        thin.append("one stakeholder group" if groups == 1 else f"{groups} stakeholder groups")
    what = w.label if w.recommendation else w.label.capitalize()
    return f"{what} rests on {' and '.join(thin)}"


def check(ws: Workspace) -> list[Diagnostic]:
    findings, part = ws.findings, ws.parts.get("recommendations")
    if findings is None or part is None:
        return []
    log = _log(ws)
    out = []
    for area_id, got in findings.areas.items():
        for w in weigh(area_id, got, log):
            if not w.triangulated:
                code = "SR811" if w.recommendation else "SR810"
                out.append(part.doc.diagnostic(w.loc, code, _message(w), _hint(w)))
    return out
