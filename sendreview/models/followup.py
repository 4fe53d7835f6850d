"""follow-ups/<date>.yaml: one follow-up visit, after the guide's follow-up visit template.

A visit may also log its own evidence and agree new recommendations. Their ids carry
on the review's numbering: when the review's log ends at E23, a visit's first piece of
evidence is E24; when its recommendations end at R11, a visit's first is R12. Every id
is unique across the whole review folder, so a report or a reference never needs to
say which file an id came from.
"""

from __future__ import annotations

from typing import ClassVar

from sendreview.models.common import (
    AreaId,
    Day,
    EvidenceIds,
    Line,
    Markdown,
    Model,
    RecommendationId,
    StatusId,
)
from sendreview.models.evidence import EvidenceItem
from sendreview.models.findings import Recommendation


class Progress(Model):
    short_form: ClassVar[str | None] = "status"

    status: StatusId
    note: Markdown | None = None
    evidence: EvidenceIds = []


class ActionPoints(Model):
    school: list[Markdown] = []
    reviewer: list[Markdown] = []


class ActionPointCheck(Model):
    """An action point of the last visit, looked at again: done or not, and how it went."""

    short_form: ClassVar[str | None] = "point"

    point: Markdown
    done: bool | None = None  # None: not looked at yet
    note: Markdown | None = None


class PreviousActionPoints(Model):
    school: list[ActionPointCheck] = []
    reviewer: list[ActionPointCheck] = []


class AddedRecommendation(Recommendation):
    """A recommendation agreed at a follow-up visit, in the area of focus it belongs to."""

    area: AreaId


class FollowUp(Model):
    date: Day
    reviewer: Line
    summary: Markdown | None = None
    previous_action_points: PreviousActionPoints = PreviousActionPoints()
    progress: dict[RecommendationId, Progress] = {}
    recommendations: list[AddedRecommendation] = []
    evidence: list[EvidenceItem] = []
    action_points: ActionPoints = ActionPoints()
    vision: Markdown | None = None
    next_visit: Day | None = None
