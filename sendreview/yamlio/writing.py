"""Writing YAML: scalars that read back as the same value, and edits of a user's file that
change only the value being set."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, ScalarNode

from sendreview.atomic import write_atomic
from sendreview.yamlio.reading import NULL, Loader, parse


def _ruamel() -> Any:
    from ruamel.yaml import YAML

    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 4096  # never re-wrap a user's long lines
    y.indent(mapping=2, sequence=4, offset=2)
    return y


_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


def scalar(value: object) -> str:
    """``value`` written as a YAML scalar that reads back as the same value."""
    if value is None:
        return ""
    if isinstance(value, str) and "\n" in value:
        raise ValueError("multi-line text needs a block scalar")
    if isinstance(value, str) and _UNSAFE.search(value):  # YAML reads some as line breaks
        escaped = value.replace("\\", "\\\\").replace('"', '\\"')
        return '"' + _UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04x}", escaped) + '"'
    y = _ruamel()
    buf = io.StringIO()
    y.dump({"k": value}, buf)
    return buf.getvalue().rstrip("\n")[len("k: ") :]


def set_top_level(path: Path, key: str, value: object) -> None:
    """Give a top-level ``key`` a scalar ``value``, changing nothing else in the file.

    Only the value's own characters are touched (or one line is added at the end when
    the key is absent), so comments, order, quoting and layout stay byte for byte.
    """
    raw = path.read_bytes()
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    newline = "\r\n" if "\r\n" in text else "\n"
    node = Loader(text).get_single_node()
    if not isinstance(node, MappingNode):
        raise ValueError(f"{path} is not a mapping")
    rendered = scalar(value)
    for key_node, value_node in node.value:
        if isinstance(key_node, ScalarNode) and key_node.value == key:
            if (
                isinstance(value_node, ScalarNode)
                and value_node.tag == NULL
                and not value_node.value
            ):  # "key:" with nothing after it ("key :" is YAML too)
                at = text.index(":", key_node.end_mark.index) + 1
                text = f"{text[:at]} {rendered}{text[at:]}"
            else:
                start, end = value_node.start_mark.index, value_node.end_mark.index
                text = text[:start] + rendered + text[end:]
            break
    else:
        if text and not text.endswith(("\n", "\r")):
            text += newline
        text += f"{key}: {rendered}{newline}"
    # never write a file that no longer reads right: the key must read as the value
    wanted, _ = parse(f"k: {rendered}", str(path), [])
    data, _ = parse(text, str(path), [])
    if not isinstance(data, dict) or data.get(key) != wanted["k"]:
        raise ValueError(f"setting {key} in {path} would not read back")
    write_atomic(path, ("\ufeff" if bom else "") + text, overwrite=True)
