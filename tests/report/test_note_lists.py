"""A list in an evidence or document note is a list in every report, not run into the
paragraph above it (issue 8, item 3)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from sendreview.report import render_report
from sendreview.report.markdown import lists_after_text
from tests.conftest import RIVERSIDE, copy_workspace

CASE_STUDIES = """    notes: >-
      **Pupil A** (Year 3, SEMH): a well-documented graduated approach, with
      behaviour records, educational psychologist advice and a request for an EHC
      needs assessment. **Pupil B** (Year 6, EHC plan, autism): well-written annual
      review and early transition planning, but no record of the termly plan reviews
      with parents since the spring."""
WITH_A_LIST = """    notes: |-
      Two pupils the parents had not been told of:
      - **Pupil A** (Year 3, SEMH): a graduated approach.
      - **Pupil B** (Year 6, EHC plan, autism): a careful annual review.
  - id: E99
    date: 2026-10-14
    method: book-look
    title: Books starting with a list
    notes: |-
      - Writing frames in every science book
      - No adapted tasks in maths"""
DOCUMENT = """    notes: >-
      Read on the school website. The report is dated September 2024 and names two staff
      who have left."""
DOCUMENT_WITH_A_LIST = """    notes: |-
      Read on the school website. Out of date:
      1. names two staff who have left
      2. dated September 2024"""
ITEMS = [
    "Pupil A (Year 3, SEMH): a graduated approach.",
    "Pupil B (Year 6, EHC plan, autism): a careful annual review.",
    "Writing frames in every science book",
    "No adapted tasks in maths",
    "names two staff who have left",
    "dated September 2024",
]


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("note-lists")
    root = copy_workspace(RIVERSIDE, base / "riverside-primary")
    evidence = root / "evidence.yaml"
    text = evidence.read_text(encoding="utf-8")
    assert CASE_STUDIES in text and DOCUMENT in text
    text = text.replace(CASE_STUDIES, WITH_A_LIST).replace(DOCUMENT, DOCUMENT_WITH_A_LIST)
    evidence.write_text(text, encoding="utf-8")
    result = render_report(root, ["html", "docx", "md"], output=base / "out")
    return {path.suffix[1:]: path for path in result.paths}


def _plain(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def test_note_lists_are_html_lists(reports: dict[str, Path]) -> None:
    page = reports["html"].read_text(encoding="utf-8")
    cells = re.findall(r"<t[dh]\b[^>]*>(.*?)</t[dh]>", page, flags=re.S)
    items = [_plain(li) for cell in cells for li in re.findall(r"<li>(.*?)</li>", cell, re.S)]
    for item in ITEMS:
        assert item in items, item
    # no item is run into a paragraph ('… told of: - Pupil A …')
    paragraphs = [_plain(p) for cell in cells for p in re.findall(r"<p>(.*?)</p>", cell, re.S)]
    assert "Two pupils the parents had not been told of:" in paragraphs
    assert not [p for p in paragraphs if "Pupil B" in p or "Writing frames" in p]


def test_note_lists_are_word_lists(reports: dict[str, Path]) -> None:
    doc = Document(str(reports["docx"]))
    listed: list[str] = []
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                for p in cell.paragraphs:
                    ppr = p._p.pPr
                    if ppr is not None and ppr.find(qn("w:numPr")) is not None:
                        listed.append(p.text)
    for item in ITEMS:
        assert item in listed, item


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("We saw:\n- a\n- b", "We saw:\n\n- a\n- b"),
        ("We saw:\n* a\n+ b", "We saw:\n\n* a\n+ b"),
        ("Steps:\n1. a\n2. b", "Steps:\n\n1. a\n2. b"),
        ("Steps:\n1) a", "Steps:\n\n1) a"),
        ("We saw:\n\n- a\n- b", "We saw:\n\n- a\n- b"),  # already apart
        ("- a\n- b", "- a\n- b"),
        ("- a\n  wrapped\n- b\n  - c", "- a\n  wrapped\n- b\n  - c"),  # inside a list
        ("- a\nlazy line\n- b", "- a\nlazy line\n- b"),
        ("In\n2026. The year", "In\n2026. The year"),  # not a list that may start here
        ("Text\n- - -", "Text\n- - -"),  # a rule, not a list
        ("Text\n-not a list", "Text\n-not a list"),
        ("```\ncode\n- kept\n```", "```\ncode\n- kept\n```"),
        ("a\n\nb\n- c", "a\n\nb\n\n- c"),
        ("", ""),
    ],
)
def test_lists_after_text(written: str, read: str) -> None:
    assert lists_after_text(written) == read
