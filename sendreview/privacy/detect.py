"""Finding what identifies a child in one text.

Each kind is looked for by a cheap pattern first; the names list is read only when a
capitalised word stands near a word that marks a child (see names.py).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass

from sendreview.privacy import numbers

KINDS = ("upn", "uln", "dob", "name", "contact")


@dataclass(frozen=True, slots=True)
class Found:
    kind: str  # one of KINDS
    start: int  # where in the text
    text: str  # what was found, to show (a number, a date, a name)


_UPN = re.compile(r"\b[A-Z]\d{11}[0-9A-Z]\b", re.I)
_ULN = re.compile(r"(?<![\d-])[1-9]\d{9}(?![\d-])")

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DATE = (
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})"  # 03/07/2018, 3.7.18
    r"|\d{4}-\d{2}-\d{2}"  # 2018-07-03
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\.?,?\s+\d{{4}}"  # 3rd July 2018
    rf"|{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"  # July 3, 2018
)
# "born", "DOB", "date of birth", "birthday" a few words before the date, or "born" after
_DOB = re.compile(
    rf"\b(?:born|d\.?o\.?b\.?|date\s+of\s+birth|birth\s*date|birthday)\b\W{{0,3}}"
    rf"(?:\w+\W+){{0,3}}?(?P<date>{_DATE})"
    rf"|(?P<date2>{_DATE})\s*\(?\s*(?:\(|,)?\s*(?:date\s+of\s+birth|d\.?o\.?b\.?)\b",
    re.I,
)
# an age in years and months: "7 years 4 months", "7y 4m", "aged 7:4", "CA 7;04"
_AGE = re.compile(
    r"\b(?:\d{1,2}\s*(?:years?|yrs?|y)\s*(?:and\s+|,\s*)?\d{1,2}\s*(?:months?|mths?|m)\b"
    r"|(?:aged|age|CA)\s*\d{1,2}\s*[:;]\s*\d{1,2}\b)",
    re.I,
)

_EMAIL = re.compile(r"\b([A-Za-z0-9._%+'-]+)@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
# an office's address is not a person's
# fmt: off
_ROLE_MAILBOXES = frozenset([
    "office", "admin", "info", "enquiries", "enquiry", "senco", "sendco", "send",
    "inclusion", "head", "headteacher", "reception", "contact", "hello", "school",
    "finance", "hr", "safeguarding", "governors", "clerk", "noreply", "no-reply",
    "attendance", "admissions", "support",
])
# fmt: on
# UK mobiles (07…, +44 7…) are a person's; landlines only beside a word for a home or family
_MOBILE = re.compile(r"(?<![\d+])(?:\+44\s?\(?0?\)?\s?|0)7\d{3}[\s-]?\d{3}[\s-]?\d{3}(?!\d)")
_LANDLINE = re.compile(
    r"(?<![\d+])(?:\+44\s?\(?0?\)?\s?|0)[12]\d{1,4}[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d)"
)
_HOME = re.compile(r"\b(?:home|mum|mother|dad|father|parents?|carers?|grandparents?|gran)\b", re.I)

# Words that mark a child: a pupil, a year group, a family member or the teacher of
# "his", "her" or a name's ("Sofia's dad"), an age in years and months.
_CHILD = re.compile(
    r"\b(?:pupils?|child(?:ren)?|students?|learners?|boys?|girls?|son|daughter"
    r"|year\s+\d{1,2}|y\d{1,2}|reception|nursery|ks[1-5]|key\s+stage\s+\d"
    r"|EHC\s*plan|EHCP|aged\s+\d{1,2}|\d{1,2}[- ]year[- ]old)\b"
    r"|(?:\b(?:his|her|their)|['’]s)\s+(?:mum|mother|dad|father|parents?|carers?|gran\w*"
    r"|siblings?|brother|sister|(?:class\s+)?teacher|class|EHC\s*P?|plan|passport|TA"
    r"|key\s+worker)\b"
    rf"|{_AGE.pattern}",
    re.I,
)
# A name that is part of a place's: "St Mary's", "Victoria Park", "the Willow Room".
_SAINT = re.compile(r"\b(?:St|Saint)\.?\s+$")
_PLACE = re.compile(
    r"\s+(?:Room|Park|Street|Road|Lane|Avenue|Drive|Way|Close|Court|Gardens|Square|Hill"
    r"|House|Hall|Centre|Center|Surgery|Clinic|Hospital|School|Primary|Academy|College"
    r"|Nursery|Infants?|Juniors?|Class|Unit|Base|Trust|Church|Library|Ward|Bank)\b"
)
# A capitalised word, and the anonymising convention "Pupil A", "Child B" that is fine.
_WORD = re.compile(r"\b[A-Z][a-z]+(?:['’]s)?\b")
_ADULT_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Lady|Lord)\.?\s+$")
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")


def find(text: str, adults: Collection[str] = ()) -> list[Found]:
    """What in ``text`` identifies a child. ``adults``: given names that are not children's
    (the review's people, its allow-list), compared case-blind."""
    found = [*_numbers(text), *_dates_of_birth(text, adults), *_contacts(text)]
    if _CHILD.search(text):  # else no name can be a child's, and the list is not read
        found += _names(text, adults)
    return sorted(found, key=lambda f: (f.start, f.kind))


def _numbers(text: str) -> Iterator[Found]:
    if any(c.isdigit() for c in text):
        for m in _UPN.finditer(text):
            if numbers.is_upn(m.group()):
                yield Found("upn", m.start(), m.group())
        for m in _ULN.finditer(text):
            if numbers.is_uln(m.group()):
                yield Found("uln", m.start(), m.group())


def _dates_of_birth(text: str, adults: Collection[str]) -> Iterator[Found]:
    if not any(c.isdigit() for c in text):
        return
    for m in _DOB.finditer(text):
        key = "date" if m.group("date") else "date2"
        yield Found("dob", m.start(key), m.group(key))
    for m in _AGE.finditer(text):
        sentence = _sentence_around(text, m.start())
        if any(True for _ in _names_in(sentence[1], sentence[0], adults, near_child=False)):
            yield Found("dob", m.start(), m.group())


def _contacts(text: str) -> Iterator[Found]:
    if "@" in text:
        for m in _EMAIL.finditer(text):
            if m.group(1).lower() not in _ROLE_MAILBOXES:
                yield Found("contact", m.start(), m.group())
    if any(c.isdigit() for c in text):
        for m in _MOBILE.finditer(text):
            yield Found("contact", m.start(), m.group())
        for m in _LANDLINE.finditer(text):
            if _HOME.search(_sentence_around(text, m.start())[1]):
                yield Found("contact", m.start(), m.group())


def _sentence_around(text: str, pos: int) -> tuple[int, str]:
    for m in _SENTENCE.finditer(text):
        if m.start() <= pos < m.end():
            return m.start(), m.group()
    return 0, text


def _names(text: str, adults: Collection[str]) -> Iterator[Found]:
    for m in _SENTENCE.finditer(text):
        yield from _names_in(m.group(), m.start(), adults, near_child=True)


def _names_in(
    sentence: str, offset: int, adults: Collection[str], near_child: bool
) -> Iterator[Found]:
    if near_child and not _CHILD.search(sentence):
        return
    candidates = [m for m in _WORD.finditer(sentence) if not _convention(sentence, m)]
    if not candidates:
        return
    from sendreview.privacy.names import given_names

    names = given_names()
    known = {a.casefold() for a in adults}
    for m in candidates:
        word = re.sub(r"['’]s$", "", m.group())
        if word not in names or word.casefold() in known:
            continue
        if _ADULT_TITLE.search(sentence, 0, m.start()):
            continue  # "Mrs Ruby Patel": a member of staff, not a child
        if _SAINT.search(sentence, 0, m.start()) or _PLACE.match(sentence, m.end()):
            continue
        yield Found("name", offset + m.start(), word)


def _convention(sentence: str, m: re.Match[str]) -> bool:
    """'Pupil A', 'Child B', 'Learner C': the way reviews name children without names."""
    return m.group().lower() in {"pupil", "child", "student", "learner", "case"} and bool(
        re.match(r"\s+[A-Z]\b", sentence[m.end() :])
    )
