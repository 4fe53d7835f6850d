"""The view of the school's context: its key SEND figures worked out for the report's
tables (percentages of the roll, the share of each type of need), and its narrative."""

from __future__ import annotations

from dataclasses import dataclass

from sendreview.models.context import Context, Rates, Share, Tally
from sendreview.models.framework import Framework
from sendreview.report.markdown import lists_after_text
from sendreview.words import long_date, number, percent, term


@dataclass(frozen=True)
class Row:
    cells: list[str]


@dataclass(frozen=True)
class ContextView:
    prompt: str
    as_of: str
    source: str
    figures: list[Row]
    comparison: list[Row]
    needs: list[Row]
    narrative: str
    staffing: str
    has_national: bool
    national_source: str  # where the national figures come from, shown under the table


def _share_row(
    label: str, share: Share | None, roll: int | None, national: float | None
) -> Row | None:
    if share is None:
        return None
    value = share.percent_of(roll)
    shown = (
        f"{number(share.count)} ({percent(value)})"
        if share.count is not None and value is not None
        else (number(share.count) if share.count is not None else percent(value))
    )
    return Row([label, shown, percent(national)])


def context_view(ctx: Context, framework: Framework) -> ContextView:
    national = ctx.national
    figures = [Row(["Pupils on roll", number(ctx.roll), ""])]
    for label, share, nat in (
        ("Pupils at SEN support", ctx.sen_support, national.sen_support if national else None),
        ("Pupils with an EHC plan", ctx.ehc_plans, national.ehc_plans if national else None),
        ("Pupils eligible for the pupil premium", ctx.pupil_premium, None),
    ):
        row = _share_row(label, share, ctx.roll, nat)
        if row:
            figures.append(row)
    total = ctx.send_total
    if total is not None and ctx.roll:
        nat_total = national.send_total if national else None
        figures.append(
            Row(
                [
                    "All pupils with SEND",
                    f"{number(total)} ({percent(100 * total / ctx.roll)})",
                    percent(nat_total),
                ]
            )
        )
    comparison = []
    for label, rates in (
        ("Attendance", ctx.attendance),
        ("Persistent absence", ctx.persistent_absence),
    ):
        if isinstance(rates, Rates) and (rates.send is not None or rates.whole_school is not None):
            comparison.append(Row([label, percent(rates.send), percent(rates.whole_school)]))
    for label, tally in (
        ("Suspensions", ctx.suspensions),
        ("Permanent exclusions", ctx.permanent_exclusions),
    ):
        if isinstance(tally, Tally) and (tally.send is not None or tally.whole_school is not None):
            comparison.append(Row([label, number(tally.send), number(tally.whole_school)]))
    with_send = ctx.send_total
    needs = [
        Row(
            [
                term("primary_needs", n.need),
                number(n.pupils),
                percent(100 * n.pupils / with_send) if n.pupils is not None and with_send else "",
            ]
        )
        for n in ctx.primary_needs
    ]
    return ContextView(
        prompt=framework.context_prompt or "",
        as_of=long_date(ctx.as_of),
        source=ctx.source or "",
        figures=figures,
        comparison=comparison,
        needs=needs,
        narrative=lists_after_text(ctx.narrative or ""),
        staffing=lists_after_text(ctx.staffing or ""),
        has_national=bool(
            national and (national.sen_support is not None or national.ehc_plans is not None)
        ),
        national_source=national.source or "" if national else "",
    )
