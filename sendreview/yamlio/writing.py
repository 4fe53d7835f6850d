"""Writing YAML: scalars that read back as the same value, and edits of a user's file that
change only the value being set."""

from __future__ import annotations

import math
import re
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, ScalarNode

from sendreview.atomic import write_atomic
from sendreview.diagnostics import Diagnostic
from sendreview.yamlio.composing import NULL, CoreResolver, Loader
from sendreview.yamlio.reading import Problem, parse


class _Dumper(yaml.SafeDumper):
    """PyYAML's emitter, quoting any text that YAML 1.1 *or* 1.2 would read as something
    else: ``'0o17'`` and ``'1e3'`` (numbers to our reader and editors), ``'yes'`` and
    ``'2026-11-05'`` (a true and a date to YAML 1.1 tools)."""


for _first, _resolvers in CoreResolver.yaml_implicit_resolvers.items():
    for _tag, _regexp in _resolvers:
        _Dumper.add_implicit_resolver(_tag, _regexp, [_first])


_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


def scalar(value: object) -> str:
    """``value`` written as a YAML scalar that reads back as the same value."""
    if value is None:
        return ""
    if isinstance(value, str) and "\n" in value:
        raise ValueError("multi-line text needs a block scalar")
    if isinstance(value, str) and _UNSAFE.search(value):  # YAML reads some as line breaks
        return _escaped(value)
    rendered = _dump(value, None)
    if rendered.startswith("'") and "'" in str(value):  # "it's" reads better than 'it''s'
        rendered = _dump(value, '"')
    return rendered


def _escaped(value: str) -> str:
    """``value`` double-quoted, with every character YAML could read otherwise escaped."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return '"' + _UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04x}", escaped) + '"'


def block(value: str, indent: int) -> str:
    """Text of several lines as a YAML scalar written after a key, its lines indented
    ``indent`` spaces: a literal block (``|-``) where the text can be one exactly, else
    quoted on one line, so that it always reads back as ``value``."""
    if _UNSAFE.search(value):
        return _escaped(value)
    text = yaml.dump(
        value, Dumper=_Dumper, width=math.inf, allow_unicode=True, default_style="|"
    ).rstrip("\n")
    header, *lines = text.split("\n")
    if header not in ("|", "|-", "|+"):  # quoted, or an indent that a block must state
        return _dump(value, '"')
    pad = " " * indent
    return "\n".join([header, *(pad + line[2:] if line else "" for line in lines)])


def _dump(value: object, style: str | None) -> str:
    text = yaml.dump(
        {"k": value},
        Dumper=_Dumper,
        width=math.inf,  # one line, however long: it is written after a key
        allow_unicode=True,
        default_flow_style=False,
        default_style=style,
    )
    return text.rstrip("\n")[len('"k": ' if style else "k: ") :]


def set_top_level(path: Path, key: str, value: object) -> None:
    """Give a top-level ``key`` a scalar ``value``, changing nothing else in the file.

    Only the value's own characters are touched (or, when the key is absent, one line
    is added at the end, or ``, key: value`` before the closing brace of a mapping
    written ``{…}``), so comments, order, quoting and layout stay byte for byte.
    Raises ``ValueError``, writing nothing, when the file would not read back right.
    """
    raw = path.read_bytes()
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    try:
        node = Loader(text).get_single_node()
    except yaml.YAMLError as e:
        raise ValueError(f"{path} is not valid YAML") from e
    if not isinstance(node, MappingNode):
        raise ValueError(f"{path} is not a mapping")
    text = _set(text, node, key, scalar(value))
    # never write a file that no longer reads right: the key must read as the value
    problems: list[Diagnostic] = []
    try:
        wanted, _ = parse(f"k: {scalar(value)}", str(path), [])
        data, _ = parse(text, str(path), problems)
    except Problem as e:
        raise ValueError(f"setting {key} in {path} would not read back") from e
    broken = any(p.is_error for p in problems) or not isinstance(data, dict)
    if broken or data.get(key) != wanted["k"]:
        raise ValueError(f"setting {key} in {path} would not read back")
    write_atomic(path, ("\ufeff" if bom else "") + text, overwrite=True)


def _set(text: str, node: MappingNode, key: str, rendered: str) -> str:
    for key_node, value_node in node.value:
        if not (isinstance(key_node, ScalarNode) and key_node.value == key):
            continue
        if isinstance(value_node, ScalarNode) and value_node.tag == NULL and not value_node.value:
            # nothing written after the key: "key:", "key :", or just "key" in {…}
            at = key_node.end_mark.index
            colon = at + len(text[at:]) - len(text[at:].lstrip())
            if text.startswith(":", colon):
                return f"{text[: colon + 1]} {rendered}{text[colon + 1 :]}"
            return f"{text[:at]}: {rendered}{text[at:]}"
        start, end = value_node.start_mark.index, value_node.end_mark.index
        return text[:start] + rendered + text[end:]
    if node.flow_style:  # {date: …, summary: …}: one more entry before the "}"
        if not node.value:
            at = node.start_mark.index + 1
            return f"{text[:at]}{key}: {rendered}{text[at:]}"
        last_key, last_value = node.value[-1]
        at = max(last_key.end_mark.index, last_value.end_mark.index)
        return f"{text[:at]}, {key}: {rendered}{text[at:]}"
    newline = "\r\n" if "\r\n" in text else "\n"
    if text and not text.endswith(("\n", "\r")):
        text += newline
    return f"{text}{key}: {rendered}{newline}"
