"""What can still be read from a file with errors, so a diff can compare it.

``validate`` refuses a file's model while any entry in it is wrong. A diff should
still show the changes to every other entry, so here the entries that pydantic
complains about are left out, one at a time, until the rest validates: a
recommendation without text drops that recommendation, not the whole file. A wrong
value outside any list (a required field missing, say) drops that key; when nothing
is left that validates, the file stays unread.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from sendreview.workspace import Part, Workspace

M = TypeVar("M", bound=BaseModel)

MAX_TRIES = 200  # each try drops one entry: a file with more errors is left unread


@dataclass(frozen=True)
class Dropped:
    """An entry left out: where it was (its keys, list positions left out) and its value."""

    keys: tuple[str, ...]
    value: Any


def salvage(model: type[M], data: Any) -> tuple[M | None, list[Dropped]]:
    """``data`` as ``model``, less the entries with errors (None if that leaves nothing),
    and the entries left out."""
    dropped: list[Dropped] = []
    if not isinstance(data, dict):
        return None, dropped
    data = copy.deepcopy(data)
    for _ in range(MAX_TRIES):
        try:
            return model.model_validate(data), dropped
        except ValidationError as e:
            errors = e.errors(include_url=False)
            gone = next((d for err in errors if (d := _drop(data, tuple(err["loc"])))), None)
            if gone is None:
                return None, dropped
            dropped.append(gone)
    return None, dropped


def _drop(data: Any, loc: tuple[Any, ...]) -> Dropped | None:
    """Remove the list item holding the error at ``loc`` (the innermost one), or else
    the mapping key it is under; what was removed."""
    parents: list[tuple[Any, Any]] = []
    node = data
    for step in loc:
        if (isinstance(node, dict) and step in node) or (
            isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node)
        ):
            parents.append((node, step))
            node = node[step]
        else:
            break  # pydantic's own steps (a union's branch): the value is the last found
    inner = next(
        (i for i in range(len(parents) - 1, -1, -1) if isinstance(parents[i][0], list)), None
    )
    at = inner if inner is not None else len(parents) - 1
    if at < 0:
        return None
    container, key = parents[at]
    keys = tuple(str(k) for _, k in parents[: at + 1] if isinstance(k, str))
    gone = Dropped(keys, container[key])
    del container[key]
    return gone


def salvage_workspace(ws: Workspace) -> tuple[list[str], dict[str, list[Dropped]]]:
    """Give each file that failed its model what can be read of it: the names of the
    files read only in part, and what was left out of each (by the file's key)."""
    partly: list[str] = []
    left_out: dict[str, list[Dropped]] = {}
    parts: list[Part[Any]] = [*ws.parts.values(), *ws.follow_ups]
    for part in parts:
        if part.model is None and part.doc.ok:
            part.model, dropped = salvage(part.model_class, part.raw)
            if part.model is not None:
                partly.append(part.doc.display)
                left_out.setdefault(part.key, []).extend(dropped)
    return partly, left_out
