"""Personal data about a child in the text a report shows (SR801-SR805).

Every Markdown and one-line text field is read (the ``Prose`` and ``Plain`` marks of the
models), so a field added later is read too. validate warns; report refuses to render
(``refusal``) unless told ``--allow-personal-data`` or the check is turned off.
"""

from __future__ import annotations

from collections.abc import Iterator

from sendreview.diagnostics import Diagnostic, make
from sendreview.models.common import Plain, Prose
from sendreview.privacy import CODES, scan
from sendreview.workspace import Workspace

_READ = (Prose, Plain)  # the marks of text a report shows

_WHAT = {
    "upn": "a Unique Pupil Number",
    "uln": "a Unique Learner Number",
    "dob": "a date of birth",
    "name": "a child's name",
    "contact": "a person's contact details",
}
_HINT = {
    "upn": "reports go to the school, the trust or the local authority: leave the number "
    "out, or write 'Pupil A'",
    "uln": "leave the number out; name the learner as 'Pupil A' if you need to",
    "dob": "give the year group instead ('in Year 4'), or leave the date out",
    "name": "write 'Pupil A', 'Child B' instead; if it is an adult's name or a place's, add "
    "it to names_allowed in review.yaml",
    "contact": "leave out a person's e-mail address or phone number; the school's office "
    "may be named instead",
}


def adults(ws: Workspace) -> set[str]:
    """Words of the names of the review's people and of its allow-list: never a child's."""
    review, sef = ws.review, ws.self_evaluation
    named: list[str] = []
    if review is not None:
        school = review.school
        named += [school.headteacher or "", school.senco or "", review.commissioned_by or ""]
        named += [p.name for p in review.reviewers] + list(review.names_allowed)
    if sef is not None:
        named += [p.name for p in sef.completed_by]
    return {word.strip(".,()") for name in named for word in name.split()}


def check(ws: Workspace) -> list[Diagnostic]:
    return list(_diagnostics(ws))


def _diagnostics(ws: Workspace) -> Iterator[Diagnostic]:
    allowed = adults(ws)
    for part in [*ws.parts.values(), *ws.follow_ups]:
        read = [
            (loc, text)
            for loc, mark, text, on_key in part.marked
            if not on_key and isinstance(mark, _READ)
        ]
        for i, f in scan([text for _, text in read], allowed):
            loc, text = read[i]
            line = text.count("\n", 0, f.start) + 1
            pos = part.doc.text_position(loc, line) or (None, None)
            yield make(
                CODES[f.kind],
                part.doc.display,
                f"{_WHAT[f.kind]} in the text: '{f.text}'",
                pos[0],
                pos[1],
                _HINT[f.kind],
            )
