"""A completed form read back into self-evaluation.yaml: what would change, area by area;
refused when it belongs elsewhere, is empty, or would overwrite answers without
``--force``; validated, then written atomically (or only shown, with ``--dry-run``)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sendreview import frameworks, yamlio
from sendreview.atomic import write_atomic
from sendreview.errors import InvalidReview, SendreviewError
from sendreview.modelcheck import check_document
from sendreview.models.findings import SelfEvaluation
from sendreview.models.framework import Framework
from sendreview.selfeval_form import load, review_id
from sendreview.selfeval_form.form import (
    FIELDS,
    PROPERTY_FRAMEWORK,
    PROPERTY_REVIEW,
    PROPERTY_SCHOOL,
)
from sendreview.selfeval_form.package import BadForm, open_form
from sendreview.selfeval_form.pandoc import blocks_to_markdown, markdown_to_blocks
from sendreview.selfeval_form.placing import CONTEXT, entries_and_context, place
from sendreview.selfeval_form.reading import read
from sendreview.yamlio.editing import Kept, replace_values

FILE = "self-evaluation.yaml"


@dataclass
class Change:
    title: str  # "Leadership of SEND: strengths", said to people
    location: tuple[str, ...]
    old: list[str]
    new: list[str]
    value: Any  # what the YAML gets


@dataclass
class Imported:
    path: Path
    changes: list[Change] = field(default_factory=list)
    unchanged: int = 0
    notes: list[str] = field(default_factory=list)
    written: bool = False

    def diff(self) -> list[str]:
        """Each change as lines a person reads: '-' what goes, '+' what comes."""
        lines: list[str] = []
        for change in self.changes:
            lines.append(f"{change.title}:")
            for line in difflib.ndiff(change.old, change.new):
                if line[:1] in "-+ " and line[1:2] == " ":
                    lines.append(f"  {line[0]} {line[2:]}".replace("\n", "\n      ").rstrip())
        return lines


def import_form(
    form: Path, folder: Path, *, dry_run: bool = False, force: bool = False
) -> Imported:
    ws, framework = load(folder)
    package = open_form(form, str(form))
    read_form = read(package)
    _check_belongs(read_form.properties, ws, framework, str(form))
    placed = place(read_form, framework)
    if not placed.answers or not any(_has_words(v) for v in placed.answers.values()):
        raise BadForm(
            f"{form} has no answers in it",
            "check that this is the completed form; sendreview reads the shaded boxes, or in "
            "the guide's own template the Strengths and Areas for development columns",
        )
    found = entries_and_context(placed, read_form.api_version)
    for where, blocks in placed.answers.items():  # an empty box is an answer: none
        if not _has_words(blocks):
            found.setdefault(where, [])

    target = folder / FILE
    doc = yamlio.read(target, ws.path(FILE), root=folder)
    if not doc.ok:
        raise InvalidReview(doc.problems, f"{doc.display} has errors; fix them before importing")
    data = doc.data if isinstance(doc.data, dict) else {}
    result = Imported(target, notes=[*read_form.notes, *placed.notes])
    result.notes += [f"not imported: {what}" for what in placed.unplaced]
    result.changes, result.unchanged = _changes(found, data, framework)

    conflicts = [c.title for c in result.changes if c.old]
    if conflicts and not force and dry_run:
        result.notes.append(
            "answers already there would be replaced (" + "; ".join(conflicts) + "): "
            "the import itself needs --force"
        )
    elif conflicts and not force:
        raise SendreviewError(
            f"{doc.display} already has answers that the form would change: "
            + "; ".join(conflicts),
            "run with --dry-run to see the differences, and with --force to replace them",
        )
    if not result.changes or dry_run:
        return result
    new_text = _new_text(doc.source, result.changes, doc.display)
    checked = yamlio.parse_text(new_text, doc.display)
    _, problems = check_document(checked, SelfEvaluation)
    errors = [p for p in problems if p.is_error]
    if errors:
        raise InvalidReview(
            errors,
            "the form's answers would make self-evaluation.yaml invalid; nothing was written",
        )
    raw = target.read_bytes()
    bom = "\ufeff" if raw.startswith(b"\xef\xbb\xbf") else ""
    write_atomic(target, bom + new_text, overwrite=True)
    result.written = True
    return result


def _has_words(value: Any) -> bool:
    return any(
        isinstance(node, dict) and node.get("t") == "Str" and node["c"].strip()
        for node in _nodes(value)
    )


def _nodes(value: Any) -> Any:
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            yield node
            stack.append(node.get("c"))
        elif isinstance(node, list):
            stack.extend(node)


def _check_belongs(props: dict[str, str], ws: Any, framework: Framework, display: str) -> None:
    """A form made for another framework or another review is refused, naming both."""
    ours = framework.id
    theirs = props.get(PROPERTY_FRAMEWORK)
    if theirs and theirs != ours:

        def title(spec: str) -> str:
            try:
                return f"{spec} ({frameworks.builtin(spec).title})"
            except SendreviewError:  # a trust's own framework, named by its id
                return spec

        raise BadForm(
            f"{display} is the form for {title(theirs)}, but this review uses {title(ours)}",
            f"make this review's form with 'sendreview form {ws.display}' and ask the school "
            "to copy their answers into it",
        )
    review = props.get(PROPERTY_REVIEW)
    school = props.get(PROPERTY_SCHOOL)
    here, here_school = review_id(ws), ws.review.school.name
    if (review and review != here) or (school and school != here_school):
        raise BadForm(
            f"{display} is the form of the review '{review}' ({school}), not of this review "
            f"'{here}' ({here_school})",
            "check that you chose the right file and the right review folder",
        )


def _normalised(texts: list[str]) -> list[str]:
    """Texts as the form would give them back, so that an answer nobody changed compares
    equal however its Markdown was laid out in the YAML."""
    from sendreview.selfeval_form.pandoc import api_version
    from sendreview.selfeval_form.placing import _tidy, _unescaped

    if not texts:
        return []
    blocks = [_tidy(b) for b in markdown_to_blocks(texts)]
    return _unescaped(blocks_to_markdown(blocks, api_version()))


def _entry_text(entry: Any) -> str:
    if isinstance(entry, dict):
        return str(entry.get("text") or "")
    return str(entry or "")


def _changes(
    found: dict[tuple[str, str], Any], data: dict[str, Any], framework: Framework
) -> tuple[list[Change], int]:
    titles = {a.id: a.title for a in framework.areas}
    labels = dict(FIELDS)
    areas: dict[str, Any] = data["areas"] if isinstance(data.get("areas"), dict) else {}
    existing: dict[tuple[str, str], list[Any]] = {}
    for area, name in found:
        if (area, name) == ("", CONTEXT):
            value = data.get(CONTEXT)
            existing[(area, name)] = [value] if value else []
        else:
            entries = (
                (areas.get(area) or {}).get(name) if isinstance(areas.get(area), dict) else None
            )
            existing[(area, name)] = list(entries) if isinstance(entries, list) else []
    keys = list(found)
    flat = [_entry_text(e) for k in keys for e in existing[k]]
    normal = iter(_normalised(flat))
    changes: list[Change] = []
    unchanged = 0
    for key in keys:
        old_entries = existing[key]
        old_norm = [next(normal) for _ in old_entries]
        new = found[key]
        new_list = [new] if isinstance(new, str) else list(new)
        if old_norm == new_list:
            unchanged += 1
            continue
        if key == ("", CONTEXT):
            changes.append(
                Change(
                    "The context of the school",
                    (CONTEXT,),
                    [_entry_text(e) for e in old_entries],
                    new_list,
                    new or None,
                )
            )
            continue
        value = _entries(old_norm, old_entries, new_list)
        title = f"{titles.get(key[0], key[0])}: {labels[key[1]].lower()}"
        changes.append(Change(title, ("areas", key[0], key[1]), old_norm, new_list, value))
    return changes, unchanged


def _entries(old_norm: list[str], old: list[Any], new: list[str]) -> list[Any]:
    """The new list: an entry the school left as it was is kept as written in the YAML; one
    it edited (in the same place, most of its words the same) keeps its themes."""
    pairs = enumerate(zip(old_norm, old, strict=True))
    by_text = {text: Kept(i, entry) for i, (text, entry) in pairs}
    value: list[Any] = []
    for i, text in enumerate(new):
        if text in by_text:
            value.append(by_text[text])
            continue
        before = old[i] if i < len(old) and old_norm[i] not in new else None
        similar = i < len(old_norm) and difflib.SequenceMatcher(None, old_norm[i], text).ratio()
        if isinstance(before, dict) and before.get("themes") and similar and similar >= 0.6:
            value.append({**before, "text": text})
        else:
            value.append(text)
    return value


def _new_text(source: str, changes: list[Change], display: str) -> str:
    try:
        return replace_values(source, [(c.location, c.value) for c in changes], display)
    except ValueError as e:
        raise SendreviewError(
            f"the answers could not be written into {display}: {e}",
            "nothing was written; check that the file's layout is the one 'sendreview init' "
            "made (areas: then each area's strengths: and areas_for_development:)",
        ) from e
