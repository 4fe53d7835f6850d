"""What a diff finds: its values, the word-level diff of reworded text, and the matching
of entries between two versions (by id, or by the similarity of their words).

Everything here is plain data, printed by ``render`` (terminal, JSON) and templated
into a report (``diff.md.j2``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from difflib import SequenceMatcher
from typing import Any

from pydantic import BaseModel

from sendreview.words import long_date

SAME, DELETED, INSERTED = "same", "deleted", "inserted"
ADDED, REMOVED, REWORDED, CHANGED = "added", "removed", "reworded", "changed"

# Two statements with no id are taken for one reworded statement when at least this
# share of their words agree (difflib's ratio); below it, one was removed and one added.
SIMILAR = 0.6
# Fields longer than this are shown as a word-level diff, shorter ones as old → new.
LONG_TEXT = 60

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# words (with an apostrophe inside), runs of spaces, and each other character
_TOKENS = re.compile(r"\w+(?:['’]\w+)*|\s+|[^\w\s]")


@dataclass(frozen=True)
class Piece:
    """A run of words that is the same in both versions, deleted or inserted."""

    op: str
    text: str


@dataclass
class FieldChange:
    """One value that changed: a figure, a date, a status, or a text (with ``words``)."""

    name: str
    old: str | None
    new: str | None
    words: list[Piece] = field(default_factory=list)


@dataclass
class Entry:
    """A strength, area for development, recommendation or evidence that was added,
    removed, reworded (its text) or changed (its other fields)."""

    change: str
    noun: str
    text: str  # the new text; the old for one removed
    id: str | None = None
    where: str = ""  # an area, for entries of a section that spans areas
    words: list[Piece] = field(default_factory=list)
    fields: list[FieldChange] = field(default_factory=list)


@dataclass
class Section:
    key: str
    title: str
    entries: list[Entry] = field(default_factory=list)
    fields: list[FieldChange] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.entries or self.fields)


@dataclass
class Comparison:
    school: str
    old: str  # the versions: HEAD, commit 1a2b3c4; working tree; a folder
    new: str
    old_date: str  # a revision's date in words; "" for a folder
    new_date: str
    title: str  # "What changed since the draft of 14 October 2026"
    stamp: str  # the review's own date (ISO), so that a report does not depend on today
    visit: str  # the review visit's dates in words
    sections: list[Section] = field(default_factory=list)
    not_compared: list[str] = field(default_factory=list)  # files one side could not load
    partly: list[str] = field(default_factory=list)  # files compared less their wrong entries
    problems: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return any(self.sections)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def word_diff(old: str, new: str) -> list[Piece]:
    """``old`` → ``new`` word by word: same, deleted and inserted runs, in reading order.

    A space between two changed words joins them, so a rewritten phrase reads as one
    deletion and one insertion, not as a patchwork of single words."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    raw: list[Piece] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            raw.append(Piece(SAME, "".join(a[i1:i2])))
            continue
        if i2 > i1:
            raw.append(Piece(DELETED, "".join(a[i1:i2])))
        if j2 > j1:
            raw.append(Piece(INSERTED, "".join(b[j1:j2])))
    spread: list[Piece] = []
    for i, piece in enumerate(raw):
        between = 0 < i < len(raw) - 1 and raw[i - 1].op != SAME and raw[i + 1].op != SAME
        if piece.op == SAME and between and not piece.text.strip():
            spread += [Piece(DELETED, piece.text), Piece(INSERTED, piece.text)]
        else:
            spread.append(piece)
    return _grouped(spread)


def excerpt(pieces: list[Piece], keep: int = 12) -> list[Piece]:
    """``pieces`` with long unchanged runs cut to the ``keep`` words either side of a
    change, so that one word changed in a page of summary shows as a line, not a page."""
    out: list[Piece] = []
    for i, piece in enumerate(pieces):
        words = piece.text.split()
        first, last = i == 0, i == len(pieces) - 1
        limit = keep + 5 if first or last else 2 * keep + 5
        if piece.op != SAME or len(words) <= limit or (first and last):
            out.append(piece)
            continue
        lead = " " if piece.text[:1].isspace() else ""
        trail = " " if piece.text[-1:].isspace() else ""
        if first:
            text = "… " + " ".join(words[-keep:]) + trail
        elif last:
            text = lead + " ".join(words[:keep]) + " …"
        else:
            text = f"{lead}{' '.join(words[:keep])} … {' '.join(words[-keep:])}{trail}"
        out.append(Piece(SAME, text))
    return out


def _grouped(pieces: list[Piece]) -> list[Piece]:
    """Each run of changes as one deletion, then one insertion."""
    out: list[Piece] = []
    gone: list[str] = []
    come: list[str] = []

    def flush() -> None:
        if gone:
            out.append(Piece(DELETED, "".join(gone)))
        if come:
            out.append(Piece(INSERTED, "".join(come)))
        gone.clear()
        come.clear()

    for piece in pieces:
        if piece.op == SAME:
            flush()
            out.append(piece)
        else:
            (gone if piece.op == DELETED else come).append(piece.text)
    flush()
    return out


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def match_texts(
    old: list[str], new: list[str]
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Statements without ids paired across versions: (pairs (old, new) that are the same
    or reworded, old ones removed, new ones added). The same text pairs first, then the
    most similar pairs above ``SIMILAR``."""
    pairs: list[tuple[int, int]] = []
    left, right = list(range(len(old))), list(range(len(new)))
    for j in list(right):
        i = next((i for i in left if _key(old[i]) == _key(new[j])), None)
        if i is not None:
            pairs.append((i, j))
            left.remove(i)
            right.remove(j)
    scored = sorted(
        (
            (-SequenceMatcher(None, _key(old[i]), _key(new[j]), autojunk=False).ratio(), i, j)
            for i in left
            for j in right
        ),
    )
    for score, i, j in scored:
        if -score < SIMILAR:
            break
        if i in left and j in right:
            pairs.append((i, j))
            left.remove(i)
            right.remove(j)
    return sorted(pairs, key=lambda p: p[1]), left, right


def statements(noun: str, old: list[str], new: list[str], where: str = "") -> list[Entry]:
    """Added, removed and reworded statements (strengths, areas for development)."""
    pairs, removed, added = match_texts(old, new)
    out = [Entry(REMOVED, noun, old[i], where=where) for i in removed]
    for i, j in pairs:
        if old[i] != new[j]:
            out.append(Entry(REWORDED, noun, new[j], where=where, words=word_diff(old[i], new[j])))
    out += [Entry(ADDED, noun, new[j], where=where) for j in added]
    return out


def shown(value: Any) -> str | None:
    """A model's value in words: a list joined, a term as its id or the words given."""
    if value is None or value == [] or value == {}:
        return None
    if isinstance(value, dict):
        if set(value) <= {"id", "other"}:  # a term of one of the guide's lists
            return str(value.get("id") or value.get("other"))
        if set(value) <= {"name", "role", "organisation"}:  # a person
            return ", ".join(str(v) for v in value.values() if v)
        return "; ".join(f"{k}: {shown(v)}" for k, v in value.items() if shown(v) is not None)
    if isinstance(value, list):
        return ", ".join(s for s in (shown(v) for v in value) if s is not None)
    if isinstance(value, str) and _ISO_DAY.fullmatch(value):
        return long_date(dt.date.fromisoformat(value))
    return str(value)


def field_change(name: str, old: Any, new: Any) -> FieldChange | None:
    """The change of one value, None if it did not change; long texts get word diffs."""
    before, after = shown(old), shown(new)
    if before == after:
        return None
    long = before and after and max(len(before), len(after)) > LONG_TEXT
    return FieldChange(name, before, after, word_diff(before, after) if long else [])  # type: ignore[arg-type]


def flat(data: Any, prefix: str = "") -> dict[str, Any]:
    """A model dumped to JSON as one level of ``a.b.c`` keys; lists stay whole values."""
    if not isinstance(data, dict) or (data and set(data) <= {"id", "other"}):
        return {prefix: data}
    out: dict[str, Any] = {}
    for key, value in data.items():
        out.update(flat(value, f"{prefix}.{key}" if prefix else key))
    return out


@dataclass(frozen=True)
class IdList:
    """Entries with ids (``R3``, ``E12``) matched by id between versions.

    ``items`` gives each entry of a workspace with the area it belongs to, or None for
    entries listed in a section of their own (``key``, ``title``)."""

    key: str
    title: str
    noun: str
    items: Callable[[Any], Iterable[tuple[str | None, BaseModel]]]
    text: str = "text"  # the field that holds the entry's words
    file: str = ""  # the workspace's key for the file(s) holding them (default: ``key``)


def by_id(spec: IdList, old_ws: Any, new_ws: Any) -> list[tuple[str | None, Entry]]:
    """Every entry added, removed, reworded or changed, with the area it is now in."""
    old = {str(getattr(m, "id", "")): (a, m) for a, m in spec.items(old_ws)}
    new = {str(getattr(m, "id", "")): (a, m) for a, m in spec.items(new_ws)}
    out: list[tuple[str | None, Entry]] = []
    for key, (area, model) in old.items():
        if key not in new:
            out.append((area, Entry(REMOVED, spec.noun, _text(spec, model), key)))
    for key, (area, model) in new.items():
        if key not in old:
            out.append((area, Entry(ADDED, spec.noun, _text(spec, model), key)))
            continue
        was_area, was = old[key]
        before, after = was.model_dump(mode="json"), model.model_dump(mode="json")
        fields = [
            c
            for name in [*after, *(k for k in before if k not in after)]
            if name not in ("id", spec.text)
            and (c := field_change(name.replace("_", " "), before.get(name), after.get(name)))
        ]
        if was_area != area:
            fields.insert(0, FieldChange("area", was_area, area))
        old_text, new_text = _text(spec, was), _text(spec, model)
        if old_text != new_text:
            words = word_diff(old_text, new_text)
            out.append((area, Entry(REWORDED, spec.noun, new_text, key, "", words, fields)))
        elif fields:
            out.append((area, Entry(CHANGED, spec.noun, new_text, key, fields=fields)))
    return out


def _text(spec: IdList, model: BaseModel) -> str:
    return str(getattr(model, spec.text, None) or "")
