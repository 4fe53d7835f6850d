"""Diagnostics as text, JSON lines or GitHub Actions annotations: the one place they are printed.

Text from the user's files (paths, values quoted in messages) may hold anything, including
terminal escape sequences. ``visible`` shows such characters as escapes (``\\x1b``) so
that printing a diagnostic can never retitle, recolour or rewrite the user's terminal;
``json_safe`` does the same inside JSON, where the escapes keep the JSON valid.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from typing import Any

from sendreview.diagnostics import Diagnostic, Severity

FORMATS = ("text", "json", "github")

# C0 controls but tab and newline, DEL, C1 controls (0x9b is a one-byte CSI), the
# bidirectional and invisible formatting characters that make text read differently
# from what it is, line/paragraph separators, and lone surrogates (undecodable bytes
# of a file name), which no terminal can show.
_UNSAFE = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff"
)
_UNSAFE_TEXT = re.compile(f"[{_UNSAFE}]")
_UNSAFE_LINE = re.compile(f"[\n{_UNSAFE}]")
_UNSAFE_JSON = re.compile(
    "[\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]"
)
_NAMED = {"\n": "\\n", "\r": "\\r"}


def _escape(m: re.Match[str]) -> str:
    c = m[0]
    return _NAMED.get(c) or (f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")


def visible(text: str, one_line: bool = False) -> str:
    """``text`` with control characters and escape sequences shown, not obeyed:
    ESC becomes ``\\x1b``, a right-to-left override ``\\u202e``. With ``one_line``, line
    breaks are shown as ``\\n`` too."""
    return (_UNSAFE_LINE if one_line else _UNSAFE_TEXT).sub(_escape, text)


def json_safe(text: str) -> str:
    """JSON text with the characters ``visible`` escapes written as ``\\uXXXX`` escapes
    (``json.dumps`` already escapes the C0 controls); still the same JSON."""
    return _UNSAFE_JSON.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


def dump_json(data: Any, indent: int | None = None) -> str:
    return json_safe(json.dumps(data, indent=indent, ensure_ascii=False))


def _where(d: Diagnostic) -> str:
    if d.line is None:
        return d.path
    return f"{d.path}:{d.line}:{d.col or 1}"


def text_lines(diagnostics: Iterable[Diagnostic]) -> Iterator[str]:
    for d in diagnostics:
        yield visible(f"{_where(d)}: {d.severity.value} {d.code} {d.message}", one_line=True)
        if d.hint:
            yield visible(f"    hint: {d.hint}", one_line=True)


def json_lines(diagnostics: Iterable[Diagnostic]) -> Iterator[str]:
    for d in diagnostics:
        yield dump_json(asdict(d))


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


# GitHub's annotation levels: information is a "notice" there
_GITHUB_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def github_lines(diagnostics: Iterable[Diagnostic]) -> Iterator[str]:
    for d in diagnostics:
        props = [f"file={_escape_property(visible(d.path, one_line=True))}"]
        if d.line is not None:
            props += [f"line={d.line}", f"col={d.col or 1}"]
        props.append(f"title={_escape_property(d.code)}")
        message = visible(d.message, one_line=True)
        if d.hint:
            message += "\n" + visible(d.hint, one_line=True)
        level = _GITHUB_LEVELS[d.severity]
        yield f"::{level} {','.join(props)}::{_escape_data(message)}"


def format_lines(diagnostics: Iterable[Diagnostic], fmt: str) -> Iterator[str]:
    return {"text": text_lines, "json": json_lines, "github": github_lines}[fmt](diagnostics)


def plural(n: int, word: str) -> str:
    """'1 error', '2 errors'."""
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary(errors: int, warnings: int, reviews: int, notes: int = 0) -> str:
    """'0 errors, 2 warnings in 1 review'; information, when there is some, as notes."""
    counted = f"{plural(errors, 'error')}, {plural(warnings, 'warning')}"
    if notes:
        counted += f", {plural(notes, 'note')}"
    return f"{counted} in {plural(reviews, 'review')}"
