"""follow-ups/<date>.yaml: one follow-up visit, after the guide's follow-up visit template."""

from __future__ import annotations

from typing import ClassVar

from sendreview.models.common import Day, Line, Markdown, Model, RecommendationId, StatusId


class Progress(Model):
    short_form: ClassVar[str | None] = "status"

    status: StatusId
    note: Markdown | None = None


class ActionPoints(Model):
    school: list[Markdown] = []
    reviewer: list[Markdown] = []


class FollowUp(Model):
    date: Day
    reviewer: Line
    summary: Markdown | None = None
    progress: dict[RecommendationId, Progress] = {}
    action_points: ActionPoints = ActionPoints()
    vision: Markdown | None = None
    next_visit: Day | None = None
