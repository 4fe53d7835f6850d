"""review.yaml: who, what and when."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from sendreview.models.common import CHECK_CODE, Day, Days, Line, Markdown, Model, Person, vocab

CheckCode = Annotated[str, StringConstraints(pattern=CHECK_CODE)]
Reason = Annotated[Line, StringConstraints(min_length=1, strip_whitespace=True)]


class School(Model):
    name: Line
    urn: Annotated[str, StringConstraints(pattern=r"^\d{6}$")] | None = None
    setting: vocab("settings") | None = None  # type: ignore[valid-type]
    age_range: Line | None = None
    local_authority: Line | None = None
    trust: Line | None = None
    headteacher: Line | None = None
    senco: Line | None = None


class Dates(Model):
    commissioned: Day | None = None
    self_evaluation_received: Day | None = None
    visit: Days = []
    report_due: Day | None = None
    report_sent: Day | None = None


class Review(Model):
    school: School
    framework: str = Field(description="annex-1, annex-2, or the path of your own framework file")
    reviewers: Annotated[list[Person], Field(min_length=1)]
    commissioned_by: Line | None = None
    recommended_by: list[vocab("recommenders")] = []  # type: ignore[valid-type]
    reasons: list[vocab("reasons")] = []  # type: ignore[valid-type]
    focus: Markdown | None = None
    dates: Dates = Dates()
    status: Literal["draft", "final"] = "draft"
    # checks a reviewer has turned off for this review, each with the reason why
    # (recorded, and shown by `status`): code → reason
    checks_off: dict[CheckCode, Reason] = {}
    # names the privacy check (SR804) takes for an adult's or a place's, not a child's:
    # staff not named above, a class called Willow
    names_allowed: list[Line] = []
