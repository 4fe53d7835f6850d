"""JSON Schemas for a workspace's files, generated from the models and its framework.

Editors that speak the yaml-language-server modeline use them to complete fields,
area and theme ids and vocabulary terms while people type.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from sendreview import frameworks, safefile
from sendreview.atomic import sweep, write_atomic
from sendreview.models.common import PLACEHOLDER
from sendreview.models.followup import FollowUp
from sendreview.models.framework import Framework
from sendreview.workspace import FILES, SCHEMA_DIR

DIALECT = "https://json-schema.org/draft/2020-12/schema"
KINDS: dict[str, type[BaseModel]] = {
    **{key: model for key, (_, model) in FILES.items()},
    "follow-up": FollowUp,
}


def schema_name(kind: str) -> str:
    return f"{kind}.json"


def modeline(kind: str) -> str:
    """The first line of a workspace file of ``kind``: where its schema is."""
    up = "../" if kind == "follow-up" else ""
    return f"# yaml-language-server: $schema={up}{SCHEMA_DIR}/{schema_name(kind)}"


def _enum(ids: list[str], descriptions: list[str]) -> dict[str, Any]:
    return {"type": "string", "enum": ids, "markdownEnumDescriptions": descriptions}


def _defs(framework: Framework) -> dict[str, Any]:
    defs: dict[str, Any] = {
        "area": _enum([a.id for a in framework.areas], [a.title for a in framework.areas]),
        "theme": _enum(
            [t.id for a in framework.areas for t in a.themes],
            [t.text for a in framework.areas for t in a.themes],
        ),
    }
    scale = frameworks.progress_scale()
    defs["status"] = _enum([s.id for s in scale.statuses], [s.label for s in scale.statuses])
    for name, vocabulary in frameworks.vocabularies().items():
        defs[f"vocab-{name}"] = _enum(
            [t.id for t in vocabulary.terms], [t.label for t in vocabulary.terms]
        )
    return defs


def _finish(node: Any, framework: Framework) -> Any:
    """Placeholders become "$ref"s; mappings keyed by area id get one property per area."""
    if isinstance(node, dict):
        if PLACEHOLDER in node:
            return {"$ref": f"#/$defs/{node[PLACEHOLDER]}"}
        if node.get("propertyNames") == {PLACEHOLDER: "area"}:
            value = node.get("additionalProperties", {})
            return _finish(
                {
                    "type": "object",
                    "properties": {
                        a.id: {**value, "description": a.title}
                        if "$ref" not in value
                        else {"allOf": [value], "description": a.title}
                        for a in framework.areas
                    },
                    "additionalProperties": False,
                },
                framework,
            )
        node = {k: _finish(v, framework) for k, v in node.items()}
        if isinstance(node.get("properties"), dict):  # an empty key means "not given yet"
            required = set(node.get("required", []))
            node["properties"] = {
                k: v if k in required else _nullable(v) for k, v in node["properties"].items()
            }
        return node
    if isinstance(node, list):
        return [_finish(v, framework) for v in node]
    return node


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    options = schema.get("anyOf", [])
    if schema.get("type") == "null" or {"type": "null"} in options:
        return schema
    if "anyOf" in schema:
        return {**schema, "anyOf": [*options, {"type": "null"}]}
    notes: dict[str, Any] = {
        k: schema[k] for k in ("title", "description", "default") if k in schema
    }
    core = {k: v for k, v in schema.items() if k not in notes}
    return {**notes, "anyOf": [core, {"type": "null"}]}


def json_schema(kind: str, framework: Framework) -> dict[str, Any]:
    schema = KINDS[kind].model_json_schema()
    schema.setdefault("$defs", {}).update(_defs(framework))
    schema = _finish(schema, framework)
    return {"$schema": DIALECT, "$id": f"sendreview:{kind}:{framework.id}", **schema}


def framework_schema() -> dict[str, Any]:
    return {"$schema": DIALECT, **Framework.model_json_schema()}


def texts(framework: Framework) -> dict[str, str]:
    """Each schema file's name in ``SCHEMA_DIR`` and its text, as ``write`` writes them."""
    items = [(schema_name(kind), json_schema(kind, framework)) for kind in KINDS]
    items.append(("framework.json", framework_schema()))
    return {
        name: json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
        for name, schema in items
    }


def write(root: Path, framework: Framework) -> list[Path]:
    """Write every schema of a workspace; returns the files written."""
    folder = root / SCHEMA_DIR
    sweep(folder)  # what a run stopped by kill -9 left half-written
    written = []
    for name, text in texts(framework).items():
        path = folder / name
        if not safefile.matches(path, text.encode("utf-8")):
            write_atomic(path, text, overwrite=True)
        written.append(path)
    return written
