"""``sendreview followup new``: the file for the next follow-up visit.

Every recommendation not yet complete is carried over with its last recorded
status and its text as a comment; complete ones are listed once and not asked
again. The new file is written atomically and never replaces an existing one.

Two files change: the previous visit gets the new date as its ``next_visit``, then the
new visit's file is written. A run stopped in between (``kill -9``, a power cut) is
finished by running the same command again: the previous visit already says when the
next one is, and a new file left exactly as sendreview made it counts as made.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sendreview import frameworks, safefile, schemas, yamlio
from sendreview.atomic import sweep
from sendreview.errors import InvalidReview, SendreviewError
from sendreview.models.followup import FollowUp
from sendreview.progress import id_order, journeys, overdue_since
from sendreview.scaffold.new_review import render_file, validate_scaffold
from sendreview.words import long_date
from sendreview.workspace import FOLLOW_UPS, Workspace


@dataclass(frozen=True)
class Carried:
    id: str
    area: str
    text: str
    due: str
    status: str
    last: str
    origin: str = ""  # where an added recommendation came from
    overdue: str = ""  # "overdue since …" on the new visit's date


@dataclass(frozen=True)
class PointToCheck:
    """An action point of the last visit, as YAML lines for the new visit to mark."""

    lines: str


@dataclass(frozen=True)
class NewFollowUp:
    path: str
    open: int
    complete: int
    noted: str | None


def _usable(folder: Path) -> Workspace:
    """The review, if what a follow-up is built from (the review, its recommendations and
    the earlier visits) has no errors: a visit left out would carry over wrong statuses."""
    from sendreview.api import load_review

    ws = load_review(folder, allow_errors=True)
    needed = [ws.parts.get("review"), ws.parts.get("recommendations"), *ws.follow_ups]
    shown = {part.doc.display for part in needed if part is not None}
    blocking = [d for d in ws.diagnostics if d.is_error and d.path in shown]
    if blocking or ws.review is None or ws.findings is None:
        raise InvalidReview(
            blocking or [d for d in ws.diagnostics if d.is_error],
            "review.yaml, recommendations.yaml and the earlier follow-up visits must be "
            "free of errors before a follow-up is started",
        )
    return ws


def new_follow_up(folder: str | Path, on: date | None = None) -> NewFollowUp:
    """The file for the visit on ``on`` (None: today's)."""
    given, on = on is not None, on or date.today()
    ws = _usable(Path(folder))
    review = ws.review
    assert review is not None
    if review.dates.visit and on < review.dates.visit[-1]:
        raise SendreviewError(
            f"{on} is before the review visit ({review.dates.visit[-1]})",
            "give the follow-up visit's date with --date YYYY-MM-DD",
        )
    latest = max((v.date for v in ws.visits), default=None)
    if not given and latest is not None and on < latest:
        # today, before a visit already recorded: a visit put in between two others is
        # possible, but only on purpose
        raise SendreviewError(
            f"today ({long_date(on)}) is before the last visit recorded ({long_date(latest)})",
            "give this visit's date with --date YYYY-MM-DD (a visit between two others "
            "is allowed when you give its date)",
        )
    if (ws.root / FOLLOW_UPS).exists() and not (ws.root / FOLLOW_UPS).is_dir():
        raise SendreviewError(
            f"{ws.path(FOLLOW_UPS)} is a file, not a folder",
            "rename it, so that the folder of follow-up visits can be made",
        )
    path = ws.root / FOLLOW_UPS / f"{on.isoformat()}.yaml"
    sweep(path.parent)  # what a run stopped by kill -9 left half-written
    scale = frameworks.progress_scale()
    earlier = [v for v in ws.visits if v.date < on]
    open_recs: list[Carried] = []
    complete: list[Carried] = []
    for journey in journeys(ws, earlier):
        status = scale.get(journey.current or "") or scale.statuses[0]
        last = (
            f"{status.label.lower()} ({journey.last_seen})"
            if journey.last_seen
            else "new at the review"
        )
        carried = Carried(
            journey.id,
            journey.area,
            journey.text,
            journey.due,
            status.id,
            last,
            str(journey.origin or ""),
            overdue_since(journey.due_on) if journey.overdue(on, status.id) else "",
        )
        (complete if status.complete else open_recs).append(carried)
    text = render_file(
        "follow-up.yaml.j2",
        modeline=schemas.modeline,
        labels=frameworks.reporting().follow_up,
        school=review.school.name,
        date=on,
        reviewer=review.reviewers[0].name,
        statuses=scale.ids,
        open=open_recs,
        complete=complete,
        previous=long_date(earlier[-1].date) if earlier else "",
        school_points=_points(earlier[-1].action_points.school if earlier else []),
        reviewer_points=_points(earlier[-1].action_points.reviewer if earlier else []),
        next_evidence=_next_id(ws, "E"),
        next_recommendation=_next_id(ws, "R"),
        areas=[a.id for a in ws.framework.areas] if ws.framework else [],
        priorities=frameworks.vocabularies()["priorities"].ids,
    )
    validate_scaffold(text, path.name, FollowUp)
    shown = ws.path(f"{FOLLOW_UPS}/{path.name}")
    made = _made_already(path, text, shown)
    notes = [_record_next_visit(ws, on)]
    if made:
        notes.append(f"{shown} was already there, just as an earlier run of this command made it")
    else:
        try:
            yamlio.write_atomic(path, text, overwrite=False)
        except FileExistsError as e:
            raise _exists(shown) from e
    noted = "\n".join(n for n in notes if n) or None
    return NewFollowUp(shown, len(open_recs), len(complete), noted)


def _next_id(ws: Workspace, letter: str) -> str:
    """The next free evidence (``E``) or recommendation (``R``) id: a visit's ids carry
    on from the review's and every other visit's, so that each is unique in the review."""
    used: list[str] = []
    if letter == "E":
        used += [item.id for item in ws.evidence.log] if ws.evidence else []
        used += [item.id for visit in ws.visits for item in visit.evidence]
    else:
        findings = ws.findings
        used += (
            [r.id for a in findings.areas.values() for r in a.recommendations] if findings else []
        )
        used += [r.id for visit in ws.visits for r in visit.recommendations]
    return f"{letter}{max((id_order(x) for x in used), default=0) + 1}"


def _points(points: list[str]) -> list[PointToCheck]:
    """Each action point as ``point``, ``done`` and ``note`` to fill in; a point of
    several lines is written as a block, so that it reads back as written."""
    out = []
    for point in points:
        text = point.strip()
        if "\n" in text:
            first = f"    - point: {yamlio.block(text, 8)}"
        else:
            first = f"    - point: {yamlio.scalar(text)}"
        out.append(PointToCheck(f"{first}\n      done:\n      note:"))
    return out


def _exists(shown: str) -> SendreviewError:
    return SendreviewError(
        f"{shown} already exists", "open it to carry on, or give another date with --date"
    )


def _made_already(path: Path, text: str, shown: str) -> bool:
    """Whether an earlier run made this very file (and was stopped before it finished);
    any other file of that name is the reviewer's, never replaced."""
    if not os.path.lexists(path):
        return False
    made = safefile.matches(path, text.encode("utf-8"))
    if not made:
        raise _exists(shown)
    return True


def _record_next_visit(ws: Workspace, on: date) -> str | None:
    """Give the last visit before ``on`` the date ``on`` as its next visit, if it has none."""
    earlier = [(part, visit) for part, visit in ws.visit_files if visit.date < on]
    if not earlier or earlier[-1][1].next_visit is not None:
        return None
    part = earlier[-1][0]
    previous = part.doc.path
    try:
        yamlio.set_top_level(previous, "next_visit", on)
    except ValueError:  # a layout the edit cannot keep: the reviewer adds the line
        return (
            f"{part.doc.display} was left as it is: add 'next_visit: {on.isoformat()}' "
            "to it yourself"
        )
    return f"recorded {long_date(on)} as the date of the next visit in {part.doc.display}"
