"""``sendreview renumber``: recommendations R1, R2… and evidence E1, E2… numbered in order.

The order is the review's own. Recommendations: as recommendations.yaml lists them (the
areas in the framework's order, then their order within each area), then those added
at follow-up visits, visit by visit in date order. Evidence: the log of evidence.yaml,
then the logs of the follow-up visits in date order. Ids are found by the ``Ref``
markers the models carry (``iter_marked``), so every field that defines or cites an id
is covered without being named here, mapping keys too (a visit's ``progress``).

Every reference is rewritten: ids in fields, and ids written as whole words in Markdown
text ("The most important are R4 and R8"), which a reader follows just the same. Each
id is changed in its own characters and nothing else is (``yamlio.rename_words``):
comments, quoting and layout stay byte for byte. Comments that mention ids are left as
they are: they are notes to the reviewer, not part of the review.

Safety. The review must have no errors first. Every file's new text is made, and must
read back as the old data with just the ids changed, before anything is written. Then
a journal (``.sendreview/renumber-unfinished.json``: each file's digest before and whole
text after) is written, then each file atomically, and the journal is removed last. A
run stopped at any moment is finished by running the command again: each file is
either still as it was (and is written now) or already renumbered; a file changed by
hand in between is never overwritten.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sendreview import safefile, yamlio
from sendreview.api import load_review, require_review
from sendreview.atomic import locked, sweep
from sendreview.errors import InvalidReview, SendreviewError
from sendreview.models.common import Prose, Ref
from sendreview.models.walk import Loc
from sendreview.paths import display_root
from sendreview.workspace import Part, Workspace

KINDS = {"recommendations": "recommendation", "evidence": "evidence"}
WHAT = ("both", *KINDS)  # what --what may name
PREFIXES = {"recommendation": "R", "evidence": "E"}
ID_WORD = re.compile(r"(?<!\w)[RE][1-9][0-9]*(?!\w)")
JOURNAL = Path(".sendreview") / "renumber-unfinished.json"
_LINE = re.compile(r"[^\r\n\x85\u2028\u2029]*")
_EXCERPT = 20  # characters of text shown after an id found in Markdown


@dataclass(frozen=True)
class Move:
    """One id that changes, and where it is defined."""

    kind: str  # "recommendation" or "evidence"
    old: str
    new: str
    where: str  # file:line, within the review


@dataclass(frozen=True)
class InText:
    """An id written in Markdown text, renamed like the fields that cite it."""

    where: str
    old: str
    new: str
    excerpt: str


@dataclass(frozen=True)
class FileChange:
    path: str  # within the review, with '/'
    before: str  # sha256 of the file as it was
    after: str  # the whole new text
    ids: int  # ids changed in fields
    words: int  # ids changed in Markdown text


@dataclass
class Renumbering:
    """What ``renumber`` did, or with ``dry_run`` would do."""

    review: str
    moves: list[Move] = field(default_factory=list)
    files: list[FileChange] = field(default_factory=list)
    in_text: list[InText] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)  # ids of each kind renumbered
    dry_run: bool = False
    resumed: bool = False  # finished a run that had been stopped

    @property
    def nothing_to_do(self) -> bool:
        return not self.files and not self.resumed


def renumber(folder: str | Path, what: str = "both", *, dry_run: bool = False) -> Renumbering:
    """Renumber the ids of ``what`` ("recommendations", "evidence" or "both") in order."""
    root = require_review(folder)
    kinds = list(KINDS.values()) if what == "both" else [KINDS[what]]
    with locked(root):
        if os.path.lexists(root / JOURNAL):
            return _finish(root, dry_run=dry_run)
        ws = load_review(root, allow_errors=True)
        errors = [d for d in ws.diagnostics if d.is_error]
        if errors:  # an id cited but not defined, or defined twice, has no new number
            raise InvalidReview(
                errors, "the review has errors; fix them, then run 'sendreview renumber' again"
            )
        done = plan(ws, kinds)
        done.dry_run = dry_run
        if not dry_run and done.files:
            _write(root, done)
        return done


def plan(ws: Workspace, kinds: list[str]) -> Renumbering:
    """Every file's new text; raises ``SendreviewError`` if one would not read back right."""
    parts = [*ws.parts.values(), *(part for part, _ in ws.visit_files)]
    result = Renumbering(ws.display)
    mapping: dict[str, str] = {}
    for kind in kinds:
        moves = _moves(ws, parts, kind)
        result.counts[kind] = len(moves)
        result.moves += [m for m in moves if m.old != m.new]
        mapping.update((m.old, m.new) for m in moves if m.old != m.new)
    if not result.moves:
        return result
    for part in parts:
        _rewrite(ws, part, mapping, result)
    return result


def _moves(ws: Workspace, parts: list[Part[Any]], kind: str) -> list[Move]:
    areas = [a.id for a in ws.framework.areas] if ws.framework else []
    found: list[tuple[tuple[int, int, int], str, Part[Any], Loc]] = []
    for rank, part in enumerate(parts):
        for order, (loc, mark, value, _) in enumerate(part.marked):
            if isinstance(mark, Ref) and mark.defines and mark.kind == kind:
                area = loc[1] if len(loc) > 1 and loc[0] == "areas" else None
                place = areas.index(area) if area in areas else len(areas)
                found.append(((rank, place, order), value, part, loc))
    found.sort(key=lambda f: f[0])
    return [
        Move(kind, value, f"{PREFIXES[kind]}{n}", _where(ws, part, loc))
        for n, (_, value, part, loc) in enumerate(found, 1)
    ]


def _relative(ws: Workspace, part: Part[Any]) -> str:
    return part.doc.path.relative_to(ws.root).as_posix()


def _where(ws: Workspace, part: Part[Any], loc: Loc) -> str:
    position = part.doc.position(loc)
    return f"{_relative(ws, part)}:{position[0]}" if position else _relative(ws, part)


def _rewrite(ws: Workspace, part: Part[Any], mapping: dict[str, str], out: Renumbering) -> None:
    ids: list[yamlio.Target] = []
    texts: list[yamlio.Target] = []
    for loc, mark, value, on_key in part.marked:
        if isinstance(mark, Ref) and mark.kind in KINDS.values() and value in mapping:
            ids.append(yamlio.Target(loc, on_key))
        elif isinstance(mark, Prose) and any(w in mapping for w in ID_WORD.findall(value)):
            texts.append(yamlio.Target(loc))
    if not ids and not texts:
        return
    name = _relative(ws, part)
    raw = part.doc.path.read_bytes()
    bom = "\ufeff" if raw.startswith(b"\xef\xbb\xbf") else ""
    if raw.decode("utf-8-sig", errors="replace") != part.doc.source:
        raise SendreviewError(
            f"{name} changed while it was being renumbered", "run the command again"
        )
    try:
        text, renamed = yamlio.rename_words(
            part.doc.source, [*ids, *texts], ID_WORD, lambda word: mapping.get(word, word)
        )
    except ValueError as e:
        raise SendreviewError(
            f"{name} cannot be renumbered safely ({e}); nothing was changed",
            "write the ids in this file plainly (R4, not an escape or an alias), "
            "or change them by hand",
        ) from e
    if not renamed:
        return
    in_prose = set(texts)
    in_text = [r for r in renamed if r.target in in_prose]
    for r in in_text:
        rest = _LINE.match(part.doc.source, r.index)
        assert rest is not None  # it matches every line, an empty one too
        out.in_text.append(InText(f"{name}:{r.line}", r.old, r.new, _excerpt(rest[0])))
    digest = hashlib.sha256(raw).hexdigest()
    out.files.append(
        FileChange(name, digest, bom + text, len(renamed) - len(in_text), len(in_text))
    )


def _excerpt(rest: str) -> str:
    if len(rest) <= _EXCERPT:
        return rest
    cut = rest[:_EXCERPT]
    space = cut.rfind(" ")
    return (cut[:space] if space > 2 else cut) + "…"


# --- writing, and finishing a run that was stopped -------------------------------------

# the files a journal may name: the review's own (review.yaml…, follow-ups/<name>.yaml)
_REVIEW_FILE = re.compile(
    r"^(?:review|context|self-evaluation|evidence|recommendations)\.yaml$"
    r"|^follow-ups/[^/\\]+\.yaml$"
)
_JOURNAL_BYTES = 64 * 2_000_000  # every file of a large review, twice over


def _write(root: Path, done: Renumbering) -> None:
    journal = {
        "moves": [[m.kind, m.old, m.new] for m in done.moves],
        "files": [{"path": f.path, "before": f.before, "after": f.after} for f in done.files],
    }
    yamlio.write_atomic(root / JOURNAL, json.dumps(journal, ensure_ascii=False), overwrite=False)
    for change in done.files:
        yamlio.write_atomic(root / change.path, change.after, overwrite=True)
    (root / JOURNAL).unlink()


def _finish(root: Path, *, dry_run: bool) -> Renumbering:
    """Finish the renumbering a stopped run began, from its journal."""
    shown = os.path.normpath(root / JOURNAL)
    damaged = SendreviewError(
        f"{shown} is damaged, so the renumbering it records cannot be finished",
        f"restore the review from a backup (or git), delete {shown}, and run this again",
    )
    try:
        raw = safefile.read_bytes(root / JOURNAL, _JOURNAL_BYTES, root)
        journal = json.loads(raw.decode("utf-8"))
        moves = [Move(kind, old, new, "") for kind, old, new in journal["moves"]]
        files = [(f["path"], f["before"], f["after"]) for f in journal["files"]]
    except (ValueError, KeyError, TypeError, safefile.Refused) as e:
        raise damaged from e
    # A journal came with the review, so it may come from anyone: it may name only the
    # review's own YAML files, never a path leading elsewhere.
    for path, _, _ in files:
        inside = isinstance(path, str) and _REVIEW_FILE.match(path)
        if not inside or not safefile.really((root / path).parent, root)[1]:
            raise damaged
    done = Renumbering(display_root(root), moves=moves, dry_run=dry_run, resumed=True)
    for path, before, after in files:
        try:
            exists = os.path.lexists(root / path)
            now = safefile.read_bytes(root / path, yamlio.MAX_BYTES, root) if exists else b""
        except safefile.Refused as e:
            raise damaged from e
        if hashlib.sha256(now).hexdigest() == before:
            done.files.append(FileChange(path, before, after, 0, 0))
        elif now != after.encode("utf-8"):
            raise SendreviewError(
                f"a renumbering of this review was stopped part-way, and {path} has been "
                "changed since, so it cannot be finished",
                f"restore {path} from a backup (or git) and run this again; or, to give the "
                f"renumbering up, delete {shown} and check the ids by hand "
                "('sendreview validate')",
            )
    if not dry_run:
        for change in done.files:
            yamlio.write_atomic(root / change.path, change.after, overwrite=True)
        for folder in {(root / path).parent for path, _, _ in files} | {(root / JOURNAL).parent}:
            sweep(folder)  # what the stopped run was writing when it stopped
        (root / JOURNAL).unlink()
    return done
