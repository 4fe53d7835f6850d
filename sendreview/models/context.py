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

    @property
    def send_total(self) -> float | None:
        """The percentage of pupils at SEN support or with an EHC plan, when both are known."""
        if self.sen_support is None or self.ehc_plans is None:
            return None
        return self.sen_support + self.ehc_plans


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

    @property
    def send_total(self) -> int | None:
        """Pupils at SEN support or with an EHC plan: the one place this total is worked out.

        None unless both counts are known (a share of a partial total would mislead).
        """
        support, plans = self.sen_support, self.ehc_plans
        if support is None or plans is None or support.count is None or plans.count is None:
            return None
        return support.count + plans.count
