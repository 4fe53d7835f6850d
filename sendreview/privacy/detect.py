"""Finding what identifies a child in a text, or in all the texts of a file at once.

Each kind is looked for by a cheap test over all the texts together first, and a text is
read closely only for the kinds found somewhere in them; the names list is read only
when a capitalised word stands near a word that marks a child (see names.py).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate

from sendreview.privacy import numbers

KINDS = ("upn", "uln", "dob", "name", "contact")


@dataclass(frozen=True, slots=True)
class Found:
    kind: str  # one of KINDS
    start: int  # where in the text
    text: str  # what was found, to show (a number, a date, a name)


# Patterns that most reviews never need (a number, a date of birth, an age, a contact,
# the words near a child's name: only where a cheap test found something like one) are
# kept as text and compiled when first used (``re`` keeps what it compiled), so that a
# start does not pay for them.
_UPN = r"(?i)\b[A-Z][0-9]{11}[0-9A-Z]\b"
_ULN = r"(?<![0-9-])[1-9][0-9]{9}(?![0-9-])"

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
_DOB = (
    rf"(?i)\b(?:born|d\.?o\.?b\.?|date\s+of\s+birth|birth\s*date|birthday)\b\W{{0,3}}"
    rf"(?:\w+\W+){{0,3}}?(?P<date>{_DATE})"
    rf"|(?P<date2>{_DATE})\s*\(?\s*(?:\(|,)?\s*(?:date\s+of\s+birth|d\.?o\.?b\.?)\b"
)
# how far from its word about birth _DOB's date may stand (three words and a long date)
_DOB_REACH = 120
# an age in years and months: "7 years 4 months", "7y 4m", "aged 7:4", "CA 7;04"
_AGE = (
    r"\b(?:\d{1,2}\s*(?:years?|yrs?|y)\s*(?:and\s+|,\s*)?\d{1,2}\s*(?:months?|mths?|m)\b"
    r"|(?:aged|age|CA)\s*\d{1,2}\s*[:;]\s*\d{1,2}\b)"
)

_EMAIL = r"\b([A-Za-z0-9._%+'-]+)@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b"
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
_MOBILE = r"(?<![\d+])(?:\+44\s?\(?0?\)?\s?|0)7\d{3}[\s-]?\d{3}[\s-]?\d{3}(?!\d)"
_LANDLINE = r"(?<![\d+])(?:\+44\s?\(?0?\)?\s?|0)[12]\d{1,4}[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d)"
_HOME = r"(?i)\b(?:home|mum|mother|dad|father|parents?|carers?|grandparents?|gran)\b"

# Words that mark a child: a pupil, a year group, a family member or the teacher of
# "his", "her" or a name's ("Sofia's dad"), an age in years and months.
_CHILD = (
    r"(?i)\b(?:pupils?|child(?:ren)?|students?|learners?|boys?|girls?|son|daughter"
    r"|year\s+\d{1,2}|y\d{1,2}|reception|nursery|ks[1-5]|key\s+stage\s+\d"
    r"|EHC\s*plan|EHCP|aged\s+\d{1,2}|\d{1,2}[- ]year[- ]old)\b"
    r"|(?:\b(?:his|her|their)|['’]s)\s+(?:mum|mother|dad|father|parents?|carers?|gran\w*"
    r"|siblings?|brother|sister|(?:class\s+)?teacher|class|EHC\s*P?|plan|passport|TA"
    r"|key\s+worker)\b"
    rf"|{_AGE}"
)
# A name that is part of a place's: "St Mary's", "Victoria Park", "the Willow Room".
_SAINT = re.compile(r"\b(?:St|Saint)\.?\s+$")
_PLACE = re.compile(
    r"\s+(?:Room|Park|Street|Road|Lane|Avenue|Drive|Way|Close|Court|Gardens|Square|Hill"
    r"|House|Hall|Centre|Center|Surgery|Clinic|Hospital|School|Primary|Academy|College"
    r"|Nursery|Infants?|Juniors?|Class|Unit|Base|Trust|Church|Library|Ward|Bank)\b"
)
# A capitalised word. Whether it starts a word is checked by hand: a leading \b keeps re
# from skipping ahead to the capitals, and is several times slower over a long text.
_CAPITALISED = re.compile(r"[A-Z][a-z]+(?:['’]s)?\b")
_ADULT_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Lady|Lord)\.?\s+$")
# Cheap tests tell which kinds the texts could hold (most hold none): a run of ten digits
# (a UPN holds 11, a ULN 10; found by mapping every digit to one byte, which is far
# quicker than a pattern); a word about birth; the start of a phone number; a given name
# anywhere (an age in years and months, or a name, matters only in a sentence with one).
# A word that could mark a child is a loose net, in the lower-cased text, that catches all
# _CHILD does.
_AGE_START = re.compile(r"\d\s*[ym]|(?:aged|age|ca)\s*\d", re.I)  # where any _AGE starts
_DIGITS = bytes.maketrans(b"0123456789", b"9999999999")
_BIRTH_WORDS = ("born", "birth", "dob", "d.o.b")
_PHONE_START = re.compile(r"0[0-9]{3}")
_CHILD_NET = re.compile(
    r"\b(?:pupil|child|student|learner|boy|girl|son|daughter|year|y\d|reception|nursery|ks\d"
    r"|key|ehc|aged|mum|mother|dad|father|parent|carer|gran|sibling|brother|sister|teacher"
    r"|class|plan|passport|ta\b)|['’]s\s"
)
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")


def find(text: str, adults: Collection[str] = ()) -> list[Found]:
    """What in ``text`` identifies a child. ``adults``: given names that are not children's
    (the review's people, its allow-list), compared case-blind."""
    return [found for _, found in scan([text], adults)]


def scan(texts: Sequence[str], adults: Collection[str] = ()) -> Iterator[tuple[int, Found]]:
    """What identifies a child in each of ``texts``: (the text's index, what was found),
    each text's finds in order. The cheap tests run once over all the texts together (a
    file's fields are many and short, and most hold nothing), and a text is looked at
    alone only for the kinds found somewhere in them all."""
    together = "\n\n".join(texts)
    lower = together.lower()
    starts = list(accumulate((len(t) + 2 for t in texts[:-1]), initial=0))

    def holding(places: Iterable[int]) -> set[int]:
        """The texts that hold these places of ``together``."""
        return {bisect_right(starts, at) - 1 for at in places}

    numbers_ = _ten_digits(together)
    contacts = _may_hold_contact(together)
    births = holding(at for word in _BIRTH_WORDS for at in _places(lower, word))
    if births and len(lower) != len(together):  # a letter lower-cased into two: places move
        births = set(range(len(texts)))
    # the names list is read only where a name could matter: near a word that marks a
    # child, or an age
    could = _CHILD_NET.search(lower) or re.search(_AGE, together, re.I)
    held = _given_names_in(together, adults) if could else frozenset()
    named = holding(at for name in held for at in _places(together, name))
    # every text, if a kind of number or contact is in some; else those with a word about
    # birth or a given name
    look = range(len(texts)) if numbers_ or contacts else sorted(births | named)
    for i in look:
        text, found = texts[i], list[Found]()
        if numbers_ and _ten_digits(text):
            found += _numbers(text)
        if i in births:
            found += _dates_of_birth(text)
        if contacts and _may_hold_contact(text):
            found += _contacts(text)
        if i in named:
            found += _ages(text, held)
            if _CHILD_NET.search(text.lower()):
                found += _names(text, held)
        if found:
            for one in sorted(found, key=lambda f: (f.start, f.kind)):
                yield i, one


def _ten_digits(text: str) -> bool:
    return b"9999999999" in text.encode().translate(_DIGITS)


def _may_hold_contact(text: str) -> bool:
    return "@" in text or "+44" in text or _PHONE_START.search(text) is not None


def _given_names_in(text: str, adults: Collection[str]) -> frozenset[str]:
    """The given names that ``text`` holds as capitalised words ("'s" taken off), less
    those of the review's adults (compared case-blind)."""
    from sendreview.privacy.names import given_names

    names, known = given_names(), {a.casefold() for a in adults}
    return frozenset(
        bare
        for word in set(_CAPITALISED.findall(text))
        if (bare := word[:-2] if word.endswith(("'s", "’s")) else word) in names
        and bare.casefold() not in known
    )


def _numbers(text: str) -> Iterator[Found]:
    for m in re.finditer(_UPN, text):
        if numbers.is_upn(m.group()):
            yield Found("upn", m.start(), m.group())
    for m in re.finditer(_ULN, text):
        if numbers.is_uln(m.group()):
            yield Found("uln", m.start(), m.group())


def _dates_of_birth(text: str) -> Iterator[Found]:
    """A date beside a word about birth, looked for only around such words: _DOB tried at
    every place of a long text is slow."""
    lower = text.lower()
    stretches: list[list[int]] = []  # around each word, overlapping ones joined
    for at in sorted(i for word in _BIRTH_WORDS for i in _places(lower, word)):
        if stretches and at - _DOB_REACH <= stretches[-1][1]:
            stretches[-1][1] = at + _DOB_REACH
        else:
            stretches.append([max(0, at - _DOB_REACH), at + _DOB_REACH])
    for begin, end in stretches:
        for m in re.compile(_DOB).finditer(text, begin, end):
            key = "date" if m.group("date") else "date2"
            yield Found("dob", m.start(key), m.group(key))


def _places(text: str, word: str) -> Iterator[int]:
    at = text.find(word)
    while at != -1:
        yield at
        at = text.find(word, at + 1)


def _ages(text: str, held: frozenset[str]) -> Iterator[Found]:
    """An age in years and months in the sentence of a child's name: as telling as a
    date of birth."""
    if not _AGE_START.search(text):  # _AGE itself is slow to try at every place
        return
    for m in re.finditer(_AGE, text, re.I):
        start, sentence = _sentence_around(text, m.start())
        if _names_in(sentence, start, held):
            yield Found("dob", m.start(), m.group())


def _contacts(text: str) -> Iterator[Found]:
    if "@" in text:
        for m in re.finditer(_EMAIL, text):
            if m.group(1).lower() not in _ROLE_MAILBOXES:
                yield Found("contact", m.start(), m.group())
    for m in re.finditer(_MOBILE, text):
        yield Found("contact", m.start(), m.group())
    for m in re.finditer(_LANDLINE, text):
        if re.search(_HOME, _sentence_around(text, m.start())[1]):
            yield Found("contact", m.start(), m.group())


def _sentence_around(text: str, pos: int) -> tuple[int, str]:
    for m in _SENTENCE.finditer(text):
        if m.start() <= pos < m.end():
            return m.start(), m.group()
    return 0, text


def _names(text: str, held: frozenset[str]) -> Iterator[Found]:
    """Given names in ``text`` whose sentence holds a word that marks a child. The names
    are found first; the costlier test of the sentence is made only for them."""
    checked: dict[int, bool] = {}  # a sentence's start: whether it marks a child
    for found in _names_in(text, 0, held):
        start, sentence = _sentence_around(text, found.start)
        if start not in checked:
            checked[start] = bool(re.search(_CHILD, sentence))
        if checked[start]:
            yield found


def _names_in(text: str, offset: int, held: frozenset[str]) -> list[Found]:
    """Where the given names ``held`` (those of the text, none an adult's) stand in
    ``text`` as words, in order, except as part of a place's name or after a title."""
    spots = []
    for name in held:
        for at in _places(text, name):
            if at and (text[at - 1].isalnum() or text[at - 1] == "_"):
                continue  # inside a word ("Donald" in "McDonald")
            m = _CAPITALISED.match(text, at)
            if m is None or m.end() - at not in (len(name), len(name) + 2):
                continue  # the start of a longer word ("Sofiana")
            if _convention(text, m) or _ADULT_TITLE.search(text, max(0, at - 8), at):
                continue  # "Mrs Ruby Patel": a member of staff, not a child
            if _SAINT.search(text, max(0, at - 8), at) or _PLACE.match(text, m.end()):
                continue  # "St Mary's", "the Willow Room"
            spots.append(Found("name", offset + at, name))
    return sorted(spots, key=lambda f: f.start)


def _convention(sentence: str, m: re.Match[str]) -> bool:
    """'Pupil A', 'Child B', 'Learner C': the way reviews name children without names."""
    return m.group().lower() in {"pupil", "child", "student", "learner", "case"} and bool(
        re.match(r"\s+[A-Z]\b", sentence[m.end() :])
    )
