"""The report's section "How the school's self-evaluation compares", read from the Word
files: in final reports by default, in a draft with --comparison, never with
--no-comparison."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from sendreview.report import render_report
from tests.conftest import BROOKFIELD, RIVERSIDE, copy_workspace

HEADING = "How the school's self-evaluation compares"


def _text(path: Path) -> tuple[list[str], list[list[list[str]]]]:
    doc = Document(str(path))
    paragraphs = [p.text.replace("\u2019", "'") for p in doc.paragraphs]
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]
    return paragraphs, tables


def _section(paragraphs: list[str]) -> list[str]:
    start = paragraphs.index(HEADING)
    end = paragraphs.index("All recommendations", start)
    return paragraphs[start:end]


def test_a_final_report_compares_the_schools_view(rendered: dict[str, Path]) -> None:
    paragraphs, tables = _text(rendered["riverside-primary-review.docx"])
    section = _section(paragraphs)
    assert "knows itself well" in section[1]  # the one-line introduction
    table = next(t for t in tables if t[0][0] == "Area of focus" and len(t[0]) == 4)
    rows = {r[0]: r[1:] for r in table[1:]}
    assert rows["Outcomes"] == ["4", "1", "1"]
    assert rows["The quality of SEND provision"] == ["4", "0", "0"]
    said = "\n".join(section)
    # the school is harder on its writing than the review, and the reverse for teaching
    assert 'as an area for development: "Progress in writing at Key Stage 2' in said.replace(
        "\u201c", '"'
    )
    assert "The review, as a strength: \u201cEnglish books show pupils" in said
    assert "The school, as a strength: \u201cTeaching is good across the school" in said
    assert (
        "The review, as an area for development: \u201cAdaptive teaching is inconsistent.\u201d"
        in said
    )


def test_a_draft_has_it_only_when_asked(rendered: dict[str, Path], tmp_path: Path) -> None:
    paragraphs, _ = _text(rendered["brookfield-school-review.docx"])  # a draft
    assert HEADING not in paragraphs
    ws = copy_workspace(BROOKFIELD, tmp_path / "brookfield")
    done = render_report(ws, ["docx"], comparison=True, output=tmp_path / "out")
    paragraphs, tables = _text(done.paths[0])
    said = "\n".join(_section(paragraphs))
    assert "The school, as a strength: \u201cA total communication approach" in said
    assert "as an area for development: \u201cCommunication support is less consistent" in said
    table = next(t for t in tables if t[0][0] == "Area of focus" and len(t[0]) == 4)
    assert len(table) == 9  # a row for each of the eight areas


@pytest.mark.parametrize("kind", ["review"])
def test_no_comparison_leaves_it_out(kind: str, tmp_path: Path) -> None:
    ws = copy_workspace(RIVERSIDE, tmp_path / "riverside")
    done = render_report(ws, ["docx"], kind=kind, comparison=False, output=tmp_path / "out")
    paragraphs, _ = _text(done.paths[0])
    assert HEADING not in paragraphs
    assert "Findings by area of focus" in paragraphs  # the rest of the report is there
