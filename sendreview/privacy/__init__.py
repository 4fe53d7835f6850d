"""What identifies a child in free text: pupil and learner numbers, dates of birth, given
names near words that mark a child, and a person's e-mail address or phone number.

Reviews hold special-category data about children; a report sent to a school, a trust or
a local authority must not carry it. ``find`` looks in a text, ``scan`` in many;
validate and report decide what to do.
"""

from sendreview.privacy.detect import KINDS, Found, find, scan

# each kind's diagnostic code (report refuses to render while any is found)
CODES = {"upn": "SR801", "uln": "SR802", "dob": "SR803", "name": "SR804", "contact": "SR805"}

__all__ = ["CODES", "KINDS", "Found", "find", "scan"]
