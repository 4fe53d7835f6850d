"""Golden Markdown of the examples' reports: a change to a template or a view shows here
as a readable diff. Rewrite with UPDATE_GOLDEN=1 after an intended change, and read it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import CASES

NAMES = [
    "riverside-primary-review",
    "riverside-primary-self-evaluation",
    "riverside-primary-follow-up",
    "brookfield-school-review",
    "brookfield-school-self-evaluation",
]


@pytest.mark.parametrize("name", NAMES)
def test_markdown_snapshot(rendered: dict[str, Path], name: str) -> None:
    got = rendered[f"{name}.md"].read_text(encoding="utf-8")
    golden = CASES / "reports" / f"{name}.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(got, encoding="utf-8")
    assert got == golden.read_text(encoding="utf-8")
