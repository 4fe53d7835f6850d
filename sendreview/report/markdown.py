"""Markdown from people's text: the escaping rules every report template relies on.

Every plain value (a name, a title) is escaped for Markdown and HTML, so it always
shows as typed. Text fields that people write in Markdown go through the ``md``
filter, which keeps their formatting (emphasis, lists, links, quotes) but stops them
from changing the document's structure: no headings, and none of pandoc's attribute,
div, span or raw syntax. The characters that would open those (``{ } [ ]`` outside a
plain ``[text](url)`` link, and runs of ``:::``) are handed to pandoc as private-use
stand-ins that mean nothing to its reader; sendreview.lua turns them back into the
characters typed. Raw HTML and TeX are turned off in pandoc's reader, and the Lua
filter keeps attributes only on the blocks the templates make.
"""

from __future__ import annotations

import re
from typing import Any

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#|~^$!@])")
_NUMBERED = re.compile(r"^(\d+)([.)])")
_STRUCTURE = re.compile(r"^(\s*)(#{1,6}(?=\s|$)|[=-]+\s*$)")

# Private-use stand-ins for the characters that open pandoc's structure syntax; the
# Lua filter maps them back (keep the two lists in step).
STAND_INS = {"{": "\ue07b", "}": "\ue07d", "[": "\ue05b", "]": "\ue05d", ":": "\ue03a"}
_STAND_IN_CHARS = "".join(STAND_INS.values())
# a plain inline link or image: [text](target "title"), no brackets in its text, and
# parentheses in its target only in pairs
_LINK = re.compile(r'!?\[[^\[\]\n]*\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"\n]*")?\)')
_FENCE = re.compile(r":{3,}")


def escape_plain(value: str) -> str:
    """A plain value as literal Markdown text on one line.

    Markdown's punctuation is backslash-escaped; ``&``, ``<`` and ``>`` become HTML
    entities, which pandoc reads back as the characters themselves.
    """
    text = _MD_SPECIAL.sub(r"\\\1", " ".join(value.split()))
    text = _NUMBERED.sub(r"\1\\\2", text)  # "1. Head" must not start a list
    if text[:1] in ("-", "+", ":"):  # a list item, or a fence that would close a table cell
        text = "\\" + text
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _neutral(line: str) -> str:
    """``line`` with every unescaped ``{ } [ ]`` (outside plain links) and ``:::`` run
    swapped for its stand-in: pandoc then cannot read attributes, divs, spans, raw
    blocks, footnotes or nested brackets (which its reader handles in exponential time)."""
    out: list[str] = []
    i, n = 0, len(line)
    while i < n:
        ch = line[i]
        if ch == "\\" and i + 1 < n:  # an escape stays one, whatever it escapes
            out.append(line[i : i + 2])
            i += 2
            continue
        if ch in "[!":
            link = _LINK.match(line, i)
            if link:
                text = link.group()
                start = text.index("[")
                close = text.index("](")
                out.append(text[: start + 1])
                out.append(_braces(text[start + 1 : close]))
                out.append("](")
                out.append(_braces(text[close + 2 :]))
                i = link.end()
                continue
        if ch == ":":
            run = _FENCE.match(line, i)
            if run:
                out.append(STAND_INS[":"] * len(run.group()))
                i = run.end()
                continue
        out.append(STAND_INS.get(ch, ch) if ch in "{}[]" else ch)
        i += 1
    return "".join(out)


def _braces(text: str) -> str:
    return text.replace("{", STAND_INS["{"]).replace("}", STAND_INS["}"])


def markdown(value: str | None, indent: int = 0) -> Any:
    """A Markdown text field, kept as Markdown but unable to change the document's structure."""
    from markupsafe import Markup

    if not value:
        return Markup("")
    for stand_in in _STAND_IN_CHARS:  # typed, they would come back as structure
        value = value.replace(stand_in, "\ufffd")
    lines = value.replace("\r\n", "\n").strip("\n").split("\n")
    # no headings of its own; no fences, attributes or raw blocks either (_neutral)
    safe = [_neutral(_STRUCTURE.sub(lambda m: f"{m[1]}\\{m[2]}", line)) for line in lines]
    pad = " " * indent
    return Markup(("\n" + pad).join(line if line.strip() else "" for line in safe))


def finalize(value: Any) -> Any:
    from markupsafe import Markup

    if isinstance(value, str) and not isinstance(value, Markup):
        return Markup(escape_plain(value))
    return value
