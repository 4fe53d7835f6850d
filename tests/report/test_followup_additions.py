"""What a follow-up report shows of a living review, read from the Word file: the last
visit's action points, owners and due dates, recommendations added at a visit, the
"Overdue since" marker (words in bold, so that it reads in greyscale), and the
evidence of the visit."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from docx import Document
from docx.table import Table

from sendreview.report import render_report
from tests.conftest import RIVERSIDE, copy_workspace


def table(doc: Document, first_header: str) -> Table:
    return next(t for t in doc.tables if t.rows[0].cells[0].text == first_header)


def rows(t: Table) -> list[list[str]]:
    return [[c.text for c in r.cells] for r in t.rows]


def bold_text(cell: object) -> list[str]:
    return [
        run.text
        for p in cell.paragraphs  # type: ignore[attr-defined]
        for run in p.runs
        if run.bold and run.text.strip()
    ]


def test_the_third_visit_shows_overdue_origin_action_points_and_its_evidence(
    rendered: dict[str, Path],
) -> None:
    doc = Document(str(rendered["riverside-primary-follow-up.docx"]))
    points = rows(table(doc, "For"))
    assert points[0] == ["For", "Action point", "Done?", "Note"]
    assert [r[0] for r in points[1:]] == ["School"] * 3 + ["Reviewer"] * 2
    assert points[-1][1:] == [
        "Provide an example of a governors’ SEND impact question bank.",
        "Not done",
        "Still to send; promised for the end of April.",
    ]
    progress = table(doc, "Id")
    r12 = next(r for r in progress.rows if r.cells[0].text == "R12")
    text, owner, due = (c.text for c in r12.cells[1:4])
    assert "Added at follow-up visit 2 (10 February 2027)." in text
    assert "Overdue since 28 February 2027." in bold_text(r12.cells[1])
    assert (owner, due) == ("SENCO, with the parent governor", "28 Feb 2027")
    overdue = [r.cells[0].text for r in progress.rows if "Overdue since" in r.cells[1].text]
    assert overdue == ["R12"]  # the one overdue at this visit's date
    log = next(t for t in doc.tables if [c.text for c in t.rows[0].cells][1:3] == ["Date", "How"])
    assert [r.cells[0].text for r in log.rows[1:]] == ["E26", "E27", "E28"]
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "R1. Persistent absence of pupils with SEND is 18.4%" in body
    assert "(Evidence: E28.)" in body
    assert "Recommendations agreed at this visit" not in body  # none at the third visit


def test_the_second_visit_shows_the_recommendation_it_added(tmp_path: Path) -> None:
    ws = copy_workspace(RIVERSIDE, tmp_path / "riverside")
    result = render_report(
        ws, ["docx"], kind="follow-up", visit=date(2027, 2, 10), output=tmp_path / "out"
    )
    doc = Document(str(result.paths[0]))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert "Recommendations agreed at this visit" in headings
    assert "Evidence from this visit" in headings
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "R12 (Working with pupils and parents). Turn the SENCO’s drop-in" in body
    assert (
        "Owner: SENCO, with the parent governor. Due: 28 February 2027. Priority: Medium. "
        "Evidence: E24." in body
    )
    progress = table(doc, "Id")
    r12 = next(r for r in progress.rows if r.cells[0].text == "R12")
    assert "Overdue" not in r12.cells[1].text  # due 28 February: not yet, as at 10 February
    assert [c.text for c in r12.cells[4:]] == ["—", "○○○ Not started", "First assessed"]
    points = rows(table(doc, "For"))
    assert [
        "Reviewer",
        "Put the SENCO in touch with the coordinator of the Westshire SENCO network.",
        "Not done",
        "The coordinator was on leave; the introduction is now made for March.",
    ] in points


def test_the_reviews_table_of_recommendations_says_where_each_came_from(
    rendered: dict[str, Path],
) -> None:
    doc = Document(str(rendered["riverside-primary-review.docx"]))
    recs = next(
        t for t in doc.tables if [c.text for c in t.rows[0].cells][:2] == ["Id", "Recommendation"]
    )
    ids = [r.cells[0].text for r in recs.rows[1:]]
    assert ids == [f"R{n}" for n in range(1, 13)]  # in the order of their ids
    r12 = recs.rows[-1]
    assert r12.cells[1].text.endswith("Added at follow-up visit 2 (10 February 2027).")
    assert r12.cells[2].text == "Working with pupils and parents"
    assert not any("Added at" in r.cells[1].text for r in recs.rows[1:-1])
