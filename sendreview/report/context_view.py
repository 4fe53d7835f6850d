"""The view of the school's context: its key SEND figures worked out for the report's
tables (percentages of the roll, the share of each type of need), and its narrative."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sendreview import national as nat
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
    national_of: str  # which pupils the national figures are for, "state-funded primary schools"
    national_needs: str = ""  # the most common primary needs nationally, under the needs table


def _national(
    ctx: Context, setting: str | None, root: Path | None
) -> tuple[dict[str, float], str, str, str]:
    """The national figure for each row, which pupils they are of, and their citation.

    A user's own figures in context.yaml win over the file's, and their source is shown."""
    own = ctx.national
    if own is not None and (own.sen_support is not None or own.ehc_plans is not None):
        values = {"sen_support": own.sen_support, "ehc_plans": own.ehc_plans}
        values["send_total"] = own.send_total
        return {k: v for k, v in values.items() if v is not None}, "", own.source or "", ""
    figures, _ = nat.load(root)
    found = nat.for_setting(figures, setting)
    of: list[str] = []
    for f in found:
        if f.of not in of:
            of.append(f.of)
    if len(of) > 1:  # say which figure is for which pupils
        of = [f"{o} ({', '.join(nat.NAMES[f.name] for f in found if f.of == o)})" for o in of]
    needs = nat.common_needs(figures) if found else ""  # cited under the key statistics
    return {f.name: f.percent for f in found}, " and ".join(of), figures.cited(), needs


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


def context_view(
    ctx: Context, framework: Framework, setting: str | None = None, root: Path | None = None
) -> ContextView:
    national, national_of, national_source, national_needs = _national(ctx, setting, root)
    figures = [Row(["Pupils on roll", number(ctx.roll), ""])]
    for label, share, value in (
        ("Pupils at SEN support", ctx.sen_support, national.get("sen_support")),
        ("Pupils with an EHC plan", ctx.ehc_plans, national.get("ehc_plans")),
        ("Pupils eligible for the pupil premium", ctx.pupil_premium, None),
    ):
        row = _share_row(label, share, ctx.roll, value)
        if row:
            figures.append(row)
    total = ctx.send_total
    if total is not None and ctx.roll:
        nat_total = national.get("send_total")
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
        has_national=bool(national),
        national_source=national_source,
        national_of=national_of,
        national_needs=national_needs,
    )
