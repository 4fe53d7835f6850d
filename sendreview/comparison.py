"""The school's view against the reviewer's: per area, the self-evaluation's strengths and
areas for development set beside the reviewer's findings.

Entries are paired by a shared theme first, then by wording (RapidFuzz, threshold as data
in frameworks/comparison.yaml). A pair agrees when both sides put the point the same way
(a strength and a strength), and differs when one calls a strength what the other calls an
area for development.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import fuzz, utils

from sendreview import yamlio
from sendreview.modelcheck import check_document
from sendreview.models.common import Model, Statement
from sendreview.resources import data_dir
from sendreview.workspace import Workspace

STRENGTH, DEVELOP = "strength", "area for development"


class Wording(Model):
    threshold: float = 61


class Settings(Model):
    wording: Wording = Wording()


@cache
def settings() -> Settings:
    doc = yamlio.read(data_dir("frameworks") / "comparison.yaml", "frameworks/comparison.yaml")
    result, problems = check_document(doc, Settings)
    if result is None:  # the installation itself is broken: not the user's doing
        raise RuntimeError(f"built-in frameworks/comparison.yaml is invalid: {problems}")
    return result


@dataclass(frozen=True)
class Match:
    school: str
    school_kind: str  # STRENGTH or DEVELOP
    reviewer: str
    reviewer_kind: str
    by: str  # "themes" or "wording"
    score: int  # the wording's score, 0-100

    @property
    def agrees(self) -> bool:
        return self.school_kind == self.reviewer_kind


@dataclass(frozen=True)
class AreaComparison:
    id: str
    title: str
    school_entries: int
    reviewer_entries: int
    agreed: list[Match] = field(default_factory=list)
    differ: list[Match] = field(default_factory=list)
    # the reviewer's areas for development that no entry of the school's matched
    reviewer_only: list[str] = field(default_factory=list)
    # the school named no area for development here, and the reviewer named some
    school_saw_nothing: bool = False
    summary: str = ""  # a short line for `status`

    @property
    def compared(self) -> bool:
        return bool(self.school_entries and self.reviewer_entries)

    def line(self) -> str:
        if not self.school_entries:
            return "the school wrote nothing here"
        if not self.reviewer_entries:
            return "no findings yet"
        parts = [f"{len(self.agreed)} agree"]
        if self.differ:
            parts.append(f"{len(self.differ)} differ{'s' if len(self.differ) == 1 else ''}")
        if self.school_saw_nothing:
            parts.append(f"school: nothing to develop, review: {len(self.reviewer_only)}")
        elif self.reviewer_only:
            parts.append(f"review adds {len(self.reviewer_only)} to develop")
        return " · ".join(parts)


def _words(text: str) -> str:
    return utils.default_process(re.sub(r"[*_`>#\[\]()]", " ", text))


def _pairs(
    school: list[tuple[str, Statement]], reviewer: list[tuple[str, Statement]], threshold: float
) -> list[tuple[int, int, str, int]]:
    """(school index, reviewer index, how, score), each entry used once, themes first and
    then the best wording."""
    candidates = []
    for i, (_, own) in enumerate(school):
        for j, (_, theirs) in enumerate(reviewer):
            score = round(fuzz.token_set_ratio(_words(own.text), _words(theirs.text)))
            shared = bool(set(own.themes) & set(theirs.themes))
            if shared or score >= threshold:
                candidates.append((shared, score, i, j))
    used_school: set[int] = set()
    used_reviewer: set[int] = set()
    out = []
    for shared, score, i, j in sorted(candidates, reverse=True):
        if i in used_school or j in used_reviewer:
            continue
        used_school.add(i)
        used_reviewer.add(j)
        out.append((i, j, "themes" if shared else "wording", score))
    return sorted(out)


def compare(ws: Workspace) -> list[AreaComparison]:
    fw, sef, findings = ws.framework, ws.self_evaluation, ws.findings
    if fw is None or sef is None or findings is None:
        return []
    threshold = settings().wording.threshold
    out = []
    for area in fw.areas:
        own, got = sef.areas.get(area.id), findings.areas.get(area.id)
        school: list[tuple[str, Statement]] = [
            *((STRENGTH, s) for s in (own.strengths if own else [])),
            *((DEVELOP, s) for s in (own.areas_for_development if own else [])),
        ]
        reviewer: list[tuple[str, Statement]] = [
            *((STRENGTH, s) for s in (got.strengths if got else [])),
            *((DEVELOP, s) for s in (got.areas_for_development if got else [])),
        ]
        matches = [
            Match(school[i][1].text, school[i][0], reviewer[j][1].text, reviewer[j][0], how, score)
            for i, j, how, score in _pairs(school, reviewer, threshold)
        ]
        matched = {m.reviewer for m in matches}
        to_develop = [s.text for kind, s in reviewer if kind == DEVELOP]
        found = AreaComparison(
            area.id,
            area.heading,
            len(school),
            len(reviewer),
            agreed=[m for m in matches if m.agrees],
            differ=[m for m in matches if not m.agrees],
            reviewer_only=[t for t in to_develop if t not in matched],
            school_saw_nothing=bool(
                school and to_develop and not any(k == DEVELOP for k, _ in school)
            ),
        )
        out.append(dataclasses.replace(found, summary=found.line()))
    return out
