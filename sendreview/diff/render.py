"""A comparison shown: on a terminal (rich; plain markers when piped), as JSON, and as a
report (md, docx, html) through the report pipeline with ``diff.md.j2``.

In every form a deletion reads without colour: on a terminal without colour it is
``[-words-]`` and an insertion ``{+words+}`` (as ``git diff --word-diff`` shows them); in a
report deletions are struck through and insertions bold, which print in greyscale.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sendreview.diff.model import (
    ADDED,
    CHANGED,
    DELETED,
    INSERTED,
    REMOVED,
    REWORDED,
    Comparison,
    Entry,
    FieldChange,
    Piece,
    excerpt,
)
from sendreview.diff.sides import WORKING_TREE

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

VERBS = {ADDED: "added", REMOVED: "removed", REWORDED: "reworded", CHANGED: "changed"}
_SIGNS = {ADDED: "+", REMOVED: "-", REWORDED: "~", CHANGED: "~"}
_COLOURS = {ADDED: "green", REMOVED: "red", REWORDED: "yellow", CHANGED: "yellow"}
FORMATS = ("text", "json", "md", "docx", "html")


def heading(entry: Entry) -> str:
    """``Recommendation R3 reworded``, ``Strength added (Leadership of SEND)``."""
    noun = entry.noun[:1].upper() + entry.noun[1:]
    named = f"{noun} {entry.id}" if entry.id else noun
    where = f" ({entry.where})" if entry.where else ""
    return f"{named} {VERBS[entry.change]}{where}"


# ---- terminal


def print_text(c: Comparison, out: Console | None = None) -> None:
    from sendreview.terminal import console

    out = out or console()
    plain = out.color_system is None
    out.print(_t(f"{c.school}: {c.title[:1].lower()}{c.title[1:]}", "bold"))
    out.print(_t(f"old: {c.old}    new: {c.new}", "dim"))
    for role, problems in c.problems.items():
        out.print()
        out.print(
            _t(
                f"The {role} version has errors; what could be read is compared:",
                "red",
            )
        )
        for p in problems:
            place = ":".join(str(x) for x in (p["path"], p["line"], p["col"]) if x is not None)
            out.print(_t(f"  {role} ({p['version']}): {place}: {p['code']} {p['message']}"))
    for note in c.partly:
        out.print(_t(f"Compared in part: {note}.", "yellow"))
    for note in c.not_compared:
        out.print(_t(f"Not compared: {note}.", "yellow"))
    if not c.changed:
        out.print()
        out.print(_t("No other changes." if c.not_compared else "No changes."))
    for section in c.sections:
        out.print()
        out.print(_t(section.title, "bold underline"))
        for entry in section.entries:
            line = _t(f"  {_SIGNS[entry.change]} {heading(entry)}: ", _COLOURS[entry.change])
            if entry.words:
                line.append_text(_words(excerpt(entry.words), plain))
            elif entry.change != CHANGED:
                line.append_text(_t(_one_line(entry.text)))
            else:
                line.append_text(_t(_one_line(entry.text)[:80] + "…", "dim"))
            out.print(line)
            for change in entry.fields:
                out.print(_field(change, plain, "      "))
        for change in section.fields:
            out.print(_field(change, plain, "  ~ "))


def _t(value: str, style: str = "") -> Text:
    from rich.text import Text

    from sendreview.terminal import visible

    return Text(visible(value), style)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _words(pieces: list[Piece], plain: bool) -> Text:
    from rich.text import Text

    line = Text()
    for i, piece in enumerate(pieces):
        if (
            i
            and piece.op == INSERTED
            and pieces[i - 1].op == DELETED
            and not (pieces[i - 1].text[-1:].isspace() or piece.text[:1].isspace())
        ):
            line.append(" ")
        words = _one_line(piece.text) if piece.text.strip() else " "
        lead = " " if piece.text[:1].isspace() and piece.text.strip() else ""
        trail = " " if piece.text[-1:].isspace() and piece.text.strip() else ""
        if piece.op == DELETED:
            line.append_text(_t(lead + (f"[-{words}-]" if plain else words), "red strike"))
        elif piece.op == INSERTED:
            line.append_text(_t(lead + (f"{{+{words}+}}" if plain else words), "green bold"))
        else:
            line.append_text(_t(lead + words))
            lead = ""
        if trail:
            line.append(trail)
    return line


def _field(change: FieldChange, plain: bool, indent: str) -> Text:
    line = _t(f"{indent}{change.name}: ")
    if change.words:
        line.append_text(_words(excerpt(change.words), plain))
    else:
        line.append_text(_t(_one_line(change.old or "(none)"), "red"))
        line.append(" → ")
        line.append_text(_t(_one_line(change.new or "(none)"), "green"))
    return line


def print_json(c: Comparison) -> None:
    from sendreview.diagnostics.formatters import dump_json

    sys.stdout.write(dump_json(c.as_dict(), indent=2) + "\n")


# ---- reports


@dataclass(frozen=True)
class Line:
    """A line of the report: its lead-in (``Recommendation R3 reworded``) and Markdown."""

    label: str
    text: Any  # Markup: Markdown made here, from escaped pieces
    details: tuple[Line, ...] = ()  # an entry's other fields that changed


@dataclass(frozen=True)
class SectionView:
    title: str
    lines: list[Line]


@dataclass(frozen=True)
class DiffView:
    school: str
    title: str
    old: str
    new: str
    sections: list[SectionView]
    not_compared: list[str]
    partly: list[str]
    problems: list[str]


def _marked(pieces: list[Piece]) -> Any:
    """Word-level changes as Markdown: ~~deleted~~ and **inserted**, each run escaped."""
    from markupsafe import Markup

    from sendreview.report.markdown import escape_plain

    out: list[str] = []
    for i, piece in enumerate(pieces):
        if i and piece.op == INSERTED and pieces[i - 1].op == DELETED:
            out.append(" ")  # "~~clear~~ **steady**", not run together
        core = escape_plain(piece.text)
        if not core:
            out.append(" ")
            continue
        lead = " " if piece.text[:1].isspace() else ""
        trail = " " if piece.text[-1:].isspace() else ""
        mark = {DELETED: "~~", INSERTED: "**"}.get(piece.op, "")
        out.append(f"{lead}{mark}{core}{mark}{trail}")
    return Markup("".join(out).replace("  ", " ").strip())


def _plain(text: str | None) -> Any:
    from markupsafe import Markup

    from sendreview.report.markdown import escape_plain

    return Markup(escape_plain(text or "(none)"))


def _field_line(change: FieldChange) -> Line:
    from markupsafe import Markup

    if change.words:
        return Line(change.name[:1].upper() + change.name[1:], _marked(excerpt(change.words)))
    label = change.name[:1].upper() + change.name[1:]
    old, new = _plain(change.old), _plain(change.new)
    if change.old is None:
        return Line(label, Markup(f"**{new}** (not given before)"))
    if change.new is None:
        return Line(label, Markup(f"~~{old}~~ (no longer given)"))
    return Line(label, Markup(f"~~{old}~~ → **{new}**"))


def _entry_line(entry: Entry) -> Line:
    from markupsafe import Markup

    if entry.words:
        text = _marked(excerpt(entry.words))
    elif entry.change == REMOVED:
        text = Markup(f"~~{_plain(entry.text)}~~")
    elif entry.change == ADDED:
        text = Markup(f"**{_plain(entry.text)}**")
    else:
        text = _plain(entry.text)
    return Line(heading(entry), text, tuple(_field_line(f) for f in entry.fields))


def view(c: Comparison) -> DiffView:
    sections = [
        SectionView(
            s.title,
            [_entry_line(e) for e in s.entries] + [_field_line(f) for f in s.fields],
        )
        for s in c.sections
    ]
    problems = [
        f"{role} ({p['version']}): "
        + ":".join(str(x) for x in (p["path"], p["line"], p["col"]) if x is not None)
        + f": {p['message']}"
        for role, found in c.problems.items()
        for p in found
    ]
    return DiffView(
        c.school,
        c.title,
        _version(c.old, c.old_date),
        _version(c.new, c.new_date),
        sections,
        c.not_compared,
        c.partly,
        problems,
    )


def _version(label: str, when: str) -> str:
    """A version as the school reads it: its date first, then git's name for it."""
    if label == WORKING_TREE:
        return "the review as it is now (not yet committed)"
    return f"{when} ({label})" if when else label


def render_report(
    c: Comparison, root: Path, formats: list[str], output: Path | None, force: bool
) -> list[Path]:
    """Write the comparison as md, docx or html reports; the paths written."""
    from sendreview.report import _reference, scratch, templating
    from sendreview.report.convert import Style, to_file
    from sendreview.report.outputs import check, plan, publish, slug
    from sendreview.report.source import TitlePage
    from sendreview.words import typographic

    targets = plan(root, f"{slug(c.school)}-changes", formats, output)
    check(list(targets.values()), force)
    folders = templating.search_path(root, None)
    text = templating.render("diff.md.j2", folders, v=view(c))
    page = TitlePage(
        school=c.school,
        stem="changes",
        title=typographic(c.school),
        subtitle=typographic(c.title),
        date=f"SEND review visit of {c.visit}" if c.visit else "SEND review",
        draft=False,
        stamp=dt.date.fromisoformat(c.stamp),
        toc=False,
    )
    docx_ref = _reference("docx", None, root)
    assert docx_ref is not None, "the built-in reference.docx is part of sendreview"
    style = Style(page=page, reference_docx=docx_ref, reference_odt=None)
    with scratch.folder() as work:
        for fmt, path in targets.items():
            made = work / f"changes.{fmt}"
            to_file(text, fmt, style, made)
            publish(made.read_bytes(), path, force=force)
    return list(targets.values())
