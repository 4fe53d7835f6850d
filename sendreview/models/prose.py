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
# the underline of a heading written as "Key findings" over "====" or "----"
SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_LIST_ITEM = re.compile(r"^\s*(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)")
_IMAGE = re.compile(r"!\[([^\[\]\n]*)\]\(([^()\s]*)[^()\n]*\)?")
_LINK = re.compile(r"(?<!!)\[([^\[\]\n]*)\]\(([^()\s]*)[^()\n]*\)?")
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


def underlines(lines: list[str]) -> Iterator[int]:
    """The indexes of lines that underline a heading (not in code, not after a list item)."""
    fence = ""
    for i, line in enumerate(lines):
        opening = FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = ""
            continue
        if opening:
            fence = opening.group(1)
            continue
        previous = lines[i - 1] if i else ""
        if (
            SETEXT.match(line)
            and previous.strip()
            and not _LIST_ITEM.match(previous)
            and not ATX.match(previous)
        ):
            yield i


def changes(text: str) -> list[Change]:
    """Each place of ``text`` that a report will not show as typed, in order."""
    lines = text.replace("\r\n", "\n").split("\n")
    # an underline at index i makes the line before it (line number i) a heading
    out = [Change(i, "heading", lines[i - 1]) for i in underlines(lines)]
    fence = ""
    for number, line in enumerate(lines, 1):
        opening = FENCE.match(line)
        if fence:  # code is shown exactly as typed
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = ""
            continue
        if opening:
            fence = opening.group(1)
            continue
        heading = ATX.match(line)
        if heading:
            out.append(Change(number, "heading", heading.group(2)))
        out += [Change(number, "image", m.group()) for m in _IMAGE.finditer(line)]
        out += [
            Change(number, "link", m.group())
            for m in _LINK.finditer(line)
            if not _WEB.match(m.group(2))
        ]
        out += [Change(number, "html", m.group()) for m in _HTML.finditer(line)]
    return sorted((Change(c.line, c.kind, _short(c.typed)) for c in out), key=lambda c: c.line)
