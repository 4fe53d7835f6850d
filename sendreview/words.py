"""How things are said in reports and on screen: dates, terms, people, percentages."""

from __future__ import annotations

import re
from datetime import date

from sendreview import frameworks
from sendreview.models.common import Choice, Person


def long_date(day: date | None) -> str:
    return f"{day.day} {day:%B %Y}" if day else ""


def short_date(day: date | None) -> str:
    return f"{day.day} {day:%b %Y}" if day else ""


def date_span(days: list[date]) -> str:
    """'14 October 2026', or '3 and 4 November 2026', or '30 October to 2 November 2026'."""
    if not days:
        return ""
    first, last = min(days), max(days)
    if first == last:
        return long_date(first)
    if (first.year, first.month) == (last.year, last.month):
        joiner = " and " if len(days) == 2 else " to "
        return f"{first.day}{joiner}{last.day} {last:%B %Y}"
    return f"{long_date(first)} to {long_date(last)}"


def term(vocabulary: str, choice: Choice | str | None, *, inline: bool = False) -> str:
    """The words for a vocabulary term: the guide's label, or the user's own."""
    if choice is None:
        return ""
    if isinstance(choice, Choice) and choice.other is not None:
        return choice.other
    term_id = choice if isinstance(choice, str) else choice.id or ""
    found = frameworks.vocabularies()[vocabulary].get(term_id)
    if found is None:
        return term_id
    return found.inline if inline else found.label


def number(value: int | None) -> str:
    """A count as a report writes it: 1,104 (a thousands separator), or nothing."""
    return "" if value is None else f"{value:,}"


# Straight quotes as typeset text writes them, as pandoc's "smart" reading does for the
# body of a report: so a school's name reads the same on the title page and in the text.
_APOSTROPHE = re.compile(r"(?<=\w)'|'(?=s\b)")
_OPENING_SINGLE = re.compile(r"'(?=\w)")
_OPENING_DOUBLE = re.compile(r'"(?=\w)')


def typographic(text: str) -> str:
    """'St Aidan's "new" wing' as 'St Aidan’s “new” wing'."""
    text = _APOSTROPHE.sub("\u2019", text)
    text = _OPENING_SINGLE.sub("\u2018", text).replace("'", "\u2019")
    return _OPENING_DOUBLE.sub("\u201c", text).replace('"', "\u201d")


def person(p: Person) -> str:
    return ", ".join(x for x in (p.name, p.role, p.organisation) if x)


def percent(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}%"
