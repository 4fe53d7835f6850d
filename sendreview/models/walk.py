"""Walking raw YAML data along a model's type annotations.

The checks that follow ids and vocabulary terms work on the raw data, not on
validated models, so that an unknown area in one entry is still reported while
another entry of the same file has a schema error.
"""

from __future__ import annotations

import types
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from sendreview.models.common import Model, Plain, Prose, Ref

Loc = tuple[str | int, ...]
Mark = Ref | Prose | Plain


def _unwrap(tp: Any) -> tuple[Any, list[Mark]]:
    refs: list[Mark] = []
    while get_origin(tp) is Annotated:
        tp, *meta = get_args(tp)
        refs += [m for m in meta if isinstance(m, Ref | Prose | Plain)]
    return tp, refs


def _field_type(cls: type[BaseModel], name: str) -> Any:
    info = cls.model_fields[name]
    refs = [m for m in info.metadata if isinstance(m, Ref | Prose | Plain)]
    return Annotated[(info.annotation, *refs)] if refs else info.annotation


def _options(tp: Any) -> list[Any]:
    if get_origin(tp) in (Union, types.UnionType):
        return [a for a in get_args(tp) if a is not type(None)]
    return [tp]


Found = tuple[Loc, Mark, str, bool]

# A compiled annotation: the ways a value may be read (the non-None options of a union),
# each with the marks on it and what lies below it. Only the parts that can hold a
# marked value are kept, so the walk touches nothing else of the raw data.
_MODEL, _LIST, _DICT, _OTHER = range(4)


@dataclass(frozen=True, slots=True)
class _Option:
    kind: int
    marks: tuple[Mark, ...]
    model: type[Model] | None = None
    fields: tuple[tuple[str, _Node], ...] = ()  # a model's fields that can hold marks
    item: _Node | None = None  # a list's item, a dict's value
    key_marks: tuple[Mark, ...] = ()


@dataclass(frozen=True, slots=True)
class _Node:
    options: tuple[_Option, ...]
    # the marks any text found here gets, worked out once: most values are text, and the
    # walk then needs no step into them; None where it depends on the text (a model
    # written in short form, as one line)
    text: tuple[Mark, ...] | None


def _text_marks(options: tuple[_Option, ...]) -> tuple[Mark, ...] | None:
    """What ``_walk`` finds for any text under these options (it tries them in order)."""
    for option in options:
        if option.marks:
            return option.marks
        if option.kind == _MODEL and option.model is not None and option.model.short_form:
            return None
        if option.kind == _LIST:  # a one-or-many field given one value
            return option.item.text if option.item is not None else ()
    return ()


def _compile(tp: Any) -> _Node | None:
    """``tp`` as a plan for the walk, or None when no value of it can hold a mark."""
    tp, marks = _unwrap(tp)
    options = []
    for option in _options(tp):
        option, inner = _unwrap(option)
        all_marks = tuple(marks + inner)
        origin = get_origin(option)
        if isinstance(option, type) and issubclass(option, Model):
            fields = _model_fields(option)
            options.append(_Option(_MODEL, all_marks, model=option, fields=fields))
        elif origin is list:
            options.append(_Option(_LIST, all_marks, item=_compile(get_args(option)[0])))
        elif origin is dict:
            key_tp, value_tp = get_args(option)
            key_marks = tuple(_unwrap(key_tp)[1])
            options.append(_Option(_DICT, all_marks, item=_compile(value_tp), key_marks=key_marks))
        else:
            options.append(_Option(_OTHER, all_marks))
    if not any(o.marks or o.fields or o.item or o.key_marks for o in options):
        return None
    return _Node(tuple(options), _text_marks(tuple(options)))


@cache
def _model_fields(cls: type[Model]) -> tuple[tuple[str, _Node], ...]:
    """The fields of ``cls`` that can hold a marked value, each with its plan."""
    plans = ((name, _compile(_field_type(cls, name))) for name in cls.model_fields)
    return tuple((name, plan) for name, plan in plans if plan is not None)


@cache
def _plan(tp: Any) -> _Node | None:
    return _compile(tp)


def iter_marked(tp: Any, raw: Any, loc: Loc = ()) -> Iterator[Found]:
    """Every marked text: (location, marker, text, whether the location is a mapping key).

    One walk finds both the ids a file names (``Ref``: the referenced id) and the
    Markdown it holds (``Prose``), so that validate walks each file once. ``tp`` is a
    model class (its plan is made once and kept) or any annotation."""
    plan = _plan(tp) if isinstance(tp, type) else _compile(tp)
    found: list[Found] = []
    if plan is not None:
        _step(plan, raw, loc, found)
    return iter(found)


def _walk(node: _Node, raw: Any, loc: Loc, found: list[Found]) -> None:
    for option in node.options:
        marks = option.marks
        if marks and isinstance(raw, str):
            found.extend((loc, mark, raw, False) for mark in marks)
            return
        kind = option.kind
        if kind == _MODEL:
            if marks and isinstance(raw, dict) and isinstance(raw.get("id"), str):
                # a vocabulary choice written long-hand
                found.extend(((*loc, "id"), mark, raw["id"], False) for mark in marks)
                return
            assert option.model is not None
            raw = option.model.expand(raw)  # what later options see too
            if isinstance(raw, dict):
                for name, field in option.fields:
                    if name in raw:
                        _step(field, raw[name], (*loc, name), found)
                return
        elif kind == _LIST and isinstance(raw, list):
            if option.item is not None:
                for i, value in enumerate(raw):
                    _step(option.item, value, (*loc, i), found)
            return
        elif kind == _LIST and isinstance(raw, str):  # a one-or-many field given one value
            if option.item is not None:
                _step(option.item, raw, loc, found)
            return
        elif kind == _DICT and isinstance(raw, dict):
            for key, value in raw.items():
                for mark in option.key_marks:
                    found.append(((*loc, key), mark, str(key), True))
                if option.item is not None:
                    _step(option.item, value, (*loc, key), found)
            return


def _step(node: _Node, raw: Any, loc: Loc, found: list[Found]) -> None:
    """``_walk``, but text (most of what a file holds) is taken here, without a step into
    the options."""
    if node.text is not None and isinstance(raw, str):
        for mark in node.text:
            found.append((loc, mark, raw, False))
    else:
        _walk(node, raw, loc, found)


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
