"""The one door for YAML: every read and write of a review's YAML goes through here.

Reading uses libyaml (PyYAML's C parser) to build a node tree with line and column
marks, then turns the nodes into plain Python values ourselves. That is fast
enough to validate thousands of files a second (pydantic validates plain dicts
quickly) and keeps the node tree, so that a diagnostic for ``areas.leadership.
strengths[2]`` can be placed at its exact line and column when, and only when,
one is needed.

The reader is deliberately strict and safe: YAML 1.2 core scalars (``yes`` stays
text, dates stay text for pydantic to check), no tags beyond the plain types (so
``!!python/object`` is refused, never constructed), duplicate keys reported,
alias expansion bounded (billion laughs), file size and depth bounded (nesting is
bounded before the node tree is built, which never recurses), and only plain files are
read (no pipes, devices, or links leading out of the review folder).

Writing: scalars are rendered by PyYAML's emitter (so they read back as the same value),
edits of a user's file change only the characters of the value being set (so every
other line stays byte for byte; ``rename_words`` renames ids the same way, in every
scalar that holds one), and every write is atomic.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from yaml.nodes import MappingNode, Node, ScalarNode

from sendreview.atomic import write_atomic as write_atomic  # YAML files are written through here
from sendreview.diagnostics import Diagnostic, make
from sendreview.yamlio.composing import NULL, child
from sendreview.yamlio.reading import MAX_BYTES as MAX_BYTES
from sendreview.yamlio.reading import Problem, parse, read_text
from sendreview.yamlio.writing import block as block
from sendreview.yamlio.writing import scalar as scalar
from sendreview.yamlio.writing import set_top_level as set_top_level

if TYPE_CHECKING:
    from sendreview.yamlio.renaming import Renamed as Renamed
    from sendreview.yamlio.renaming import Target as Target
    from sendreview.yamlio.renaming import rename_words as rename_words

_RENAMING = {"Renamed", "Target", "rename_words"}  # only renumber renames: imported then


def __getattr__(name: str) -> Any:
    if name in _RENAMING:
        from sendreview.yamlio import renaming

        return getattr(renaming, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


@dataclass
class YamlFile:
    """A parsed YAML file: its plain data, its node tree for positions, and its problems."""

    path: Path
    display: str
    data: Any = None
    node: Node | None = None
    problems: list[Diagnostic] = field(default_factory=list)
    source: str = ""  # the text it was parsed from

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems) and self.node is not None

    def _find(self, loc: Sequence[str | int]) -> tuple[Node | None, Node | None, bool]:
        """(the node at ``loc`` or the nearest above it, its mapping key, whether found)."""
        node, key_node = self.node, None
        for step in loc:
            found, key = child(node, step)
            if found is None:
                return node, key_node, False
            node, key_node = found, key
        return node, key_node, True

    def position(self, loc: Sequence[str | int], *, key: bool = False) -> tuple[int, int] | None:
        """Line and column (1-based) of the value at ``loc``, or of the nearest thing above it.

        With ``key=True`` the position of the mapping key itself (for unknown keys).
        """
        node, key_node, found = self._find(loc)
        if node is None:
            return None
        if found:  # reached the value itself: an empty one is best shown at its key
            empty = isinstance(node, ScalarNode) and node.tag == NULL and not node.value
            if key_node is not None and (key or empty or isinstance(node, MappingNode)):
                node = key_node
        return node.start_mark.line + 1, node.start_mark.column + 1

    def text_position(self, loc: Sequence[str | int], line: int) -> tuple[int, int] | None:
        """Where line ``line`` (from 1) of the text at ``loc`` is, for a text written as a
        literal block (``|``), whose lines are the file's lines; else where the text is."""
        node, _, found = self._find(loc)
        if not (found and isinstance(node, ScalarNode) and node.style == "|"):
            return self.position(loc)
        index = node.start_mark.line + line  # the "|" stands on the line before the text
        # the line breaks libyaml counts, no others; the file only as far as that line
        lines = _LINE_BREAK.split(self.source, maxsplit=index + 1)
        if index >= len(lines):
            return self.position(loc)
        text = lines[index]
        return index + 1, len(text) - len(text.lstrip()) + 1

    def diagnostic(
        self,
        loc: Sequence[str | int],
        code: str,
        message: str,
        hint: str | None = None,
        *,
        key: bool = False,
    ) -> Diagnostic:
        pos = self.position(loc, key=key)
        line, col = pos if pos else (None, None)
        return make(code, self.display, message, line, col, hint)


def read(path: Path, display: str | None = None, *, root: Path | None = None) -> YamlFile:
    """Read and parse one YAML file; problems are collected, never raised.

    ``root`` is the review folder the file belongs to: a file there that is a link
    leading outside it is refused (see ``read_text``).
    """
    doc = YamlFile(path, display or str(path))
    try:
        doc.source = read_text(path, doc.display, root)
        doc.data, doc.node = parse(doc.source, doc.display, doc.problems)
    except Problem as p:
        doc.problems.append(p.diagnostic)
    return doc


def parse_text(text: str, display: str = "<text>") -> YamlFile:
    """Parse YAML held in memory (tests, scaffolds) exactly as a file would be."""
    doc = YamlFile(Path(display), display)
    try:
        doc.source = text.removeprefix("\ufeff")
        doc.data, doc.node = parse(doc.source, display, doc.problems)
    except Problem as p:
        doc.problems.append(p.diagnostic)
    return doc
