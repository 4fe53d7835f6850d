"""Reading YAML: a file's text (through ``safefile``), its node tree (``composing``),
and its plain values (``building``), each problem a diagnostic.

Kept apart from the door (``sendreview.yamlio``) only for size; nothing outside the
package imports it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import Node, ScalarNode

from sendreview import safefile
from sendreview.diagnostics import Diagnostic, make
from sendreview.yamlio.building import Builder, NestedTooDeep
from sendreview.yamlio.building import Problem as Problem
from sendreview.yamlio.composing import (
    MAX_DEPTH,
    MAX_NODES,
    NULL,
    Loader,
    TooDeep,
    TooMany,
    quick_node,
)

MAX_BYTES = 2_000_000  # a review file is a few kilobytes; the largest example is 30 kB


def read_text(path: Path, display: str, root: Path | None = None) -> str:
    """The text of one YAML file: a plain file of at most ``MAX_BYTES`` (see ``safefile``);
    with ``root`` (the review folder) it must really be inside it."""
    try:
        raw = safefile.read_bytes(path, MAX_BYTES, root)
    except safefile.Refused as refused:
        code = "SR110" if refused.reason == safefile.TOO_LARGE else "SR101"
        raise Problem(make(code, display, refused.message, hint=refused.hint)) from refused
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        before = raw[: e.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        raise Problem(
            make(
                "SR102",
                display,
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
    "found undefined alias": "this '*' refers to an anchor ('&') that does not exist above it",
    "found duplicate anchor": "this anchor name ('&') is already used above",
    "found character that cannot start any token": "a character here cannot start a value",
    "did not find expected ',' or ']'": "a list opened with '[' is not closed with ']'",
    "did not find expected ',' or '}'": "a mapping opened with '{' is not closed with '}'",
}


def parse(text: str, display: str, problems: list[Diagnostic]) -> tuple[Any, Node | None]:
    done, node = quick_node(text)
    if done and not _empty(node):
        assert node is not None
        found: list[Diagnostic] = []
        try:  # all or nothing: where the quick way fails, the careful one says why
            data = Builder(display, found, quick=True).build(node, 0)
        except (Problem, NestedTooDeep):
            pass
        else:
            problems += found
            return data, node
    return _careful(text, display, problems)


def _empty(node: Node | None) -> bool:
    return node is None or (isinstance(node, ScalarNode) and node.tag == NULL and not node.value)


def _careful(text: str, display: str, problems: list[Diagnostic]) -> tuple[Any, Node | None]:
    """``Loader``'s node tree, built: every problem described, nothing unbounded."""
    loader = Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.composer.ComposerError as e:
        mark = e.problem_mark
        if e.context and "expected a single document" in e.context and mark:
            raise Problem(
                make(
                    "SR111",
                    display,
                    "a second YAML document starts here ('---')",
                    mark.line + 1,
                    mark.column + 1,
                    hint="keep one document per file; remove the '---' line",
                )
            ) from e
        raise _syntax_problem(e, text, display) from e
    except TooDeep as e:
        mark = e.problem_mark
        raise Problem(
            make(
                "SR110",
                display,
                f"lists and mappings are nested more than {MAX_DEPTH} levels deep here; "
                "reading stopped",
                mark.line + 1 if mark else None,
                mark.column + 1 if mark else None,
                hint="a review file needs only a few levels; this looks like a generated or "
                "damaged file (a long run of '[' or '{', or lines indented ever deeper): "
                "check it is the right file",
            )
        ) from e
    except TooMany as e:
        mark = e.problem_mark
        raise Problem(
            make(
                "SR110",
                display,
                f"this file holds more than {MAX_NODES:,} keys and values; reading stopped here",
                mark.line + 1 if mark else None,
                mark.column + 1 if mark else None,
                hint="a review file holds a few thousand at most: check this is the right "
                "file, and move long lists of data into an attachment",
            )
        ) from e
    except yaml.MarkedYAMLError as e:
        raise _syntax_problem(e, text, display) from e
    except yaml.reader.ReaderError as e:  # a control character: no mark, but a position
        before = text[: e.position]
        line, col = before.count("\n") + 1, len(before) - before.rfind("\n")
        raise Problem(
            make(
                "SR103",
                display,
                f"a control character (#x{e.character:04x}) cannot be in a YAML file",
                line,
                col,
                hint="delete it: line breaks or page breaks pasted from Word often bring one along",
            )
        ) from e
    finally:
        loader.dispose()
    if _empty(node):
        raise Problem(
            make(
                "SR108",
                display,
                "this file is empty",
                1,
                1,
                hint="delete the empty file, then run 'sendreview init' on the review's folder "
                "with --force to write its outline again; or write its fields by hand",
            )
        )
    assert node is not None
    return Builder(display, problems).build(node, 0), node


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
                make(
                    "SR104",
                    display,
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
        make(
            "SR103",
            display,
            message,
            line,
            col,
            hint="if the value is text containing ':' or '#', put it in quotes",
        )
    )
