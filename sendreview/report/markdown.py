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

from sendreview.models import prose

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


def _no_headings(lines: list[str]) -> list[str]:
    """Headings as bold lines; anything else that could read as a heading escaped.

    Code lines keep the escaping too: were pandoc to read a line as text that we took
    for code, it must still not become a heading. A fence never closed is escaped, as
    pandoc would show it as text anyway: left as it is, a fence in a later field of the
    report would close it, and all between would become code."""
    code = prose.code(lines)
    underlined = set(prose.underlines(lines, code.lines))
    out: list[str] = []
    for i, line in enumerate(lines):
        in_code = code.lines[i]
        heading = None if in_code else prose.ATX.match(line)
        if i == code.unclosed:
            indent, text = _split_indent(line)
            out.append(f"{indent}\\{text}")
        elif heading or i + 1 in underlined:
            indent, text = (heading[1], heading[2]) if heading else _split_indent(line)
            # a paragraph of its own, as the heading was a block of its own
            if out and out[-1].strip():
                out.append("")
            out += [f"{indent}**{prose.heading_text(text)}**", ""]
        elif i not in underlined and (line.strip() or in_code or not out or out[-1].strip()):
            # (the underline goes, as does a second blank line after a bold heading)
            out.append(_STRUCTURE.sub(lambda m: f"{m[1]}\\{m[2]}", line))
    while out and not out[-1].strip():
        out.pop()
    return out


def _split_indent(line: str) -> tuple[str, str]:
    text = line.lstrip()
    return line[: len(line) - len(text)], text


def markdown(value: str | None, indent: int = 0) -> Any:
    """A Markdown text field, kept as Markdown but unable to change the document's structure."""
    from markupsafe import Markup

    if not value:
        return Markup("")
    for stand_in in _STAND_IN_CHARS:  # typed, they would come back as structure
        value = value.replace(stand_in, "\ufffd")
    lines = value.replace("\r\n", "\n").strip("\n").split("\n")
    # no headings of its own (a heading shows as a bold line); no fences, attributes or
    # raw blocks either (_neutral)
    safe = [_neutral(line) for line in _no_headings(lines)]
    pad = " " * indent
    return Markup(("\n" + pad).join(line if line.strip() else "" for line in safe))


def finalize(value: Any) -> Any:
    from markupsafe import Markup

    if isinstance(value, str) and not isinstance(value, Markup):
        return Markup(escape_plain(value))
    return value


# a line that starts a list where a paragraph may end, as in CommonMark: a bullet, or a
# numbered list that starts at 1 (so that a line such as "2026. And then" stays text)
_LIST_START = re.compile(r" {0,3}(?:[-+*]|1[.)])[ \t]+\S")
_RULE = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*")


def lists_after_text(text: str) -> str:
    """``text`` with a blank line before each list that starts straight after a line of text.

    People write a list under its lead-in line ("We saw:" then "- …") as GitHub and
    CommonMark allow, but pandoc's Markdown needs a blank line before a list and would
    run the items into the paragraph ("… we saw: - **Pupil A** …"). Lists inside lists,
    and code blocks, are left as written. For text shown at the top level of a report or
    of a table cell, not inside a list item (where the blank line would loosen the list).
    """
    out: list[str] = []
    plain = False  # the block being read started as a paragraph, not as a list
    lines = text.split("\n")
    for line, in_code in zip(lines, prose.code(lines).lines, strict=True):
        if not in_code and not line.strip():
            plain = False
        elif not in_code and _LIST_START.match(line) and not _RULE.fullmatch(line):
            if plain:
                out.append("")
            plain = False
        elif not in_code and (not out or not out[-1].strip()):
            plain = True  # a block's first line, and not a list item
        out.append(line)
    return "\n".join(out)
