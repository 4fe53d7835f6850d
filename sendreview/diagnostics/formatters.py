"""Diagnostics as text, JSON lines or GitHub Actions annotations: the one place they are printed."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict

from sendreview.diagnostics import Diagnostic

FORMATS = ("text", "json", "github")


def _where(d: Diagnostic) -> str:
    if d.line is None:
        return d.path
    return f"{d.path}:{d.line}:{d.col or 1}"


def text_lines(diagnostics: Iterable[Diagnostic]) -> Iterator[str]:
    for d in diagnostics:
        yield f"{_where(d)}: {d.severity.value} {d.code} {d.message}"
        if d.hint:
            yield f"    hint: {d.hint}"


def json_lines(diagnostics: Iterable[Diagnostic]) -> Iterator[str]:
    for d in diagnostics:
        yield json.dumps(asdict(d), ensure_ascii=False)


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def github_lines(diagnostics: Iterable[Diagnostic]) -> Iterator[str]:
    for d in diagnostics:
        props = [f"file={_escape_property(d.path)}"]
        if d.line is not None:
            props += [f"line={d.line}", f"col={d.col or 1}"]
        props.append(f"title={_escape_property(d.code)}")
        message = d.message + (f"\n{d.hint}" if d.hint else "")
        yield f"::{d.severity.value} {','.join(props)}::{_escape_data(message)}"


def format_lines(diagnostics: Iterable[Diagnostic], fmt: str) -> Iterator[str]:
    return {"text": text_lines, "json": json_lines, "github": github_lines}[fmt](diagnostics)


def plural(n: int, word: str) -> str:
    """'1 error', '2 errors'."""
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary(errors: int, warnings: int, reviews: int) -> str:
    return (
        f"{plural(errors, 'error')}, {plural(warnings, 'warning')} in {plural(reviews, 'review')}"
    )
