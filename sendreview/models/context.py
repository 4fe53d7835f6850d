"""context.yaml: the school's context and key SEND statistics.

Figures are given once: a count (and the roll) gives the percentage, which the
tool works out; a percentage is only typed when the count is not known.
"""

from __future__ import annotations

from typing import Any, ClassVar

from sendreview.models.common import Count, Day, Markdown, Model, Percent, vocab


class Share(Model):
    """Pupils in a group: a count (the usual form, written as a bare number) or a percentage."""

    short_form: ClassVar[str | None] = "count"
    short_form_schema: ClassVar[dict[str, Any]] = {"type": "integer", "minimum": 0}

    count: Count | None = None
    percent: Percent | None = None

    def percent_of(self, roll: int | None) -> float | None:
        if self.percent is not None:
            return self.percent
        if self.count is not None and roll:
            return 100 * self.count / roll
        return None


class Rates(Model):
    """A percentage for pupils with SEND beside the same for the whole school."""

    send: Percent | None = None
    whole_school: Percent | None = None


class Tally(Model):
    """A number of events for pupils with SEND beside the whole school's."""

    send: Count | None = None
    whole_school: Count | None = None


class Need(Model):
    need: vocab("primary_needs")  # type: ignore[valid-type]
    pupils: Count | None = None


class National(Model):
    """National figures to compare with, as percentages of pupils."""

    sen_support: Percent | None = None
    ehc_plans: Percent | None = None
    source: str | None = None


class Context(Model):
    as_of: Day | None = None
    source: str | None = None
    roll: Count | None = None
    sen_support: Share | None = None
    ehc_plans: Share | None = None
    pupil_premium: Share | None = None
    attendance: Rates | None = None
    persistent_absence: Rates | None = None
    suspensions: Tally | None = None
    permanent_exclusions: Tally | None = None
    primary_needs: list[Need] = []
    national: National | None = None
    narrative: Markdown | None = None
    staffing: Markdown | None = None
