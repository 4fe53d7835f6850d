"""Where a report shows people's Markdown differently from what they typed.

A text field is part of a report, not a document of its own: a heading inside it
would break the report's outline, and an image or a link to a file would reach
outside the review. The report therefore shows a heading as a bold line, an image
as its description, raw HTML as the characters typed, and a link that is not to the
web or to e-mail as its text. ``report/markdown.py`` does the first; sendreview.lua
the others. ``changes`` finds each of them, so that validate can say so before a
school sees it (SR205).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# "## Key findings", indented as a list item's line may be; the closing #s are optional
ATX = re.compile(r"^(\s*)#{1,6}[ \t]+(\S.*?)(?:[ \t]+#+)?[ \t]*$")
# the same inside a quote or after a list marker ("> ## X", "- ## X"), which the Lua
# filter shows as bold text too
_NESTED_ATX = re.compile(r"^\s*(?:(?:>|[-+*]|\d{1,9}[.)])[ \t]*)+#{1,6}[ \t]+(\S.*?)[ \t#]*$")
# the underline of a heading written as "Key findings" over "====" or "----"
SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
# a code fence, and the only thing a line that closes it may hold (pandoc's rules)
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CLOSING = re.compile(r"^ {0,3}(`{3,}|~{3,})[ \t]*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)")
_IMAGE = re.compile(r"!\[([^\[\]\n]*)\]\(([^()\s]*)[^()\n]*\)?")
_LINK = re.compile(r"(?<!!)\[([^\[\]\n]*)\]\(([^()\s]*)[^()\n]*\)?")
_AUTOLINK = re.compile(r"<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*>")
_HTML = re.compile(r"<[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>")
_WEB = re.compile(r"^(?:https?:|mailto:|#)", re.IGNORECASE)


# what a report shows instead of each kind of thing
SHOWN_AS = {
    "heading": "a heading, shown as a line in bold",
    "image": "an image, shown as its description only",
    "link": "a link to somewhere other than the web or e-mail, shown as its words",
    "html": "HTML, shown as the characters typed",
}


@dataclass(frozen=True, slots=True)
class Change:
    line: int  # counted from 1 within the text
    kind: str  # a key of SHOWN_AS
    typed: str  # the words concerned, shortened


def _short(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True, slots=True)
class Code:
    """Which lines of a text are code (a fence, or inside one), as pandoc reads them."""

    lines: list[bool]
    unclosed: int | None  # the line of a fence never closed: pandoc shows it as text


def code(lines: list[str]) -> Code:
    flags: list[bool] = []
    fence, opened = "", None
    for i, line in enumerate(lines):
        if fence:
            closing = _CLOSING.match(line)
            if closing and closing[1][0] == fence[0] and len(closing[1]) >= len(fence):
                fence = ""
            flags.append(True)
            continue
        opening = FENCE.match(line)
        if opening:
            fence, opened = opening[1], i
        flags.append(bool(opening))
    if fence and opened is not None:  # not code after all: the text as typed
        flags[opened:] = [False] * (len(flags) - opened)
        return Code(flags, opened)
    return Code(flags, None)


def underlines(lines: list[str], in_code: list[bool]) -> Iterator[int]:
    """The indexes of lines that underline a heading (not code, not after a list item)."""
    for i, line in enumerate(lines):
        previous = lines[i - 1] if i else ""
        if (
            i
            and not in_code[i]
            and not in_code[i - 1]
            and SETEXT.match(line)
            and previous.strip()
            and not _LIST_ITEM.match(previous)
            and not ATX.match(previous)
        ):
            yield i


def heading_text(text: str) -> str:
    """A heading's words, without the bold some write headings in (it is made bold)."""
    text = text.strip()
    for mark in ("**", "__"):
        if len(text) > 4 and text.startswith(mark) and text.endswith(mark):
            return text[2:-2].strip()
    return text


# a line that may underline a heading: searched from the line break before it, which re
# finds far faster than the start of every line
_UNDERLINE = re.compile(r"\n {0,3}(?:=+|-+)[ \t]*\r?(?:\n|$)")


def may_change(text: str) -> bool:
    """Whether ``text`` holds anything a report might show other than as typed (texts
    joined by blank lines may be asked at once). Each kind of change needs one of these;
    most texts have none, and are not read further."""
    return "#" in text or "<" in text or "[" in text or _UNDERLINE.search(text) is not None


def changes(text: str) -> list[Change]:
    """Each place of ``text`` that a report will not show as typed, in order."""
    if not may_change(text):
        return []
    lines = text.replace("\r\n", "\n").split("\n")
    in_code = code(lines).lines
    # an underline at index i makes the line before it (line number i) a heading
    out = [Change(i, "heading", lines[i - 1]) for i in underlines(lines, in_code)]
    for number, line in enumerate(lines, 1):
        if in_code[number - 1]:  # code is shown exactly as typed
            continue
        heading = ATX.match(line) or _NESTED_ATX.match(line)
        if heading:
            out.append(Change(number, "heading", heading.groups()[-1]))
        out += [Change(number, "image", m.group()) for m in _IMAGE.finditer(line)]
        out += [
            Change(number, "link", m.group())
            for m in _LINK.finditer(line)
            if not _WEB.match(m.group(2))
        ]
        out += [
            Change(number, "link", m.group())
            for m in _AUTOLINK.finditer(line)
            if not _WEB.match(m.group()[1:])
        ]
        out += [
            Change(number, "html", m.group())
            for m in _HTML.finditer(line)
            if not _AUTOLINK.fullmatch(m.group())
        ]
    return sorted((Change(c.line, c.kind, _short(c.typed)) for c in out), key=lambda c: c.line)
