"""Reports of both examples, rendered once for all the report tests."""

from __future__ import annotations

import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sendreview.report import render_report
from tests.conftest import BROOKFIELD, RIVERSIDE, copy_workspace

FORMATS = ["docx", "pdf", "html", "odt", "md"]


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """'<example>-<kind>.<format>' → the file, for every example, kind and format."""
    out: dict[str, Path] = {}
    base = tmp_path_factory.mktemp("reports")
    for example in (RIVERSIDE, BROOKFIELD):
        ws = copy_workspace(example, base / example.name)
        kinds = ["review", "self-evaluation"] + (["follow-up"] if example is RIVERSIDE else [])
        for kind in kinds:
            result = render_report(ws, FORMATS, kind=kind, output=base / "out")
            for path in result.paths:
                out[f"{example.name}-{kind}.{path.suffix[1:]}"] = path
    return out


def docx_xml(path: Path, member: str = "word/document.xml") -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(member).decode("utf-8")


class Html(HTMLParser):
    """Just enough of an HTML tree for checks: tags with attributes, and text by tag."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.texts: list[tuple[tuple[str, ...], str]] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in ("meta", "link", "img", "br", "col", "hr", "input"):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.texts.append((tuple(self.stack), " ".join(data.split())))

    def text_in(self, tag: str) -> list[str]:
        return [t for stack, t in self.texts if stack and stack[-1] == tag]
