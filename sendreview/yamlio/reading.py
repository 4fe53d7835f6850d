"""Reading YAML: libyaml's parser, YAML 1.2 core scalars, and a strict builder of values.

Kept apart from the door (``sendreview.yamlio``) only for size; nothing outside the
package imports it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from sendreview.diagnostics import Diagnostic
from sendreview.diagnostics.codes import CODES

MAX_BYTES = 2_000_000
MAX_NODES = 200_000  # after alias expansion: far beyond any real review file
MAX_DEPTH = 100

# libyaml ships inside PyYAML's wheels for every platform Python runs reviews on.
from yaml.cyaml import CParser as _Parser  # type: ignore[attr-defined]  # noqa: E402

STR = "tag:yaml.org,2002:str"
NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"


class _CoreResolver(BaseResolver):
    """YAML 1.2 core schema: what editors and ruamel.yaml also assume."""


for _tag, _pattern, _first in [
    (_BOOL, r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    (_INT, r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        _FLOAT,
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
    (NULL, r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
]:
    _CoreResolver.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))


class Loader(_Parser, _CoreResolver):
    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        _CoreResolver.__init__(self)


def diag(
    path: str,
    code: str,
    message: str,
    line: int | None = None,
    col: int | None = None,
    hint: str | None = None,
) -> Diagnostic:
    return Diagnostic(path, line, col, CODES[code].severity, code, message, hint)


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


class Problem(Exception):
    def __init__(self, diagnostic: Diagnostic) -> None:
        self.diagnostic = diagnostic


def read_text(path: Path, display: str) -> str:
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise Problem(
                diag(
                    display,
                    "SR101",
                    "this is a folder, not a file",
                    hint="remove or rename the folder so a file can take its place",
                )
            )
        if size > MAX_BYTES:
            raise Problem(
                diag(
                    display,
                    "SR110",
                    f"file is {size:,} bytes; review files are far smaller",
                    hint="check this is the right file; split very long text into attachments",
                )
            )
        raw = path.read_bytes()
    except OSError as e:
        raise Problem(
            diag(
                display,
                "SR101",
                f"cannot be read: {e.strerror or e}",
                hint="check the file exists and that you may read it",
            )
        ) from e
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        before = raw[: e.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        raise Problem(
            diag(
                display,
                "SR102",
                f"this file is not UTF-8 text (byte 0x{raw[e.start]:02X} cannot be read)",
                line,
                col,
                hint="save the file as UTF-8 in your editor ('Save with encoding')",
            )
        ) from e


_FRIENDLY = {
    "mapping values are not allowed": "a ':' here starts a key where none is expected",
    "could not find expected ':'": "this line is missing the ':' between key and value",
    "did not find expected key": "this line is not indented like the lines around it",
    "did not find expected '-' indicator": "this line is not indented like the list around it",
    "found unexpected end of stream": "the file ends inside a quoted text; a quote is not closed",
    "found undefined alias": "this '*' refers to an anchor ('&') that does not exist",
    "found character that cannot start any token": "a character here cannot start a value",
    "did not find expected ',' or ']'": "a list opened with '[' is not closed with ']'",
    "did not find expected ',' or '}'": "a mapping opened with '{' is not closed with '}'",
}


def parse(text: str, display: str, problems: list[Diagnostic]) -> tuple[Any, Node | None]:
    loader = Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.composer.ComposerError as e:
        mark = e.problem_mark
        if e.context and "expected a single document" in e.context and mark:
            raise Problem(
                diag(
                    display,
                    "SR111",
                    "a second YAML document starts here ('---')",
                    mark.line + 1,
                    mark.column + 1,
                    hint="keep one document per file; remove the '---' line",
                )
            ) from e
        raise _syntax_problem(e, text, display) from e
    except yaml.MarkedYAMLError as e:
        raise _syntax_problem(e, text, display) from e
    except yaml.reader.ReaderError as e:  # a control character: no mark, but a position
        before = text[: e.position]
        line, col = before.count("\n") + 1, len(before) - before.rfind("\n")
        raise Problem(
            diag(
                display,
                "SR103",
                f"a control character (#x{e.character:04x}) cannot be in a YAML file",
                line,
                col,
                hint="delete it: line breaks or page breaks pasted from Word often bring one along",
            )
        ) from e
    finally:
        loader.dispose()
    if node is None or (isinstance(node, ScalarNode) and node.tag == NULL and not node.value):
        raise Problem(
            diag(
                display,
                "SR108",
                "this file is empty",
                1,
                1,
                hint="delete the empty file, then run 'sendreview init' on the review's folder "
                "with --force to write its outline again; or write its fields by hand",
            )
        )
    builder = _Builder(display, problems)
    try:
        data = builder.build(node, 0)
    except RecursionError as e:
        raise Problem(diag(display, "SR110", "the data is nested too deeply", 1, 1)) from e
    return data, node


def _syntax_problem(e: yaml.MarkedYAMLError, text: str, display: str) -> Problem:
    mark = e.problem_mark or e.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
    problem = (e.problem or str(e)).strip()
    if line is not None:
        source_line = text.splitlines()[line - 1] if line <= len(text.splitlines()) else ""
        if "\t" in source_line[: len(source_line) - len(source_line.lstrip(" \t"))] or (
            "\\t" in problem
        ):
            tab_col = source_line.find("\t") + 1
            return Problem(
                diag(
                    display,
                    "SR104",
                    "a tab is used for indentation; YAML needs spaces",
                    line,
                    tab_col or col,
                    hint="replace the tab with spaces (most editors: 'Convert "
                    "indentation to spaces')",
                )
            )
    friendly = next((v for k, v in _FRIENDLY.items() if problem.startswith(k)), None)
    message = f"{friendly} (YAML: {problem})" if friendly else f"YAML syntax: {problem}"
    return Problem(
        diag(
            display,
            "SR103",
            message,
            line,
            col,
            hint="if the value is text containing ':' or '#', put it in quotes",
        )
    )


class _Builder:
    """Turns a node tree into plain values, refusing tags and bounding alias expansion."""

    def __init__(self, display: str, problems: list[Diagnostic]) -> None:
        self.display = display
        self.problems = problems
        self.memo: dict[int, tuple[Any, int]] = {}
        self.expanded = 0

    def _problem(self, node: Node, code: str, message: str, hint: str | None = None) -> None:
        self.problems.append(
            diag(
                self.display,
                code,
                message,
                node.start_mark.line + 1,
                node.start_mark.column + 1,
                hint,
            )
        )

    def build(self, node: Node, depth: int) -> Any:
        return self._build(node, depth)[0]

    def _build(self, node: Node, depth: int) -> tuple[Any, int]:
        seen = self.memo.get(id(node))
        if seen is not None:  # an alias: shared, but count its full size
            self._grow(node, seen[1])
            return seen
        if depth > MAX_DEPTH:
            raise Problem(
                diag(
                    self.display,
                    "SR110",
                    "the data is nested too deeply",
                    node.start_mark.line + 1,
                    node.start_mark.column + 1,
                )
            )
        result: tuple[Any, int]
        if isinstance(node, ScalarNode):
            result = (self._scalar(node), 1)
        elif isinstance(node, SequenceNode) and node.tag == _SEQ:
            items, size = [], 1
            for child in node.value:
                v, s = self._build(child, depth + 1)
                items.append(v)
                size += s
            result = (items, size)
        elif isinstance(node, MappingNode) and node.tag == _MAP:
            result = self._mapping(node, depth)
        else:
            self._bad_tag(node)
            result = (None, 1)
        self._grow(node, result[1])
        self.memo[id(node)] = result
        return result

    def _grow(self, node: Node, size: int) -> None:
        self.expanded += size
        if self.expanded > MAX_NODES:
            raise Problem(
                diag(
                    self.display,
                    "SR107",
                    f"anchors and aliases here expand to more than {MAX_NODES:,} values; refused",
                    node.start_mark.line + 1,
                    node.start_mark.column + 1,
                    hint="write the values out instead of repeating them with '*'",
                )
            )

    def _mapping(self, node: MappingNode, depth: int) -> tuple[dict[Any, Any], int]:
        out: dict[Any, Any] = {}
        size = 1
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self._problem(key_node, "SR202", "a key must be plain text, not a list or mapping")
                continue
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
            value, s = self._build(value_node, depth + 1)
            out[key] = value
            size += s
        return out, size

    def _scalar(self, node: ScalarNode) -> Any:
        tag, value = node.tag, node.value
        if tag == STR:
            return value
        if tag == NULL:
            return None
        if tag == _BOOL:
            return value.lower() == "true"
        if tag == _INT:
            if len(value) > 1 and value[0] == "0" and value[1].isdigit():
                return value  # leading zeros: an identifier, not a number
            return _number(_Int, int(value, 0) if value[:2] in ("0o", "0x") else int(value), value)
        if tag == _FLOAT:
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
