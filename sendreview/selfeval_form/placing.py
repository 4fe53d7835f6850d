"""Where each answer of a read form belongs, and its entries as Markdown.

Our own form is placed by its content controls' tags. A form without them (one made from
the guide's Word template, or ours after a program dropped the tags) is placed by its
words: an area's title (whatever its case, punctuation or numbering) in a heading or in
the first cell of a table row, then the "Strengths" and "Areas for development"
columns or headings. What cannot be placed is reported with where it was found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sendreview.models.framework import Framework
from sendreview.selfeval_form.form import FIELDS, INTRO, PLACEHOLDERS, THEMES_HEADING
from sendreview.selfeval_form.pandoc import Block, Blocks, blocks_to_markdown, markdown_to_blocks
from sendreview.selfeval_form.reading import ReadForm, table_rows

CONTEXT = "context"
TITLE_WORDS = "send review "


@dataclass
class Placed:
    """The answers found: ``answers[(area, field)]`` or ``answers[("", "context")]``."""

    answers: dict[tuple[str, str], Blocks] = field(default_factory=dict)
    unplaced: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def place(form: ReadForm, framework: Framework) -> Placed:
    if form.tagged:
        return _by_tags(form, framework)
    return _by_titles(form.blocks, framework)


def _by_tags(form: ReadForm, framework: Framework) -> Placed:
    placed = Placed()
    areas = {a.id for a in framework.areas}
    fields = {f for f, _ in FIELDS}
    for name, blocks in form.tagged.items():
        parts = name.split(":")
        if parts == [CONTEXT]:
            placed.answers[("", CONTEXT)] = blocks
        elif len(parts) == 2 and parts[0] in areas and parts[1] in fields:
            placed.answers.setdefault((parts[0], parts[1]), []).extend(blocks)
        elif _words(blocks):
            placed.unplaced.append(f"a box tagged '{name}', which this framework does not have")
    return placed


# ---- by titles


def _norm(text: str) -> str:
    """An area's title as it is compared: no numbering, case, punctuation or 'the'."""
    text = text.lower().replace("&", " and ")
    text = re.sub(r"^\s*(?:\d+|[a-z]|[ivx]+)[.)]\s+", "", text)
    words = re.findall(r"[a-z0-9]+", text)
    return " ".join(w for w in words if w not in ("the", "of", "for", "and", "with"))


def _plain(blocks: Any) -> str:
    """The words of any part of the AST, in order."""
    out: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            kind = node.get("t")
            if kind == "Str":
                out.append(node["c"])
            elif kind in ("Space", "SoftBreak", "LineBreak"):
                out.append(" ")
            elif "c" in node:
                walk(node["c"])
            if kind in ("Para", "Plain", "Header"):
                out.append(" ")
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(blocks)
    return re.sub(r"\s+", " ", "".join(out)).strip()


def _words(blocks: Blocks) -> bool:
    return bool(_plain(blocks))


_FIELD_WORDS = {_norm(label): name for name, label in FIELDS}
_CONTEXT_WORDS = ("context school", "context school setting")


def _by_titles(blocks: Blocks, framework: Framework) -> Placed:
    placed = Placed()
    titles: dict[str, str] = {}
    for each in framework.areas:
        for title in {each.title, each.heading}:
            titles[_norm(title)] = each.id
    known = {_norm(t.text) for a in framework.areas for t in a.themes}
    known |= {_norm(p) for p in (*PLACEHOLDERS.values(), INTRO, THEMES_HEADING)}
    known.add(_norm(framework.title))
    if framework.context_prompt:
        known.add(_norm(framework.context_prompt))
    area: str | None = None  # the area the text so far is under
    column: str | None = None  # "strengths" / "areas_for_development" under a heading
    last_heading = "the start of the form"

    def area_of(text: str) -> str | None:
        norm = _norm(text)
        if norm in titles:
            return titles[norm]
        if norm.startswith(_CONTEXT_WORDS):
            return CONTEXT
        return None

    def keep(where: tuple[str, str], found: Blocks) -> None:
        if _words(found):
            placed.answers.setdefault(where, []).extend(found)

    for block in blocks:
        kind = block["t"]
        if kind == "Header":
            text = _plain(block["c"][2])
            last_heading = f"the heading '{text}'"
            if (found := area_of(text)) is not None:
                area, column = found, None
            elif _norm(text) in _FIELD_WORDS and area not in (None, CONTEXT):
                column = _FIELD_WORDS[_norm(text)]
            else:  # a heading of the school's own: what follows is not an answer
                area, column = None, None
            continue
        if kind == "Table":
            area = _table(block["c"], area, area_of, keep, placed, last_heading)
            column = None
            continue
        text = _plain([block])
        if not text or _norm(text) in known or _all_known(block, known):
            continue
        if area is None and _norm(text).startswith(TITLE_WORDS):  # the form's own title
            continue
        if (found := area_of(text)) is not None and len(text) < 120:
            area, column = found, None  # a title written as a bold line, not a heading
            continue
        if _norm(text) in _FIELD_WORDS and area not in (None, CONTEXT):
            column = _FIELD_WORDS[_norm(text)]
            continue
        if area == CONTEXT:
            keep(("", CONTEXT), [block])
        elif area is not None and column is not None:
            keep((area, column), [block])
        else:
            placed.unplaced.append(f"'{_short(text)}', after {last_heading}")
    return placed


def _all_known(block: Block, known: set[str]) -> bool:
    """A list of the suggested themes (or the form's own words), copied with the form."""
    if block["t"] == "BulletList":
        items = block["c"]
    elif block["t"] == "OrderedList":
        items = block["c"][1]
    else:
        return False
    return all(_norm(_plain(item)) in known for item in items)


def _table(
    table: list[Any], area: str | None, area_of: Any, keep: Any, placed: Placed, where: str
) -> str | None:
    """One table: the guide's grid (a row per area, a column per field), or our form's
    box (a header row "Strengths | Areas for development" under an area's heading)."""
    rows = table_rows(table)
    columns: dict[int, str] = {}
    for row in rows:
        labels = {i: _FIELD_WORDS.get(_norm(_plain(cell))) for i, cell in enumerate(row)}
        if any(labels.values()):
            columns = {i: name for i, name in labels.items() if name}
            continue
        first = _plain(row[0]) if row else ""
        row_area = area_of(first) if first else None
        if row_area is not None and row_area != CONTEXT and len(row) > 1:
            area = row_area
            for i, name in columns.items():
                if i < len(row):
                    keep((area, name), row[i])
            continue
        if area == CONTEXT and len(row) == 1:
            keep(("", CONTEXT), row[0])
        elif area not in (None, CONTEXT) and columns:
            for i, name in columns.items():
                if i < len(row):
                    keep((area, name), row[i])
        elif any(_words(cell) for cell in row):
            placed.unplaced.append(f"a table row '{_short(_plain(row))}', after {where}")
    return area


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "…"


# ---- blocks to entries


def entries_and_context(placed: Placed, api_version: list[int]) -> dict[tuple[str, str], Any]:
    """Each answer as what self-evaluation.yaml holds: a list of Markdown entries, or the
    context's one Markdown text."""
    pieces: list[Blocks] = []
    owners: list[tuple[str, str]] = []
    for where, blocks in placed.answers.items():
        if where == ("", CONTEXT):
            pieces.append(_tidy(_flatten_tables(blocks, placed, "the context")))
            owners.append(where)
            continue
        for entry in _entries(blocks, placed, f"{where[0]}: {where[1]}"):
            pieces.append(entry)
            owners.append(where)
    texts = _unescaped(blocks_to_markdown(pieces, api_version))
    result: dict[tuple[str, str], Any] = {}
    for where, text in zip(owners, texts, strict=True):
        if not text.strip():
            continue
        if where == ("", CONTEXT):
            result[where] = text
        else:
            result.setdefault(where, []).append(text)
    return result


_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def _unescaped(texts: list[str]) -> list[str]:
    """Each text without pandoc's cautious backslashes (``\\#hash``, ``\\[note\\]``) where
    the text means the same without them, as a person would have typed it."""
    plain = [_ESCAPE.sub(r"\1", t) for t in texts]
    differ = [i for i, (a, b) in enumerate(zip(texts, plain, strict=True)) if a != b]
    if not differ:
        return texts
    parsed = markdown_to_blocks([texts[i] for i in differ] + [plain[i] for i in differ])
    half = len(differ)
    out = list(texts)
    for n, i in enumerate(differ):
        if parsed[n] == parsed[half + n]:
            out[i] = plain[i]
    return out


def _entries(blocks: Blocks, placed: Placed, where: str) -> list[Blocks]:
    """An answer's entries: each top-level list item, paragraph or line, or table row."""
    entries: list[Blocks] = []
    for block in blocks:
        kind, c = block["t"], _content(block)
        if kind == "BulletList":
            entries += [_tidy(item) for item in c]
        elif kind == "OrderedList":
            entries += [_tidy(item) for item in c[1]]
        elif kind in ("Para", "Plain"):
            entries += [[{"t": "Para", "c": _tidy_inlines(line)}] for line in _lines(c)]
        elif kind == "Table":
            rows = [r for r in _row_texts(c) if r]
            entries += [[{"t": "Para", "c": [{"t": "Str", "c": row}]}] for row in rows]
            placed.notes.append(f"a table in {where} was read as one entry per row")
        elif kind in ("BlockQuote", "Div"):
            entries += _entries(c if kind == "BlockQuote" else c[1], placed, where)
        elif kind == "Header":
            entries.append([{"t": "Para", "c": _tidy_inlines(c[2])}])
        elif kind == "LineBlock":
            entries += [[{"t": "Para", "c": _tidy_inlines(line)}] for line in c]
        elif _words([block]):
            entries.append(_tidy([block]))
    return [e for e in entries if _words(e)]


def _lines(inlines: list[Any]) -> list[list[Any]]:
    """A paragraph split at its line breaks (Shift+Enter): one entry a line."""
    lines: list[list[Any]] = [[]]
    for inline in inlines:
        if inline.get("t") == "LineBreak":
            lines.append([])
        else:
            lines[-1].append(inline)
    return lines


def _row_texts(table: list[Any]) -> list[str]:
    return [" – ".join(t for t in (_plain(cell) for cell in row) if t) for row in table_rows(table)]


def _flatten_tables(blocks: Blocks, placed: Placed, where: str) -> Blocks:
    out: Blocks = []
    for block in blocks:
        if block["t"] == "Table":
            items = [[{"t": "Plain", "c": [{"t": "Str", "c": r}]}] for r in _row_texts(block["c"])]
            out.append({"t": "BulletList", "c": [i for i in items if _words(i)]})
            placed.notes.append(f"a table in {where} was read as a list, one item per row")
        else:
            out.append(block)
    return out


# Word's autocorrected quotes are written plainly, as reviewers type them (reports make
# every quote typographic again); no-break and zero-width spaces are plain spaces.
_TYPING = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " ", "\u200b": ""})


def _tidy(blocks: Any) -> Any:
    """Word's typing, as a reviewer would write it: non-breaking spaces as spaces, empty
    paragraphs dropped, pandoc's underline of links not kept."""
    if isinstance(blocks, list):
        items = [_tidy(b) for b in blocks]
        return [
            b
            for b in items
            if not (isinstance(b, dict) and b.get("t") in ("Para", "Plain") and not b["c"])
        ]
    if isinstance(blocks, dict):
        kind = blocks.get("t")
        if kind == "Str":
            return {"t": "Str", "c": blocks["c"].translate(_TYPING)}
        if kind in ("Para", "Plain"):
            return {"t": kind, "c": _tidy_inlines(blocks["c"])}
        if kind == "BulletList":  # tight, as people write lists in Markdown
            return {"t": kind, "c": [_tight(_tidy(item)) for item in blocks["c"]]}
        if kind == "OrderedList":
            attrs, items = blocks["c"]
            return {"t": kind, "c": [attrs, [_tight(_tidy(item)) for item in items]]}
        if "c" in blocks:
            return {"t": kind, "c": _tidy(blocks["c"])}
    return blocks


def _tight(item: Blocks) -> Blocks:
    return [{"t": "Plain", "c": b["c"]} if b.get("t") == "Para" else b for b in item]


def _tidy_inlines(inlines: list[Any]) -> list[Any]:
    out = [_tidy(i) for i in inlines]
    out = [i for i in out if not (i.get("t") == "Str" and not i["c"])]
    while out and out[0].get("t") in ("Space", "SoftBreak", "LineBreak"):
        out.pop(0)
    while out and out[-1].get("t") in ("Space", "SoftBreak", "LineBreak"):
        out.pop()
    return out


def _content(node: dict[str, Any]) -> Any:
    return node.get("c")
