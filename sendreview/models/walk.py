"""Walking raw YAML data along a model's type annotations.

The checks that follow ids and vocabulary terms work on the raw data, not on
validated models, so that an unknown area in one entry is still reported while
another entry of the same file has a schema error.
"""

from __future__ import annotations

import types
from collections.abc import Iterator
from functools import cache
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from sendreview.models.common import Model, Prose, Ref

Loc = tuple[str | int, ...]
Mark = Ref | Prose


def _unwrap(tp: Any) -> tuple[Any, list[Mark]]:
    refs: list[Mark] = []
    while get_origin(tp) is Annotated:
        tp, *meta = get_args(tp)
        refs += [m for m in meta if isinstance(m, Ref | Prose)]
    return tp, refs


def _field_type(cls: type[BaseModel], name: str) -> Any:
    info = cls.model_fields[name]
    refs = [m for m in info.metadata if isinstance(m, Ref | Prose)]
    return Annotated[(info.annotation, *refs)] if refs else info.annotation


def _options(tp: Any) -> list[Any]:
    if get_origin(tp) in (Union, types.UnionType):
        return [a for a in get_args(tp) if a is not type(None)]
    return [tp]


def iter_marked(tp: Any, raw: Any, loc: Loc = ()) -> Iterator[tuple[Loc, Mark, str, bool]]:
    """Every marked text: (location, marker, text, whether the location is a mapping key).

    One walk finds both the ids a file names (``Ref``: the referenced id) and the
    Markdown it holds (``Prose``), so that validate walks each file once."""
    tp, refs = _unwrap(tp)
    for option in _options(tp):
        option, inner_refs = _unwrap(option)
        all_refs = refs + inner_refs
        origin = get_origin(option)
        if all_refs and isinstance(raw, str):
            for ref in all_refs:
                yield loc, ref, raw, False
            return
        if isinstance(option, type) and issubclass(option, Model):
            if all_refs and isinstance(raw, dict) and isinstance(raw.get("id"), str):
                for ref in all_refs:  # a vocabulary choice written long-hand
                    yield (*loc, "id"), ref, raw["id"], False
                return
            raw = option.expand(raw)
            if isinstance(raw, dict):
                for name in option.model_fields:
                    if name in raw:
                        yield from iter_marked(_field_type(option, name), raw[name], (*loc, name))
                return
        elif origin is list and isinstance(raw, list):
            (item,) = get_args(option)
            for i, value in enumerate(raw):
                yield from iter_marked(item, value, (*loc, i))
            return
        elif origin is list and isinstance(raw, str):  # a one-or-many field given one value
            yield from iter_marked(get_args(option)[0], raw, loc)
            return
        elif origin is dict and isinstance(raw, dict):
            key_tp, value_tp = get_args(option)
            key_tp, key_refs = _unwrap(key_tp)
            for key, value in raw.items():
                for ref in key_refs:
                    yield (*loc, key), ref, str(key), True
                yield from iter_marked(value_tp, value, (*loc, key))
            return


@cache
def field_names(cls: type[BaseModel], loc: Loc) -> tuple[str, ...]:
    """The field names allowed at ``loc`` inside ``cls`` (for "did you mean")."""
    tp: Any = cls
    for step in loc:
        tp, _ = _unwrap(tp)
        tp = _unwrap(_options(tp)[0])[0]  # the first non-None option
        origin = get_origin(tp)
        if isinstance(tp, type) and issubclass(tp, BaseModel) and isinstance(step, str):
            if step not in tp.model_fields:
                return ()
            tp = _field_type(tp, step)
        elif origin is list:
            tp = get_args(tp)[0]
        elif origin is dict:
            tp = get_args(tp)[1]
        else:
            return ()
    tp, _ = _unwrap(tp)
    for option in _options(tp):
        option, _ = _unwrap(option)
        if isinstance(option, type) and issubclass(option, BaseModel):
            return tuple(option.model_fields)
    return ()
