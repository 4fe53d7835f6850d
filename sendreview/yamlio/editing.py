"""Replacing whole values (a list of entries, a block of text) in a user's YAML file while
every other character stays as it was.

This is ``writing.set_top_level`` taken one step further, by the same means: the value's
span in the text is found from libyaml's marks and only those characters are replaced,
with the new value written by PyYAML's emitter and indented to where it goes. ruamel.yaml
could do this by round-tripping the whole file, but it rewrites what it does not keep
(indentation of other lists, line folding, some comments' places), so an area nobody
touched would not stay byte for byte; splicing guarantees it by construction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from sendreview.diagnostics import Diagnostic
from sendreview.yamlio.composing import NULL, Loader, child
from sendreview.yamlio.reading import Problem, parse
from sendreview.yamlio.writing import _Dumper, scalar

Location = tuple[str, ...]


@dataclass(frozen=True)
class Kept:
    """An entry of a list already in the file (its ``index`` there), kept as written
    there when the list is replaced: an entry nobody changed stays byte for byte."""

    index: int
    value: Any


def _values(value: Any) -> Any:
    if isinstance(value, list):
        return [v.value if isinstance(v, Kept) else v for v in value]
    return value


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # text of several lines as a literal block (its lines kept as they are); a long line
    # folded (">-") over lines of the file, as the scaffolds and examples write entries
    style = "|" if "\n" in value else (">" if len(value) > 60 else None)
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


class _Ids(list[str]):
    """A list of ids (themes, evidence), written on one line: [a, b]."""


def _ids(dumper: yaml.SafeDumper, value: _Ids) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)


class _BlockDumper(_Dumper):
    pass


class _PlainDumper(_Dumper):
    pass


_BlockDumper.add_representer(str, _text)
for _dumper in (_BlockDumper, _PlainDumper):
    _dumper.add_representer(_Ids, _ids)


def _with_ids(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _Ids(v) if isinstance(v, list) and k != "text" else v for k, v in value.items()}
    if isinstance(value, list):
        return [_with_ids(v) for v in value]
    return value


def _block(value: Any, indent: int) -> str:
    """``value`` as block YAML, every line but the first indented by ``indent`` spaces."""
    value = _with_ids(value)
    text = ""
    for dumper in (_BlockDumper, _PlainDumper):  # folded text, unless it reads back wrong
        text = yaml.dump(
            value,
            Dumper=dumper,
            allow_unicode=True,
            default_flow_style=False,
            sort_keys=False,
            width=80,  # long entries over several lines, as people write them
        ).rstrip("\n")
        if yaml.safe_load(text) == value:
            break
    lines = text.split("\n")
    return "\n".join([lines[0], *((" " * indent + line) if line else "" for line in lines[1:])])


def _end(node: Node) -> int:
    """Where a value's own characters end: before the line breaks, blank lines and
    comments that libyaml counts into a block collection's or block scalar's span."""
    while isinstance(node, SequenceNode | MappingNode) and not node.flow_style and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(node, MappingNode) else last
    return node.end_mark.index


def _trim(text: str, end: int) -> int:
    while end > 0 and text[end - 1] in " \t\r\n":
        end -= 1
    return end


def _new_entry(key: str, value: Any, indent: int) -> str:
    """``key: value`` as lines indented by ``indent``, for a mapping that lacks the key."""
    if isinstance(value, list | dict) or (isinstance(value, str) and "\n" in value):
        return f"{key}:\n{' ' * (indent + 2)}{_block(value, indent + 2)}"
    return f"{key}: {scalar(value)}"


def _splice(text: str, root: MappingNode, loc: Location, value: Any) -> str:
    node: Node = root
    for depth, key in enumerate(loc):
        found, key_node = child(node, key) if isinstance(node, MappingNode) else (None, None)
        if found is None or key_node is None:  # add the key and what is below it, here
            rest: Any = value
            for inner in reversed(loc[depth + 1 :]):
                rest = {inner: rest}
            if not isinstance(node, MappingNode) or node.flow_style:
                raise ValueError(f"cannot add {'.'.join(loc)}")
            if node.value:
                column = node.value[0][0].start_mark.column
                at = _trim(text, _end(node.value[-1][1]))
                at = max(at, node.value[-1][0].end_mark.index + 1)
                return f"{text[:at]}\n{' ' * column}{_new_entry(key, rest, column)}{text[at:]}"
            raise ValueError(f"cannot add {'.'.join(loc)} to an empty mapping")
        node = found
    assert key_node is not None  # loc names at least one key
    column = key_node.start_mark.column
    colon = text.index(":", key_node.end_mark.index) + 1
    empty = isinstance(node, ScalarNode) and node.tag == NULL and not node.value
    end = colon if empty else _trim(text, _end(node))
    keep_column = isinstance(node, SequenceNode) and not node.flow_style
    if value and isinstance(value, list) and keep_column:  # the list's own indentation
        assert isinstance(node, SequenceNode)
        start = node.start_mark.index
        return text[:start] + _items(text, node, value) + text[end:]
    rendered = _value_text(_values(value), column)
    if empty and "\n" in rendered:  # a comment after "key:" stays on the key's line
        header, body = rendered.split("\n", 1)
        eol = text.find("\n", colon)
        eol = len(text) if eol < 0 else eol - (text[eol - 1] == "\r")
        return text[:colon] + header + text[colon:eol] + "\n" + body + text[eol:]
    return text[:colon] + rendered + text[end:]


def _items(text: str, node: SequenceNode, value: list[Any]) -> str:
    """A block list's new items at its own indentation, kept entries as they were."""
    column = node.start_mark.column
    items = []
    for item in value:
        if isinstance(item, Kept) and item.index < len(node.value):
            old = node.value[item.index]
            end = _trim(text, _end(old))
            eol = text.find("\n", end)
            rest = text[end : len(text) if eol < 0 else eol].rstrip("\r")
            if rest.strip().startswith("#"):  # its comment at the end of its line, too
                end += len(rest)
            items.append(text[old.start_mark.index : end])
        else:
            items.append(_block([_values(item)], column)[2:])
    return f"\n{' ' * column}- ".join(["- " + items[0].removeprefix("- "), *items[1:]])


def _value_text(value: Any, column: int) -> str:
    """What follows ``key:`` for a new value of a key at ``column``."""
    if value is None or value == [] or value == "":
        return ""
    if isinstance(value, list) or (isinstance(value, str) and "\n" in value):
        rendered = _block(value, column)
        if rendered.startswith("|"):  # a literal block starts on the key's line
            return " " + rendered
        return f"\n{' ' * (column + 2)}{_block(value, column + 2)}"
    return " " + scalar(value)


def replace_values(text: str, changes: Sequence[tuple[Location, Any]], display: str) -> str:
    """``text`` with each location's value replaced (a list, a text, or None to empty it),
    every other character unchanged. Raises ``ValueError`` if the result would not read
    back as exactly those values."""
    for loc, value in changes:
        try:
            root = Loader(text).get_single_node()
        except yaml.YAMLError as e:
            raise ValueError(f"{display} is not valid YAML") from e
        if not isinstance(root, MappingNode):
            raise ValueError(f"{display} is not a mapping")
        text = _splice(text, root, loc, value)
    problems: list[Diagnostic] = []
    try:
        data, _ = parse(text, display, problems)
    except Problem as e:
        raise ValueError(f"the new {display} would not read back") from e
    if any(p.is_error for p in problems):
        raise ValueError(f"the new {display} would not read back: {problems[0].message}")
    for loc, value in changes:
        found: Any = data
        for key in loc:
            found = found.get(key) if isinstance(found, dict) else None
        value = _values(value)
        if found != (value or None) and not (value == [] and found is None):
            raise ValueError(f"{'.'.join(loc)} in the new {display} would not read back")
    return text
