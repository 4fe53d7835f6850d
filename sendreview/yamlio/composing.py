"""Composing YAML into a node tree: libyaml's events, YAML 1.2 core scalars, and bounds.

The tree is built from libyaml's event stream with an explicit stack, never by
recursion, so that no input can exhaust the stack however deeply it nests: depth and
size are bounded while composing (``TooDeep``, ``TooMany``). Each node keeps its line
and column for diagnostics.

``quick_node`` first tries libyaml's own composer, a fifth quicker, on text that cannot
nest deep enough to harm it; what it cannot do is left to ``Loader``.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

MAX_NODES = 200_000  # keys and values, counted again each time an alias repeats them
MAX_DEPTH = 100  # levels of lists and mappings; real review files use fewer than ten

# libyaml ships inside PyYAML's wheels for every platform Python runs reviews on.
from yaml.cyaml import CParser as _Parser  # type: ignore[attr-defined]  # noqa: E402

STR = "tag:yaml.org,2002:str"
NULL = "tag:yaml.org,2002:null"
BOOL = "tag:yaml.org,2002:bool"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
SEQ = "tag:yaml.org,2002:seq"
MAP = "tag:yaml.org,2002:map"


class CoreResolver(BaseResolver):
    """YAML 1.2 core schema: what editors (and YAML 1.2 libraries) also assume."""


_CORE = [
    (BOOL, r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    (INT, r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        FLOAT,
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
    (NULL, r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
]
# what each core tag's value must look like, also when a tag is written out ('!!float x')
FORMS = {tag: re.compile(pattern) for tag, pattern, _ in _CORE}
for _tag, _pattern, _first in _CORE:
    CoreResolver.add_implicit_resolver(_tag, FORMS[_tag], list(_first))


# plain scalar -> its tag: keys and common values repeat in every file, and the patterns
# of the core schema are the slow part of composing
_RESOLVED: dict[str, str] = {}


class TooDeep(yaml.MarkedYAMLError):
    """Lists and mappings nested more than ``MAX_DEPTH`` levels: composing stopped there."""


class TooMany(yaml.MarkedYAMLError):
    """More than ``MAX_NODES`` keys and values in the file itself (no aliases involved)."""


class Loader(_Parser, CoreResolver):
    """libyaml's parser, with a composer of our own that never recurses.

    PyYAML's composers (the Cython one too) recurse once per level of nesting, so a
    file of 50,000 '[' overflows the C stack and the process dies. libyaml's parser is
    a state machine with its stacks on the heap, so we take its events and build the
    node tree here with an explicit stack, refusing at ``MAX_DEPTH`` levels or
    ``MAX_NODES`` nodes *before* going further into the file.
    """

    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        CoreResolver.__init__(self)

    def get_single_node(self) -> Node | None:
        """The one document's node tree, or None for a stream with no document.

        Raises ``ComposerError`` (a second document, an undefined or duplicate anchor),
        ``TooDeep`` and ``TooMany``, and libyaml's own syntax errors.
        """
        get: Any = self.get_event  # events typed loosely: this loop is the hot path
        get()  # stream start
        event = get()
        if type(event) is StreamEndEvent:
            return None
        document_start = event.start_mark
        resolve: Any = self.resolve
        if len(_RESOLVED) > 20_000:
            _RESOLVED.clear()
        resolved = _RESOLVED
        anchors: dict[str, Node] = {}
        # the open lists and mappings, outermost first: the node, its items so far (a
        # mapping's as key, value, key, …) and its anchor; ``items``: the innermost's
        stack: list[tuple[Node, list[Node], str | None]] = []
        items: list[Node] | None = None
        nodes = 0
        node: Node
        while True:
            event = get()
            kind = type(event)
            if kind is ScalarEvent:
                nodes += 1
                if nodes > MAX_NODES:
                    raise TooMany(None, None, "too many values", event.start_mark)
                tag, value = event.tag, event.value
                if tag is None or tag == "!":
                    if event.implicit[0]:  # plain: resolved by the core schema's patterns
                        tag = resolved.get(value)
                        if tag is None:
                            tag = resolved[value] = resolve(ScalarNode, value, event.implicit)
                    else:  # quoted, or '!': text
                        tag = STR
                node = ScalarNode(tag, value, event.start_mark, event.end_mark, event.style)
                if event.anchor is not None:
                    _anchor(anchors, event.anchor, node)
            elif kind is SequenceEndEvent or kind is MappingEndEvent:
                node, done, anchor = stack.pop()
                node.end_mark = event.end_mark
                if kind is MappingEndEvent:
                    pairs = iter(done)
                    node.value = list(zip(pairs, pairs, strict=True))
                else:
                    node.value = done
                if anchor is not None:
                    _anchor(anchors, anchor, node)
                if not stack:
                    break
                items = stack[-1][1]
                continue
            elif kind is SequenceStartEvent or kind is MappingStartEvent:
                nodes += 1
                if nodes > MAX_NODES:
                    raise TooMany(None, None, "too many values", event.start_mark)
                if len(stack) >= MAX_DEPTH:  # so no value is more than MAX_DEPTH levels down
                    raise TooDeep(None, None, "nested too deeply", event.start_mark)
                if kind is SequenceStartEvent:
                    node = SequenceNode(event.tag, None, event.start_mark, None, event.flow_style)
                    if node.tag is None or node.tag == "!":
                        node.tag = SEQ
                else:
                    node = MappingNode(event.tag, None, event.start_mark, None, event.flow_style)
                    if node.tag is None or node.tag == "!":
                        node.tag = MAP
                if items is not None:
                    items.append(node)
                items = []
                stack.append((node, items, event.anchor))
                continue
            elif kind is AliasEvent:
                found = anchors.get(event.anchor)
                if found is None:
                    raise yaml.composer.ComposerError(
                        None, None, f"found undefined alias '*{event.anchor}'", event.start_mark
                    )
                node = found
            else:  # cannot happen inside one document: libyaml checks the structure
                raise yaml.composer.ComposerError(
                    None, None, f"unexpected {kind.__name__}", event.start_mark
                )
            if items is None:  # the document is this one scalar
                break
            items.append(node)
        event = get()
        if type(event) is not DocumentEndEvent:
            raise yaml.composer.ComposerError(
                None, None, f"unexpected {type(event).__name__}", event.start_mark
            )
        event = get()
        if type(event) is not StreamEndEvent:
            raise yaml.composer.ComposerError(
                "expected a single document in the stream",
                document_start,
                "but found another document",
                event.start_mark,
            )
        return node


_core_resolve: Any = CoreResolver.resolve  # PyYAML's, untyped


class _QuickLoader(_Parser, CoreResolver):
    """PyYAML's Cython composer over libyaml: it recurses once per level, in C, and counts
    nothing. Only for text ``quick_node`` has found shallow and small."""

    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        CoreResolver.__init__(self)

    def resolve(self, kind: type[Node], value: Any, implicit: Any) -> str:
        if kind is ScalarNode:  # as Loader resolves scalars, with the same shared table
            if not implicit[0]:
                return STR
            tag = _RESOLVED.get(value)
            if tag is None:
                tag = _RESOLVED[value] = _core_resolve(self, kind, value, implicit)
            return tag
        return str(_core_resolve(self, kind, value, implicit))


# Text ``quick_node`` may hand to libyaml's composer. No deeper than some 800 levels
# (twice the indentation and dashes that start a line, plus every bracket): it fails
# past 10,000. Fewer than MAX_NODES values (a value takes a character and a separator at
# least), so nothing need be counted.
QUICK_CHARS = 250_000
_QUICK_BRACKETS = 400
_DEEP_START = re.compile(r"\ufeff?[ \t?:-]{200}")  # the first line
_DEEP_LINE = re.compile(r"\n[ \t?:-]{200}")  # any other: quick to find from its "\n"


def _shallow(text: str) -> bool:
    """Whether ``text`` is sure to nest no more than some 800 levels (see above)."""
    if "\x85" in text or "\u2028" in text or "\u2029" in text:
        return False  # line breaks to YAML, which _DEEP_LINE does not know
    if text.count("\r") != text.count("\r\n"):
        return False  # a line break of "\r" alone, as old Macs wrote
    if text.count("[") + text.count("{") > _QUICK_BRACKETS:
        return False
    return not (_DEEP_START.match(text) or _DEEP_LINE.search(text))


def quick_node(text: str) -> tuple[bool, Node | None]:
    """(True, the document's node tree or None for none) from libyaml's own composer, or
    (False, None) where ``Loader`` must compose the text: too long or deep for the quick
    way, or with anything wrong (so every problem is described one way, by Loader).

    The tree may nest deeper than MAX_DEPTH: the builder checks that (``NestedTooDeep``)."""
    if len(text) > QUICK_CHARS or not _shallow(text):
        return False, None
    loader = _QuickLoader(text)
    try:
        return True, loader.get_single_node()
    except Exception:  # a syntax error, a second document, an alias: Loader says which
        return False, None
    finally:
        loader.dispose()


def _anchor(anchors: dict[str, Node], anchor: str, node: Node) -> None:
    if anchor in anchors:
        raise yaml.composer.ComposerError(
            None, None, f"found duplicate anchor '&{anchor}'", node.start_mark
        )
    anchors[anchor] = node


def child(node: Node | None, step: str | int) -> tuple[Node | None, ScalarNode | None]:
    """One step down the node tree: the value under key ``step`` of a mapping (with its
    key) or item ``step`` of a list; (None, None) where there is none."""
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if isinstance(key, ScalarNode) and key.value == str(step):
                return value, key
    elif isinstance(node, SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
        return node.value[step], None
    return None, None
