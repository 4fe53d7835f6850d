"""self-evaluation.yaml (the school's view) and recommendations.yaml (the reviewer's findings)."""

from __future__ import annotations

from typing import Annotated

from pydantic import StringConstraints

from sendreview.models.common import (
    RECOMMENDATION_ID,
    Day,
    EvidenceIds,
    Finding,
    Line,
    Markdown,
    Model,
    Person,
    Ref,
    Statement,
    ThemeId,
    by_area,
    closed_vocab,
)


class SelfEvaluationArea(Model):
    strengths: list[Statement] = []
    areas_for_development: list[Statement] = []

    @property
    def filled(self) -> bool:
        return bool(self.strengths or self.areas_for_development)


class SelfEvaluation(Model):
    completed_by: list[Person] = []
    date: Day | None = None
    context: Markdown | None = None  # the school's own account; context.yaml is the reviewer's
    areas: by_area(SelfEvaluationArea) = {}  # type: ignore[valid-type]


class Recommendation(Model):
    id: Annotated[
        str, StringConstraints(pattern=RECOMMENDATION_ID), Ref("recommendation", defines=True)
    ]
    text: Markdown
    evidence: EvidenceIds = []
    themes: list[ThemeId] = []
    owner: Line | None = None
    due: Day | None = None
    priority: closed_vocab("priorities") | None = None  # type: ignore[valid-type]


class AreaFindings(Model):
    strengths: list[Finding] = []
    areas_for_development: list[Finding] = []
    recommendations: list[Recommendation] = []

    @property
    def has_findings(self) -> bool:
        return bool(self.strengths or self.areas_for_development or self.recommendations)


class Findings(Model):
    summary: Markdown | None = None
    areas: by_area(AreaFindings) = {}  # type: ignore[valid-type]
    vision: Markdown | None = None
