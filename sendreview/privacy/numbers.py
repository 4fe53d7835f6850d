"""The check characters of the DfE's pupil and learner numbers.

Unique Pupil Number (DfE, "Unique pupil numbers (UPNs)"; the government data standard
"Unique Pupil Number" 2.0): a check letter, then 12 characters: a 3-digit local
authority number, a 4-digit establishment number, 2 digits of the year, and 3 digits (a
permanent UPN) or 2 digits and a letter (a temporary one). Each of the 12 is weighted by
its position (2 to 13); the sum modulo 23 picks the check letter from A-Z without I, O
and S. A temporary UPN's last letter counts as its place in that same alphabet.

Unique Learner Number (Learning Records Service, as published by HESA): 10 digits, the
first not 0; the digits weighted 10, 9, …, 1 sum to 10 modulo 11.
"""

from __future__ import annotations

UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"  # 23 letters: I, O and S are never used


def upn_check_letter(rest: str) -> str | None:
    """The check letter for the 12 characters after it, or None if they cannot be a UPN's."""
    if len(rest) != 12 or not rest[:11].isdigit():
        return None
    last = rest[11]
    if last.isdigit():
        value = int(last)
    elif last in UPN_LETTERS:
        value = UPN_LETTERS.index(last)
    else:
        return None
    total = sum(int(c) * weight for weight, c in enumerate(rest[:11], 2)) + value * 13
    return UPN_LETTERS[total % 23]


def is_upn(text: str) -> bool:
    """A permanent or temporary UPN whose check letter is right."""
    text = text.upper()
    return len(text) == 13 and upn_check_letter(text[1:]) == text[0]


def is_uln(text: str) -> bool:
    if len(text) != 10 or not text.isdigit() or text[0] == "0":
        return False
    return sum(int(c) * weight for c, weight in zip(text, range(10, 0, -1), strict=True)) % 11 == 10
