"""Given names, from the name list gender-guesser ships (Jörg Michael's nam_dict.txt:
about 48,000 first names with how common each is in 54 countries).

Read once, and only when a text holds a capitalised word near words that mark a child,
so that a review without such text never pays for it. Only the file is read; the
package's own code is not used.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

# The countries' columns of nam_dict.txt: Great Britain is column 30, the last (other
# countries) 84. China, Japan, Korea and Vietnam (79, 81-83) are left out: their entries
# are single syllables ("He", "In", "On"), English words in a review.
_FIRST = 30
_COLUMNS = [*range(30, 79), 80, 84]

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
    text = (files("gender_guesser") / "data" / "nam_dict.txt").read_text(encoding="utf-8")
    out = set()
    for line in text.splitlines():
        if line.startswith("#") or len(line) <= _FIRST:
            continue
        name = line[3:29].strip()
        # '+' joins the parts of compound names; two letters are mostly not names here
        if "+" in name or " " in name or len(name) < 3:
            continue
        if any(line[c] not in " $" for c in _COLUMNS if c < len(line)):
            out.add(name)
    return frozenset(out - NOT_NAMES)
