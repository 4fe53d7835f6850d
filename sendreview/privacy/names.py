"""Given names, from the name list gender-guesser ships (Jörg Michael's nam_dict.txt:
about 48,000 first names with how common each is in 54 countries).

Read once, and only when a text holds a capitalised word near words that mark a child,
so that a review without such text never pays for it. Only the file is read; the
package's own code is not used.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
from functools import cache
from pathlib import Path

from sendreview import safefile
from sendreview.atomic import write_atomic
from sendreview.errors import IncompleteInstallation
from sendreview.paths import user_cache

# The countries' columns of nam_dict.txt: Great Britain is column 30, the last (other
# countries) 84. China, Japan, Korea and Vietnam (79, 81-83) are left out: their entries
# are single syllables ("He", "In", "On"), English words in a review.
_FIRST = 30

# Words the list holds as someone's name somewhere but that reviews use as words: months,
# seasons, and words a review capitalises at the start of a sentence or in a title. Not a
# list of names: of words that are not names here.
# fmt: off
NOT_NAMES = frozenset([
    "April", "August", "June", "March", "May", "Spring", "Summer", "Autumn", "Winter",
    "Easter", "Christmas", "Art", "Brook", "Chance", "Early", "Forest", "Head", "Hope",
    "Joy", "Key", "King", "Lane", "Nest", "Red", "Royal", "Sky", "Star", "Will", "Mark",
    "Young", "Major", "Noble", "Rich", "Guy", "Ray", "Dean", "Earl", "Duke", "Prince",
    "Baron", "Bishop", "Frank", "Grant", "Cooper", "Turner", "Walker", "Stone", "Rain",
    "Storm", "River", "Reading", "Class", "Year", "Stage", "Pupil", "Child", "Student",
    "Mats", "Tell", "Non", "Page", "Case", "One", "Two", "Three", "Four", "Five", "Six",
    "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve", "Age", "Are", "Can", "Core",
    "Done", "Door", "Edit", "Else", "Even", "File", "Fine", "Floor", "Free", "Here", "Her",
    "His", "Job", "Judge", "Just", "Lies", "Line", "Made", "Marks", "Peer", "Per", "Price",
    "Said", "Skip", "Take", "Has", "Had", "Was", "Did", "Does", "Also", "Each", "Both",
    "Many", "Most", "More", "Less", "Only", "Some", "Then", "Than", "Once", "Over",
    "Under", "After", "Since", "Until", "While", "Still", "Very", "Much", "Well", "Good",
    "Best", "Next", "Last", "Late", "First", "Second", "Third", "New", "Old", "Open",
    "Close", "Plan", "Help", "Care", "Play", "Work", "Talk", "Read", "Write", "Note",
    "Time", "Day", "Week", "Term", "Lunch", "Break", "Home", "Happy", "Calm", "Kind",
    "Brave", "Bright", "Clear", "Strong", "Sure", "True", "Nice", "Dear", "Sweet", "Fair",
    "Gay",
])
# fmt: on


@cache
def given_names() -> frozenset[str]:
    """The list's given names, less ``NOT_NAMES``. Working them out of the 4 MB list takes
    a tenth of a second, so the result is kept in this user's cache folder, as plain
    words, under a key made of the list's size and time and of what is taken from it."""
    source = _source()
    kept = _kept(source)
    if kept is not None:
        with contextlib.suppress(safefile.Refused):
            return frozenset(safefile.read_bytes(kept, 2_000_000).decode("utf-8").split())
    names = _read(source.read_text(encoding="utf-8"))
    if kept is not None:
        with contextlib.suppress(OSError):
            write_atomic(kept, "\n".join(sorted(names)) + "\n", overwrite=True)
            for old in kept.parent.glob("given-names-*.txt"):  # from an earlier list
                if old != kept:
                    old.unlink(missing_ok=True)
    return names


def _source() -> Path:
    """gender-guesser's list, found without importing the package or
    ``importlib.resources`` (a few milliseconds of every start)."""
    spec = importlib.util.find_spec("gender_guesser")
    if spec is None or not spec.submodule_search_locations:
        raise IncompleteInstallation("gender-guesser package (its list of given names)")
    return Path(spec.submodule_search_locations[0]) / "data" / "nam_dict.txt"


def _kept(source: Path) -> Path | None:
    """Where the names worked out of ``source`` are kept; None when nowhere can be."""
    try:
        info = source.stat()
    except OSError:
        return None
    rule = f"{info.st_size} {info.st_mtime_ns} {_FIRST} {' '.join(sorted(NOT_NAMES))} 1"
    digest = hashlib.sha256(rule.encode()).hexdigest()[:16]
    return user_cache() / f"given-names-{digest}.txt"


def _read(text: str) -> frozenset[str]:
    out = set()
    for line in text.splitlines():
        if line.startswith("#") or len(line) <= _FIRST:
            continue
        name = line[3:29].strip()
        # '+' joins the parts of compound names; two letters are mostly not names here
        if "+" in name or " " in name or len(name) < 3:
            continue
        # some country's column holds a frequency (a blank or '$' is none); sliced, so
        # that the 48,000 lines are read in C rather than column by column
        if (line[30:79] + line[80:81] + line[84:85]).strip(" $"):
            out.add(name)
    return frozenset(out - NOT_NAMES)
