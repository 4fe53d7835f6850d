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
alias expansion bounded (billion laughs), file size and depth bounded.

Writing: scalars are rendered by ruamel.yaml (so they read back as the same value),
edits of a user's file change only the characters of the value being set (so every
other line stays byte for byte), and every write is atomic.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from sendreview.atomic import write_atomic as write_atomic  # YAML files are written here
from sendreview.diagnostics import Diagnostic
from sendreview.diagnostics.codes import CODES

MAX_BYTES = 2_000_000
MAX_NODES = 200_000  # after alias expansion: far beyond any real review file
MAX_DEPTH = 100

# libyaml ships inside PyYAML's wheels for every platform Python runs reviews on.
from yaml.cyaml import CParser as _Parser  # type: ignore[attr-defined]  # noqa: E402

STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
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
    (_NULL, r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
]:
    _CoreResolver.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))


class _Loader(_Parser, _CoreResolver):
    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        _CoreResolver.__init__(self)


def _diag(
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


class _Problem(Exception):
    def __init__(self, diagnostic: Diagnostic) -> None:
        self.diagnostic = diagnostic


@dataclass
class Document:
    """A parsed YAML file: its plain data, its node tree for positions, and its problems."""

    path: Path
    display: str
    data: Any = None
    node: Node | None = None
    problems: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems) and self.node is not None

    def position(self, loc: Sequence[str | int], *, key: bool = False) -> tuple[int, int] | None:
        """Line and column (1-based) of the value at ``loc``, or of the nearest thing above it.

        With ``key=True`` the position of the mapping key itself (for unknown keys).
        """
        node = self.node
        if node is None:
            return None
        key_node: Node | None = None
        for step in loc:
            child: Node | None = None
            if isinstance(node, MappingNode):
                for k, v in node.value:
                    if isinstance(k, ScalarNode) and k.value == str(step):
                        child, key_node = v, k
                        break
            elif (
                isinstance(node, SequenceNode)
                and isinstance(step, int)
                and 0 <= step < len(node.value)
            ):
                child, key_node = node.value[step], None
            if child is None:
                break
            node = child
        else:  # reached the value itself: an empty one is best shown at its key
            empty = isinstance(node, ScalarNode) and node.tag == _NULL and not node.value
            if key_node is not None and (key or empty or isinstance(node, MappingNode)):
                node = key_node
        return node.start_mark.line + 1, node.start_mark.column + 1

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
        return _diag(self.display, code, message, line, col, hint)


def read(path: Path, display: str | None = None) -> Document:
    """Read and parse one YAML file; problems are collected, never raised."""
    doc = Document(path, display or str(path))
    try:
        doc.data, doc.node = _parse(_read_text(path, doc.display), doc.display, doc.problems)
    except _Problem as p:
        doc.problems.append(p.diagnostic)
    return doc


def parse_text(text: str, display: str = "<text>") -> Document:
    """Parse YAML held in memory (tests, scaffolds) exactly as a file would be."""
    doc = Document(Path(display), display)
    try:
        doc.data, doc.node = _parse(text.removeprefix("\ufeff"), display, doc.problems)
    except _Problem as p:
        doc.problems.append(p.diagnostic)
    return doc


def _read_text(path: Path, display: str) -> str:
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise _Problem(
                _diag(
                    display,
                    "SR101",
                    "this is a folder, not a file",
                    hint="remove or rename the folder so a file can take its place",
                )
            )
        if size > MAX_BYTES:
            raise _Problem(
                _diag(
                    display,
                    "SR110",
                    f"file is {size:,} bytes; review files are far smaller",
                    hint="check this is the right file; split very long text into attachments",
                )
            )
        raw = path.read_bytes()
    except OSError as e:
        raise _Problem(
            _diag(
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
        raise _Problem(
            _diag(
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


def _parse(text: str, display: str, problems: list[Diagnostic]) -> tuple[Any, Node | None]:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.composer.ComposerError as e:
        mark = e.problem_mark
        if e.context and "expected a single document" in e.context and mark:
            raise _Problem(
                _diag(
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
    except yaml.YAMLError as e:  # reader errors (control characters) carry no mark object
        raise _Problem(_diag(display, "SR103", str(e).splitlines()[0])) from e
    finally:
        loader.dispose()
    if node is None or (isinstance(node, ScalarNode) and node.tag == _NULL and not node.value):
        raise _Problem(
            _diag(
                display,
                "SR108",
                "this file is empty",
                1,
                1,
                hint="run 'sendreview init --force' in the workspace to restore the "
                "file's outline, or write its fields by hand",
            )
        )
    builder = _Builder(display, problems)
    try:
        data = builder.build(node, 0)
    except RecursionError as e:
        raise _Problem(_diag(display, "SR110", "the data is nested too deeply", 1, 1)) from e
    return data, node


def _syntax_problem(e: yaml.MarkedYAMLError, text: str, display: str) -> _Problem:
    mark = e.problem_mark or e.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
    problem = (e.problem or str(e)).strip()
    if line is not None:
        source_line = text.splitlines()[line - 1] if line <= len(text.splitlines()) else ""
        if "\t" in source_line[: len(source_line) - len(source_line.lstrip(" \t"))] or (
            "\\t" in problem
        ):
            tab_col = source_line.find("\t") + 1
            return _Problem(
                _diag(
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
    return _Problem(
        _diag(
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
            _diag(
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
            raise _Problem(
                _diag(
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
            raise _Problem(
                _diag(
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
        if tag == _NULL:
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


# --- writing -------------------------------------------------------------------------


def _ruamel() -> Any:
    from ruamel.yaml import YAML

    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 4096  # never re-wrap a user's long lines
    y.indent(mapping=2, sequence=4, offset=2)
    return y


_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


def scalar(value: object) -> str:
    """``value`` written as a YAML scalar that reads back as the same value."""
    if value is None:
        return ""
    if isinstance(value, str) and "\n" in value:
        raise ValueError("multi-line text needs a block scalar")
    if isinstance(value, str) and _UNSAFE.search(value):  # YAML reads some as line breaks
        escaped = value.replace("\\", "\\\\").replace('"', '\\"')
        return '"' + _UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04x}", escaped) + '"'
    y = _ruamel()
    buf = io.StringIO()
    y.dump({"k": value}, buf)
    return buf.getvalue().rstrip("\n")[len("k: ") :]


def block_text(value: str, indent: int) -> str:
    """A literal block scalar (``|``) for multi-line Markdown, indented under its key."""
    pad = " " * indent
    body = "\n".join(pad + line if line else "" for line in value.rstrip("\n").split("\n"))
    return "|\n" + body


def set_top_level(path: Path, key: str, value: object) -> None:
    """Give a top-level ``key`` a scalar ``value``, changing nothing else in the file.

    Only the value's own characters are touched (or one line is added at the end when
    the key is absent), so comments, order, quoting and layout stay byte for byte.
    """
    raw = path.read_bytes()
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    newline = "\r\n" if "\r\n" in text else "\n"
    node = _Loader(text).get_single_node()
    if not isinstance(node, MappingNode):
        raise ValueError(f"{path} is not a mapping")
    rendered = scalar(value)
    for key_node, value_node in node.value:
        if isinstance(key_node, ScalarNode) and key_node.value == key:
            if (
                isinstance(value_node, ScalarNode)
                and value_node.tag == _NULL
                and not value_node.value
            ):  # "key:" with nothing after it
                at = key_node.end_mark.index + 1  # just after the ':'
                text = f"{text[:at]} {rendered}{text[at:]}"
            else:
                start, end = value_node.start_mark.index, value_node.end_mark.index
                text = text[:start] + rendered + text[end:]
            break
    else:
        if text and not text.endswith(("\n", "\r")):
            text += newline
        text += f"{key}: {rendered}{newline}"
    write_atomic(path, ("\ufeff" if bom else "") + text, overwrite=True)
