"""Every field the models accept reaches a report, or is listed here as internal (issue 8).

The models of every workspace file (``workspace.FILES`` and ``FollowUp``) are walked
along their type annotations, as ``sendreview.models.walk`` walks raw data. For each
leaf that a bundled example fills in, its value must be found in the Markdown of at
least one of that example's reports: the review, the self-evaluation, or a follow-up
report (one for every visit). A leaf that no report shows must be in ``INTERNAL``,
with the reason.

How a value is recognised in a report's Markdown:

- the Markdown is read as a person would: the ``md`` filter's stand-ins turned back
  into the characters typed, backslash escapes and HTML entities undone, every run of
  white space one space; the value is read the same way;
- text (names, titles, Markdown) as written; a value must stand as a whole word or
  phrase, not inside a longer word or number;
- a date as '14 October 2026' or '14 Oct 2026'; a list of days (the visit) as its span
  ('3 and 4 November 2026');
- a whole number as written; a percentage as '14.2%'; yes or no (an action point
  done) as 'Done' or 'Not done';
- a vocabulary term by its label (or the shorter one used inside sentences), a term
  given as ``other:`` by the words given;
- an area id by the area's heading or title; a follow-up status by the progress scale's
  label or short label; evidence and recommendation ids as themselves;
- ``review.framework`` (annex-1, annex-2 or a file) by the framework's title.

Fields no example fills in are not checked here: the examples are the fixtures.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any, get_args, get_origin

import pytest
from pydantic import BaseModel

from sendreview import frameworks
from sendreview.api import load_review
from sendreview.models.common import Choice, Ref
from sendreview.models.followup import FollowUp
from sendreview.models.framework import Framework
from sendreview.models.walk import _field_type, _options, _unwrap
from sendreview.report import prepare, templating
from sendreview.report.markdown import STAND_INS
from sendreview.words import date_span, long_date, percent, short_date, term
from sendreview.workspace import FILES, Workspace
from tests.conftest import BROOKFIELD, RIVERSIDE, copy_workspace

# Leaves that no report shows, by path (``fnmatch`` patterns: ``[]`` a list's items,
# ``*`` a mapping's values, ``<key>`` a mapping's keys), each with the reason.
INTERNAL: dict[str, str] = {
    "*.themes[]": (
        "theme tags on findings, recommendations and evidence feed 'sendreview status' "
        "(which themes have evidence and findings) and place evidence under its areas; "
        "a report groups everything by area and does not list the tags"
    ),
    "review.status": (
        "'draft' is shown as the DRAFT banner and on the title page, 'final' as their "
        "absence; the word itself is not in the text"
    ),
}


@dataclass(frozen=True)
class Leaf:
    path: str  # 'evidence.log[].notes'
    value: Any
    refs: tuple[Ref, ...]


def leaves(tp: Any, value: Any, path: str, refs: tuple[Ref, ...] = ()) -> Iterator[Leaf]:
    """The filled-in leaves of ``value``, a model (or part of one) of type ``tp``."""
    if value is None:
        return
    tp, more = _unwrap(tp)
    refs = (*refs, *more)
    for option in _options(tp):
        option, inner = _unwrap(option)
        found = (*refs, *inner)
        origin = get_origin(option)
        if isinstance(option, type) and issubclass(option, BaseModel):
            if not isinstance(value, option):
                continue
            if isinstance(value, Choice):  # a vocabulary term: shown as one thing
                yield Leaf(path, value, found)
                return
            for name in type(value).model_fields:
                if name in value.model_fields_set:  # what the example wrote, not defaults
                    yield from leaves(
                        _field_type(type(value), name), getattr(value, name), f"{path}.{name}"
                    )
            return
        if origin is list and isinstance(value, list):
            (item,) = get_args(option)
            if value and all(isinstance(v, dt.date) for v in value):
                yield Leaf(path, value, found)  # the visit's days: shown as a span
                return
            for v in value:
                yield from leaves(item, v, f"{path}[]", found)
            return
        if origin is dict and isinstance(value, dict):
            key_tp, value_tp = get_args(option)
            key_tp, key_refs = _unwrap(key_tp)
            for k, v in value.items():
                yield Leaf(f"{path}.<key>", k, tuple(key_refs))
                yield from leaves(value_tp, v, f"{path}.*")
            return
        if not isinstance(value, BaseModel | list | dict):
            yield Leaf(path, value, found)
            return


def words(text: str) -> str:
    """Markdown (or a value) as a reader sees its words."""
    for char, stand_in in STAND_INS.items():
        text = text.replace(stand_in, char)
    text = re.sub(r"\\(.)", r"\1", text, flags=re.S)
    return " ".join(html.unescape(text).split())


def forms(leaf: Leaf, fw: Framework) -> list[str]:
    """The ways a report may show ``leaf``'s value (see the module's rules)."""
    value = leaf.value
    ref = next((r for r in leaf.refs if isinstance(r, Ref)), None)
    if leaf.path == "review.framework":
        return [fw.title]
    if ref is not None and ref.kind == "vocab" and ref.vocab:
        return [term(ref.vocab, value), term(ref.vocab, value, inline=True)]
    if ref is not None and ref.kind == "area":
        return [x for a in fw.areas if a.id == value for x in (a.heading, a.title)]
    if ref is not None and ref.kind == "status":
        found = frameworks.progress_scale().get(value)
        return [found.label, found.short or found.label] if found else [value]
    if isinstance(value, bool):
        return ["Done" if value else "Not done"]
    if isinstance(value, list):
        return [date_span(value)]
    if isinstance(value, dt.date):
        return [long_date(value), short_date(value)]
    if isinstance(value, float):
        return [percent(value)]
    return [str(value)]


def shown(form: str, text: str) -> bool:
    form = words(form)
    return bool(form) and re.search(rf"(?<![\w.]){re.escape(form)}(?![\w])", text) is not None


def internal(path: str) -> bool:
    return any(fnmatchcase(path, pattern) for pattern in INTERNAL)


def example_leaves(ws: Workspace) -> Iterator[Leaf]:
    for key, (_, cls) in FILES.items():
        part = ws.parts[key]
        yield from leaves(cls, part.model, key)
    for visit in ws.visits:
        yield from leaves(FollowUp, visit, "follow-up")


def reports(root: Path, ws: Workspace) -> str:
    """The Markdown of every report of the review, as words."""
    folders = templating.search_path(root, None)
    texts = [prepare(root, kind, None, folders).markdown for kind in ("review", "self-evaluation")]
    texts += [prepare(root, "follow-up", v.date, folders).markdown for v in ws.visits]
    return words("\n\n".join(texts))


def missing(root: Path) -> list[str]:
    ws = load_review(root)
    assert ws.framework is not None
    text = reports(root, ws)
    out = []
    for leaf in example_leaves(ws):
        if internal(leaf.path):
            continue
        if not any(shown(form, text) for form in forms(leaf, ws.framework)):
            out.append(f"{leaf.path} = {str(leaf.value)[:60]!r}")
    return out


@pytest.mark.parametrize("example", [RIVERSIDE, BROOKFIELD], ids=lambda p: p.name)
def test_every_filled_in_field_reaches_a_report(example: Path, tmp_path: Path) -> None:
    root = copy_workspace(example, tmp_path / example.name)
    gaps = missing(root)
    assert not gaps, "filled in, but in no report (and not in INTERNAL):\n" + "\n".join(gaps)


def test_the_walk_sees_every_file_and_kind_of_value(tmp_path: Path) -> None:
    """The walk itself: it reaches every file, and the kinds of leaf the rules are for."""
    ws = load_review(copy_workspace(RIVERSIDE, tmp_path / "riverside"))
    found = list(example_leaves(ws))
    paths = {leaf.path for leaf in found}
    # Riverside uses the national figures that come with sendreview; Brookfield its own
    other = load_review(copy_workspace(BROOKFIELD, tmp_path / "brookfield"))
    paths |= {leaf.path for leaf in example_leaves(other)}
    assert {p.split(".")[0] for p in paths} == {*FILES, "follow-up"}
    for path in (
        "context.national.source",
        "evidence.documents[].notes",
        "evidence.documents[].document",
        "evidence.log[].notes",
        "review.dates.visit",
        "follow-up.progress.<key>",
        "follow-up.progress.*.status",
        "self-evaluation.areas.<key>",
    ):
        assert path in paths, path
    for pattern in INTERNAL:  # no stale entries
        assert any(fnmatchcase(p, pattern) for p in paths), pattern


def test_a_field_missing_from_every_report_is_caught(tmp_path: Path) -> None:
    """The check finds a value that no report shows (here: a made-up one)."""
    root = copy_workspace(RIVERSIDE, tmp_path / "riverside")
    ws = load_review(root)
    assert ws.framework is not None
    text = reports(root, ws)
    leaf = Leaf("context.national.source", "A source no report prints", ())
    assert not any(shown(f, text) for f in forms(leaf, ws.framework))
    assert shown("DfE, Special educational needs", "see DfE, Special educational needs here")
    assert not shown("62", "1620 pupils")
