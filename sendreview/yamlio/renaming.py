"""Renaming words inside chosen scalars of a user's file, changing no other character.

``sendreview renumber`` uses it to rewrite ids (``R4`` → ``R2``) wherever they stand:
as a value, as a mapping key, or as a word inside Markdown text. Each scalar is edited
in its own characters, the way ``set_top_level`` edits one value, so quoting, folding,
comments and layout stay byte for byte; all the words are renamed in one pass, so a
permutation (``R2`` ↔ ``R3``) needs no temporary names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.nodes import Node, ScalarNode

from sendreview.diagnostics import Diagnostic
from sendreview.yamlio.composing import Loader, child
from sendreview.yamlio.reading import Problem, parse

Loc = tuple[str | int, ...]
_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")  # the breaks libyaml counts


@dataclass(frozen=True, slots=True)
class Target:
    """A scalar to rename words in: the value at ``loc``, or with ``key`` its mapping key.

    A ``loc`` that goes on past a scalar names that scalar (a short form: ``- some text``
    where ``{text: some text}`` could stand)."""

    loc: Loc
    key: bool = False


@dataclass(frozen=True, slots=True)
class Renamed:
    """One word renamed: where (1-based line, offset in ``text``), from what, to what."""

    target: Target
    line: int
    index: int
    old: str
    new: str


def rename_words(
    text: str,
    targets: Sequence[Target],
    pattern: re.Pattern[str],
    rename: Callable[[str], str],
) -> tuple[str, list[Renamed]]:
    """``text`` with every match of ``pattern`` in the ``targets`` replaced by ``rename(match)``.

    Nothing outside those scalars changes; inside a block scalar (``|``, ``>``) its header
    line, which may hold a comment, is left alone. Raises ``ValueError`` when the result
    would not read back as the same data with just those words renamed (a word written
    with an escape, ``"\\x52"``, say), or when a target is not in the file."""
    node = _compose(text)
    spans: dict[tuple[int, int], Target] = {}
    for target in targets:
        found = _find(node, target)
        if found is None:
            raise ValueError(f"nothing at {_shown(target)}")
        start, end = found.start_mark.index, found.end_mark.index
        if found.style in ("|", ">"):  # the text starts on the line after the header
            header = _LINE_BREAK.search(text, start, end)
            start = header.end() if header else end
        spans.setdefault((start, end), target)  # an alias names one node twice
    pieces: list[str] = []
    renamed: list[Renamed] = []
    at = 0
    for (start, end), target in sorted(spans.items()):
        if start < at:
            raise ValueError(f"{_shown(target)} overlaps another target")
        pieces.append(text[at:start])
        for match in pattern.finditer(text, start, end):
            new = rename(match[0])
            if new != match[0]:
                pieces.append(text[start : match.start()])
                pieces.append(new)
                line = len(_LINE_BREAK.findall(text, 0, match.start())) + 1
                renamed.append(Renamed(target, line, match.start(), match[0], new))
                start = match.end()
        pieces.append(text[start:end])
        at = end
    pieces.append(text[at:])
    result = "".join(pieces)
    if targets:  # also when nothing was found to rename: an id written "\x52\x34" is missed
        _check(text, result, targets, pattern, rename)
    return result, renamed


def _compose(text: str) -> Node:
    try:
        node = Loader(text).get_single_node()
    except yaml.YAMLError as e:
        raise ValueError("the file is not valid YAML") from e
    if node is None:
        raise ValueError("the file is empty")
    return node


def _shown(target: Target) -> str:
    where = ".".join(str(step) for step in target.loc)
    return f"the key {where}" if target.key else where


def _find(node: Node, target: Target) -> ScalarNode | None:
    key_node: Node | None = None
    for step in target.loc:
        if isinstance(node, ScalarNode):  # a short form: the scalar stands for the whole
            return None if target.key else node
        found, key_node = child(node, step)
        if found is None:
            return None
        node = found
    found = key_node if target.key else node
    return found if isinstance(found, ScalarNode) else None


def _check(
    old: str,
    new: str,
    targets: Sequence[Target],
    pattern: re.Pattern[str],
    rename: Callable[[str], str],
) -> None:
    """The new text must read as the old data with the words renamed, and nothing else."""
    problems: list[Diagnostic] = []
    try:
        expected, _ = parse(old, "old", [])
        got, _ = parse(new, "new", problems)
    except Problem as e:
        raise ValueError("the file would no longer read as YAML") from e
    if any(p.is_error for p in problems):
        raise ValueError("the file would no longer read as YAML")
    # where a targeted text is, or its short form may stand; where a targeted key's mapping is
    values = {t.loc[:n] for t in targets if not t.key for n in range(len(t.loc) + 1)}
    keys = {t.loc for t in targets if t.key}
    values |= {key[:n] for key in keys for n in range(len(key))}
    change = lambda text: pattern.sub(lambda m: rename(m[0]), text)  # noqa: E731
    if got != _renamed(expected, (), values, keys, change):
        raise ValueError("the file would not read back as the same data with the ids renamed")


def _renamed(
    data: Any, loc: Loc, values: set[Loc], keys: set[Loc], change: Callable[[str], str]
) -> Any:
    """``data`` (at ``loc``) with ``change`` applied to the texts and keys targeted, all at
    once, as the text was: keys swapped (``R2`` ↔ ``R3``) never collide on the way."""
    if loc not in values:
        return data
    if isinstance(data, str):  # the targeted text, or a short form standing for it
        return change(data)
    if isinstance(data, dict):
        return {
            (change(k) if (*loc, k) in keys else k): _renamed(v, (*loc, k), values, keys, change)
            for k, v in data.items()
        }
    if isinstance(data, list):
        return [_renamed(v, (*loc, i), values, keys, change) for i, v in enumerate(data)]
    return data
