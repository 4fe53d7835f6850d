"""Building plain values (dicts, lists, text, numbers) from a YAML node tree: strict about
tags, bounded however aliases repeat values, each problem a diagnostic at its place.

Kept apart from ``reading`` only for size; nothing outside the package imports it.
"""

from __future__ import annotations

import sys
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from sendreview.diagnostics import Diagnostic, make
from sendreview.yamlio.composing import (
    BOOL,
    FLOAT,
    FORMS,
    INT,
    MAP,
    MAX_DEPTH,
    MAX_NODES,
    NULL,
    SEQ,
    STR,
)


class Problem(Exception):
    def __init__(self, diagnostic: Diagnostic) -> None:
        self.diagnostic = diagnostic


class _Int(int):
    """An integer that remembers how it was written, for fields that want text."""

    source: str

    def __str__(self) -> str:
        return self.source


class _Float(float):
    """A number that remembers how it was written ("1e3" stays "1e3" in a text field)."""

    source: str

    def __str__(self) -> str:
        return self.source


def _number(kind: type[_Int] | type[_Float], value: int | float, source: str) -> int | float:
    number = kind(value)
    number.source = source
    return number


class NestedTooDeep(Exception):
    """A list or mapping more than MAX_DEPTH levels down, in a tree the quick composer
    made (``Loader`` refuses such text itself, and says where)."""


def _height(node: Node) -> int:
    """Levels of lists and mappings below ``node``, itself one, counted up to MAX_DEPTH
    (without recursion; a value an alias repeats, or one that holds itself, once a level)."""
    height, level = 0, {id(node): node}
    while level and height < MAX_DEPTH:
        height += 1
        level = {
            id(child): child
            for parent in level.values()
            for child in (
                [x for pair in parent.value for x in pair]
                if isinstance(parent, MappingNode)
                else parent.value
            )
            if not isinstance(child, ScalarNode)
        }
    return height


class Builder:
    """Turns a node tree into plain values, refusing tags and bounding alias expansion.

    ``expanded`` counts keys and values as the built data holds them: once for each node
    written in the file, and the whole size of an anchored value again each time an
    alias repeats it. The composer already refused files with more than ``MAX_NODES``
    nodes, so going past the limit here is always the aliases' doing.
    """

    def __init__(self, display: str, problems: list[Diagnostic], quick: bool = False) -> None:
        self.display = display
        self.problems = problems
        self.quick = quick  # the tree is ``quick_node``'s: its depth is not yet bounded
        self.memo: dict[int, tuple[Any, int, int]] = {}  # value, size, levels below
        self.expanded = 0

    def _problem(self, node: Node, code: str, message: str, hint: str | None = None) -> None:
        self.problems.append(
            make(
                code,
                self.display,
                message,
                node.start_mark.line + 1,
                node.start_mark.column + 1,
                hint,
            )
        )

    def _too_many(self, node: Node) -> Problem:
        return Problem(
            make(
                "SR107",
                self.display,
                f"anchors and aliases here expand to more than {MAX_NODES:,} keys and values; "
                "refused",
                node.start_mark.line + 1,
                node.start_mark.column + 1,
                hint="write the values out instead of repeating them with '*'",
            )
        )

    def build(self, node: Node, depth: int) -> Any:
        return self._build(node, depth)[0]

    def _build(self, node: Node, depth: int) -> tuple[Any, int, int]:
        if type(node) is ScalarNode and node.tag == STR:  # most values: text, built as is
            self.expanded += 1  # repeated by an alias too, so bounded like the rest
            if self.expanded > MAX_NODES:
                raise self._too_many(node)
            return node.value, 1, 0
        seen = self.memo.get(id(node))
        if seen is not None:  # an alias: shared, but count its full size and depth
            self.expanded += seen[1]
            depth += seen[2]
            if self.expanded > MAX_NODES:
                raise self._too_many(node)
            if depth <= MAX_DEPTH:
                return seen
        if depth > MAX_DEPTH:  # only aliases get here: the composer bounds the rest
            raise Problem(
                make(
                    "SR110",
                    self.display,
                    "repeated by an alias ('*') inside other lists and mappings, the value that "
                    f"starts here ends up nested more than {MAX_DEPTH} levels deep",
                    node.start_mark.line + 1,
                    node.start_mark.column + 1,
                    hint="an alias repeats the whole value it names, with all its levels: "
                    "write the values out instead of repeating them with '*'",
                )
            )
        self.expanded += 1
        if self.quick and depth >= MAX_DEPTH and not isinstance(node, ScalarNode):
            raise NestedTooDeep  # where Loader stops with TooDeep
        result: tuple[Any, int, int]
        if isinstance(node, ScalarNode):
            result = (self._scalar(node), 1, 0)
        elif isinstance(node, SequenceNode) and node.tag == SEQ:
            items, size, height = [], 1, 0
            for child in node.value:
                v, s, h = self._build(child, depth + 1)
                items.append(v)
                size += s
                if h >= height:
                    height = h + 1
            result = (items, size, height)
        elif isinstance(node, MappingNode) and node.tag == MAP:
            result = self._mapping(node, depth)
        else:
            self._bad_tag(node)
            result = (None, 1, 0)
        self.memo[id(node)] = result
        return result

    def _mapping(self, node: MappingNode, depth: int) -> tuple[dict[Any, Any], int, int]:
        out: dict[Any, Any] = {}
        size, height = 1, 0
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                if self.quick and depth + 1 + _height(key_node) >= MAX_DEPTH:
                    raise NestedTooDeep  # not built, but Loader would have counted it
                self._problem(key_node, "SR202", "a key must be plain text, not a list or mapping")
                continue
            if key_node.tag == STR:
                key = key_node.value
            else:
                key = self._scalar(key_node)
                if isinstance(key, bool | float) or key is None:
                    key = key_node.value
                key = str(key)
            if key in out:
                self._problem(
                    key_node,
                    "SR105",
                    f"'{key}' is given twice in this mapping; only one can count",
                    "merge the two entries into one, or rename one of them",
                )
            self.expanded += 1
            if type(value_node) is ScalarNode and value_node.tag == STR:  # as _build does
                self.expanded += 1
                if self.expanded > MAX_NODES:
                    raise self._too_many(value_node)
                value, s, h = value_node.value, 1, 0
            else:
                value, s, h = self._build(value_node, depth + 1)
            out[key] = value
            size += s + 1
            if h >= height:
                height = h + 1
        return out, size, height

    def _scalar(self, node: ScalarNode) -> Any:
        tag, value = node.tag, node.value
        if tag == STR:
            return value
        form = FORMS.get(tag)
        if form is not None and not form.match(value):  # a tag written out: '!!float x'
            name = tag.replace("tag:yaml.org,2002:", "!!")
            self._problem(
                node,
                "SR106",
                f"'{value}' cannot be read as the YAML tag '{name}' says",
                "remove the tag; sendreview reads numbers, dates and true/false without one",
            )
            return value
        if tag == NULL:
            return None
        if tag == BOOL:
            return value.lower() == "true"
        if tag == INT:
            if len(value) > 1 and value[0] == "0" and value[1].isdigit():
                return value  # leading zeros: an identifier, not a number
            try:
                if len(value) > sys.get_int_max_str_digits():  # hex is not limited by Python
                    raise ValueError(value)
                number = int(value, 0) if value[:2] in ("0o", "0x") else int(value)
            except ValueError:  # longer than Python reads (sys.get_int_max_str_digits())
                digits = len(value.lstrip("+-"))
                self._problem(
                    node,
                    "SR112",
                    f"this number has {digits:,} digits; sendreview reads numbers of at most "
                    f"{sys.get_int_max_str_digits():,} digits",
                    "a real figure is far shorter: check for a pasted or repeated number; if it "
                    "is meant as text (a code or reference), put it in quotes",
                )
                return value
            return _number(_Int, number, value)
        if tag == FLOAT:
            lowered = value.lower()
            if lowered.endswith((".inf", ".nan")):
                return _number(_Float, float(lowered.replace(".", "")), value)
            return _number(_Float, float(value), value)
        self._bad_tag(node)
        return None

    def _bad_tag(self, node: Node) -> None:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        self._problem(
            node,
            "SR106",
            f"the YAML tag '{tag}' is not allowed in review files",
            "remove the tag; review files hold only text, numbers, dates, lists and mappings",
        )
